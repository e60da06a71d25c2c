/** @jest-environment node */
/**
 * What `npm pack` would publish for the plugin (`npm pack --dry-run --json`, without the
 * prepack build: `npm test` builds first): the bin, the built commands, the messages, the demo
 * snapshot that `--snapshot demo` reads, the LICENSE and README — and no tests, fixtures,
 * sources or demo data the plugin doesn't read. Every module the built commands import is a
 * declared dependency (or a Node built-in), so `sf plugins install` gets a plugin that loads;
 * every `files` entry exists (plugin-plugins checks that after an install).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { ROOT } from './helpers/engine';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    name: string;
    private?: boolean;
    license: string;
    files: string[];
    dependencies: Record<string, string>;
    engines: { node: string };
    oclif: { commands: string; bin: string; topicSeparator: string };
};

function packedFiles(): string[] {
    const npmCli = process.env.npm_execpath;
    const [cmd, pre] = npmCli && npmCli.endsWith('.js') ? [process.execPath, [npmCli]] : ['npm', []];
    const out = execFileSync(cmd, [...pre, 'pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return (JSON.parse(out) as { files: { path: string }[] }[])[0]?.files.map((f) => f.path) ?? [];
}

describe('the published plugin package', () => {
    const files = packedFiles();

    it('is public, Apache-2.0 (the LICENSE file says the same), needs Node 22, and declares itself an sf plugin (oclif, topic separator " ")', () => {
        expect(pkg.private).toBeUndefined();
        expect(pkg.license).toBe('Apache-2.0');
        const licence = readFileSync(join(ROOT, 'LICENSE'), 'utf8');
        expect(licence).toMatch(/Apache License\s+Version 2\.0, January 2004/);
        expect(pkg.engines.node).toBe('>=22');
        expect(pkg.oclif).toMatchObject({ commands: './dist/cli/commands', bin: 'sf', topicSeparator: ' ' });
    });

    it('contains the bin, every built command, the messages, the demo snapshot, LICENSE and README', () => {
        expect(files).toEqual(expect.arrayContaining(['package.json', 'LICENSE', 'README.md', 'bin/access-xray.js', 'data/demo-org.snapshot.json']));
        for (const c of ['explain', 'collect', 'who-can-see', 'compare', 'what-if', 'sweep', 'list/users', 'list/records'])
            expect(files).toContain(`dist/cli/commands/xray/${c}.mjs`);
        expect(files.filter((f) => f.startsWith('messages/')).length).toBeGreaterThanOrEqual(9);
    });

    it('contains no tests, fixtures, sources, Salesforce metadata, source maps or other demo data', () => {
        const unwanted = files.filter((f) =>
            /^(tests|lwc-src|force-app|unpackaged|scripts|cli\/src|preview|e2e|docs|config)\/|\.map$|\.test\.|fixtures|demo-org\.scenarios|^data\/tree|^dist\/engine/.test(f)
        );
        expect(unwanted).toEqual([]);
    });

    it('imports nothing but Node built-ins and declared dependencies (and no longer depends on @salesforce/apex-node)', () => {
        expect(pkg.dependencies['@salesforce/apex-node']).toBeUndefined();
        const bare = new Set<string>();
        for (const f of files.filter((x) => x.endsWith('.mjs') || x.endsWith('.js'))) {
            const code = readFileSync(join(ROOT, f), 'utf8');
            for (const m of code.matchAll(/(?:^|[\s;])(?:import|export)\b[^;'"]*?from\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)|\brequire\(\s*["']([^"']+)["']\s*\)/g)) {
                const spec = (m[1] ?? m[2] ?? m[3]) as string;
                // Bare module specifiers (package names), not relative chunks.
                if (/^(?:@[a-z0-9~-][a-z0-9._~-]*\/)?[a-z0-9~-][a-z0-9._~-]*(?:\/[\w./-]*)?$/.test(spec) || spec.startsWith('node:')) bare.add(spec);
            }
        }
        const packageOf = (spec: string): string => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] as string));
        const undeclared = [...bare]
            .filter((s) => !s.startsWith('node:') && !builtinModules.includes(s))
            .map(packageOf)
            .filter((p) => !(p in pkg.dependencies));
        expect(undeclared).toEqual([]);
        expect([...bare].map(packageOf)).toEqual(expect.arrayContaining(['@oclif/core', '@salesforce/sf-plugins-core', '@salesforce/core']));
    });

    it('every "files" entry exists after the build (plugin-plugins checks this after sf plugins install)', () => {
        for (const entry of pkg.files) {
            const path = entry.replace(/^\//, '').replace(/\/\*\*.*$/, '');
            expect([entry, existsSync(join(ROOT, path))]).toEqual([entry, true]);
        }
    });
});
