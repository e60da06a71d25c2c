/** @jest-environment node */
/**
 * Every example runs as written: each `sf xray …` / `access-xray …` command in docs/cli.md and
 * the README (code blocks; `$ ` lines of console blocks) and in the commands' help examples
 * (messages/xray.*.md) is run through the alias, in document order, in one scratch folder.
 * Examples on `--snapshot demo` read the bundled demo org; examples on `--target-org my-sandbox`
 * run against the fake org serving the same demo org, logged in as `my-sandbox` with a
 * refresh-token login. A console block's documented output must appear in what the command
 * prints (fragments around "…"), and a documented error must be the error it prints.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeOrgFront, type FakeOrgFront } from '../../cli/src/fakeOrg/front';
import { startFakeOrg, type FakeOrg } from '../../cli/src/fakeOrg/server';
import type { Snapshot } from '../../lwc-src/lwc/accessXrayEngine/types';
import { freshHome, loginWithRefreshToken, runCli } from './helpers/cli';
import { ROOT } from './helpers/engine';

jest.setTimeout(180_000);

interface Example {
    source: string;
    line: string;
    args: string[];
    /** Documented output lines (console blocks). */
    output: string[];
}

/** Split a command line as a POSIX shell would for these examples (quotes, no expansions). */
export function shellWords(line: string): string[] {
    const words: string[] = [];
    let current = '';
    let quote: string | null = null;
    let started = false;
    for (const c of line) {
        if (quote) {
            if (c === quote) quote = null;
            else current += c;
        } else if (c === '"' || c === "'") {
            quote = c;
            started = true;
        } else if (/\s/.test(c)) {
            if (started || current) words.push(current);
            current = '';
            started = false;
        } else current += c;
    }
    if (started || current) words.push(current);
    return words;
}

function commandArgs(line: string): string[] | undefined {
    const words = shellWords(line.replace(/^\$ /, ''));
    if (words[0] === 'sf' && words[1] === 'xray') return words.slice(2);
    if (words[0] === 'npx' && words[1] === 'access-xray') return words.slice(2);
    if (words[0] === 'access-xray') return words.slice(1);
    return undefined;
}

function fromMarkdown(file: string): Example[] {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const out: Example[] = [];
    for (const block of text.matchAll(/```(sh|bash|console)\n([\s\S]*?)```/g)) {
        const lines = (block[2] as string).split('\n').filter((l) => l.trim());
        const console = block[1] === 'console';
        for (const [i, raw] of lines.entries()) {
            const line = raw.trim();
            if (console && !line.startsWith('$ ')) continue;
            const args = commandArgs(line);
            if (!args) continue;
            const output: string[] = [];
            if (console) for (const o of lines.slice(i + 1)) {
                if (o.startsWith('$ ')) break;
                output.push(o);
            }
            out.push({ source: file, line: line.replace(/^\$ /, ''), args, output });
        }
    }
    return out;
}

function fromMessages(): Example[] {
    const dir = join(ROOT, 'messages');
    return readdirSync(dir)
        .filter((f) => /^xray\..*\.md$/.test(f) && f !== 'xray.shared.md')
        .flatMap((f) => {
            const id = f.replace(/\.md$/, '').split('.').join(' ');
            const examples = /# examples\n([\s\S]*?)(?=\n# |$)/.exec(readFileSync(join(dir, f), 'utf8'))?.[1] ?? '';
            return [...examples.matchAll(/<%= config\.bin %> <%= command\.id %>(.*)/g)].map((m) => {
                const line = `sf ${id}${m[1] as string}`;
                return { source: `messages/${f}`, line, args: commandArgs(line) ?? [], output: [] };
            });
        });
}

/** Each command line once (the README and the help repeat some of docs/cli.md), with every output documented for it. */
function unique(all: Example[]): Example[] {
    const byLine = new Map<string, Example>();
    for (const e of all) {
        const seen = byLine.get(e.line);
        if (seen) seen.output.push(...e.output);
        else byLine.set(e.line, { ...e, output: [...e.output] });
    }
    return [...byLine.values()];
}

const examples = unique([...fromMarkdown('docs/cli.md'), ...fromMarkdown('README.md'), ...fromMessages()]);

describe('every sf xray example in docs/cli.md, the README and the command help runs as written', () => {
    let org: FakeOrg;
    let front: FakeOrgFront;
    const home = freshHome();
    const cwd = mkdtempSync(join(tmpdir(), 'axr-examples-'));

    beforeAll(async () => {
        const demo = JSON.parse(readFileSync(join(ROOT, 'data', 'demo-org.snapshot.json'), 'utf8')) as Snapshot;
        org = await startFakeOrg({ snapshot: demo, loginUserId: '005Kx0000000013IAA' });
        front = await startFakeOrgFront({ backend: org });
        await loginWithRefreshToken(home, 'my-sandbox', front.url, front.refreshToken);
    });
    afterAll(async () => {
        await front.close();
        await org.close();
    });

    it('finds the examples (each command at least once)', () => {
        const commands = new Set(examples.map((e) => e.args.filter((a) => !a.startsWith('-')).slice(0, 2).join(' ')));
        for (const c of ['explain', 'collect', 'who-can-see', 'compare', 'what-if', 'sweep', 'list users', 'list records'])
            expect([...commands].some((x) => x.startsWith(c))).toBe(true);
        expect(examples.length).toBeGreaterThan(20);
    });

    it.each(examples.map((e) => [`${e.source}: ${e.line}`, e] as const))('%s', async (_name, example) => {
        const run = await runCli(example.args, { home, cwd });
        const printed = `${run.stdout}\n${run.stderr}`.replace(/[ \t]+/g, ' ');
        const documentedError = example.output.find((l) => l.startsWith('Error ('));
        if (documentedError) {
            expect(run.code).toBe(1);
            expect(run.stderr).toContain(documentedError);
            return;
        }
        expect([example.line, run.code, run.stderr.split('\n').filter((l) => l.startsWith('Error'))]).toEqual([example.line, 0, []]);
        for (const line of example.output) {
            for (const fragment of line.split('…').map((f) => f.trim().replace(/[ \t]+/g, ' ')).filter((f) => f.length >= 8))
                expect([line, printed.includes(fragment)]).toEqual([line, true]);
        }
    });
});
