/** @jest-environment node */
/**
 * Every `sf xray` command on the bundled demo org in each output people and scripts read:
 * human (headers, text, tables), Markdown (to paste into a Case or a chat) and JSON (the
 * sf envelope with --json; --result-format json, the result alone, is in cli.e2e.test.ts). And the default org:
 * without --target-org or --snapshot, the `target-org` config value is used, as in every sf
 * command (`sf config set target-org …`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startFakeOrg } from '../../cli/src/fakeOrg/server';
import type { Snapshot } from '../../lwc-src/lwc/accessXrayEngine/types';
import fixture from './fixtures/mini-org.snapshot.json';
import { freshHome, loginToFakeOrg, runCli } from './helpers/cli';

jest.setTimeout(180_000);

const PAT_CASE = '500Kx0000000001IAA';

const COMMANDS: [string, string[], RegExp, string][] = [
    ['explain', ['explain', '--user', 'Pat Partner', '-i', PAT_CASE], /^Access X-Ray: Pat Partner on Case 00001001/m, 'explanation'],
    ['who-can-see', ['who-can-see', '-i', PAT_CASE], /Who can see Case 00001001/, 'totalsByMechanism'],
    ['compare', ['compare', '--user', 'Paula Petersen', '--user', 'Pat Partner', '-i', PAT_CASE], /Paula Petersen vs Pat Partner on Case 00001001/, 'comparison'],
    ['what-if', ['what-if', '--user', 'Pat Partner', '-i', PAT_CASE, '--share', 'Read'], /What if we share 500Kx0000000001IAA with Pat Partner \(manual Read\)\?/, 'gained'],
    ['sweep', ['sweep', '--seed', '42'], /Fidelity sweep of the demo org/, 'agreementRate'],
    ['list users', ['list', 'users'], /Users in the snapshot/, 'users'],
    ['list records', ['list', 'records', '--object', 'Invoice__c'], /Records in the snapshot/, 'records']
];

describe.each(COMMANDS)('sf xray %s --snapshot demo', (_name, args, heading, resultKey) => {
    it('human: a header and tables or text on stdout', async () => {
        const run = await runCli([...args, '--snapshot', 'demo']);
        expect(run.code).toBe(0);
        expect(run.stdout).toMatch(heading);
        expect(run.stdout).not.toMatch(/^\s*[{[]/);
    });

    it('markdown: a Markdown heading, and pipe tables where there are tables', async () => {
        const run = await runCli([...args, '--snapshot', 'demo', '--result-format', 'markdown']);
        expect(run.code).toBe(0);
        expect(run.stdout).toMatch(/^#{1,3} |^\*\*/m);
        expect(run.stdout).not.toMatch(/[┌│└]/);
    });

    it(`json: the result in the sf envelope (--json), with "${resultKey}"`, async () => {
        const env = await runCli([...args, '--snapshot', 'demo', '--json']);
        expect(env.code).toBe(0);
        expect(env.stderr).toBe('');
        const out = JSON.parse(env.stdout) as { status: number; result: Record<string, unknown>; warnings: unknown[] };
        expect(out.status).toBe(0);
        expect(out.result).toHaveProperty(resultKey);
        expect(Array.isArray(out.warnings)).toBe(true);
    });
});

describe('the default org', () => {
    it('without --target-org or --snapshot, the target-org config value is the org (sf config set target-org fake)', async () => {
        const org = await startFakeOrg({ snapshot: JSON.parse(JSON.stringify(fixture)) as Snapshot });
        try {
            const home = freshHome();
            await loginToFakeOrg(home, 'fake', org.url, org.accessToken);
            mkdirSync(join(home, '.sf'), { recursive: true });
            writeFileSync(join(home, '.sf', 'config.json'), JSON.stringify({ 'target-org': 'fake' }));
            const run = await runCli(['explain', '--user', 'Sue Support', '-i', '500000000000001AAA', '--operation', 'read'], { home });
            expect(run.code).toBe(0);
            expect(run.stdout.split('\n')[0]).toMatch(/^Can Sue Support read Case 00001001\? No/);
            expect(org.requests.some((r) => r.soql?.includes('FROM UserRecordAccess'))).toBe(true);
        } finally {
            await org.close();
        }
    });
});
