import { isObject } from '../lint/document.js';
import { listAt } from './pods.js';

type Obj = Record<string, unknown>;

const TAG = /\{\{(.*?)\}\}/gs;

/**
 * The bodies of the `{{…}}` references in `text`, trimmed, in order. All are collected before any is judged, since
 * judging one can read other texts with the shared TAG (its lastIndex); `exec` instead of `matchAll`, which copies
 * the expression on every call.
 */
function referencesIn(text: string): string[] {
  const bodies: string[] = [];
  TAG.lastIndex = 0;
  for (let m = TAG.exec(text); m !== null; m = TAG.exec(text)) bodies.push((m[1] ?? '').trim());
  return bodies;
}
/** A literal whose characters no shell, JSON or YAML treats specially: safe wherever it is substituted. */
const INERT = /^[\w.:/@+,%-]*$/;

/**
 * Which `{{…}}` references carry text that someone other than the template's author chooses: parameters, task and
 * step outputs, loop items. A workflow parameter is trusted only when an `enum` of inert values constrains it (Argo
 * checks a workflow argument against its enum at submission, event-binding submissions included; a parameter an event
 * fills from a webhook payload is never trusted otherwise). A template input is trusted only in a Workflow (whose
 * templates no other document can call) when every caller passes the author's literal text or trusted references;
 * Argo does not check a template input's own enum at run time, so that enum does not count.
 */
export class Taint {
  readonly #workflowEnums = new Map<string, readonly string[]>();
  readonly #callers = new Map<string, { call: Obj; caller: Obj }[]>();
  /** Inputs being decided, so that recursive templates do not loop (an input that depends on itself is untrusted). */
  readonly #deciding = new Set<string>();

  /** `library`: a WorkflowTemplate's templates can be called from other documents, with any arguments. */
  readonly #library: boolean;

  constructor(spec: Obj, library: boolean) {
    this.#library = library;
    const args = isObject(spec.arguments) ? spec.arguments : {};
    for (const p of listAt(args.parameters))
      if (typeof p.name === 'string' && Array.isArray(p.enum) && p.enum.length > 0)
        this.#workflowEnums.set(p.name, p.enum.map(String));
    for (const t of listAt(spec.templates)) {
      const calls = [
        ...listAt(isObject(t.dag) ? t.dag.tasks : undefined),
        ...(Array.isArray(t.steps) ? t.steps.flatMap((g) => listAt(g)) : []),
      ];
      for (const call of calls) {
        if (typeof call.template !== 'string') continue;
        const same = this.#callers.get(call.template) ?? [];
        same.push({ call, caller: t });
        this.#callers.set(call.template, same);
      }
    }
  }

  /** The untrusted references in `text` (as written, e.g. `inputs.parameters.namespace`), in order. */
  untrusted(text: string, template: Obj): string[] {
    return referencesIn(text).filter((body) => this.#isUntrusted(body, template));
  }

  #isUntrusted(body: string, template: Obj): boolean {
    if (body.startsWith('=')) return /\b(inputs\.parameters|workflow\.parameters|tasks|steps|item)\b/.test(body);
    if (body === 'item' || body.startsWith('item.') || body.startsWith('item[')) return true;
    if (/^(tasks|steps)\.[^.]+\.outputs\./.test(body)) return true;
    const wf = /^workflow\.parameters\.(.+)$/.exec(body);
    if (wf) return !this.#constrainedWorkflowParameter(wf[1] as string);
    const input = /^inputs\.parameters\.(.+)$/.exec(body);
    if (input) return !this.#constrainedInput(input[1] as string, template);
    return false;
  }

  #constrainedWorkflowParameter(name: string): boolean {
    const values = this.#workflowEnums.get(name);
    return values?.every((v) => INERT.test(v)) === true;
  }

  #constrainedInput(name: string, template: Obj): boolean {
    const callers = typeof template.name === 'string' ? this.#callers.get(template.name) : undefined;
    if (this.#library || !callers || callers.length === 0) return false;
    const key = `${String(template.name)}/${name}`;
    if (this.#deciding.has(key)) return false;
    this.#deciding.add(key);
    try {
      const inputs = isObject(template.inputs) ? listAt(template.inputs.parameters) : [];
      const declared = inputs.find((p) => p.name === name);
      return callers.every(({ call, caller }) => {
        const args = isObject(call.arguments) ? listAt(call.arguments.parameters) : [];
        const given = args.find((p) => p.name === name);
        const value = given ? given.value : declared?.value;
        if (typeof value === 'number' || typeof value === 'boolean') return true;
        if (typeof value !== 'string') return false;
        // The author's literal text is trusted, and so is every reference in it that is trusted where the caller
        // writes it (an enum-constrained parameter, the caller's own trusted inputs, controller values such as a
        // pod's IP, items of a literal withItems list or of a withSequence).
        const refs = this.untrusted(value, caller);
        return refs.every((r) => /^item\b/.test(r) && (Array.isArray(call.withItems) || isObject(call.withSequence)));
      });
    } finally {
      this.#deciding.delete(key);
    }
  }
}
