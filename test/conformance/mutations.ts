import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isArgoGenError, lintDocument, validateSchema } from '@argo-gen/model';
import fc from 'fast-check';
import { readDocuments } from '../../packages/cli/src/yaml/read-documents.js';
import { listYamlFiles } from '../corpus.js';
import {
  arr,
  calls,
  type Doc,
  dags,
  depsOf,
  esc,
  isObj,
  type Json,
  type Operator,
  pick,
  spec,
  stepsOf,
  tasksOf,
  templates,
} from './mutate.js';
import { CEL_OPERATORS } from './operators-cel.js';
import { NAME_OPERATORS } from './operators-names.js';
import { RULE_OPERATORS } from './operators-rules.js';

/**
 * The mutation corpus: valid upstream documents with exactly one change each, most of which break one of Argo's
 * rules (and a few controls that must stay valid). fast-check draws the sources and the places to change from a
 * fixed seed, so the corpus is the same on every run and every machine.
 */
export const SEED = 20_260_601;
const PER_OPERATOR = 16;

/** The first task of a DAG with two tasks or more, and one of the others. */
function laterTask(doc: Doc, a: number, b: number): { first?: Json; task?: Json } {
  const dag = pick(
    dags(doc).filter((d) => tasksOf(d).length >= 2),
    a,
  );
  const tasks = dag ? tasksOf(dag) : [];
  return { first: tasks[0], task: pick(tasks.slice(1), b) };
}

/** Renames a template and every call of it (entrypoint, onExit, tasks, steps, hooks). */
function renameTemplate(doc: Doc, from: string, to: string): void {
  const s = spec(doc);
  if (s.entrypoint === from) s.entrypoint = to;
  if (s.onExit === from) s.onExit = to;
  for (const t of templates(doc)) {
    if (t.name === from) t.name = to;
    for (const c of calls(doc)) if (c.template === from) c.template = to;
    for (const c of [...tasksOf(t), ...stepsOf(t)])
      if (isObj(c.hooks)) for (const h of Object.values(c.hooks)) if (isObj(h) && h.template === from) h.template = to;
  }
  if (isObj(s.hooks)) for (const h of Object.values(s.hooks)) if (isObj(h) && h.template === from) h.template = to;
}

function referenced(doc: Doc): string[] {
  const s = spec(doc);
  const names = new Set(templates(doc).map((t) => t.name));
  const refs = [s.entrypoint, s.onExit, ...calls(doc).map((c) => c.template)];
  return [...new Set(refs.filter((r): r is string => typeof r === 'string' && names.has(r)))];
}

/** Fields the misspelling operator may touch: real Argo/Kubernetes fields, never keys of free-form maps. */
const MISSPELLABLE = new Set([
  'container',
  'image',
  'command',
  'args',
  'entrypoint',
  'templates',
  'dag',
  'tasks',
  'steps',
  'dependencies',
  'template',
  'arguments',
  'parameters',
  'inputs',
  'outputs',
  'script',
  'source',
  'generateName',
  'value',
  'serviceAccountName',
  'artifacts',
  'resources',
  'when',
  'withItems',
  'volumeMounts',
  'env',
  'path',
]);
const FREE_FORM = new Set(['labels', 'annotations', 'nodeSelector', 'plugin', 'data', 'limits', 'requests']);

function keyPaths(
  value: unknown,
  at: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  if (Array.isArray(value)) for (const [i, v] of value.entries()) keyPaths(v, [...at, i], out);
  else if (isObj(value))
    for (const [k, v] of Object.entries(value)) {
      if (FREE_FORM.has(k)) continue;
      if (MISSPELLABLE.has(k)) out.push([...at, k]);
      keyPaths(v, [...at, k], out);
    }
  return out;
}

function transpose(word: string, n: number): string {
  for (let k = 0; k < word.length - 1; k++) {
    const i = (n + k) % (word.length - 1);
    if (word[i] !== word[i + 1]) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  }
  return `${word}x`;
}

