#!/usr/bin/env node
// One build command: TypeScript LWC sources (lwc-src/lwc) → JavaScript bundles in
// force-app/main/default/lwc (html/css/meta copied alongside), plus Node bundles of the
// engine and the CLI in dist/. The generated lwc folder is git-ignored and rebuilt before
// every test, demo and deploy, so it can never drift from its sources.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const srcRoot = join(root, 'lwc-src', 'lwc');
const outRoot = join(root, 'force-app', 'main', 'default', 'lwc');
const quiet = process.argv.includes('--quiet');
const log = (msg) => quiet || console.log(msg);

const isTestPath = (name) => name === '__tests__' || name === '__mocks__';

/** Bundles present in the sources; anything else in the output folder is stale. */
function sourceBundles() {
    return existsSync(srcRoot) ? readdirSync(srcRoot).filter((n) => statSync(join(srcRoot, n)).isDirectory()) : [];
}

function removeStaleOutputs(bundles) {
    if (!existsSync(outRoot)) return;
    for (const name of readdirSync(outRoot)) {
        const out = join(outRoot, name);
        if (!bundles.includes(name)) {
            rmSync(out, { recursive: true, force: true });
            continue;
        }
        // A deleted source file must not leave its compiled twin behind.
        for (const file of readdirSync(out)) {
            const base = file.replace(/\.js$/, '');
            const src = join(srcRoot, name);
            const hasSource =
                existsSync(join(src, file)) || existsSync(join(src, `${base}.ts`)) || existsSync(join(src, `${base}.js`));
            if (!hasSource) rmSync(join(out, file), { recursive: true, force: true });
        }
    }
}

function copyAssets(bundles) {
    for (const name of bundles) {
        const src = join(srcRoot, name);
        const out = join(outRoot, name);
        mkdirSync(out, { recursive: true });
        for (const file of readdirSync(src)) {
            if (isTestPath(file) || file.endsWith('.ts')) continue;
            cpSync(join(src, file), join(out, file), { recursive: true });
        }
    }
}

/**
 * TypeScript path mapping cannot express `c/<name>` → `lwc-src/lwc/<name>/<name>` with one
 * wildcard, so the build keeps one explicit entry per bundle in tsconfig.json (sorted, stable).
 */
function syncPathMappings(bundles) {
    const file = join(root, 'tsconfig.json');
    const config = JSON.parse(readFileSync(file, 'utf8'));
    const paths = Object.fromEntries(
        [...bundles].sort().map((name) => [`c/${name}`, [`lwc-src/lwc/${name}/${name}`]])
    );
    if (JSON.stringify(config.compilerOptions.paths) !== JSON.stringify(paths)) {
        config.compilerOptions.paths = paths;
        writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
        log('build: updated c/* path mappings in tsconfig.json');
    }
}

function compileTypeScript() {
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    try {
        execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root });
    } catch {
        console.error('build: TypeScript compilation of lwc-src failed (see the errors above).');
        process.exit(1);
    }
}

/** Every `sf xray` command file (cli/src/commands/**.ts): oclif finds the commands by these paths. */
function commandEntries(dir = join(root, 'cli', 'src', 'commands')) {
    if (!existsSync(dir)) return [];
    return readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? commandEntries(path) : name.endsWith('.ts') ? [path] : [];
    });
}

const esbuildCommon = {
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
    keepNames: true,
    banner: { js: "import { createRequire as __axCreateRequire } from 'node:module'; const require = __axCreateRequire(import.meta.url);" }
};

async function bundleForNode() {
    const { build } = await import('esbuild');
    const engine = join(srcRoot, 'accessXrayEngine', 'accessXrayEngine.ts');
    if (existsSync(engine)) {
        const out = join(root, 'dist', 'engine', 'accessXrayEngine.mjs');
        await build({ ...esbuildCommon, entryPoints: [engine], outfile: out });
        log(`build: ${relative(root, out)}`);
    }
    // The plugin: one ES module per command under dist/cli/commands (oclif's "pattern" discovery),
    // the code they share split into dist/cli/chunks (outside the commands folder, so oclif never
    // mistakes a chunk for a command). Dependencies stay external: they are the package's dependencies.
    const entries = commandEntries();
    if (entries.length) {
        const outdir = join(root, 'dist', 'cli');
        rmSync(outdir, { recursive: true, force: true });
        await build({
            ...esbuildCommon,
            entryPoints: entries,
            outdir,
            outbase: join(root, 'cli', 'src'),
            splitting: true,
            chunkNames: 'chunks/[name]-[hash]',
            outExtension: { '.js': '.mjs' }
        });
        log(`build: ${entries.length} sf xray command(s) → ${relative(root, join(outdir, 'commands'))}`);
    }
}

const bundles = sourceBundles();
mkdirSync(outRoot, { recursive: true });
removeStaleOutputs(bundles);
syncPathMappings(bundles);
compileTypeScript();
copyAssets(bundles);
log(`build: ${bundles.length} LWC bundle(s) → ${relative(root, outRoot)}`);
await bundleForNode();
