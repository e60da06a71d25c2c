/** @jest-environment node */
/**
 * The CLI tests run most commands through one oclif-loaded process per test file
 * (helpers/cliWorker.mjs, `runCli`) instead of spawning `node bin/access-xray.js` for each
 * (`spawnCli`). This file proves the two are the same to a user: for successes, --json,
 * flag errors (exit 2), input errors (exit 1), help and version, an org login in a throwaway
 * HOME and an org that never answers (exit 69), the exit code, stdout and stderr are identical.
 * It is also where the bin itself (the alias `access-xray` of `sf xray`) runs as its own process.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeOrg, type FakeOrg } from '../../cli/src/fakeOrg/server';
import type { Snapshot } from '../../lwc-src/lwc/accessXrayEngine/types';
import fixture from './fixtures/mini-org.snapshot.json';
import { FIXTURE, freshHome, loginToFakeOrg, runCli, spawnCli, type CliRun } from './helpers/cli';

jest.setTimeout(180_000);

const SUE = '005000000000004AAA';
const CASE = '500000000000001AAA';
const PAT_CASE = '500Kx0000000001IAA';

/** The same run, but for the call frames of a --json error's "stack" (where the command was called from differs). */
function comparable(run: CliRun): CliRun {
    return { ...run, stdout: run.stdout.replace(/("stack": "[^\\"]*)(?:[^"\\]|\\.)*"/, '$1…"') };
}

describe('runCli (in one oclif process) answers exactly as node bin/access-xray.js does', () => {
    const outDir = mkdtempSync(join(tmpdir(), 'axr-harness-'));
    it.each([
        ['human output', ['explain', '-s', FIXTURE, '--user', SUE, '-i', CASE, '--operation', 'read']],
        ['--json', ['who-can-see', '-s', 'demo', '-i', PAT_CASE, '--limit', '3', '--json']],
        ['a flag error (exit 2)', ['explain', '--recrod', CASE]],
        ['an input error (exit 1)', ['explain', '-s', 'demo', '--user', 'Pat Partnr', '-i', PAT_CASE]],
        ['an input error with --json (exit 1, the error envelope on stdout)', ['explain', '-s', FIXTURE, '--user', '001000000000001AAA', '-i', CASE, '--json']],
        ['--output-file', ['explain', '-s', 'demo', '--user', 'Pat Partner', '-i', PAT_CASE, '-r', 'markdown', '--output-file', join(outDir, 'pat.md')]],
        ['help', ['help', 'explain']],
        ['--version', ['--version']]
    ])('%s', async (_name, args) => {
        const spawned = await spawnCli(args);
        const inProcess = await runCli(args);
        expect(comparable(inProcess)).toEqual(comparable(spawned));
    });

    describe('against the fake org, logged in in a throwaway HOME', () => {
        let org: FakeOrg;
        let home: string;
        beforeAll(async () => {
            org = await startFakeOrg({ snapshot: JSON.parse(JSON.stringify(fixture)) as Snapshot });
            home = freshHome();
            await loginToFakeOrg(home, 'fake', org.url, org.accessToken);
        });
        afterAll(async () => {
            await org.close();
        });
        beforeEach(() => org.clearFaults());

        it('a collection (the cost line on stderr)', async () => {
            const args = ['explain', '-o', 'fake', '--user', 'Sue Support', '-i', CASE, '--operation', 'read'];
            const spawned = await spawnCli(args, { home });
            const inProcess = await runCli(args, { home });
            expect(spawned.code).toBe(0);
            expect(comparable(inProcess)).toEqual(comparable(spawned));
        });

        it('an org that never answers (exit 69)', async () => {
            const args = ['explain', '-o', 'fake', '--user', SUE, '-i', CASE, '--timeout', '1'];
            org.injectFault({ kind: 'timeout', match: 'FROM UserRole' });
            const spawned = await spawnCli(args, { home });
            const inProcess = await runCli(args, { home });
            expect(spawned.code).toBe(69);
            expect(comparable(inProcess)).toEqual(comparable(spawned));
        });

        it('an alias that is not logged in, in another HOME (each command reads its own HOME)', async () => {
            const args = ['explain', '-o', 'fake', '--user', SUE, '-i', CASE];
            const elsewhere = freshHome();
            const spawned = await spawnCli(args, { home: elsewhere });
            const inProcess = await runCli(args, { home: elsewhere });
            expect(spawned.code).toBe(1);
            expect(comparable(inProcess)).toEqual(comparable(spawned));
            expect((await runCli(args, { home })).code).toBe(0);
        });
    });
});
