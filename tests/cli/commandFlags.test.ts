/** @jest-environment node */
/**
 * Every command's flags, as oclif loads them from the built plugin (dist/cli/commands): no two
 * flags of a command share a short character (oclif would give one of them the other's value:
 * `collect -i` meant both --record-id and --add-permission-set, since sf-plugins-core's
 * salesforceId flag defaults to -i), and every flag has a summary for `--help`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

const COMMANDS = join(__dirname, '..', '..', 'dist', 'cli', 'commands');

function commandFiles(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) return commandFiles(path);
        return name.endsWith('.mjs') ? [path] : [];
    });
}

type FlagSpec = { char?: string; help?: string };

/** The flags of every built command, loaded in one Node process of their own (the bundles are ES modules). */
function flagsOf(files: string[]): Record<string, Record<string, FlagSpec>> {
    const script = `const out = {};
for (const file of ${JSON.stringify(files.map((f) => pathToFileURL(f).href))}) {
    const c = (await import(file)).default;
    out[file] = Object.fromEntries(Object.entries(c.flags).map(([n, f]) => [n, { char: f.char, help: f.summary ?? f.description }]));
}
process.stdout.write(JSON.stringify(out));`;
    const res = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    if (res.status !== 0) throw new Error(res.stderr);
    return JSON.parse(res.stdout) as Record<string, Record<string, FlagSpec>>;
}

describe('command flags', () => {
    const files = commandFiles(COMMANDS);
    const loaded = flagsOf(files);

    test('the built plugin has every command', () => {
        expect(files.map((f) => relative(COMMANDS, f).replace(/\\/g, '/')).sort()).toEqual([
            'xray/collect.mjs',
            'xray/compare.mjs',
            'xray/explain.mjs',
            'xray/list/records.mjs',
            'xray/list/users.mjs',
            'xray/sweep.mjs',
            'xray/what-if.mjs',
            'xray/who-can-see.mjs'
        ]);
    });

    test.each(files.map((f) => [relative(COMMANDS, f), f]))('%s: short characters are unique and every flag says what it does', (_name, file) => {
        const flags = loaded[pathToFileURL(file).href] ?? {};
        expect(Object.keys(flags).length).toBeGreaterThan(0);
        const byChar = new Map<string, string[]>();
        for (const [name, spec] of Object.entries(flags)) {
            if (spec.char) byChar.set(spec.char, [...(byChar.get(spec.char) ?? []), name]);
        }
        expect([...byChar].filter(([, names]) => names.length > 1)).toEqual([]);
        expect(Object.entries(flags).filter(([, spec]) => !spec.help).map(([name]) => name)).toEqual([]);
    });
});