const setName = (doc: Doc, length: number) => {
  const base = `${String(doc.metadata.name ?? doc.metadata.generateName ?? 'w').replace(/[^a-z0-9-]/g, '')}-`;
  doc.metadata.name = base
    .repeat(Math.ceil(length / base.length))
    .slice(0, length - 1)
    .concat('z');
  delete doc.metadata.generateName;
  return true;
};
const nameLimit = (doc: Doc) => (doc.kind === 'CronWorkflow' ? 52 : 63);

const BAD_SCHEDULES = [
  '61 * * * *',
  '* * *',
  '@every-day',
  '*/0 * * * *',
  '0 0 32 * *',
  'CRON_TZ=Nowhere/Land 0 * * * *',
];

const BASE_OPERATORS: readonly Operator[] = [
  {
    name: 'delete-referenced-template',
    expect: 'invalid',
    apply: (doc, [a]) => {
      const name = pick(referenced(doc), a);
      if (name === undefined) return false;
      spec(doc).templates = templates(doc).filter((t) => t.name !== name);
      return true;
    },
  },
  {
    name: 'unknown-template',
    expect: 'invalid',
    apply: (doc, [a]) => {
      const c = pick(calls(doc), a);
      if (c === undefined || typeof c.template !== 'string') return false;
      c.template = 'nope-template';
      return true;
    },
  },
  {
    name: 'missing-dependency',
    expect: 'invalid',
    apply: (doc, [a, b]) => {
      const dag = pick(dags(doc), a);
      if (!dag) return false;
      const tasks = tasksOf(dag);
      const names = tasks.map((t) => String(t.name));
      const task = tasks.filter((t) => depsOf(t, names).length > 0)[b % tasks.length] ?? tasks[b % tasks.length];
      if (!task) return false;
      const [dep] = depsOf(task, names);
      if (Array.isArray(task.dependencies) && dep !== undefined)
        task.dependencies = task.dependencies.map((d) => (d === dep ? 'nope-task' : d));
      else if (typeof task.depends === 'string' && dep !== undefined)
        task.depends = task.depends.replace(new RegExp(`(^|[^\\w.-])${esc(dep)}(?=$|[^\\w-])`), '$1nope-task');
      else if (task.depends === undefined)
        task.dependencies = [...(Array.isArray(task.dependencies) ? task.dependencies : []), 'nope-task'];
      else return false;
      return true;
    },
  },
  {
    name: 'add-cycle',
    expect: 'invalid',
    apply: (doc, [a, b]) => {
      const pairs = dags(doc).flatMap((dag) => {
        const tasks = tasksOf(dag);
        const names = tasks.map((t) => String(t.name));
        return tasks.flatMap((t) => depsOf(t, names).map((d) => ({ from: t, to: tasks.find((x) => x.name === d) })));
      });
      const pair = pick(pairs, a + b);
      if (!pair?.to) return false;
      const back = pair.to;
      if (typeof back.depends === 'string') back.depends = `(${back.depends}) && ${String(pair.from.name)}`;
      else back.dependencies = [...(Array.isArray(back.dependencies) ? back.dependencies : []), pair.from.name];
      return true;
    },
  },
  {
    name: 'self-dependency',
    expect: 'invalid',
    apply: (doc, [a, b]) => {
      const task = pick(tasksOf(pick(dags(doc), a) ?? {}), b);
      if (!task) return false;
      if (typeof task.depends === 'string') task.depends = `(${task.depends}) && ${String(task.name)}`;
      else task.dependencies = [...(Array.isArray(task.dependencies) ? task.dependencies : []), task.name];
      return true;
    },
  },
  {
    name: 'misspell-field',
    expect: 'invalid',
    apply: (doc, [a, b]) => {
      const where = pick(keyPaths(doc), a);
      if (!where) return false;
      const key = String(where[where.length - 1]);
      let parent: unknown = doc;
      for (const step of where.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[step];
      const obj = parent as Json;
      const entries = Object.entries(obj).map(([k, v]) => [k === key ? transpose(key, b) : k, v] as const);
      for (const k of Object.keys(obj)) delete obj[k];
      Object.assign(obj, Object.fromEntries(entries));
      return true;
    },
  },
  {
    name: 'broken-input-reference',
    expect: 'invalid',
    apply: (doc, [a]) => {
      const t = pick(
        templates(doc).filter((x) => isObj(x.container) || isObj(x.script)),
        a,
      );
      if (!t) return false;
      if (isObj(t.script)) t.script.source = `${String(t.script.source ?? '')}\n# {{inputs.parameters.nope}}`;
      else if (isObj(t.container))
        t.container.args = [...(Array.isArray(t.container.args) ? t.container.args : []), '{{inputs.parameters.nope}}'];
      return true;
    },
  },
  {
    name: 'undeclared-workflow-parameter',
    expect: 'invalid',
    apply: (doc, [a]) => {
      const t = pick(
        templates(doc).filter((x) => isObj(x.container)),
        a,
      );
      if (!t || !isObj(t.container)) return false;
      t.container.args = [...(Array.isArray(t.container.args) ? t.container.args : []), '{{workflow.parameters.nope}}'];
      return true;
    },
  },
  {
    name: 'unknown-task-output',
    expect: 'invalid',
    apply: (doc, [a, b]) => {
      const task = pick(tasksOf(pick(dags(doc), a) ?? {}), b);
      if (!task) return false;
      task.when = '{{tasks.nope-task.outputs.result}} == yes';
      return true;
    },
  },
  { name: 'name-too-long', expect: 'invalid', apply: (doc) => setName(doc, nameLimit(doc) + 1) },
  { name: 'name-at-limit', expect: 'valid', apply: (doc) => setName(doc, nameLimit(doc)) },
  {
    name: 'duplicate-template-name',
    expect: 'invalid',
    apply: (doc, [a, b]) => {
      const ts = templates(doc);
      if (ts.length < 2) return false;
      const i = a % ts.length;
      const j = (i + 1 + (b % (ts.length - 1))) % ts.length;
      const target = ts[j];
      if (!target) return false;
      target.name = ts[i]?.name;
      return true;
    },
  },
  {
    name: 'duplicate-task-name',
    expect: 'invalid',
    apply: (doc, [a, b]) => {
      const groups = templates(doc)
        .map((t) => [...tasksOf(t), ...stepsOf(t)])
        .filter((g) => g.length >= 2);
      const g = pick(groups, a);
      if (!g) return false;
      const i = b % g.length;
      const target = g[(i + 1) % g.length];
      if (!target) return false;
      target.name = g[i]?.name;
      return true;
    },
  },
  {
    name: 'missing-entrypoint',
    // A WorkflowTemplate may leave the entrypoint to the Workflow that runs it; the others may not.
    expect: 'invalid',
    apply: (doc) => {
      const s = spec(doc);
      if (s.entrypoint === undefined) return false;
      delete s.entrypoint;
      return true;
    },
  },
  {
    name: 'unknown-entrypoint',
    expect: 'invalid',
    apply: (doc) => {
      spec(doc).entrypoint = 'nope-entrypoint';
      return true;
    },
  },
  {
    name: 'unknown-on-exit',
    expect: 'invalid',
    apply: (doc) => {
      spec(doc).onExit = 'nope-exit-handler';
      return true;
    },
  },
  {
    name: 'invalid-template-name',
    expect: 'invalid',
    apply: (doc, [a]) => {
      const name = pick(referenced(doc), a);
      if (name === undefined) return false;
      renameTemplate(doc, name, `${name}_x`);
      return true;
    },
  },
  {
    name: 'rename-template',
    expect: 'valid',
    apply: (doc, [a]) => {
      const name = pick(referenced(doc), a);
      if (name === undefined) return false;
      renameTemplate(doc, name, `Renamed-${name}`);
      return true;
    },
  },
  {
    name: 'template-name-too-long',
    expect: 'invalid',
    apply: (doc, [a, b]) => {
      const name = pick(referenced(doc), a);
      if (name === undefined) return false;
      renameTemplate(doc, name, 't'.repeat(129 + (b % 3)));
      return true;
    },
  },
  {
    name: 'template-name-at-limit',
    expect: 'valid',
    apply: (doc, [a]) => {
      const name = pick(referenced(doc), a);
      if (name === undefined) return false;
      renameTemplate(doc, name, 't'.repeat(128));
      return true;
    },
  },
  {
    name: 'reverse-templates',
    expect: 'valid',
    apply: (doc) => {
      const ts = templates(doc);
      if (ts.length < 2) return false;
      spec(doc).templates = [...ts].reverse();
      return true;
    },
  },
  {
    name: 'uppercase-name',
    // Argo only checks the length of metadata.name; the API server wants DNS-1123.
    expect: 'valid',
    apply: (doc) => {
      const key = typeof doc.metadata.name === 'string' ? 'name' : 'generateName';
      const value = doc.metadata[key];
      if (typeof value !== 'string') return false;
      doc.metadata[key] = `Big-${value}`;
      return true;
    },
  },
  {
    name: 'delete-name',
    expect: 'valid',
    apply: (doc) => {
      if (doc.metadata.name === undefined && doc.metadata.generateName === undefined) return false;
      delete doc.metadata.name;
      delete doc.metadata.generateName;
      return true;
    },
  },
  {
    name: 'delete-image',
    expect: 'invalid',
    apply: (doc, [a]) => {
      const t = pick(
        templates(doc).filter((x) => isObj(x.container) || isObj(x.script)),
        a,
      );
      const c = t && (isObj(t.container) ? t.container : isObj(t.script) ? t.script : undefined);
      if (!c || c.image === undefined) return false;
      delete c.image;
      return true;
    },
  },
  {
    name: 'bare-item',
    expect: 'invalid',
    apply: (doc, [a]) => {
      const c = pick(
        calls(doc).filter(
          (x) => x.withItems === undefined && x.withParam === undefined && x.withSequence === undefined,
        ),
        a,
      );
      if (!c) return false;
      const args: Json = isObj(c.arguments) ? c.arguments : {};
      c.arguments = { ...args, parameters: [...arr(args.parameters), { name: 'extra', value: '{{item}}' }] };
      return true;
    },
  },
  {
    name: 'two-loops',
    expect: 'invalid',
    apply: (doc, [a]) => {
      const c = pick(
        calls(doc).filter((x) => x.withItems !== undefined),
        a,
      );
      if (!c) return false;
      c.withParam = '["a","b"]';
      return true;
    },
  },
  {
    name: 'non-dependency-task-reference',
    // We are stricter: a {{tasks.X}} reference must name a (transitive) dependency.
    expect: 'valid',
    apply: (doc, [a, b]) => {
      const dag = pick(
        dags(doc).filter((d) => tasksOf(d).length >= 2),
        a,
      );
      if (!dag) return false;
      const tasks = tasksOf(dag);
      const names = tasks.map((t) => String(t.name));
      const roots = tasks.filter((t) => depsOf(t, names).length === 0);
      const from = pick(roots, b);
      const other = from && tasks.find((t) => t !== from);
      if (!from || !other) return false;
      from.when = `'{{tasks.${String(other.name)}.status}}' == 'Succeeded'`;
      return true;
    },
  },
  {
    name: 'same-group-step-reference',
    expect: 'valid',
    apply: (doc, [a]) => {
      const group = pick(
        templates(doc)
          .flatMap((t) => (Array.isArray(t.steps) ? t.steps.map((g) => arr(g)) : []))
          .filter((g) => g.length >= 2),
        a,
      );
      const [first, second] = group ?? [];
      if (!first || !second) return false;
      second.when = `'{{steps.${String(first.name)}.status}}' == 'Succeeded'`;
      return true;
    },
  },
  {
    name: 'unparsable-depends',
    expect: 'valid',
    apply: (doc, [a, b]) => {
      const { first, task } = laterTask(doc, a, b);
      if (!first || !task) return false;
      delete task.dependencies;
      task.depends = `${String(first.name)} &&`;
      return true;
    },
  },
  {
    name: 'depends-and-dependencies',
    expect: 'invalid',
    apply: (doc, [a, b]) => {
      const { first, task } = laterTask(doc, a, b);
      if (!first || !task) return false;
      task.depends = String(first.name);
      task.dependencies = [first.name];
      return true;
    },
  },
  {
    name: 'drop-task-arguments',
    expect: 'invalid',
    apply: (doc, [a]) => {
      const c = pick(
        calls(doc).filter((x) => isObj(x.arguments) && arr(x.arguments.parameters).length > 0),
        a,
      );
      if (!c) return false;
      delete c.arguments;
      return true;
    },
  },
  {
    name: 'deadline-on-non-leaf',
    expect: 'invalid',
    apply: (doc, [a]) => {
      const t = pick(
        templates(doc).filter((x) => x.steps !== undefined || x.dag !== undefined),
        a,
      );
      if (!t) return false;
      t.activeDeadlineSeconds = 30;
      return true;
    },
  },
  {
    name: 'two-template-types',
    expect: 'invalid',
    apply: (doc, [a]) => {
      const t = pick(
        templates(doc).filter((x) => isObj(x.container)),
        a,
      );
      if (!t) return false;
      t.script = { image: 'alpine:3', source: 'echo hi' };
      return true;
    },
  },
  {
    name: 'empty-dag',
    expect: 'invalid',
    apply: (doc, [a]) => {
      const dag = pick(dags(doc), a);
      if (!dag || !isObj(dag.dag)) return false;
      dag.dag.tasks = [];
      return true;
    },
  },
  {
    name: 'output-parameter-without-source',
    expect: 'invalid',
    apply: (doc, [a]) => {
      const t = pick(
        templates(doc).filter((x) => isObj(x.container) || isObj(x.script)),
        a,
      );
      if (!t) return false;
      const outputs = isObj(t.outputs) ? t.outputs : {};
      t.outputs = { ...outputs, parameters: [...arr(outputs.parameters), { name: 'orphan' }] };
      return true;
    },
  },
  {
    name: 'bad-concurrency-policy',
    expect: 'invalid',
    apply: (doc) => {
      if (doc.kind !== 'CronWorkflow') return false;
      doc.spec.concurrencyPolicy = 'Sometimes';
      return true;
    },
  },
  {
    name: 'bad-cron-schedule',
    expect: 'invalid',
    apply: (doc, [a, b]) => {
      if (doc.kind !== 'CronWorkflow') return false;
      const bad = BAD_SCHEDULES[a % BAD_SCHEDULES.length] as string;
      if (Array.isArray(doc.spec.schedules) && doc.spec.schedules.length > 0) {
        const list = [...doc.spec.schedules];
        list[b % list.length] = bad;
        doc.spec.schedules = list;
      } else doc.spec.schedule = bad;
      return true;
    },
  },
  {
    name: 'bad-timezone',
    expect: 'invalid',
    apply: (doc, [a]) => {
      if (doc.kind !== 'CronWorkflow') return false;
      doc.spec.timezone = ['Mars/Olympus_Mons', 'Europe/Pariss', 'UTC+25', 'america/new york'][a % 4];
      return true;
    },
  },
  {
    name: 'good-timezone',
    expect: 'valid',
    apply: (doc, [a]) => {
      if (doc.kind !== 'CronWorkflow') return false;
      doc.spec.timezone = ['Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'UTC'][a % 4];
      return true;
    },
  },
];

/** Every operator; new ones go at the end, so that the seeds (SEED + index) of the others stay put. */
export const OPERATORS: readonly Operator[] = [
  ...BASE_OPERATORS,
  ...RULE_OPERATORS,
  ...CEL_OPERATORS,
  ...NAME_OPERATORS,
];

const LINTED = ['Workflow', 'WorkflowTemplate', 'ClusterWorkflowTemplate', 'CronWorkflow'];
const REFS = /"(templateRef|workflowTemplateRef)"/;

export interface Source {
  readonly file: string;
  readonly index: number;
  readonly doc: Doc;
}

/**
 * Mutation sources: linted kinds from the upstream examples that we find valid and that use no templateRef (so each
 * mutant stands alone, without the WorkflowTemplates of other files).
 */
export function mutationSources(examplesDir: string): Source[] {
  const out: Source[] = [];
  for (const file of listYamlFiles(examplesDir)) {
    let docs: ReturnType<typeof readDocuments>;
    try {
      docs = readDocuments(readFileSync(file, 'utf8'), file);
    } catch (error) {
      if (isArgoGenError(error)) continue;
      throw error;
    }
    for (const d of docs) {
      const doc = d.value as Doc;
      const json = JSON.stringify(doc);
      if (!isObj(doc) || !LINTED.includes(doc.kind) || REFS.test(json)) continue;
      if (validateSchema(doc).status !== 'valid') continue;
      if (lintDocument(doc, { templates: [] }).some((i) => i.severity === 'error')) continue;
      out.push({ file: path.relative(examplesDir, file), index: d.index, doc });
    }
  }
  return out;
}

export interface Mutant {
  readonly file: string;
  readonly operator: string;
  readonly expect: 'valid' | 'invalid';
  readonly source: string;
  readonly doc: unknown;
}

/** Draws PER_OPERATOR mutants per operator from a fixed seed; duplicates (same operator, same result) are dropped. */
export function generateMutants(sources: readonly Source[]): Mutant[] {
  const out: Mutant[] = [];
  const seen = new Set<string>();
  OPERATORS.forEach((op, opIndex) => {
    const draws = fc.sample(fc.tuple(fc.nat(), fc.nat(), fc.nat()), {
      seed: SEED + opIndex,
      numRuns: PER_OPERATOR * 4,
    });
    // Only sources the operator can change (a cycle needs a DAG, a bad schedule a CronWorkflow).
    const usable = sources.filter((s) => op.apply(structuredClone(s.doc), [0, 0]));
    let made = 0;
    for (const [s, a, b] of draws) {
      if (made === PER_OPERATOR) break;
      const source = usable[s % usable.length];
      if (!source) break;
      const doc = structuredClone(source.doc);
      if (!op.apply(doc, [a, b])) continue;
      const text = JSON.stringify(doc, null, 2);
      if (text === JSON.stringify(source.doc, null, 2) || seen.has(text)) continue;
      seen.add(text);
      made++;
      const slug = source.file.replace(/\.ya?ml$/, '').replace(/[^a-zA-Z0-9]+/g, '-');
      out.push({
        file: `${op.name}/${String(made).padStart(2, '0')}-${slug}-${source.index}.yaml`,
        operator: op.name,
        expect: op.expect,
        source: `${source.file}#${source.index}`,
        doc,
      });
    }
  });
  return out;
}

/**
 * Writes the mutants under `dir` (emptied first), one document per file, as JSON (a subset of YAML that go-yaml and
 * the `yaml` library read alike, so the serialisation cannot make the two validators disagree). Returns the paths.
 */
export function writeMutants(dir: string, mutants: readonly Mutant[]): string[] {
  rmSync(dir, { recursive: true, force: true });
  return mutants.map((m) => {
    const file = path.join(dir, m.file);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(m.doc, null, 2)}\n`);
    return file;
  });
}
