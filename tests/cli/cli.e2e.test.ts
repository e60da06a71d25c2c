/** @jest-environment node */
/**
 * `access-xray` spawned as a user runs it (node bin/access-xray.js …, after npm run build),
 * on the fixture snapshot, the demo org (data/demo-org.snapshot.json) and the fake org
 * logged in through @salesforce/core. Exit codes and output shapes: docs/cli.md.
 * Expected verdicts come from the fixture's documented scenarios
 * (tests/cli/fixtures/mini-org.snapshot.json meta.description) and the demo scenarios
 * (data/demo-org.scenarios.json, with their seed sources).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeOrg, type FakeOrg } from '../../cli/src/fakeOrg/server';
import type { Snapshot } from '../../lwc-src/lwc/accessXrayEngine/types';
import fixture from './fixtures/mini-org.snapshot.json';
import { FIXTURE, freshHome, loginToFakeOrg, runCli, type CliRun } from './helpers/cli';
import { ROOT } from './helpers/engine';

// Each org test spawns Node processes that load @salesforce/core (several seconds on a busy machine).
jest.setTimeout(90_000);

const SUE = '005000000000004AAA';
const MIA = '005000000000003AAA';
const CASE = '500000000000001AAA';
const ACME = '001000000000001AAA';

function oneLineError(run: CliRun, exitCode: number, pattern: RegExp): void {
    expect(run.code).toBe(exitCode);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(pattern);
    expect(run.stderr).not.toMatch(/\n\s+at /);
}

function json<T = Record<string, unknown>>(run: CliRun): T {
    return JSON.parse(run.stdout) as T;
}

describe('access-xray on snapshots', () => {
    it('explain --operation read: Sue Support cannot read case 00001001 (Private OWD, no share reaches her)', async () => {
        const run = await runCli([
            'explain',
            '--snapshot',
            FIXTURE,
            '--user',
            'sue@fixture.example',
            '--record',
            CASE,
            '--operation',
            'read'
        ]);
        expect(run.code).toBe(0);
        expect(run.stdout.split('\n')[0]).toMatch(/^Can Sue Support read 00001001\? No/);
        expect(run.stdout).toContain('Role hierarchy');
        expect(run.stderr).toBe('');
    });

    it('explain --json: { status: 0, result: { explanation, operation } } with the role-hierarchy grant for Mia (seed 001 layer 4)', async () => {
        const run = await runCli(['explain', '-s', FIXTURE, '-u', MIA, '-r', CASE, '--operation', 'delete', '--json']);
        expect(run.code).toBe(0);
        const out = json<{
            status: number;
            result: {
                explanation: {
                    access: Record<string, boolean>;
                    maxAccessLevel: string;
                    layers: { id: string; status: string }[];
                };
                operation: { allowed: boolean };
            };
            warnings: string[];
        }>(run);
        expect(out.status).toBe(0);
        expect(out.result.explanation.maxAccessLevel).toBe('All');
        expect(out.result.explanation.layers.find((l) => l.id === 'roleHierarchy')?.status).toBe('grants');
        expect(out.result.operation.allowed).toBe(true);
        expect(out.warnings).toEqual([]);
    });

    it('explain --format markdown renders Markdown for a Case comment', async () => {
        const run = await runCli([
            'explain',
            '-s',
            FIXTURE,
            '-u',
            SUE,
            '-r',
            CASE,
            '--operation',
            'edit',
            '--format',
            'markdown'
        ]);
        expect(run.code).toBe(0);
        expect(run.stdout.startsWith('**Can Sue Support edit 00001001? No')).toBe(true);
        expect(run.stdout).toMatch(/^#{1,3} /m);
    });

    it('explain on the demo org: the headline scenario "Why can\'t Pat Partner see case 00001001?" (seed 000 steps 2, 7, 14)', async () => {
        const scenarios = JSON.parse(readFileSync(join(ROOT, 'data', 'demo-org.scenarios.json'), 'utf8')) as {
            scenarios: { key: string; userId: string; recordId: string; expected: { maxAccessLevel: string } }[];
        };
        const pat = scenarios.scenarios.find((s) => s.key === 'pat-case-1001');
        expect(pat).toBeDefined();
        const run = await runCli([
            'explain',
            '--snapshot',
            'demo',
            '--user',
            pat?.userId ?? '',
            '--record',
            pat?.recordId ?? '',
            '--json'
        ]);
        expect(run.code).toBe(0);
        expect(
            json<{ result: { explanation: { maxAccessLevel: string } } }>(run).result.explanation.maxAccessLevel
        ).toBe(pat?.expected.maxAccessLevel);
    });

    it('who-can-see lists Ada (Modify All Data), Mia (role above the owner) and Sam (owner), and pages with --limit/--offset', async () => {
        const all = json<{ result: { total: number; users: { userName: string; maxAccessLevel: string }[] } }>(
            await runCli(['who-can-see', '-s', FIXTURE, '-r', CASE, '--json'])
        );
        expect(all.result.total).toBe(3);
        expect(all.result.users.map((u) => [u.userName, u.maxAccessLevel]).sort()).toEqual([
            ['Ada Admin', 'All'],
            ['Mia Manager', 'All'],
            ['Sam Sales', 'All']
        ]);
        const page = await runCli(['who-can-see', '-s', FIXTURE, '-r', CASE, '--limit', '1', '--offset', '1']);
        expect(page.code).toBe(0);
        expect(page.stdout).toMatch(/3 users with access \(showing 2–2\)/);
        expect(page.stdout).toContain('Next page: --offset 2 --limit 1');
    });

    it('compare names the layers that differ between Mia and Sue (role hierarchy, sharing rule through EMEA Sales)', async () => {
        const out = json<{ result: { comparison: { differingLayers: string[] } } }>(
            await runCli(['compare', '-s', FIXTURE, '--user', MIA, '--user', SUE, '-r', CASE, '--json'])
        );
        expect(out.result.comparison.differingLayers).toEqual(
            expect.arrayContaining(['roleHierarchy', 'sharingRules'])
        );
        const text = await runCli(['compare', '-s', FIXTURE, '--user', MIA, '--user', SUE, '-r', CASE]);
        expect(text.stdout.split('\n')[0]).toBe('Mia Manager vs Sue Support on 00001001');
    });

    it('what-if --add-to-group EMEA_Sales: before None, after Read (the group has a sharing-rule AccountShare with CaseAccessLevel Read)', async () => {
        const out = json<{
            result: {
                before: { maxAccessLevel: string };
                after: { maxAccessLevel: string };
                gained: string[];
                description: string;
            };
        }>(await runCli(['what-if', '-s', FIXTURE, '-u', SUE, '-r', CASE, '--add-to-group', 'EMEA_Sales', '--json']));
        expect(out.result).toMatchObject({
            before: { maxAccessLevel: 'None' },
            after: { maxAccessLevel: 'Read' },
            gained: ['read'],
            description: 'add Sue Support to group EMEA Sales'
        });
    });

    it('what-if --share Edit grants read and edit; the text shows before and after', async () => {
        const run = await runCli(['what-if', '-s', FIXTURE, '-u', SUE, '-r', CASE, '--share', 'edit']);
        expect(run.code).toBe(0);
        expect(run.stdout).toContain('What if we share 500000000000001AAA with Sue Support (manual Edit)?');
        expect(run.stdout).toMatch(/Before: None/);
        expect(run.stdout).toMatch(/After: {2}Edit/);
        expect(run.stdout).toContain('It would grant: read, edit');
    });

    it('--help and --version exit 0', async () => {
        const help = await runCli(['--help']);
        expect(help.code).toBe(0);
        expect(help.stdout).toContain('who-can-see');
        const cmdHelp = await runCli(['collect', '--help']);
        expect(cmdHelp.stdout).toContain('--output-file');
        const version = await runCli(['--version']);
        expect(version.stdout.trim()).toMatch(/^access-xray \d+\.\d+\.\d+$/);
    });
});

describe('access-xray bad input: one line on stderr, non-zero exit, no stack trace', () => {
    it('unknown command and unknown flag → usage error (exit 1)', async () => {
        oneLineError(await runCli(['explian']), 1, /^Error \(UsageError\): Unknown command "explian"/);
        oneLineError(
            await runCli(['explain', '--recrod', CASE]),
            1,
            /^Error \(UsageError\): Unknown flag --recrod for explain/
        );
        oneLineError(await runCli(['explain', '-s', FIXTURE, '--user', SUE]), 1, /Missing --record for explain/);
        oneLineError(
            await runCli(['explain', '-s', FIXTURE, '-u', SUE, '-r', CASE, '--operation', 'view']),
            1,
            /--operation must be one of read, edit, delete, transfer, share/
        );
        oneLineError(
            await runCli(['what-if', '-s', FIXTURE, '-u', SUE, '-r', CASE]),
            1,
            /exactly one of --add-permission-set, --add-to-group or --share/
        );
    });

    it('wrong id type: an Account id given as --user, a non-id as --record', async () => {
        oneLineError(
            await runCli(['explain', '-s', FIXTURE, '-u', ACME, '-r', CASE]),
            1,
            /^Error \(WrongIdType\): --user 001000000000001AAA is not a User id \(User ids start with 005/
        );
        oneLineError(
            await runCli(['explain', '-s', FIXTURE, '-u', SUE, '-r', 'case-1001']),
            1,
            /^Error \(WrongIdType\): --record case-1001 is not a Salesforce id/
        );
    });

    it('unknown user and unknown record in the snapshot', async () => {
        oneLineError(
            await runCli(['explain', '-s', FIXTURE, '-u', '005000000000099AAA', '-r', CASE]),
            1,
            /^Error \(UnknownUser\): No user with Id 005000000000099AAA in the snapshot\. The snapshot was collected for: Mia Manager/
        );
        oneLineError(
            await runCli(['explain', '-s', FIXTURE, '-u', SUE, '-r', '500000000000099AAA']),
            1,
            /^Error \(UnknownRecord\): No record with Id 500000000000099AAA \(Case\) in the snapshot/
        );
    });

    it('malformed snapshot: missing file, not JSON, not a snapshot (the JSON path is named)', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'axr-bad-'));
        const notJson = join(dir, 'broken.json');
        writeFileSync(notJson, '{ "schemaVersion": 1, ');
        const badShape = join(dir, 'bad.json');
        const copy = JSON.parse(JSON.stringify(fixture)) as Snapshot;
        (copy.tables.CaseShare as Record<string, unknown>[])[0] = {
            ...(copy.tables.CaseShare?.[0] ?? {}),
            UserOrGroupId: 42
        };
        writeFileSync(badShape, JSON.stringify(copy));
        oneLineError(
            await runCli(['explain', '-s', join(dir, 'missing.json'), '-u', SUE, '-r', CASE]),
            1,
            /^Error \(SnapshotNotFound\): No snapshot file at /
        );
        oneLineError(
            await runCli(['explain', '-s', notJson, '-u', SUE, '-r', CASE]),
            1,
            /^Error \(MalformedSnapshot\): .*broken\.json is not valid JSON/
        );
        oneLineError(
            await runCli(['explain', '-s', badShape, '-u', SUE, '-r', CASE]),
            1,
            /^Error \(MalformedSnapshot\): .*bad\.json is not a valid snapshot: tables\.CaseShare\[0\]\.UserOrGroupId/
        );
    });

    it('--json errors: { status, name, message, exitCode } on stdout, nothing on stderr', async () => {
        const run = await runCli(['explain', '-s', FIXTURE, '-u', ACME, '-r', CASE, '--json']);
        expect(run.code).toBe(1);
        expect(run.stderr).toBe('');
        expect(json(run)).toEqual({
            status: 1,
            name: 'WrongIdType',
            message: expect.stringContaining('is not a User id'),
            exitCode: 1
        });
    });

    it("who-can-see paging flags that cannot work: --after on a snapshot, --offset past SOQL's 2000 on an org", async () => {
        oneLineError(
            await runCli(['who-can-see', '-s', FIXTURE, '-r', CASE, '--after', SUE]),
            1,
            /--after pages an org's users; with --snapshot use --offset/
        );
        oneLineError(
            await runCli(['who-can-see', '-o', 'nope', '-r', CASE, '--offset', '2500']),
            1,
            /SOQL OFFSET stops at 2000: page the org's users with --after/
        );
    });

    it('unknown org alias → exit 2 with the login command to run', async () => {
        oneLineError(
            await runCli(['explain', '--target-org', 'nope', '-u', SUE, '-r', CASE]),
            2,
            /^Error \(UnknownOrg\): No org login named nope: log in first with sf org login web --alias nope/
        );
    });

    it('no org and no snapshot → usage error naming both flags', async () => {
        oneLineError(
            await runCli(['explain', '-u', SUE, '-r', CASE]),
            1,
            /pass --target-org <alias\|username> \(or --snapshot <file\|demo>\)/
        );
    });
});

describe('access-xray against the fake org (logged in with @salesforce/core in a throwaway HOME)', () => {
    let org: FakeOrg;
    let home: string;

    // One fake org and one login for the block; each test starts with no faults and an empty request log.
    beforeAll(async () => {
        org = await startFakeOrg({ snapshot: JSON.parse(JSON.stringify(fixture)) as Snapshot });
        home = freshHome();
        await loginToFakeOrg(home, 'fake', org.url, org.accessToken);
    });
    beforeEach(() => {
        org.clearFaults();
        org.requests.length = 0;
    });
    afterAll(async () => {
        await org.close();
    });

    it('explain -o fake collects then explains, and reports the queries it used on stderr', async () => {
        const run = await runCli(
            ['explain', '-o', 'fake', '-u', 'sue@fixture.example', '-r', CASE, '--operation', 'read'],
            { home }
        );
        expect(run.code).toBe(0);
        expect(run.stdout.split('\n')[0]).toMatch(/^Can Sue Support read 00001001\? No/);
        const queries = Number(/Collected with (\d+) queries/.exec(run.stderr)?.[1]);
        expect(queries).toBeGreaterThan(5);
        expect(org.requests.filter((r) => r.soql).length).toBeGreaterThanOrEqual(queries);
    });

    it('collect writes a snapshot atomically, without the token, that replays to the same verdict', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'axr-out-'));
        const file = join(dir, 'snap.json');
        const run = await runCli(
            ['collect', '-o', 'fake', '-u', SUE, '-u', MIA, '-r', CASE, '--output-file', file, '--json'],
            { home }
        );
        expect(run.code).toBe(0);
        const out = json<{ result: { path: string; queries: number; rows: number } }>(run);
        expect(out.result.path).toBe(file);
        expect(readdirSync(dir)).toEqual(['snap.json']);
        const text = readFileSync(file, 'utf8');
        expect(text).not.toContain(org.accessToken);
        const snap = JSON.parse(text) as Snapshot;
        expect(snap.meta.queries).toBe(out.result.queries);
        expect(snap.subjects?.map((s) => s.userId)).toEqual([SUE, MIA]);
        const fromFile = json<{ result: { explanation: { access: unknown } } }>(
            await runCli(['explain', '-s', file, '-u', MIA, '-r', CASE, '--json'])
        );
        const fromFixture = json<{ result: { explanation: { access: unknown } } }>(
            await runCli(['explain', '-s', FIXTURE, '-u', MIA, '-r', CASE, '--json'])
        );
        expect(fromFile.result.explanation.access).toEqual(fromFixture.result.explanation.access);
    });

    it('expired session: exit 2, one line, and no file (not even a temporary one) is written', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'axr-out-'));
        org.injectFault({ kind: 'expiredSession', match: 'FROM GroupMember' });
        const run = await runCli(
            ['collect', '-o', 'fake', '-u', SUE, '-r', CASE, '--output-file', join(dir, 'snap.json')],
            { home }
        );
        oneLineError(run, 2, /^Error \(ExpiredSession\): The session for fake has expired/);
        expect(readdirSync(dir)).toEqual([]);
    });

    it('a request that never answers: exit 2 after --timeout, one line naming the query', async () => {
        org.injectFault({ kind: 'timeout', match: 'FROM UserRole' });
        const started = Date.now();
        const run = await runCli(['explain', '-o', 'fake', '-u', SUE, '-r', CASE, '--timeout', '1'], { home });
        oneLineError(
            run,
            2,
            /^Error \(Timeout\): No answer from http:\/\/127\.0\.0\.1:\d+ within 1 s while running the UserRole query/
        );
        expect(Date.now() - started).toBeLessThan(60_000);
    });

    it('unknown user and wrong record on the org: exit 1, one line', async () => {
        oneLineError(
            await runCli(['explain', '-o', 'fake', '-u', 'ghost@fixture.example', '-r', CASE], { home }),
            1,
            /^Error \(UnknownUser\): No user with Username ghost@fixture\.example in fake\./
        );
        oneLineError(
            await runCli(['explain', '-o', 'fake', '-u', SUE, '-r', '500000000000077AAA'], { home }),
            1,
            /^Error \(UnknownRecord\): No Case record with Id 500000000000077AAA/
        );
    });

    it('collect to a folder that does not exist fails before any API call', async () => {
        const run = await runCli(
            ['collect', '-o', 'fake', '-u', SUE, '-r', CASE, '--output-file', '/nonexistent/dir/snap.json'],
            { home }
        );
        oneLineError(
            run,
            1,
            /^Error \(BadOutputFile\): Can't write \/nonexistent\/dir\/snap\.json: the folder \/nonexistent\/dir does not exist/
        );
        expect(org.requests.filter((r) => r.soql)).toEqual([]);
    });

    it('who-can-see -o fake --verify pages through users and draws a progress bar on stderr', async () => {
        const run = await runCli(['who-can-see', '-o', 'fake', '-r', CASE, '--limit', '5', '--verify'], {
            home,
            env: { ACCESS_XRAY_PROGRESS: '1' }
        });
        expect(run.code).toBe(0);
        expect(run.stdout).toMatch(/Who can see 500000000000001AAA: 3 users with access/);
        expect(run.stderr).toContain('UserRecordAccess [########################] 5/5');
        expect(org.requests.filter((r) => r.soql?.includes('FROM UserRecordAccess'))).toHaveLength(5);
    });

    it("who-can-see -o fake pages the org's active users by Id (--after: keyset paging, SOQL OFFSET stops at 2000)", async () => {
        const first = await runCli(['who-can-see', '-o', 'fake', '-r', CASE, '--limit', '2'], { home });
        expect(first.code).toBe(0);
        expect(first.stdout).toContain("Checked 2 of the org's 5 active users (ordered by Id).");
        expect(first.stdout).toContain('Next page: --after 005000000000002AAA --limit 2');
        expect(first.stderr).toContain("Warning: Only 2 of the org's 5 active users were checked");
        const next = json<{ result: { orgPage: { usersRead: number; nextAfter?: string } } }>(
            await runCli(
                ['who-can-see', '-o', 'fake', '-r', CASE, '--limit', '2', '--after', '005000000000002AAA', '--json'],
                { home }
            )
        );
        expect(next.result.orgPage).toEqual({
            activeUsersInOrg: 5,
            usersRead: 2,
            pageSize: 2,
            nextAfter: '005000000000004AAA'
        });
        expect(org.requests.some((r) => r.soql?.includes("AND Id > '005000000000002AAA' ORDER BY Id LIMIT 2"))).toBe(
            true
        );
    });

    it('compare -o fake collects both users in one pass and names the differing layers', async () => {
        const out = json<{ result: { comparison: { differingLayers: string[] } }; collected: { queries: number } }>(
            await runCli(
                [
                    'compare',
                    '-o',
                    'fake',
                    '-u',
                    'mia@fixture.example',
                    '-u',
                    'sue@fixture.example',
                    '-r',
                    CASE,
                    '--json'
                ],
                { home }
            )
        );
        expect(out.result.comparison.differingLayers).toEqual(
            expect.arrayContaining(['roleHierarchy', 'sharingRules'])
        );
        // One more UserRecordAccess query than for a single user, nothing else grows.
        expect(org.requests.filter((r) => r.soql?.includes('FROM UserRecordAccess'))).toHaveLength(2);
    });

    it('what-if -o fake --add-permission-set needs an Id (names are resolved only in snapshots)', async () => {
        oneLineError(
            await runCli(['what-if', '-o', 'fake', '-u', SUE, '-r', CASE, '--add-permission-set', 'Case_Editor'], {
                home
            }),
            1,
            /^Error \(UsageError\): With --target-org, give the permission set by Id/
        );
        expect(org.requests).toEqual([]);
    });

    it('what-if -o fake --share Read replays the collected evidence with the change', async () => {
        const out = json<{ result: { gained: string[] }; collected: { queries: number } }>(
            await runCli(['what-if', '-o', 'fake', '-u', SUE, '-r', CASE, '--share', 'Read', '--json'], { home })
        );
        expect(out.result.gained).toEqual(['read']);
        expect(out.collected.queries).toBeGreaterThan(5);
    });
});

describe('access-xray when the org is unreachable', () => {
    it('network fault: exit 2, NetworkError, nothing written', async () => {
        const org = await startFakeOrg({ snapshot: JSON.parse(JSON.stringify(fixture)) as Snapshot });
        const home = freshHome();
        await loginToFakeOrg(home, 'fake', org.url, org.accessToken);
        await org.close();
        const dir = mkdtempSync(join(tmpdir(), 'axr-out-'));
        const run = await runCli(
            ['collect', '-o', 'fake', '-u', SUE, '-r', CASE, '--output-file', join(dir, 'snap.json'), '--timeout', '5'],
            { home }
        );
        oneLineError(run, 2, /^Error \(NetworkError\): Can't reach http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
        expect(existsSync(join(dir, 'snap.json'))).toBe(false);
    });
});
