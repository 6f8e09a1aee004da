import fc from 'fast-check';

/**
 * Random block YAML near the fast path's subset (packages/cli/src/yaml/block-subset.ts), for
 * test/yaml-reader-paths.test.ts: block maps and sequences (compact ones too), the scalars Argo files use and some
 * just outside the subset, literal block scalars with bodies at any indentation, comments, document markers, and
 * lines moved off their indentation. Many texts are invalid; the property is that the two readers agree.
 */

/** Scalars as written after `key:` or `-`: plain, quoted, flow lists, `{}` and things just outside the subset. */
const inlineValue = fc.constantFrom(
  'a',
  'b c',
  '1',
  '-1',
  '0755',
  'yes',
  'on',
  '~',
  'null',
  '.inf',
  '1e3',
  '"x"',
  '""',
  "'it''s'",
  '"say \\"hi\\""',
  '"a\\\\b"',
  '"a\\nb"',
  'a # note',
  'a#b',
  'a: b',
  'a:',
  'http://x:80/y',
  '[]',
  '[ ]',
  '[a, "b", -c, 1]',
  '[a, ]',
  '[-]',
  '[a',
  '{}',
  '{ }',
  '{a: 1}',
  '[{name: a, value: "b"}]',
  '{ tag: x, command: y }',
  '{a: 1, a: 2}',
  '{a: 1, 1: 2}',
  '{a: [b, c], d: {}}',
  '{a:1}',
  '{a : 1}',
  '{a: }',
  '{a: b,}',
  '[a, {b: c}, [d]]',
  '{"q": 1}',
  '{a: http://x}',
  '[a"b, c]',
  '{a: b',
  '&x a',
  '*x',
  '!!str 1',
  '> ',
  '-',
  '- a',
  '"unclosed',
  '"a\n  b"',
  '"\n    a &&\n    b\n  "',
  '["\n    a\n\n  b\n  "]',
  '["\nx\n"]',
  '"a  \n\n\n   b  "',
  "'a\n b''c\n\n'",
  '"a\n---\n"',
  '"a\\\n b"',
  '{a: "x\n y", b: 1}',
  '"a\n  b" # c',
  '"a\n  b" c',
  '[\n  a,\n  "b"\n]',
  '[\n"x"  # c\n  ]',
  '{a: 1,\n b: [c,\nd]}',
  '[a\n, b]',
  '[a,\n\n b]',
  '[a\n b]',
  '[\n---\n]',
  '[a, # c\n b]',
  '[a,# c\n b]',
  '[\n  "x\n  y"\n  ]',
  "'x'y",
  '"x" # c',
  '"x"#c',
  '?x',
  ':x',
  '%x',
  '@x',
  '{{x}}',
  '2024-01-01',
);
const keyText = fc.constantFrom('a', 'b', 'name', 'on', '1', '1.0', 'y', '<<', 'a b', '"q"', 'k:x', 'a ', 'null', '-x');
const blockBody = fc.array(
  fc.record({
    extra: fc.integer({ min: -2, max: 3 }),
    text: fc.constantFrom('x', 'y z', '', '  ', ' w', '# c', 'a: b', '- y', '\t'),
  }),
  { minLength: 0, maxLength: 4 },
);

/** A rendered node: a scalar or a block scalar's header to write after `key:` or `-`, and/or lines below. */
interface Rendered {
  readonly inline?: string;
  readonly lines: readonly string[];
}
type Render = (indent: number) => Rendered;

function renderNode(depth: number): fc.Arbitrary<Render> {
  const scalar = inlineValue.map(
    (v): Render =>
      () => ({ inline: v, lines: [] }),
  );
  const literal = fc
    .record({
      header: fc.constantFrom('|', '|-', '|+', '|2', '| # c', '|x', '>', '>-', '>+', '> # c'),
      body: blockBody,
      first: fc.integer({ min: -1, max: 3 }),
    })
    .map(
      ({ header, body, first }): Render =>
        (indent) => ({
          inline: header,
          lines: body.map(({ extra, text }, i) =>
            text === '' ? '' : `${' '.repeat(Math.max(0, indent + (i === 0 ? first : 1) + extra))}${text}`,
          ),
        }),
    );
  if (depth <= 0) return fc.oneof({ arbitrary: scalar, weight: 4 }, { arbitrary: literal, weight: 1 });
  const map = fc.array(fc.tuple(keyText, renderNode(depth - 1), fc.nat(7)), { minLength: 1, maxLength: 4 }).map(
    (entries): Render =>
      (indent) => ({ lines: entries.flatMap(([k, v, style]) => entry(`${k}:`, v, indent, style)) }),
  );
  const seq = fc.array(fc.tuple(renderNode(depth - 1), fc.nat(7)), { minLength: 1, maxLength: 3 }).map(
    (items): Render =>
      (indent) => ({ lines: items.flatMap(([v, style]) => entry('-', v, indent, style)) }),
  );
  return fc.oneof({ arbitrary: scalar, weight: 2 }, { arbitrary: literal, weight: 1 }, map, seq);
}

/**
 * One `key:` or `-` entry at `indent`. `style` picks among: a collection below at indent + 2 (or at the same indent,
 * a sequence under a key, as Kubernetes writes it), compact after `- `, a comment after the lead or between lines,
 * and a line moved off its indentation.
 */
function entry(lead: string, value: Render, indent: number, style: number): string[] {
  const pad = ' '.repeat(indent);
  const comment = style === 5 ? ' # c' : '';
  const below = value(style === 6 ? indent : indent + 2);
  if (below.inline !== undefined) {
    const lines = [`${pad}${lead} ${below.inline}${comment}`, ...below.lines];
    if (style === 7) lines.splice(1, 0, `${pad}# between`);
    return lines;
  }
  const [first = '', ...rest] = below.lines;
  if (lead === '-' && style < 4) return [`${pad}- ${first.trimStart()}`, ...rest];
  const lines = [`${pad}${lead}${comment}`, ...below.lines];
  if (style === 4 && lines.length > 2) lines[2] = ` ${lines[2]}`;
  return lines;
}

export const subsetText: fc.Arbitrary<string> = fc
  .record({
    root: renderNode(3),
    start: fc.constantFrom('', '---\n', '--- # c\n', '# head\n', '\n', ' \n', '---x\n'),
    end: fc.constantFrom('', '\n', '\n\n', '\n  ', '\n# tail', '\n...'),
  })
  .map(({ root, start, end }) => {
    const r = root(0);
    const lines = r.inline === undefined ? r.lines : [`a: ${r.inline}`, ...r.lines];
    return `${start}${lines.join('\n')}${end}`;
  });
