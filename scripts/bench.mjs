#!/usr/bin/env node
// `npm run bench`: bundles the benchmark (scripts/bench/*.ts, with the engine, the CLI
// collector and the fake org) into .build/bench/bin with esbuild, then runs the harness.
// Options: see scripts/bench/harness.ts or docs/performance.md.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const binDir = join(root, '.build', 'bench', 'bin');

const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
    console.error(`bench: Node ${process.versions.node} is too old; run it through npm (npm run bench), which uses the project's Node 22.`);
    process.exit(2);
}

const { build } = await import('esbuild');
const entries = {
    harness: join(root, 'scripts', 'bench', 'harness.ts'),
    child: join(root, 'scripts', 'bench', 'child.ts')
};
if (existsSync(join(root, 'cli', 'src', 'collector.ts')) && existsSync(join(root, 'cli', 'src', 'fakeOrg', 'server.ts'))) {
    entries.collectorChild = join(root, 'scripts', 'bench', 'collectorChild.ts');
}
try {
    await build({
        entryPoints: entries,
        outdir: binDir,
        outExtension: { '.js': '.mjs' },
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node22',
        packages: 'external',
        sourcemap: 'linked',
        logLevel: 'warning'
    });
} catch {
    console.error('bench: bundling the benchmark failed (see the esbuild errors above).');
    process.exit(1);
}
const { main } = await import(pathToFileURL(join(binDir, 'harness.mjs')).href);
process.exitCode = await main(root, binDir, process.argv.slice(2));
