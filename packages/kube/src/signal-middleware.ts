import { type ConfigurationOptions, Observable, type RequestContext } from '@kubernetes/client-node';

/** Per-call options that hand the request's abort signal to client-node's HTTP library (node-fetch). */
export function withSignal(signal: AbortSignal): ConfigurationOptions {
  const pre = (context: RequestContext) => {
    context.setSignal(signal);
    return new Observable(Promise.resolve(context));
  };
  return {
    middleware: [{ pre, post: (response) => new Observable(Promise.resolve(response)) }],
    middlewareMergeStrategy: 'append',
  };
}
