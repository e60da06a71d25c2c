/**
 * How property tests run (not a test file). `npm test` runs every property with one fixed seed,
 * named in the test titles, so a run never depends on luck; `npm run test:fuzz` sets
 * AXR_FUZZ_SEED (a random seed, printed) and AXR_FUZZ_FACTOR (more runs) to search wider. A
 * counterexample fast-check prints there (seed and path) replays here with the same seed and
 * becomes a regression case.
 */
export const FIXED_SEED = 20260115;

const fuzzSeed = Number(process.env.AXR_FUZZ_SEED);
const fuzzFactor = Number(process.env.AXR_FUZZ_FACTOR);

/** The seed of this run: fixed under `npm test`, random under `npm run test:fuzz`. */
export const SEED = Number.isInteger(fuzzSeed) && fuzzSeed !== 0 ? fuzzSeed : FIXED_SEED;
const FACTOR = Number.isInteger(fuzzFactor) && fuzzFactor > 0 ? fuzzFactor : 1;

/** fast-check parameters for a property: the run's seed, `numRuns` times the fuzz factor. */
export function runs(numRuns: number): { seed: number; numRuns: number } {
    return { seed: SEED, numRuns: numRuns * FACTOR };
}

/** "seed 20260115, ×1": for describe titles, so the seed of every run is printed. */
export const RUN_LABEL = `seed ${SEED}, runs ×${FACTOR}`;
