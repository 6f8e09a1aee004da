import { isObject } from '../lint/document.js';
import type { Report } from './finding.js';
import { listAt } from './pods.js';
import type { Taint } from './taint.js';

type Obj = Record<string, unknown>;

/** Programs that run their argument after this flag as code. */
const INTERPRETERS: Readonly<Record<string, RegExp>> = {
  sh: /^-[a-zA-Z]*c[a-zA-Z]*$/,
  bash: /^-[a-zA-Z]*c[a-zA-Z]*$/,
  ash: /^-[a-zA-Z]*c[a-zA-Z]*$/,
  dash: /^-[a-zA-Z]*c[a-zA-Z]*$/,
  zsh: /^-[a-zA-Z]*c[a-zA-Z]*$/,
  ksh: /^-[a-zA-Z]*c[a-zA-Z]*$/,
  python: /^-c$/,
  python3: /^-c$/,
  node: /^(-e|--eval|-p|--print)$/,
  perl: /^-[a-zA-Z]*e$/,
  ruby: /^-e$/,
};

/**
 * `security/injection`: an untrusted reference (taint.ts) substituted into text that something parses as code or as
 * structure. Argo substitutes `{{…}}` by plain string replacement (escaped only for the workflow's own JSON), so the
 * value becomes part of the script, the `sh -c` command, the JSON/YAML argument or the resource manifest.
 */
export function checkInjection(t: Obj, at: string, taint: Taint, report: Report): void {
  const template = typeof t.name === 'string' ? t.name : '';
  const flag = (path: string, refs: readonly string[], where: string) =>
    report({
      rule: 'injection',
      path,
      template,
      message: `${refs.map((r) => `{{${r}}}`).join(', ')} substituted into ${where}`,
    });
  const script = isObject(t.script) ? t.script : undefined;
  if (script && typeof script.source === 'string') {
    const refs = taint.untrusted(script.source, t);
    if (refs.length > 0) flag(`${at}/script/source`, refs, 'the script source');
  }
  const resource = isObject(t.resource) ? t.resource : undefined;
  if (resource && typeof resource.manifest === 'string') {
    const refs = taint.untrusted(resource.manifest, t);
    if (refs.length > 0) flag(`${at}/resource/manifest`, refs, 'the YAML of the resource manifest');
  }
  for (const [c, path] of containersOf(t, at)) checkArgv(c, path, t, taint, flag);
}

function containersOf(t: Obj, at: string): [Obj, string][] {
  const out: [Obj, string][] = [];
  for (const kind of ['container', 'script']) if (isObject(t[kind])) out.push([t[kind] as Obj, `${at}/${kind}`]);
  if (isObject(t.containerSet))
    listAt(t.containerSet.containers).forEach((c, j) => {
      out.push([c, `${at}/containerSet/containers/${j}`]);
    });
  listAt(t.initContainers).forEach((c, j) => {
    out.push([c, `${at}/initContainers/${j}`]);
  });
  listAt(t.sidecars).forEach((c, j) => {
    out.push([c, `${at}/sidecars/${j}`]);
  });
  return out;
}

function checkArgv(
  c: Obj,
  path: string,
  t: Obj,
  taint: Taint,
  flag: (path: string, refs: readonly string[], where: string) => void,
): void {
  const argv: { text: string; path: string }[] = [];
  for (const key of ['command', 'args'])
    if (Array.isArray(c[key]))
      (c[key] as unknown[]).forEach((v, i) => {
        if (typeof v === 'string') argv.push({ text: v, path: `${path}/${key}/${i}` });
      });
  const program = argv[0] ? basename(argv[0].text) : '';
  const codeFlag = INTERPRETERS[program.replace(/[\d.]+$/, '')] ?? INTERPRETERS[program];
  let codeAt = -1;
  if (codeFlag) codeAt = argv.findIndex((a, i) => i > 0 && codeFlag.test(a.text)) + 1;
  const ansible = program.startsWith('ansible');
  argv.forEach((a, i) => {
    const refs = taint.untrusted(a.text, t);
    if (refs.length === 0) return;
    if (i === codeAt && codeAt > 0) flag(a.path, refs, `the code '${program} ${argv[codeAt - 1]?.text}' runs`);
    else if (isStructured(a.text)) flag(a.path, refs, 'JSON/YAML inside an argument');
    else if (ansible && (/^(--extra-vars|-e)=?/.test(a.text) || /^(--extra-vars|-e)$/.test(argv[i - 1]?.text ?? '')))
      flag(a.path, refs, "Ansible's --extra-vars (parsed as JSON or key=value pairs)");
  });
}

/** An argument (or a flag's value after `=`) that holds JSON or YAML flow text. */
function isStructured(raw: string): boolean {
  const text = raw.replace(/\{\{.*?\}\}/gs, 'x');
  const value = /^--?[\w.-]+=/.test(text) ? text.slice(text.indexOf('=') + 1) : text;
  return /^\s*[[{]/.test(value);
}

function basename(program: string): string {
  return program.slice(program.lastIndexOf('/') + 1);
}
