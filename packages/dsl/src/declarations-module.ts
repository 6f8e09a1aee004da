import type * as model from '@argo-gen/model';
import { ArgoGenError, issue } from '@argo-gen/model';
import type { DeclaredArtifact, DeclaredParam, DeclaredTemplate, TemplatesDeclaration } from './declared.js';
import { setKey } from './internal/set-key.js';

// `argo-gen types`: WorkflowTemplates we did not write (YAML files, or objects read from the cluster) → a TypeScript
// module of declarations (declared.ts) that `templateRef` takes. Only signatures are written, never template bodies.

type TemplateDocument = model.WorkflowTemplate | model.ClusterWorkflowTemplate;

/** Argo's artifact sources: an input artifact with one of them needs nothing from the caller. */
const SOURCES = ['s3', 'git', 'http', 'artifactory', 'hdfs', 'raw', 'oss', 'gcs', 'azure', 'plugin'] as const;

/** The signatures of a (schema-valid) WorkflowTemplate's or ClusterWorkflowTemplate's templates. */
export function declarationOf(doc: TemplateDocument): TemplatesDeclaration {
  const templates: Record<string, DeclaredTemplate> = {};
  for (const t of doc.spec.templates ?? []) {
    if (!t.name) continue;
    const inputs: Record<string, DeclaredParam | DeclaredArtifact> = {};
    for (const p of t.inputs?.parameters ?? []) {
      const given = p.value ?? p.default;
      setKey(inputs, p.name, {
        kind: 'param',
        required: given === undefined && p.valueFrom === undefined,
        ...(p.enum?.length ? { enum: p.enum.map(String) } : {}),
        ...(given === undefined ? {} : { default: String(given) }),
      });
    }
    for (const a of t.inputs?.artifacts ?? []) {
      const sourced = a.optional || a.from || a.fromExpression || SOURCES.some((k) => a[k] != null);
      setKey(inputs, a.name, { kind: 'artifact', required: !sourced });
    }
    const outputs: Record<string, 'parameter' | 'artifact'> = {};
    for (const p of t.outputs?.parameters ?? []) setKey(outputs, p.name, 'parameter');
    for (const a of t.outputs?.artifacts ?? []) setKey(outputs, a.name, 'artifact');
    setKey(templates, t.name, {
      ...(Object.keys(inputs).length ? { inputs } : {}),
      ...(Object.keys(outputs).length ? { outputs } : {}),
    });
  }
  const namespace = doc.kind === 'WorkflowTemplate' ? doc.metadata.namespace : undefined;
  const kind = doc.kind === 'ClusterWorkflowTemplate' ? 'ClusterWorkflowTemplate' : 'WorkflowTemplate';
  return { kind, name: doc.metadata.name ?? '', ...(namespace ? { namespace } : {}), templates };
}

/** What a parameter's or template's documentation says, kept as comments on the generated names. */
export interface DeclarationNotes {
  /** `template/parameter` → the parameter's description. */
  readonly descriptions?: ReadonlyMap<string, string>;
}

/** The descriptions of a document's input parameters, for `declarationsModule`'s comments. */
export function descriptionsOf(doc: TemplateDocument): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of doc.spec.templates ?? [])
    for (const p of t.inputs?.parameters ?? []) if (p.description) out.set(`${t.name}/${p.name}`, p.description);
  return out;
}

/**
 * The module text: `header` (comment lines naming the input and the command), then one exported
 * `declareWorkflowTemplate({...})` per declaration: WorkflowTemplates, then ClusterWorkflowTemplates, each by name. Two declarations of the same object are
 * an error (`types/duplicate`). Deterministic: the same input gives the same text.
 */
