#!/usr/bin/env node
/**
 * Builds the browser preview into preview/dist: the REAL compiled panel components from
 * force-app/main/default/lwc (run `npm run build` first), LWC OSS, lightning-base-components
 * from npm and SLDS, with preview-only swaps:
 *   - `c/accessXrayDataAdapter` → preview/previewDataAdapter.js (the demo org instead of Apex);
 *   - `lightning/recordPicker`  → preview/modules/lightning/recordPicker (not in the npm package);
 *   - `lightning/navigation`    → preview/modules/lightning/navigation (the npm module needs the
 *     Lightning container: links show their Lightning URL, a click is recorded, not followed);
 *   - `@salesforce/client/formFactor` → Small / Medium / Large from the window width.
 * Custom Labels (`@salesforce/label/c.*`) resolve to their values in the labels XML files.
 * Usage: node preview/build.mjs [--minify]
 */
import { createHash } from 'node:crypto';
import {
    cpSync,
    existsSync,
    mkdirSync,
    readFileSync,
    readdirSync,
    renameSync,
    rmSync,
    statSync,
    writeFileSync
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';
import lwc from '@lwc/rollup-plugin';
import replace from '@rollup/plugin-replace';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import ts from 'typescript';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const lwcOut = join(root, 'force-app', 'main', 'default', 'lwc');
const labelsDir = join(root, 'force-app', 'main', 'default', 'labels');
const dist = join(here, 'dist');
const snapshotFile = join(root, 'data', 'demo-org.snapshot.json');

/** Bump when a change to this script changes the compiled output of unchanged sources. */
const CACHE_VERSION = 2;
const LWC_OPTIONS = {
    rootDir: here,
    // lightning-combobox & co. are form-associated (attachInternals); synthetic shadow needs this.
    enableSyntheticElementInternals: true
};

function fail(message) {
    console.error(`preview: ${message}`);
    process.exit(1);
}

if (!existsSync(join(lwcOut, 'accessXray', 'accessXray.js'))) {
    fail('compiled components not found in force-app/main/default/lwc — run `npm run build` first.');
}
if (!existsSync(snapshotFile)) {
    fail('data/demo-org.snapshot.json not found (the bundled demo org).');
}

/** Custom Label values from every *.labels-meta.xml, by full name. */
function readLabels() {
    const decode = (s) =>
        s
            .replace(/&lt;/g, '<')
            .replace(/&gt;/g, '>')
            .replace(/&quot;/g, '"')
            .replace(/&apos;/g, "'")
            .replace(/&amp;/g, '&');
    const labels = new Map();
    for (const file of readdirSync(labelsDir).filter((f) => f.endsWith('.labels-meta.xml'))) {
        const xml = readFileSync(join(labelsDir, file), 'utf8');
        for (const block of xml.split('<labels>').slice(1)) {
            const name = /<fullName>([^<]+)<\/fullName>/.exec(block)?.[1];
            const value = /<value>([\s\S]*?)<\/value>/.exec(block)?.[1];
            if (name && value !== undefined) labels.set(name, decode(value));
        }
    }
    return labels;
}

/** Resolves `@salesforce/label/c.NAME` to a module exporting the label's value. */
function customLabels(labels) {
    const prefix = '@salesforce/label/c.';
    return {
        name: 'axr-custom-labels',
        resolveId(id) {
            return id.startsWith(prefix) ? `\0axr-label:${id.slice(prefix.length)}` : null;
        },
        load(id) {
            if (!id.startsWith('\0axr-label:')) return null;
            const name = id.slice('\0axr-label:'.length);
            if (!labels.has(name))
                this.error(`Custom Label ${name} is imported but not defined in ${relative(root, labelsDir)}`);
            return `export default ${JSON.stringify(labels.get(name))};`;
        }
    };
}

/**
 * `@salesforce/client/formFactor`: the platform says Small on a phone, Medium on a tablet and
 * Large on a desktop; the preview derives it from the window width when the page loads.
 */
function clientFormFactor() {
    const id = '@salesforce/client/formFactor';
    return {
        name: 'axr-form-factor',
        resolveId(source) {
            return source === id ? `\0axr-form-factor` : null;
        },
        load(source) {
            if (source !== `\0axr-form-factor`) return null;
            return "const w = typeof window === 'undefined' ? 1280 : window.innerWidth;\nexport default w < 480 ? 'Small' : w < 1024 ? 'Medium' : 'Large';\n";
        }
    };
}

/**
 * Preview-only modules written in TypeScript (so their LWC decorators lint with
 * typescript-eslint) are transpiled to .build/preview-modules, html/css copied alongside.
 */
function transpilePreviewModules() {
    const out = join(root, '.build', 'preview-modules');
    rmSync(out, { recursive: true, force: true });
    const walk = (dir) =>
        readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
    for (const file of walk(join(here, 'modules'))) {
        const target = join(out, relative(join(here, 'modules'), file)).replace(/\.ts$/, '.js');
        mkdirSync(dirname(target), { recursive: true });
        if (file.endsWith('.ts')) {
            const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
                compilerOptions: {
                    target: ts.ScriptTarget.ESNext,
                    module: ts.ModuleKind.ESNext,
                    useDefineForClassFields: true
                },
                fileName: file
            });
            writeFileSync(target, outputText);
        } else {
            cpSync(file, target);
        }
    }
    return out;
}

