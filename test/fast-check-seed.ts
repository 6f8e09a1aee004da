// Every fast-check property of the unit suites runs from one fixed seed, so that a run of the suite is the same on
// every machine and every CI run: a property that fails, fails again. A property that passes its own `seed` keeps it.
// To explore other inputs, run with ARGO_GEN_FC_SEED=<integer> (fast-check prints the seed and path of a failure).
import fc from 'fast-check';

export const DEFAULT_SEED = 20261207;

function seed(): number {
  const given = process.env.ARGO_GEN_FC_SEED?.trim();
  if (given === undefined || given === '') return DEFAULT_SEED;
  const n = Number(given);
  if (!Number.isSafeInteger(n)) throw new Error(`ARGO_GEN_FC_SEED must be an integer, not '${given}'`);
  return n;
}

fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: seed() });
