import { pointerUnder } from '../json-pointer.js';
import type { Report } from './finding.js';

/** Names that say "this is a credential". */
const SECRET_NAME =
  /passw(or)?d|passwd|secret|token|api[_-]?key|private[_-]?key|access[_-]?key|credential|^auth$|authorization/i;
/** Names that contain such a word but name something else (a key's name, a Secret's name, a token's path). */
const NOT_SECRET_NAME = /(secret|key)[_-]?(name|ref|key|path|file|dir)$|^(secretName|serviceAccountName)$|path$|file$/i;

/**
 * Credentials recognisable by shape, wherever they appear, each with the texts one of which every match of it
 * contains: a string that has none of them is not read by any of the patterns (most strings are not, and running ten
 * patterns over each of a document's strings was a twentieth of `argo-gen generate`).
 */
const SHAPES: readonly { what: string; pattern: RegExp; anchors: readonly string[] }[] = [
  { what: 'a private key', pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----/, anchors: ['-----BEGIN '] },
  { what: 'an AWS access key id', pattern: /\b(AKIA|ASIA)[0-9A-Z]{16}\b/, anchors: ['AKIA', 'ASIA'] },
  {
    what: 'a GitHub token',
    pattern: /\bgh[pousr]_[A-Za-z0-9]{36,}\b/,
    anchors: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
  },
  { what: 'a GitLab token', pattern: /\bglpat-[A-Za-z0-9_-]{20,}/, anchors: ['glpat-'] },
  {
    what: 'a Slack token',
    pattern: /\bxox[abprs]-[A-Za-z0-9-]{10,}/,
    anchors: ['xoxa-', 'xoxb-', 'xoxp-', 'xoxr-', 'xoxs-'],
  },
  { what: 'an npm token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/, anchors: ['npm_'] },
  { what: 'a Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/, anchors: ['AIza'] },
  { what: 'a Stripe live key', pattern: /\b[sr]k_live_[0-9A-Za-z]{16,}/, anchors: ['sk_live_', 'rk_live_'] },
  {
    what: 'a JSON Web Token',
    pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/,
    anchors: ['eyJ'],
  },
  { what: 'a URL with a password', pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@{}]+:[^\s/@{}]+@/i, anchors: ['://'] },
];
/** Whether a string has any shape's anchor: only then can a shape match it. */
const ANCHORS = new RegExp(
  SHAPES.flatMap((s) => s.anchors.map((a) => a.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'))).join('|'),
);

/**
 * `NAME=value`, `--name=value`, `"name": "value"`, `name: value` inside a string: group 1 the name, group 2 the value;
 * with the character every match contains (a string without it is not scanned). Each is run with `exec` from
 * `lastIndex` 0 (literalAssignment): `matchAll` copies the expression on every call, which cost more than the matching
 * on the short strings that most values are.
 */
export const ASSIGNMENTS: readonly { readonly pattern: RegExp; readonly needs: string }[] = [
  // The name starts at the first letter of a run of name characters (`(?<![\w.-])[\d.-]*`), so that a run that does
  // not end in `=` is passed once, not once from each of its letters. The lookahead for the value lets
  // `--build-arg=NPM_TOKEN=x` yield both `build-arg` and `NPM_TOKEN`.
  { pattern: /(?<![\w.-])[\d.-]*([A-Za-z_][\w.-]*)=(?=([^\s,;]+))/g, needs: '=' },
  { pattern: /"([A-Za-z_][\w.-]*)"\s*:\s*"([^"]*)"/g, needs: ':' },
  { pattern: /(?:^|\n)\s*([A-Za-z_][\w.-]*):[ \t]+([^\s#]+)/g, needs: ':' },
];

/** The first assignment in `value` that gives a credential's name a literal, if any. */
function literalAssignment(value: string): string | undefined {
  for (const { pattern, needs } of ASSIGNMENTS) {
    if (!value.includes(needs)) continue;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(value); m !== null; m = pattern.exec(value)) {
      const name = m[1] as string;
      if (looksSecretName(name) && !isPlaceholder(m[2] as string)) return name;
    }
  }
  return undefined;
}

/** A value that is a reference to something else, not the secret itself. */
function isPlaceholder(value: string): boolean {
  const v = value.trim().replace(/^["']|["']$/g, '');
  return (
    v === '' ||
    /^\{\{.*\}\}$/s.test(v) ||
    /^\$\(?\{?[A-Za-z_][\w]*\}?\)?$/.test(v) ||
    /^<[^>]*>$/.test(v) ||
    /^(x+|\*+|redacted|changeme|none|null|true|false|[0-9]+)$/i.test(v) ||
    v.startsWith('/') ||
    /^\.\.?\//.test(v)
  );
}

function looksSecretName(name: string): boolean {
  return SECRET_NAME.test(name) && !NOT_SECRET_NAME.test(name);
}

/**
 * `security/secret-literal`: credentials written literally in the document, found by name (an env var, parameter,
 * `NAME=value` argument, JSON or YAML key that names a credential and holds a literal) and by shape (private keys,
 * well-known token formats, URLs with a password). Secrets belong in Secrets; `valueFrom.secretKeyRef` has no literal
 * to find.
 */
export function checkSecrets(doc: unknown, report: Report): void {
  // The keys from the root down; a pointer is built only for what is reported.
  const keys: (string | number)[] = [];
  const at = (...more: string[]) => pointerUnder('', [...keys, ...more]);
  const walk = (value: unknown, template: string | undefined): void => {
    if (typeof value === 'string') {
      const what = credentialIn(value);
      if (what !== undefined) report({ rule: 'secret-literal', path: at(), template, message: what });
      return;
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        keys.push(i);
        walk(value[i], template);
        keys.pop();
      }
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const o = value as Record<string, unknown>;
    const inTemplate = isTemplate(keys) && typeof o.name === 'string' ? o.name : template;
    // `{ name: DB_PASSWORD, value: hunter2 }`: an env var or a parameter that names a credential.
    if (typeof o.name === 'string' && typeof o.value === 'string' && looksSecretName(o.name) && !isPlaceholder(o.value))
      report({
        rule: 'secret-literal',
        path: at('value'),
        template: inTemplate,
        message: `'${o.name}' is given a literal value`,
      });
    for (const [k, v] of Object.entries(o)) {
      if (typeof v === 'string' && k !== 'value' && k !== 'name' && looksSecretName(k) && !isPlaceholder(v))
        report({ rule: 'secret-literal', path: at(k), template: inTemplate, message: `'${k}' holds a literal value` });
      keys.push(k);
      walk(v, inTemplate);
      keys.pop();
    }
  };
  walk(doc, undefined);
}

/** Whether the keys end at an item of a `templates` list (`/spec/templates/3`, `.../workflowSpec/templates/0`). */
function isTemplate(keys: readonly (string | number)[]): boolean {
  return keys.length >= 2 && keys[keys.length - 2] === 'templates' && /^\d+$/.test(String(keys[keys.length - 1]));
}

/** What `value` shows of a credential, as the finding's message; undefined when nothing. */
function credentialIn(value: string): string | undefined {
  if (ANCHORS.test(value))
    for (const { what, pattern } of SHAPES) {
      const m = pattern.exec(value);
      if (m && !isPlaceholder(m[0])) return `the value contains ${what}`;
    }
  const name = literalAssignment(value);
  return name === undefined ? undefined : `'${name}' is given a literal value in the text`;
}