/** One alias per compiled bundle: `c/<name>` → force-app/main/default/lwc/<name>/<name>.js. */
function componentModules() {
    return readdirSync(lwcOut)
        .filter((name) => statSync(join(lwcOut, name)).isDirectory() && existsSync(join(lwcOut, name, `${name}.js`)))
        .filter((name) => name !== 'accessXrayDataAdapter')
        .map((name) => ({ name: `c/${name}`, path: join(lwcOut, name, `${name}.js`) }));
}

export async function buildPreview({ minify = false } = {}) {
    const started = Date.now();
    // Build into a private folder and swap it in at the end, so a preview being served (or an
    // e2e run in progress) never sees a half-written dist.
    const out = join(root, '.build', `preview-dist-${process.pid}`);
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    const labels = readLabels();
    const previewModules = transpilePreviewModules();
    const plugins = [
        customLabels(labels),
        clientFormFactor(),
        replace({
            preventAssignment: true,
            values: { 'process.env.NODE_ENV': JSON.stringify('production'), 'import.meta.env.SSR': 'false' }
        }),
        lwc({
            ...LWC_OPTIONS,
            modules: [
                { name: 'c/accessXrayDataAdapter', path: join(here, 'previewDataAdapter.js') },
                {
                    name: 'lightning/recordPicker',
                    path: join(previewModules, 'lightning', 'recordPicker', 'recordPicker.js')
                },
                { name: 'lightning/navigation', path: join(previewModules, 'lightning', 'navigation', 'navigation.js') },
                { name: 'preview/app', path: join(previewModules, 'preview', 'app', 'app.js') },
                ...componentModules(),
                { npm: 'lightning-base-components' }
            ]
        }),
        nodeResolve({ rootDir: root })
    ];
    if (minify) {
        const { default: terser } = await import('@rollup/plugin-terser').catch(() => ({ default: null }));
        if (terser) plugins.push(terser());
    }
    // Rollup's module cache (.build/preview-rollup-cache.json) makes rebuilds fast: compiling
    // lightning-base-components dominates a cold build.
    const cacheFile = join(root, '.build', 'preview-rollup-cache.json');
    // The cache is only valid for the same compiler versions and plugin options.
    const version = (pkg) => JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;
    const buildKey = createHash('sha256')
        .update(
            JSON.stringify([
                CACHE_VERSION,
                version('lwc'),
                version('rollup'),
                version('lightning-base-components'),
                LWC_OPTIONS
            ])
        )
        .digest('hex');
    let cache;
    if (existsSync(cacheFile) && !process.argv.includes('--no-cache')) {
        try {
            const saved = JSON.parse(readFileSync(cacheFile, 'utf8'));
            cache = saved.buildKey === buildKey ? saved.cache : undefined;
        } catch {
            cache = undefined;
        }
    }
    const bundle = await rollup({
        input: join(here, 'src', 'main.js'),
        cache,
        plugins,
        onwarn(warning, warn) {
            if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') return;
            // lightning-base-components' own templates trip a few LWC compiler warnings; not ours.
            if (String(warning.id ?? warning.loc?.file ?? '').includes('lightning-base-components')) return;
            warn(warning);
        }
    });
    await bundle.write({ file: join(out, 'app.js'), format: 'iife', inlineDynamicImports: true, sourcemap: false });
    mkdirSync(dirname(cacheFile), { recursive: true });
    writeFileSync(cacheFile, JSON.stringify({ buildKey, cache: bundle.cache }));
    await bundle.close();
    cpSync(join(here, 'src', 'index.html'), join(out, 'index.html'));
    const slds = join(root, 'node_modules', '@salesforce-ux', 'design-system', 'assets');
    cpSync(join(slds, 'styles'), join(out, 'slds', 'styles'), { recursive: true });
    cpSync(join(slds, 'icons'), join(out, 'slds', 'icons'), { recursive: true });
    cpSync(join(slds, 'images'), join(out, 'slds', 'images'), { recursive: true });
    cpSync(snapshotFile, join(out, 'demo-org.snapshot.json'));
    const old = join(root, '.build', `preview-dist-old-${process.pid}`);
    if (existsSync(dist)) renameSync(dist, old);
    renameSync(out, dist);
    rmSync(old, { recursive: true, force: true });
    const size = statSync(join(dist, 'app.js')).size;
    console.log(
        `preview: built ${relative(root, dist)} (app.js ${(size / 1024).toFixed(0)} KiB) in ${Date.now() - started} ms`
    );
    return { dist, appBytes: size };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
    await buildPreview({ minify: process.argv.includes('--minify') });
}
