/**
 * Node ids and pod names as Argo's controller derives them from node names (`Workflow.NodeID` and `GeneratePodName`
 * v2): the workflow's own node takes the workflow's name, every other node `<workflow>-<fnv-1a 32 of its name>`.
 */

/** FNV-1a, 32 bits, over the UTF-8 bytes of `text` (Go's `hash/fnv` New32a). */
export function fnv32a(text: string): number {
  let hash = 0x811c9dc5;
  // ASCII (every valid node name) hashes char by char; anything else through its UTF-8 bytes
  let ascii = true;
  for (let i = 0; i < text.length && ascii; i++) ascii = text.charCodeAt(i) < 0x80;
  if (ascii) {
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash >>> 0;
  }
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

export function nodeId(workflowName: string, nodeName: string): string {
  return nodeName === workflowName ? workflowName : `${workflowName}-${fnv32a(nodeName)}`;
}

/** Kubernetes names are at most 253 characters; the hash and its dash take 11 of them. */
const MAX_POD_PREFIX = 253 - 10 - 1;

export function podName(workflowName: string, nodeName: string, templateName: string | undefined): string {
  if (workflowName === nodeName) return workflowName;
  const prefix = (templateName ? `${workflowName}-${templateName}` : workflowName).slice(0, MAX_POD_PREFIX);
  return `${prefix}-${fnv32a(nodeName)}`;
}
