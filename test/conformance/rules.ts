/**
 * Our codes and the messages of Argo (the v4.1.2 Go oracle, or the API server: `API server: …`) that report the same rule (best effort: Argo stops at its first error, and
 * some of our codes cover several of its messages). Used only when both sides reject a document; a document's rule
 * matches when any of our error codes has a pattern that matches Argo's message.
 */
const RULES: readonly (readonly [RegExp, RegExp])[] = [
  [/^yaml\//, /^unparseable: /],
  [/^schema\/unknown-field$/, /unknown field/],
  // A field the target version does not have: Argo's strict decoding knows it only as unknown.
  [/^version\/field-(removed|too-new)$/, /unknown field/],
  [/^schema\/missing-field$/, /may not be empty|is required/],
  [/^schema\//, /strict decoding error|cannot unmarshal|json: /],
  [/^lint\/unresolved-reference$/, /failed to resolve \{\{/],
  [/^lint\/missing-dependency$/, /failed to resolve \{\{tasks\./],
  [/^lint\/(unknown-template|missing-entrypoint)$/, /template name '[^']*' undefined/],
  [/^lint\/missing-entrypoint$/, /spec\.entrypoint is required/],
  [/^lint\/dag-cycle$/, /graph with cycle/],
  [/^lint\/unknown-dependency$/, /invalid dependency/],
  [/^lint\/name-too-long$/, /must not be more than \d+ characters|must be no more than 128 characters/],
  [/^lint\/invalid-name$/, /is invalid: name must consist of/],
  [/^lint\/multiple-template-types$/, /multiple template types specified/],
  [/^lint\/invalid-output-parameter$/, /does not have valueFrom or value specified/],
  [/^lint\/empty-dag$/, /must have at least one task/],
  [/^lint\/(depends-and-dependencies|invalid-depends)$/, /cannot use both 'depends' and 'dependencies'/],
  [/^lint\/active-deadline-on-non-leaf$/, /is only valid for leaf templates/],
  [/^lint\/multiple-loops$/, /only one of withItems, withParam, withSequence/],
  [/^lint\/duplicate-(step|task|template)$/, /is not unique|duplicated nodeName/],
  [/^lint\/missing-argument$/, /was not supplied/],
  [/^lint\/invalid-schedule$/, /cron schedule .* is malformed/],
  [/^lint\/invalid-timezone$/, /invalid timezone/],
  [/^lint\/invalid-concurrency-policy$/, /is not a valid concurrencyPolicy/],
  [/^lint\/missing-image$/, /image may not be empty/],
  [/^lint\/invalid-executor-plugin$/, /spec\.executorPlugins: /],
  [/^lint\/invalid-manifest$/, /resource\.manifest must be a valid yaml/],
  [/^lint\/invalid-name$/, /name cannot begin with a digit/],
  [/^lint\/invalid-metric$/, /metric '[^']*' error: /],
  [/^lint\/timeout-on-non-leaf$/, /doesn't support timeout field/],
  [/^lint\/missing-value$/, /\.value or .*\.valueFrom is required/],
  // Refusals of the API server (the full CRDs' schema and CEL rules, object metadata).
  [/^(crd|k8s)\//, /^API server: /],
  [
    /^lint\/(missing-name|invalid-name)$/,
    /^API server: .*(name or generateName is required|metadata\.(generateN|n)ame: Invalid value)/,
  ],
  [/^lint\/multiple-template-types$/, /^API server: .*at most one template type/],
  [/^lint\/timeout-on-non-leaf$/, /timeout cannot be applied to steps or dag templates|timeout.*leaf/],
  [/^lint\/active-deadline-on-non-leaf$/, /^API server: .*activeDeadlineSeconds is only valid for leaf templates/],
  [/^lint\/continue-on-with-depends$/, /cannot use 'continueOn' when using 'depends'/],
  [/^lint\/multiple-artifact-locations$/, /at most one artifact location/],
  [/^lint\/invalid-sequence$/, /only one of count or end/],
  [/^lint\/invalid-metric$/, /^API server: .*(metrics|prometheus|gauge)/],
  [/^lint\/invalid-schedule$/, /^API server: .*schedules/],
  [/^schema\//, /^API server: .*(Too many|Too long|Required value|Unsupported value|Invalid value|should match)/],
  [/^lint\/reserved-container-name$/, /is a reserved Argo container name/],
  [/^lint\/missing-value$/, /does not have valueFrom or value specified|value is required/],
  [/^lint\/invalid-resource$/, /resource\.manifest must be a valid yaml|manifest/],
];

export function ruleMatch(codes: readonly string[], argoError: string): 'match' | 'mismatch' | 'unmapped' {
  const mapped = RULES.filter(([code]) => codes.some((c) => code.test(c)));
  if (mapped.length === 0) return 'unmapped';
  return mapped.some(([, message]) => message.test(argoError)) ? 'match' : 'mismatch';
}