export function declarationsModule(
  entries: readonly { readonly declaration: TemplatesDeclaration; readonly notes?: DeclarationNotes }[],
  header: readonly string[],
): string {
  const sorted = [...entries].sort(
    (a, b) =>
      rank(a.declaration) - rank(b.declaration) ||
      compare(a.declaration.name, b.declaration.name) ||
      compare(a.declaration.namespace ?? '', b.declaration.namespace ?? ''),
  );
  const seen = new Set<string>();
  const taken = new Set<string>(['declareWorkflowTemplate']);
  const blocks: string[] = [];
  for (const { declaration: d, notes } of sorted) {
    const id = `${d.kind}/${d.namespace ?? ''}/${d.name}`;
    if (seen.has(id))
      throw new ArgoGenError([
        issue('types/duplicate', '', `${d.kind} '${d.name}' is given twice; declare each object once`),
      ]);
    seen.add(id);
    blocks.push(declarationBlock(d, exportName(d, taken), notes));
  }
  return [
    ...header.map((l) => `// ${l}`),
    "import { declareWorkflowTemplate } from '@argo-gen/dsl';",
    '',
    blocks.join('\n'),
  ].join('\n');
}

/** WorkflowTemplates first: the usual callee gets the plain name, a ClusterWorkflowTemplate of that name a suffix. */
function rank(d: TemplatesDeclaration): number {
  return d.kind === 'WorkflowTemplate' ? 0 : 1;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function declarationBlock(d: TemplatesDeclaration, name: string, notes: DeclarationNotes | undefined): string {
  const where = d.namespace ? ` in namespace '${d.namespace}'` : '';
  const lines = [
    `/** ${comment(`${d.kind} '${d.name}'${where}: call its templates with templateRef(${name}, '<template>').`)} */`,
    `export const ${name} = declareWorkflowTemplate({`,
    `  kind: ${str(d.kind)},`,
    `  name: ${str(d.name)},`,
  ];
  if (d.namespace) lines.push(`  namespace: ${str(d.namespace)},`);
  lines.push('  templates: {');
  for (const [tname, t] of Object.entries(d.templates)) {
    if (!t.inputs && !t.outputs) {
      lines.push(`    ${key(tname)}: {},`);
      continue;
    }
    lines.push(`    ${key(tname)}: {`);
    if (t.inputs) {
      lines.push('      inputs: {');
      for (const [iname, spec] of Object.entries(t.inputs)) {
        const description = notes?.descriptions?.get(`${tname}/${iname}`);
        if (description) lines.push(`        /** ${comment(description)} */`);
        lines.push(`        ${key(iname)}: ${inputSpec(spec)},`);
      }
      lines.push('      },');
    }
    if (t.outputs) {
      const fields = Object.entries(t.outputs).map(([o, kind]) => `${key(o)}: ${str(kind)}`);
      lines.push(`      outputs: { ${fields.join(', ')} },`);
    }
    lines.push('    },');
  }
  lines.push('  },', '});', '');
  return lines.join('\n');
}

function inputSpec(spec: DeclaredParam | DeclaredArtifact): string {
  const fields = [`kind: ${str(spec.kind)}`, `required: ${spec.required}`];
  if (spec.kind === 'param') {
    if (spec.enum) fields.push(`enum: [${spec.enum.map(str).join(', ')}]`);
    if (spec.default !== undefined) fields.push(`default: ${str(spec.default)}`);
  }
  return `{ ${fields.join(', ')} }`;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** An object key: bare when it is an identifier; `__proto__` computed, as a literal one would set the prototype. */
function key(name: string): string {
  if (name === '__proto__') return `['__proto__']`;
  return IDENTIFIER.test(name) ? name : str(name);
}

/** A single-quoted TypeScript string literal (JSON's escapes, with the quotes swapped). */
function str(text: string): string {
  return `'${JSON.stringify(text).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

/** Text inside a `/** … *\/` comment: one line, and no `*\/` that would end it early. */
function comment(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/\*\//g, '*\\/');
}

const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'yield let static implements interface package private protected public await arguments eval undefined'
  ).split(' '),
);

/** `ci-templates` → `ciTemplates`; a name taken already (another kind, another namespace) gets a suffix. */
function exportName(d: TemplatesDeclaration, taken: Set<string>): string {
  const words = d.name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  let base = words
    .map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() : w.charAt(0).toUpperCase()) + w.slice(1))
    .join('');
  if (!base || /^[0-9]/.test(base)) base = `template${base.charAt(0).toUpperCase()}${base.slice(1)}`;
  if (RESERVED.has(base)) base = `${base}Template`;
  let name = taken.has(base) && d.kind === 'ClusterWorkflowTemplate' ? `${base}Cluster` : base;
  for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
  taken.add(name);
  return name;
}
