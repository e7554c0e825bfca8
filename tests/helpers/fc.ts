import fc from 'fast-check';

/**
 * Property tests run with a fixed seed so CI is reproducible; set FC_SEED to explore other cases and
 * FC_RUNS to multiply the number of runs (a failure prints its seed and counterexample).
 */
fc.configureGlobal({
  seed: Number(process.env.FC_SEED ?? 20261128),
  numRuns: 100 * Number(process.env.FC_RUNS ?? 1),
});

export const runs = (n: number): number => n * Number(process.env.FC_RUNS ?? 1);
export { fc };
