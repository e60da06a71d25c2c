/** @jest-environment node */
/**
 * The plugin inside the real Salesforce CLI: `sf plugins link` of this checkout into the bundled
 * `@salesforce/cli` (devDependency) under a throwaway HOME, then `sf xray explain --help` and one
 * explanation of the demo org through `sf` itself (oclif discovers the commands in
 * dist/cli/commands, `sf`'s own help renders them). `--no-install`: the checkout already has its
 * dependencies (npm ci), and the test must not reach a registry.
 */
import { join } from 'node:path';
import { freshHome, runProgram } from './helpers/cli';
import { ROOT } from './helpers/engine';

jest.setTimeout(240_000);

const SF = join(ROOT, 'node_modules', '@salesforce', 'cli', 'bin', 'run.js');

describe('sf plugins link of this checkout', () => {
    const home = freshHome();
    const sf = (args: string[]) => runProgram(process.execPath, [SF, ...args], { home });

    beforeAll(async () => {
        const link = await sf(['plugins', 'link', '--no-install', ROOT]);
        expect(link.code).toBe(0);
    });

    it('sf plugins lists access-xray as a linked plugin', async () => {
        const list = await sf(['plugins', '--json']);
        expect(list.code).toBe(0);
        const plugins = JSON.parse(list.stdout) as { name: string; type: string; root: string }[];
        expect(plugins).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'access-xray', type: 'link', root: ROOT })]));
    });

    it('sf xray explain --help is sf help: usage, the flags sf plugins share (-o, --api-version, --json) and the examples', async () => {
        const help = await sf(['xray', 'explain', '--help']);
        expect(help.code).toBe(0);
        expect(help.stdout).toContain('$ sf xray explain -i <value> --user <value>');
        expect(help.stdout).toMatch(/-o, --target-org=<value>/);
        expect(help.stdout).toMatch(/--api-version=<value>/);
        expect(help.stdout).toMatch(/-i, --record-id=<value>/);
        expect(help.stdout).toContain('--json');
        expect(help.stdout).toContain('sf xray explain --snapshot demo --user "Pat Partner"');
    });

    it('sf xray explain on the demo org answers "Why can\'t Pat Partner see case 00001001?" (seed 000 steps 2, 7, 14)', async () => {
        const run = await sf(['xray', 'explain', '--snapshot', 'demo', '--user', 'Pat Partner', '--record-id', '500Kx0000000001IAA', '--operation', 'read', '--json']);
        expect(run.code).toBe(0);
        const out = JSON.parse(run.stdout) as { status: number; result: { operation: { allowed: boolean }; explanation: { userName: string } } };
        expect(out.status).toBe(0);
        expect(out.result.explanation.userName).toBe('Pat Partner');
        expect(out.result.operation.allowed).toBe(false);
    });
});
