import { type Alias, type Document, isAlias, isMap, isScalar, isSeq, type Node, type Pair, type Scalar } from 'yaml';
import { goFloatKey } from './go-float-key.js';
import { type GoScalar, GoScalarError, resolveGoScalar } from './go-yaml-scalar.js';
import type { Offsets } from './locate.js';

/** A document the way Argo decodes it was refused: a code, a message and the (parsed text's) offset of the node. */
export class GoDecodeError extends Error {
  readonly code: string;
  readonly offset: number;

  constructor(code: string, message: string, offset: number) {
    super(message);
    this.code = code;
    this.offset = offset;
  }
}

/**
 * Deeper nesting than this is refused. go-yaml allows 10000 levels (block indents and flow levels each); yaml@2
 * composes recursively and runs out of stack at about 750 from a shallow caller, so argo-gen stops well before.
 */
export const MAX_DEPTH = 500;

const MERGE_TAG = 'tag:yaml.org,2002:merge';

/**
 * The value Argo gets from one YAML document: go-yaml v2's strict decoding into an untyped value (decode.go), then
 * sigs.k8s.io/yaml's conversion to JSON (map keys become strings; NaN and infinities are refused by encoding/json).
 * Walks the yaml@2 document in go-yaml's order and counts as go-yaml counts, so that its alias-expansion limit
 * ("document contains excessive aliasing") refuses the same documents, early, before an alias bomb fills memory.
 */
export function toGoValue(doc: Document, offsets: Offsets): unknown {
  return new GoDecoder(doc, offsets).document();
}

class GoDecoder {
  private decodeCount = 0;
  private aliasCount = 0;
  private aliasDepth = 0;
  private depth = 0;
  /** Where the outermost alias being expanded is written: the place to name when expansion goes too far. */
  private outerAlias = 0;
  private readonly expanding = new Set<Alias>();
  private anchors: Map<string, { offset: number; node: Node }[]> | undefined;
  private readonly doc: Document;
  private readonly offsets: Offsets;

  constructor(doc: Document, offsets: Offsets) {
    this.doc = doc;
    this.offsets = offsets;
  }

  document(): unknown {
    this.count(0);
    return this.value(this.doc.contents as Node | null, 0);
  }

  /** go-yaml's `d.unmarshal` bookkeeping and its alias-ratio check (decode.go allowedAliasRatio). */
  private count(offset: number): void {
    this.decodeCount++;
    if (this.aliasDepth > 0) this.aliasCount++;
    if (
      this.aliasCount > 100 &&
      this.decodeCount > 1000 &&
      this.aliasCount / this.decodeCount > allowedAliasRatio(this.decodeCount)
    ) {
      throw new GoDecodeError(
        'yaml/too-many-aliases',
        `document contains excessive aliasing (more alias expansion than Argo's reader allows)`,
        this.aliasDepth > 0 ? this.outerAlias : offset,
      );
    }
  }

  private value(node: Node | null, offset: number): unknown {
    const at = node?.range?.[0] ?? offset;
    this.count(at);
    if (node === null) return null; // an empty node: go-yaml's implicit "" scalar
    if (isScalar(node)) return jsonScalar(this.scalar(node), at);
    if (isAlias(node)) return this.alias(node, (target) => this.value(target, at));
    if (++this.depth > MAX_DEPTH) throw tooDeep(at);
    try {
      if (isMap(node)) {
        const out: Record<string, unknown> = {};
        this.offsets.set(out, []);
        return this.mapping(node.items as Pair<Node | null, Node | null>[], out, new Map(), at);
      }
      if (isSeq(node)) {
        const items = node.items as (Node | null)[];
        const out = items.map((item) => this.value(item, at));
        this.offsets.set(
          out,
          items.map((item) => item?.range?.[0] ?? at),
        );
        return out;
      }
    } finally {
      this.depth--;
    }
    throw new GoDecodeError('yaml/syntax', 'unsupported YAML node', at);
  }

