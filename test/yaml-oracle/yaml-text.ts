import fc from 'fast-check';

/**
 * Random YAML texts that probe where YAML readers differ: YAML 1.1 scalars, quoted scalars continued over lines at any
 * indentation (under-indented included), flow and block collections, block scalars with chomping indicators,
 * anchors, aliases and merge keys, several documents, a final line with or without its line break. The texts are not
 * all valid; the property is that argo-gen and go-yaml agree on each, whatever it is.
 */

/** Scalars whose YAML 1.1 reading is easy to get wrong. */
const TRICKY = [
  '0755',
  '0o17',
  '08',
  '0x1F',
  '0x_1F',
  '0b101',
  '-0b11',
  '1_000',
  '1__0',
  '+1',
  '-0',
  '1.',
  '.5',
  '+.5',
  '.5_0',
  '1e3',
  '1E3',
  '1e400',
  '-1.5e-3',
  '9223372036854775807',
  '9223372036854775808',
  '18446744073709551616',
  'on',
  'On',
  'off',
  'yes',
  'Yes',
  'no',
  'NO',
  'y',
  'Y',
  'n',
  'N',
  'true',
  'TRUE',
  'tRUE',
  'False',
  '~',
  'null',
  'Null',
  'NULL',
  '.inf',
  '-.Inf',
  '.nan',
  '.',
  '-',
  '12:30:00',
  '1:20',
  '2024-01-01',
  '2024-13-45',
  'hello',
  'a b',
  'x.y',
  '{{inputs.parameters.x}}',
];
const KEYS = [
  'a',
  'b',
  'c',
  'd',
  'name',
  'on',
  'y',
  '1',
  '0x1',
  '1.5',
  '1e6',
  '0.1',
  'true',
  '"a"',
  "'b'",
  '"1"',
  'x y',
];

const word = fc.stringMatching(/^[a-z][a-z0-9_.-]{0,7}$/);
const scalarText = fc.oneof(fc.constantFrom(...TRICKY), word);
/** Text for inside quotes: words with punctuation that matters to the scanners (quotes, '#', ':', brackets). */
const quotedWords = fc.array(
  fc.oneof(word, fc.constantFrom('#', ':', '- x', '[', ']', '{', '}', ',', "it's", '\\"', '"', "'", '&&', '*a', '---')),
  { minLength: 1, maxLength: 6 },
);

/** Anchors defined so far while rendering, by kind, so that aliases and merges mostly name one that exists. */
interface State {
  readonly anchors: ('map' | 'other')[];
}

type Render = (indent: number, flow: boolean, st: State) => string;

/** An anchor is named after the children are rendered, so that an alias rarely names a node that contains it. */
function anchorFor(kind: 'map' | 'other', st: State): string {
  st.anchors.push(kind);
  return `&a${st.anchors.length - 1} `;
}

function alias(pick: number, st: State, kind?: 'map'): string {
  const candidates = st.anchors.map((k, i) => [k, i] as const).filter(([k]) => kind === undefined || k === kind);
  const chosen = candidates[pick % Math.max(candidates.length, 1)];
  if (chosen) return `*a${chosen[1]}`;
  return pick % 8 === 0 ? `*a${st.anchors.length}` : ''; // an unknown anchor now and then, else nothing
}

function plain(): fc.Arbitrary<Render> {
  return scalarText.map((t) => () => t);
}

/** A scalar with an explicit tag: go-yaml resolves !!int, !!float, !!bool, !!null, !!str itself and keeps others. */
function tagged(): fc.Arbitrary<Render> {
  return fc
    .record({ tag: fc.constantFrom('!!str', '!!int', '!!float', '!!bool', '!!null', '!foo', '!'), text: scalarText })
    .map(
      ({ tag, text }) =>
        () =>
          `${tag} ${text}`,
    );
}

/** Plain words over several lines inside a flow collection, continuation lines at any indentation. */
function flowPlain(): fc.Arbitrary<Render> {
  return fc
    .array(fc.tuple(word, fc.integer({ min: -1, max: 6 })), { minLength: 2, maxLength: 4 })
    .map((parts) => (_indent: number, flow: boolean) => {
      const text = parts.map(([w, b], i) => (i === 0 ? w : b < 0 ? ` ${w}` : `\n${' '.repeat(b)}${w}`)).join('');
      return flow ? text : `[${text}]`;
    });
}

/** A quoted scalar, possibly over several lines, each continuation line at an arbitrary indentation. */
function quoted(): fc.Arbitrary<Render> {
  return fc
    .record({
      q: fc.constantFrom('"', "'"),
      words: quotedWords,
      breaks: fc.array(fc.integer({ min: -1, max: 10 }), { minLength: 6, maxLength: 6 }),
    })
    .map(({ q, words, breaks }) => () => {
      const quoteWord = (w: string) =>
        q === '"'
          ? w.replaceAll('\\"', '\u0000').replaceAll('"', '\\"').replaceAll('\u0000', '\\"')
          : w.replaceAll("'", "''");
      const parts = words.map((w, i) => {
        const b = breaks[i] ?? -1;
        return (i === 0 ? '' : b < 0 ? ' ' : `\n${' '.repeat(b)}`) + quoteWord(w);
      });
      return `${q}${parts.join('')}${q}`;
    });
}

