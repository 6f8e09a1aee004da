import { ROOT_KINDS } from './json-schema.js';

/** The kinds the model knows, with their resource plurals, as constants the runtime can use without the schema. */
export function emitKinds(header: string, argoVersion: string): string {
  const plural = (kind: string) => `${kind.toLowerCase()}s`;
  const entries = ROOT_KINDS.map(
    (k) => `  ${k}: { plural: '${plural(k)}', namespaced: ${k !== 'ClusterWorkflowTemplate'} },`,
  );
  return `${header}/** The Argo release whose schema the model was generated from. */
export const ARGO_VERSION = '${argoVersion}';

export const ARGO_API_VERSION = 'argoproj.io/v1alpha1';

export const ARGO_KINDS = {
${entries.join('\n')}
} as const;

export type ArgoKind = keyof typeof ARGO_KINDS;
`;
}
