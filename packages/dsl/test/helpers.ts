import { fileURLToPath } from 'node:url';
import { ArgoGenError, type Issue } from '@argo-gen/model';
import { container, inputs, output, param } from '../src/index.js';

/** The issues an ArgoGenError carries, without their source (asserted separately, where it matters). */
export function issuesOf(run: () => unknown): Omit<Issue, 'source'>[] {
  try {
    run();
  } catch (e) {
    if (!(e instanceof ArgoGenError)) throw e;
    return e.issues.map(({ source: _source, ...rest }) => rest);
  }
  throw new Error('expected an ArgoGenError, but nothing was thrown');
}

/** The error thrown by `run`, which must be an ArgoGenError. */
export function errorOf(run: () => unknown): ArgoGenError {
  try {
    run();
  } catch (e) {
    if (e instanceof ArgoGenError) return e;
    throw e;
  }
  throw new Error('expected an ArgoGenError, but nothing was thrown');
}

/** The line of the caller in the calling test file, to compare with captured source locations. */
export function lineHere(): number {
  const frame = (new Error().stack ?? '').split('\n')[2] ?? '';
  return Number(/:(\d+):\d+\)?$/.exec(frame)?.[1]);
}

export const fileOf = (url: string): string => fileURLToPath(url);

/** A template used across the suites: two inputs (one required, one enum with a default) and one output. */
export const echoInputs = inputs({ who: param.string(), mode: param.enum(['fast', 'slow'], { default: 'fast' }) });
export const echo = container(
  'echo',
  { image: 'alpine:3.20', command: ['echo'], args: [echoInputs.who, echoInputs.mode] },
  { inputs: echoInputs, outputs: { out: output.path('/tmp/out') } },
);
