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

async function bundleForNode() {
    const { build } = await import('esbuild');
    const targets = [
        { entry: join(srcRoot, 'accessXrayEngine', 'accessXrayEngine.ts'), out: join(root, 'dist', 'engine', 'accessXrayEngine.mjs') },
        { entry: join(root, 'cli', 'src', 'main.ts'), out: join(root, 'dist', 'cli', 'access-xray.mjs') }
    ];
    for (const { entry, out } of targets) {
        if (!existsSync(entry)) continue;
        await build({
            entryPoints: [entry],
            outfile: out,
            bundle: true,
            platform: 'node',
            format: 'esm',
            target: 'node22',
            packages: 'external',
            sourcemap: 'linked',
            logLevel: 'warning',
            banner: { js: "import { createRequire as __axCreateRequire } from 'node:module'; const require = __axCreateRequire(import.meta.url);" }
        });
        log(`build: ${relative(root, out)}`);
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
