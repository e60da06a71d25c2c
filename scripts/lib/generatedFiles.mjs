// Shared by the scripts that write generated files from TypeScript sources (`npm run plan:apex`):
// bundle a TypeScript entry with esbuild and import it, format Apex with prettier-plugin-apex,
// and write (or, with --check, only compare) the generated files.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The -meta.xml of every generated Apex class. */
export const APEX_CLASS_META =
    '<?xml version="1.0" encoding="UTF-8"?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">\n    <apiVersion>65.0</apiVersion>\n    <status>Active</status>\n</ApexClass>\n';

/**
 * Bundle `entry` (a path under `root`) and import it. Bundled inside the project's .build so the
 * packages left external (jsforce…) resolve from its node_modules; the bundle is removed after.
 */
export async function importTypeScript(root, entry) {
    const { build } = await import('esbuild');
    mkdirSync(join(root, '.build'), { recursive: true });
    const dir = mkdtempSync(join(root, '.build', 'axr-generate-'));
    try {
        const out = join(dir, 'entry.mjs');
        await build({ entryPoints: [join(root, entry)], outfile: out, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'warning' });
        return await import(pathToFileURL(out).href);
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

/** `source` formatted as the repository formats Apex (its prettier configuration for `path`). */
export async function formatApex(path, source) {
    const prettier = await import('prettier');
    const options = (await prettier.resolveConfig(path)) ?? {};
    return prettier.format(source, { ...options, filepath: path, parser: 'apex', plugins: ['prettier-plugin-apex'] });
}

/**
 * Write each [path, text] that differs, or with `check` report it (`drifted(relativePath)` says
 * what to run) and return the number of files that differ.
 */
export function writeGenerated(root, files, check, drifted) {
    let drift = 0;
    for (const [path, text] of files) {
        const current = existsSync(path) ? readFileSync(path, 'utf8') : null;
        if (current === text) continue;
        const relative = path.slice(root.length + 1);
        if (check) {
            console.error(drifted(relative));
            drift++;
        } else {
            writeFileSync(path, text);
            console.log(`wrote ${relative}`);
        }
    }
    return drift;
}
