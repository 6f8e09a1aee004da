import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type * as model from '@argo-gen/model';

/** Values an attacker would try: quotes, command substitution, backticks, newlines, JSON and YAML breakers. */
export const HOSTILE: readonly string[] = [
  `x"; echo INJECTED; "`,
  "x'; echo INJECTED; '",
  '$(echo INJECTED)',
  '`echo INJECTED`',
  'a\necho INJECTED\n',
  '","ansible_python_interpreter":"/bin/sh -c \'echo INJECTED\'","x":"',
  '{{inputs.parameters.other}}',
  '\\"}], "injected": [{"a": "',
  '--help',
  ' key: value\n- item',
];

/**
 * Go's strconv.Quote for the characters these tests use, without the quotes: what Argo writes in place of a
 * `{{…}}` tag (util/template/simple_template.go, `simpleReplaceStrict`). It differs from JSON only for control
 * characters and invalid UTF-8, which the hostile values do not contain.
 */
function goQuoteBody(value: string): string {
  if ([...value].some((c) => c < ' ' && !'\n\t\r'.includes(c))) throw new Error('control characters not modelled');
  return JSON.stringify(value).slice(1, -1);
}

/**
 * A template as the controller has it after substituting its inputs: Argo marshals the template to JSON, replaces
 * each `{{inputs.parameters.name}}` tag in the text with the quoted value, and unmarshals the result.
 */
export function substitute(template: model.Template, values: Readonly<Record<string, string>>): model.Template {
  const json = JSON.stringify(template).replace(/\{\{\s*inputs\.parameters\.([\w-]+)\s*\}\}/g, (tag, name: string) =>
    name in values ? goQuoteBody(values[name] as string) : tag,
  );
  return JSON.parse(json) as model.Template;
}

/** The container's literal environment after substitution, as the process will see it. */
export function envOf(c: model.Container | model.ScriptTemplate | undefined): Record<string, string> {
  return Object.fromEntries(
    (c?.env ?? []).filter((e) => e.value !== undefined).map((e) => [e.name, e.value as string]),
  );
}

/**
 * Runs `sh -c <script> <$0> <args...>` (a container's command and args) with /bin/sh, with `fakes` as programs on
 * PATH that record their argv; `/tmp/` in the script points into a fresh directory. A fake prints
 * `answers[<its argv joined by spaces>]` when there is one (what kubectl would answer). Returns what each fake saw,
 * the files the run wrote, stdout and the exit code.
 */
export function runShell(
  argv: readonly string[],
  env: Readonly<Record<string, string>>,
  fakes: readonly string[],
  answers: Readonly<Record<string, string>> = {},
): { code: number; stdout: string; calls: string[][]; files: Record<string, string> } {
  const [shell, flag, script = '', ...rest] = argv;
  if (shell !== 'sh' || flag !== '-c') throw new Error(`not an sh -c command: ${JSON.stringify(argv)}`);
  const dir = mkdtempSync(path.join(tmpdir(), 'argo-gen-hostile-'));
  try {
    writeFileSync(path.join(dir, 'answers.json'), JSON.stringify(answers));
    for (const fake of fakes) {
      // Each fake writes its argv as JSON lines (one argument per line would lose newlines inside arguments).
      const file = path.join(dir, fake);
      writeFileSync(file, `#!/bin/sh\nnode -e '${FAKE}' "${dir}" "${fake}" "$@"\n`);
      chmodSync(file, 0o755);
    }
    let code = 0;
    let stdout = '';
    try {
      stdout = execFileSync('sh', ['-c', script.replaceAll('/tmp/', `${dir}/`), ...rest], {
        env: { PATH: `${dir}:${process.env.PATH}`, ...env },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (e) {
      code = (e as { status: number }).status;
      stdout = (e as { stdout: string }).stdout;
    }
    const calls = readIf(path.join(dir, 'calls'))
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as string[]).map((a) => a.replaceAll(`${dir}/`, '/tmp/')));
    const files: Record<string, string> = {};
    for (const name of ['argo-gen-extra-vars.json', 'image', 'results.json'])
      if (readIf(path.join(dir, name))) files[name] = readIf(path.join(dir, name));
    return { code, stdout, calls, files };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The body of a fake program (node, argv: dir, name, args...): record the call, print the answer if any. */
const FAKE = [
  'const fs = require("fs"); const [dir, ...call] = process.argv.slice(1);',
  'fs.appendFileSync(dir + "/calls", JSON.stringify(call) + "\\n");',
  'const a = JSON.parse(fs.readFileSync(dir + "/answers.json", "utf8"))[call.join(" ")];',
  'if (a !== undefined) process.stdout.write(a);',
].join(' ');

function readIf(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
