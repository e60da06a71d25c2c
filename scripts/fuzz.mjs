#!/usr/bin/env node
/**
 * `npm run test:fuzz`: the engine's property tests with a random seed and many more runs (not
 * part of `npm test`, which runs them with one fixed seed). The seed is printed first; a
 * counterexample fast-check reports replays with `AXR_FUZZ_SEED=<seed> npm run test:fuzz`, and
 * belongs in the conformance corpus as a regression case.
 *
 *   npm run test:fuzz                       random seed, 20× the runs
 *   AXR_FUZZ_SEED=42 AXR_FUZZ_FACTOR=50 npm run test:fuzz
 */
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const seed = Number(process.env.AXR_FUZZ_SEED) || randomInt(1, 2 ** 31 - 1);
const factor = Number(process.env.AXR_FUZZ_FACTOR) || 20;
process.stdout.write(`fuzz: seed ${seed}, runs ×${factor} (replay: AXR_FUZZ_SEED=${seed} AXR_FUZZ_FACTOR=${factor} npm run test:fuzz)\n`);
const jest = join(root, 'node_modules', '.bin', 'sfdx-lwc-jest');
const result = spawnSync(jest, ['--', '--ci', '--testPathPattern', 'accessXrayEngine/__tests__/(properties|propertiesEvidence|external/experienceCloudUnits)\\.test\\.ts$'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, AXR_FUZZ_SEED: String(seed), AXR_FUZZ_FACTOR: String(factor) }
});
process.exit(result.status ?? 1);
