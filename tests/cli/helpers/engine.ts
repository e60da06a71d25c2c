/**
 * Run the built engine (dist/engine/accessXrayEngine.mjs, made by `npm run build`) in a
 * child Node process. Node-environment Jest tests can't import lwc-src modules directly:
 * the LWC Jest transformer adds DOM-only LWC engine code to them.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = resolve(__dirname, '..', '..', '..');
const ENGINE = pathToFileURL(join(ROOT, 'dist', 'engine', 'accessXrayEngine.mjs')).href;

/** `body` is an async function body with `engine` and `snapshot` in scope; its return value comes back as JSON. */
export function withEngine<T>(snapshot: unknown, body: string): T {
    const dir = mkdtempSync(join(tmpdir(), 'axr-engine-'));
    try {
        const file = join(dir, 'snapshot.json');
        writeFileSync(file, JSON.stringify(snapshot));
        const script = `import * as engine from ${JSON.stringify(ENGINE)}; import { readFileSync } from 'node:fs';
const snapshot = JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'));
const out = await (async () => { ${body} })();
process.stdout.write(JSON.stringify(out));`;
        const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
        return JSON.parse(stdout) as T;
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}
