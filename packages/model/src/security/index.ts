import { type Issue, issue, type Severity } from '../issue.js';
import { escapeToken } from '../json-pointer.js';
import { isObject } from '../lint/document.js';
import { subjectOf } from '../subject.js';
import { isSecurityRuleName, type PodSecurityLevel, SECURITY_RULES, type SecurityRuleName } from './catalog.js';
import type { Finding } from './finding.js';
import { checkInjection } from './injection.js';
import { EXCEPTION_PREFIX, type RuleSetting, type SecurityOptions } from './options.js';
import { checkPod } from './pod-security.js';
import { listAt, objectAt, podsOf } from './pods.js';
import { checkSecrets } from './secrets.js';
import { checkAutomount, checkImages } from './supply-chain.js';
import { Taint } from './taint.js';

export { isSecurityRuleName, type PodSecurityLevel, SECURITY_RULES, type SecurityRule } from './catalog.js';
export {
  EXCEPTION_PREFIX,
  type RuleSetting,
  type SecurityMode,
  type SecurityOptions,
  securityException,
} from './options.js';

const WORKFLOW_KINDS = ['Workflow', 'WorkflowTemplate', 'ClusterWorkflowTemplate', 'CronWorkflow'];
const LEVELS: readonly PodSecurityLevel[] = ['baseline', 'restricted'];

/**
 * The security lint (README "Security"): injection, literal secrets, Pod Security Standards, image pinning and API
 * tokens, on one Argo document as a plain object. Severities come from the rule, then `mode`, then the project's
 * `rules`; templates allowed by the config, or annotated with `security.argo-gen.io/<rule>: <reason>`, are skipped.
 */
export function lintSecurity(doc: unknown, options: SecurityOptions = {}): Issue[] {
  const mode = options.mode ?? 'default';
  if (mode === 'off' || !isObject(doc)) return [];
  const findings: Finding[] = [];
  const report = (f: Finding) => findings.push(f);
  checkSecrets(doc, report);
  const cron = doc.kind === 'CronWorkflow';
  const specPath = cron ? '/spec/workflowSpec' : '/spec';
  const spec = cron ? objectAt(objectAt(doc.spec).workflowSpec) : objectAt(doc.spec);
  if (WORKFLOW_KINDS.includes(String(doc.kind))) {
    const taint = new Taint(spec, /WorkflowTemplate$/.test(String(doc.kind)));
    listAt(spec.templates).forEach((t, i) => {
      checkInjection(t, `${specPath}/templates/${i}`, taint, report);
    });
    const parsePatch = options.parsePatch ?? JSON.parse;
    const account = typeof spec.serviceAccountName === 'string' ? spec.serviceAccountName : undefined;
    const executorAccount = typeof objectAt(spec.executor).serviceAccountName === 'string';
    for (const pod of podsOf(spec, specPath, parsePatch)) {
      checkPod(pod, report);
      checkImages(pod, report);
      checkAutomount(pod, account, executorAccount, report);
    }
  }
  const level = options.podSecurity ?? (mode === 'strict' ? 'restricted' : 'baseline');
  const docName = String(objectAt(doc.metadata).name ?? objectAt(doc.metadata).generateName ?? '');
  const exceptions = exceptionsOf(doc, spec, specPath);
  const issues: Issue[] = [...exceptions.problems];
  for (const f of findings) {
    const rule = SECURITY_RULES[f.rule];
    const ruleLevel = f.level ?? ('level' in rule ? rule.level : undefined);
    if (ruleLevel && LEVELS.indexOf(ruleLevel) > LEVELS.indexOf(level)) continue;
    if (exceptions.excepted(f)) continue;
    const setting = settingOf(options.rules, f.rule);
    if (f.template !== undefined && setting.allow.some((a) => a === f.template || a === `${docName}/${f.template}`))
      continue;
    const severity: Severity | 'off' = setting.severity ?? (mode === 'strict' ? 'error' : rule.severity);
    if (severity === 'off') continue;
    const subject = subjectOf(doc, f.path);
    issues.push(issue(rule.code, f.path, `${f.message}; ${rule.fix}`, subject ? { severity, subject } : { severity }));
  }
  return issues;
}

function settingOf(
  rules: SecurityOptions['rules'],
  name: SecurityRuleName,
): { severity?: Severity | 'off'; allow: readonly string[] } {
  const s: RuleSetting | undefined = rules?.[name] ?? rules?.[`security/${name}`];
  if (s === undefined) return { allow: [] };
  if (typeof s === 'string') return { severity: s, allow: [] };
  return { ...(s.severity ? { severity: s.severity } : {}), allow: s.allow ?? [] };
}

/** The exception annotations of the document and its templates; an exception without a reason is itself an error. */
function exceptionsOf(doc: Record<string, unknown>, spec: Record<string, unknown>, specPath: string) {
  const problems: Issue[] = [];
  const read = (meta: unknown, path: string): Set<string> => {
    const found = new Set<string>();
    for (const [key, value] of Object.entries(objectAt(objectAt(meta).annotations))) {
      if (!key.startsWith(EXCEPTION_PREFIX)) continue;
      const name = key.slice(EXCEPTION_PREFIX.length);
      const at = `${path}/annotations/${escapeToken(key)}`;
      if (!isSecurityRuleName(name)) {
        problems.push(issue('security/exception-reason', at, `'${key}' names no security rule`));
      } else if (typeof value !== 'string' || value.trim() === '') {
        problems.push(
          issue('security/exception-reason', at, `'${key}' has no reason; ${SECURITY_RULES['exception-reason'].fix}`),
        );
      } else found.add(name);
    }
    return found;
  };
  const whole = read(doc.metadata, '/metadata');
  const byTemplate = new Map<string, Set<string>>();
  listAt(spec.templates).forEach((t, i) => {
    if (typeof t.name === 'string') byTemplate.set(t.name, read(t.metadata, `${specPath}/templates/${i}/metadata`));
  });
  return {
    problems,
    excepted: (f: Finding) =>
      whole.has(f.rule) || (f.template !== undefined && (byTemplate.get(f.template)?.has(f.rule) ?? false)),
  };
}
