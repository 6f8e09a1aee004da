import type { ObjectMeta } from '../gen/types.gen.js';
import { escapeToken } from '../json-pointer.js';
import { isObject, type Sink } from './document.js';

/** Kubernetes' label rules (apimachinery's ValidateLabels): the API server refuses an object that breaks them. */
const NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const PREFIX = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const NAME_RULE =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

/** `metadata.labels` of the document: keys are qualified names, values at most 63 characters of the label alphabet. */
export function checkLabels(sink: Sink, metadata: ObjectMeta): void {
  const labels = metadata.labels;
  if (!isObject(labels)) return;
  for (const [key, value] of Object.entries(labels)) {
    const at = `/metadata/labels/${escapeToken(key)}`;
    const keyProblem = qualifiedNameProblem(key);
    if (keyProblem) sink.error('k8s/invalid-label', at, `metadata.labels: Invalid value: "${key}": ${keyProblem}`);
    if (typeof value !== 'string') continue;
    if (value.length > 63)
      sink.error(
        'k8s/invalid-label',
        at,
        `metadata.labels: Invalid value: "${value}": must be no more than 63 characters`,
      );
    else if (!VALUE.test(value))
      sink.error(
        'k8s/invalid-label',
        at,
        `metadata.labels: Invalid value: "${value}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (the API server refuses it)`,
      );
  }
}

function qualifiedNameProblem(key: string): string | undefined {
  const slash = key.lastIndexOf('/');
  const prefix = slash < 0 ? undefined : key.slice(0, slash);
  const name = slash < 0 ? key : key.slice(slash + 1);
  if (prefix !== undefined && (prefix.length === 0 || prefix.length > 253 || !PREFIX.test(prefix)))
    return 'prefix part must be a lowercase RFC 1123 subdomain of at most 253 characters (the API server refuses it)';
  if (name.length === 0 || name.length > 63) return 'name part must be 1 to 63 characters (the API server refuses it)';
  if (!NAME.test(name)) return `name part ${NAME_RULE} (the API server refuses it)`;
  return undefined;
}