/** A block scalar (in block context only) with a chomping indicator and maybe trailing blank lines. */
function blockScalar(): fc.Arbitrary<Render> {
  return fc
    .record({
      style: fc.constantFrom('|', '>'),
      chomp: fc.constantFrom('', '-', '+'),
      lines: fc.array(fc.oneof(word, fc.constant(''), fc.constant('  indented'), fc.constant('"q" # not a comment')), {
        minLength: 1,
        maxLength: 4,
      }),
      trailing: fc.integer({ min: 0, max: 2 }),
    })
    .map(({ style, chomp, lines, trailing }) => (indent: number, flow: boolean) => {
      if (flow) return '"in flow"';
      const pad = ' '.repeat(indent + 2);
      const body = lines.map((l) => (l === '' ? '' : `${pad}${l}`)).join('\n');
      return `${style}${chomp}\n${body}${'\n'.repeat(trailing)}`;
    });
}

/** A YAML node rendered at an indentation, in block or flow context. */
function node(depth: number): fc.Arbitrary<Render> {
  const leaves = fc.oneof(
    { arbitrary: plain(), weight: 5 },
    { arbitrary: quoted(), weight: 4 },
    { arbitrary: blockScalar(), weight: 2 },
    { arbitrary: tagged(), weight: 1 },
    { arbitrary: flowPlain(), weight: 1 },
    {
      arbitrary: fc.nat().map(
        (n): Render =>
          (_i, _f, st) =>
            alias(n, st),
      ),
      weight: 1,
    },
    { arbitrary: fc.constant<Render>(() => ''), weight: 1 },
  );
  if (depth <= 0) return leaves;
  return fc.oneof(
    { arbitrary: leaves, weight: 3 },
    { arbitrary: mapping(depth - 1), weight: 2 },
    { arbitrary: sequence(depth - 1), weight: 2 },
  );
}

function mapping(depth: number): fc.Arbitrary<Render> {
  return fc
    .record({
      keys: fc.uniqueArray(fc.constantFrom(...KEYS), { minLength: 1, maxLength: 4 }),
      values: fc.array(node(depth), { minLength: 4, maxLength: 4 }),
      flowStyle: fc.boolean(),
      anchor: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
      merge: fc.option(fc.nat(), { freq: 6 }),
    })
    .map(({ keys, values, flowStyle, anchor, merge }) => (indent: number, flow: boolean, st: State) => {
      const entries = keys.map((k, i) => [k, values[i] ?? (() => 'v')] as const);
      if (flowStyle || flow) {
        const inner = entries.map(([k, v]) => `${k}: ${v(indent + 2, true, st)}`);
        const m = merge === null ? '' : alias(merge, st, 'map');
        if (m) inner.push(`<<: ${m}`);
        return `${anchor ? anchorFor('map', st) : ''}{${inner.join(', ')}}`;
      }
      const pad = ' '.repeat(indent);
      const lines = entries.map(([k, v], i) => {
        const value = valueAfter(v(indent + 2, false, st), indent);
        // A comment after a one-line value, now and then.
        return `${pad}${k}:${value}${i === 1 && !value.includes('\n') && value !== '' ? ' # note' : ''}`;
      });
      const m = merge === null ? '' : alias(merge, st, 'map');
      if (m) lines.push(`${pad}<<: ${m}`);
      return `${anchor ? anchorFor('map', st) : ''}\n${lines.join('\n')}`;
    });
}

function sequence(depth: number): fc.Arbitrary<Render> {
  return fc
    .record({
      items: fc.array(node(depth), { minLength: 0, maxLength: 3 }),
      flowStyle: fc.boolean(),
      anchor: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
    })
    .map(({ items, flowStyle, anchor }) => (indent: number, flow: boolean, st: State) => {
      if (flowStyle || flow || items.length === 0) {
        const inner = items.map((v) => v(indent + 2, true, st)).join(', ');
        return `${anchor ? anchorFor('other', st) : ''}[${inner}]`;
      }
      const pad = ' '.repeat(indent);
      const lines = items.map((v) => `${pad}-${valueAfter(v(indent + 2, false, st), indent)}`);
      return `${anchor ? anchorFor('other', st) : ''}\n${lines.join('\n')}`;
    });
}

/** A value after `key:` or `-`: a nested block collection starts on the next line, anything else after a space. */
function valueAfter(rendered: string, _indent: number): string {
  if (rendered.startsWith('\n')) return rendered;
  return rendered === '' ? '' : ` ${rendered}`;
}

/** A whole file: one to three documents, the last line with or without its line break. */
export const yamlText: fc.Arbitrary<string> = fc
  .record({
    docs: fc.array(fc.oneof(mapping(2), sequence(2)), { minLength: 1, maxLength: 3 }),
    finalBreak: fc.boolean(),
    leadingMarker: fc.boolean(),
  })
  .map(({ docs, finalBreak, leadingMarker }) => {
    const texts = docs.map((d) =>
      d(0, false, { anchors: [] })
        .replace(/^\n/, '')
        .replace(/^(&a\d+) \n/, '$1\n'),
    );
    const text = (leadingMarker ? '---\n' : '') + texts.join('\n---\n');
    return finalBreak ? `${text.replace(/\n*$/, '')}\n` : text.replace(/\n+$/, '');
  });
