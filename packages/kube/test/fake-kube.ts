import { ArgoGenError, issue } from '@argo-gen/model';
import type { Kube, WatchEvent } from '../src/client.js';
import type { ObjectRef, ResourceKind } from '../src/kinds.js';
import type { ArgoObject } from '../src/object.js';

/** An in-memory stand-in for a cluster: objects by kind/namespace/name, resourceVersions, scripted watches. */
export class FakeKube implements Kube {
  readonly context = 'fake';
  readonly server = 'https://fake';
  readonly namespace = 'default';
  readonly objects = new Map<string, ArgoObject>();
  readonly requests: string[] = [];
  /** Failures by `verb kind/name`. */
  readonly failures = new Map<string, string>();
  /** Each watch call takes the next script: events to emit, then how the stream ends. */
  readonly watches: { events: WatchEvent[]; end?: 'close' | 'hang' }[] = [];
  /** The resourceVersion a list answers with (default: the latest one this fake handed out). */
  listVersion: string | undefined;
  private rv = 1;

  private key(ref: ObjectRef) {
    return `${ref.kind}/${ref.namespace ?? ''}/${ref.name}`;
  }
  private fail(verb: string, ref: ObjectRef) {
    const code = this.failures.get(`${verb} ${ref.kind}/${ref.name}`);
    if (code) throw new ArgoGenError([issue(code, '', `${verb} failed`)]);
  }
  async get(ref: ObjectRef) {
    this.requests.push(`get ${ref.name}`);
    this.fail('get', ref);
    const o = this.objects.get(this.key(ref));
    if (!o) throw new ArgoGenError([issue('kube/not-found', '', 'not found: x')]);
    return o;
  }
  async find(ref: ObjectRef) {
    this.requests.push(`find ${ref.name}`);
    this.fail('get', ref);
    return this.objects.get(this.key(ref));
  }
  async list(kind: ResourceKind) {
    return [...this.objects.values()].filter((o) => o.kind === kind);
  }
  async listWithVersion(kind: ResourceKind, _ns: string, fieldSelector: string) {
    this.requests.push(`list ${fieldSelector}`);
    const name = fieldSelector.replace(/^metadata\.name=/, '');
    const items = (await this.list(kind)).filter((o) => o.metadata?.name === name);
    return { items, resourceVersion: this.listVersion ?? String(this.rv) };
  }
  async create(_kind: ResourceKind, _ns: string, body: ArgoObject) {
    return body;
  }
  async apply(ref: ObjectRef, body: ArgoObject, options: { dryRun?: boolean } = {}) {
    this.requests.push(`apply ${ref.name}`);
    this.fail('patch', ref);
    const before = this.objects.get(this.key(ref));
    const same = before && JSON.stringify(before.spec) === JSON.stringify(body.spec);
    const after = {
      ...body,
      metadata: { ...body.metadata, resourceVersion: same ? before.metadata?.resourceVersion : String(++this.rv) },
    };
    if (!options.dryRun) this.objects.set(this.key(ref), after);
    return after;
  }
  async replace(ref: ObjectRef, body: ArgoObject) {
    this.requests.push(`replace ${ref.name}`);
    this.fail('update', ref);
    const before = this.objects.get(this.key(ref));
    if (!before) throw new ArgoGenError([issue('kube/not-found', '', 'not found: x')]);
    if (body.metadata?.resourceVersion !== before.metadata?.resourceVersion)
      throw new ArgoGenError([issue('kube/conflict', '', 'conflict: the object has been modified')]);
    const after = { ...body, metadata: { ...body.metadata, resourceVersion: String(++this.rv) } };
    this.objects.set(this.key(ref), after);
    return after;
  }
  async delete(ref: ObjectRef) {
    this.objects.delete(this.key(ref));
  }
  watch(
    _kind: ResourceKind,
    _ns: string,
    query: { resourceVersion?: string },
    onEvent: (e: WatchEvent) => void,
    onDone: (e: Error | undefined) => void,
  ) {
    this.requests.push(`watch from ${query.resourceVersion}`);
    const script = this.watches.shift() ?? { events: [], end: 'hang' };
    queueMicrotask(() => {
      for (const e of script.events) {
        // As on a real server, a later read sees what the watch reported.
        const name = e.object.metadata?.name;
        if (e.type === 'MODIFIED' && name)
          this.objects.set(`Workflow/${e.object.metadata?.namespace ?? ''}/${name}`, e.object);
        onEvent(e);
      }
      if (script.end === 'close') onDone(undefined);
    });
    return { stop() {} };
  }
}
