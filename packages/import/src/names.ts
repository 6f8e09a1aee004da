/**
 * TypeScript variable names from Argo names: camelCase, never a reserved word or a name the generated module imports,
 * and unique within the module (a clash gets a kind suffix, then a number).
 */
const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if implements import in instanceof interface let new null package private protected public return ' +
    'static super switch this throw true try typeof var void while with yield await of undefined arguments eval ' +
    // Names the generated module imports from @argo-gen/dsl, and the loop parameter.
    'and artifact clusterWorkflowTemplate container containerSet cronWorkflow dag globals http inputs item node not ' +
    'or output param pod raw rawTemplate resource retries script step steps suspend task templateRef when workflow ' +
    'workflowFrom workflowParams workflowTemplate'
  ).split(' '),
);

export function camelCase(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const text = words
    .map((w, i) => {
      const lower = /^[A-Z0-9]+$/.test(w) ? w.toLowerCase() : w;
      return i === 0 ? lower.charAt(0).toLowerCase() + lower.slice(1) : lower.charAt(0).toUpperCase() + lower.slice(1);
    })
    .join('');
  if (text === '') return 'x';
  return /^[0-9]/.test(text) ? `_${text}` : text;
}

/** Hands out module-unique identifiers. */
export class Names {
  private readonly used = new Set<string>(RESERVED);

  /** `camelCase(argoName)`, or with `suffix` (e.g. `Task`) when taken, or numbered after that. */
  take(argoName: string, suffix = ''): string {
    const base = camelCase(argoName);
    const candidates = [base, ...(suffix ? [`${base}${suffix}`] : [])];
    for (const c of candidates) {
      if (!this.used.has(c)) {
        this.used.add(c);
        return c;
      }
    }
    const stem = candidates[candidates.length - 1] as string;
    for (let i = 2; ; i++) {
      if (!this.used.has(`${stem}${i}`)) {
        this.used.add(`${stem}${i}`);
        return `${stem}${i}`;
      }
    }
  }
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function isIdentifier(key: string): boolean {
  return IDENTIFIER.test(key);
}
