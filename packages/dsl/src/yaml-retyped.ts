/**
 * The plain scalars that a YAML reader would read as something other than a string, as the `yaml` library tests them
 * with toYaml's options (core schema plus `compat: 'yaml-1.1'`): a string matching any of these is written quoted.
 *
 * Copied out of the library so that writing YAML does not load it (~45 ms at startup); test/yaml-fast.test.ts
 * compares this list with the library's own, so an upgrade of `yaml` that changes a test fails there.
 */
export const RETYPED_PLAIN: readonly RegExp[] = [
  // core schema
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  /^0o[0-7]+$/,
  /^[-+]?[0-9]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
  // YAML 1.1 compat
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
  /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
  /^[-+]?0b[0-1_]+$/,
  /^[-+]?0[0-7_]+$/,
  /^[-+]?[0-9][0-9_]*$/,
  /^[-+]?0x[0-9a-fA-F_]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
  /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
  /^<<$/,
  /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
  /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
  /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\.[0-9]+)?)(?:[ \t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$/,
];

/**
 * What a string matching RETYPED_PLAIN starts with (or it is empty): a sign, dot, digit, `~` or `<`; an exponent
 * (`e5`, `E-3`: YAML 1.1 floats may be an exponent alone); or it is a word of at most five letters starting like
 * `yes`, `no`, `on`, `off`, `true`, `false` or `null`. Most strings (names, images, keys) are none of these and skip
 * the 22 tests; `task-5` and `template` do too, though they start with a letter of those words.
 * test/yaml-fast.test.ts checks that no pattern matches outside it.
 */
export const RETYPED_FIRST = /^(?:[-+.0-9~<]|[eE][-+]?[0-9]|[NnTtFfYyOo][A-Za-z]{0,4}$)/;
