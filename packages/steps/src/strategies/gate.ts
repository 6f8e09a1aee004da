import type { OutputSpecs, ParamSpec, Template } from '@argo-gen/dsl';
import * as z from 'zod/mini';
import { optionError } from '../internal/options.js';

/**
 * A gate: any template a task can call without arguments (every input has a default), whose failure means "do not go
 * on". `perfCheck({ mode: 'gate' })` is one; a container that runs a health query is another.
 */
export type GateTemplate = Template<Readonly<Record<string, ParamSpec<unknown, false>>>, OutputSpecs>;

const callableWithoutArgs = (v: unknown): v is GateTemplate => {
  if (typeof v !== 'object' || v === null || (v as { kind?: unknown }).kind !== 'template') return false;
  const specs = Object.values((v as { inputs?: object }).inputs ?? {}) as { kind?: unknown; required?: unknown }[];
  return specs.every((s) => s.kind === 'param' && s.required === false);
};

export const gateSchema = z.custom<GateTemplate>(
  callableWithoutArgs,
  'must be a template whose inputs all have defaults, such as perfCheck()',
);

/** Refuses a perf check in `report` mode: it never fails, so the rollback after it could never run. */
export function refuseReportingGate(subject: string, gate: GateTemplate): void {
  if ('mode' in gate && gate.mode === 'report') {
    throw optionError(
      subject,
      `gate '${gate.name}' is in 'report' mode, so it never fails and the rollback could never run; ` +
        "create it with perfCheck({ mode: 'gate', … })",
    );
  }
}
