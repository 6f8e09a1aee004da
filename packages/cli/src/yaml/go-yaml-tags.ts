import type { CollectionTag, ScalarTag, Tags } from 'yaml';

type Tag = Tags[number];

/**
 * Argo reads YAML through sigs.k8s.io/yaml (go-yaml v2, YAML 1.1 scalars), so `mode: 0755` is 493 and `on` is
 * true there. yaml@2's 1.1 schema is close but not equal; these adjustments make it agree with go-yaml:
 *  - a plain `.` stays a string (yaml@2 makes it NaN; buildkit-template.yaml's `args` has one);
 *  - timestamps and sexagesimal numbers (`12:30:00`, `1:20`) stay strings, as go-yaml v2 keeps them when decoding
 *    into an untyped value.
 */
const DROPPED = new Set(['tag:yaml.org,2002:timestamp']);
const FLOAT_WITHOUT_DIGITS = /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/.source;
const FLOAT_WITH_A_DIGIT = /^[-+]?(?:[0-9][0-9_]*\.[0-9_]*|\.[0-9][0-9_]*)$/;

export function goYamlTags(tags: Tags): Tags {
  return tags
    .filter((t) => typeof t === 'string' || (!DROPPED.has(t.tag) && !isSexagesimal(t)))
    .map((t) => (isPlainFloat(t) ? { ...t, test: FLOAT_WITH_A_DIGIT } : t));
}

function isPlainFloat(t: Tag): t is ScalarTag {
  return (
    typeof t === 'object' &&
    t.tag === 'tag:yaml.org,2002:float' &&
    'test' in t &&
    t.test?.source === FLOAT_WITHOUT_DIGITS
  );
}

/** yaml@2 marks its base-60 forms with format 'TIME'. */
function isSexagesimal(t: CollectionTag | ScalarTag): boolean {
  return 'format' in t && t.format === 'TIME';
}