  private scalar(node: Scalar): GoScalar {
    const text = typeof node.value === 'string' ? node.value : String(node.value ?? '');
    try {
      return resolveGoScalar(text, node.type === 'PLAIN', node.tag ?? '');
    } catch (error) {
      if (error instanceof GoScalarError) throw new GoDecodeError('yaml/bad-tag', error.message, node.range?.[0] ?? 0);
      throw error;
    }
  }

  private alias<T>(node: Alias, decode: (target: Node) => T): T {
    const at = node.range?.[0] ?? 0;
    if (this.expanding.has(node)) {
      throw new GoDecodeError('yaml/recursive-alias', `anchor '${bounded(node.source)}' value contains itself`, at);
    }
    const target = this.anchored(node.source, at);
    if (this.aliasDepth === 0) this.outerAlias = at;
    this.expanding.add(node);
    this.aliasDepth++;
    try {
      return decode(target);
    } finally {
      this.aliasDepth--;
      this.expanding.delete(node);
    }
  }

  /** The node an alias names: the last anchor of that name before it in the text, as go-yaml's parser binds it. */
  private anchored(name: string, at: number): Node {
    this.anchors ??= collectAnchors(this.doc);
    const candidates = this.anchors.get(name) ?? [];
    let found: Node | undefined;
    for (const c of candidates) if (c.offset < at) found = c.node;
    if (!found) throw new GoDecodeError('yaml/unknown-anchor', `unknown anchor '${bounded(name)}' referenced`, at);
    return found;
  }

  /** decode.go `mapping` with `setMapIndex` in strict mode, then sigs.k8s.io/yaml's key conversion. */
  private mapping(
    pairs: readonly Pair<Node | null, Node | null>[],
    out: Record<string, unknown>,
    keyIds: Map<string, string>,
    offset: number,
  ): Record<string, unknown> {
    for (const pair of pairs) {
      const keyAt = pair.key?.range?.[0] ?? pair.value?.range?.[0] ?? offset;
      if (isMergeKey(pair.key)) {
        this.merge(pair.value, out, keyIds, keyAt);
        continue;
      }
      const key = this.key(pair.key, keyAt);
      const value = this.value(pair.value, keyAt);
      setKey(out, keyIds, key, value, keyAt);
      this.offsets.get(out)?.push(keyAt);
    }
    return out;
  }

  private key(node: Node | null, at: number): GoScalar {
    this.count(at);
    if (node === null) return { kind: 'null' };
    if (isScalar(node)) return this.scalar(node);
    if (isAlias(node)) {
      return this.alias(node, (target) => {
        if (!isScalar(target)) throw invalidKey(at);
        this.count(at);
        return this.scalar(target);
      });
    }
    throw invalidKey(at);
  }

  /** decode.go `merge`: a map, an alias of a map, or a sequence of those (the later ones first). */
  private merge(node: Node | null, out: Record<string, unknown>, keyIds: Map<string, string>, at: number): void {
    const mergeOne = (item: Node | null) => {
      if (isMap(item)) {
        this.count(item.range?.[0] ?? at);
        this.mapping(item.items as Pair<Node | null, Node | null>[], out, keyIds, at);
      } else if (isAlias(item)) {
        this.count(item.range?.[0] ?? at);
        this.alias(item, (target) => {
          if (!isMap(target)) throw wantMap(at);
          this.count(target.range?.[0] ?? at);
          this.mapping(target.items as Pair<Node | null, Node | null>[], out, keyIds, at);
        });
      } else throw wantMap(at);
    };
    if (isSeq(node)) {
      const items = node.items as (Node | null)[];
      for (let i = items.length - 1; i >= 0; i--) {
        mergeOne(items[i] ?? null);
      }
    } else mergeOne(node);
  }
}

function allowedAliasRatio(decodeCount: number): number {
  if (decodeCount <= 400_000) return 0.99;
  if (decodeCount >= 4_000_000) return 0.1;
  return 0.99 - 0.89 * ((decodeCount - 400_000) / 3_600_000);
}

function isMergeKey(node: Node | null): boolean {
  if (!isScalar(node) || node.value !== '<<') return false;
  return node.tag === MERGE_TAG || (node.type === 'PLAIN' && node.tag === undefined);
}

/** A scalar as encoding/json writes it: numbers, booleans, strings and null; NaN and infinities are errors. */
export function jsonScalar(s: GoScalar, at: number): unknown {
  if (s.kind === 'null') return null;
  if ((s.kind === 'float' || s.kind === 'int' || s.kind === 'uint') && !Number.isFinite(s.value)) {
    throw new GoDecodeError(
      'yaml/unsupported-value',
      `${s.value > 0 ? '+Inf' : s.value < 0 ? '-Inf' : 'NaN'} has no JSON form (Argo's YAML-to-JSON step refuses it)`,
      at,
    );
  }
  return s.value;
}

let nanKeys = 0;

/** Go's identity of a map key (its dynamic type and value) for the strict duplicate check. */
function keyIdentity(k: GoScalar): string {
  switch (k.kind) {
    case 'null':
      return 'n';
    case 'str':
      return `s${k.value}`;
    case 'float':
      return Number.isNaN(k.value) ? `f-nan-${++nanKeys}` : `f${k.value === 0 ? 0 : k.value}`; // NaN equals nothing
    default:
      return `${k.kind[0]}${k.value}`;
  }
}

/** sigs.k8s.io/yaml's conversion of a go-yaml key to a JSON object key. */
function jsonKey(k: GoScalar, at: number): string {
  switch (k.kind) {
    case 'str':
      return k.value;
    case 'int':
      return String(k.value);
    case 'bool':
      return k.value ? 'true' : 'false';
    case 'float':
      return goFloatKey(k.value);
    default:
      throw new GoDecodeError(
        'yaml/unsupported-key',
        `a ${k.kind === 'null' ? 'null' : 'uint64'} map key has no JSON form (Argo's YAML-to-JSON step refuses it)`,
        at,
      );
  }
}

/** decode.go's strict `setMapIndex` of one decoded key and value, under sigs.k8s.io/yaml's JSON key. */
export function setKey(
  out: Record<string, unknown>,
  keyIds: Map<string, string>,
  key: GoScalar,
  value: unknown,
  at: number,
) {
  const name = jsonKey(key, at);
  const id = keyIdentity(key);
  if (Object.hasOwn(out, name)) {
    const previous = keyIds.get(name) ?? `s${name}`;
    throw new GoDecodeError(
      'yaml/duplicate-key',
      previous === id
        ? `YAML duplicate key '${bounded(name)}' (Argo's strict decoding refuses duplicate keys)`
        : `YAML duplicate key '${bounded(name)}', written as two different YAML types (Argo keeps one of them at random)`,
      at,
    );
  }
  if (key.kind !== 'str') keyIds.set(name, id);
  if (name === '__proto__')
    Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
  else out[name] = value;
}

function bounded(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function tooDeep(at: number): GoDecodeError {
  return new GoDecodeError('yaml/too-deep', `nesting deeper than ${MAX_DEPTH} levels (argo-gen's reader limit)`, at);
}

function invalidKey(at: number): GoDecodeError {
  return new GoDecodeError('yaml/invalid-key', 'a map or sequence cannot be a map key', at);
}

function wantMap(at: number): GoDecodeError {
  return new GoDecodeError('yaml/bad-merge', 'map merge requires map or sequence of maps as the value', at);
}

/** Every anchored node with its offset, in text order (an iterative walk: the document may be deep). */
function collectAnchors(doc: Document): Map<string, { offset: number; node: Node }[]> {
  const anchors = new Map<string, { offset: number; node: Node }[]>();
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isScalar(node) || isMap(node) || isSeq(node)) {
      if (node.anchor) {
        const list = anchors.get(node.anchor) ?? [];
        list.push({ offset: node.range?.[0] ?? 0, node });
        anchors.set(node.anchor, list);
      }
      if (isMap(node)) for (const p of node.items) stack.push(p.key, p.value);
      if (isSeq(node)) stack.push(...node.items);
    }
  }
  for (const list of anchors.values()) list.sort((a, b) => a.offset - b.offset);
  return anchors;
}
