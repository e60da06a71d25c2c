/** @jest-environment node */
/**
 * `sf xray` through its `access-xray` alias (bin/access-xray.js, after npm run build), run as a
 * user runs it (helpers/cli.ts: in one oclif process per file, shown equal to a spawned bin by
 * cliHarness.test.ts; the Node version checks spawn the bin): every command on the fixture and the demo snapshot in each
 * --result-format and with --json, users by full name, username and Id, the did-you-mean and
 * ambiguous-name paths, flag and input errors with the Salesforce CLI's exit codes, and the
 * fake org logged in through @salesforce/core in a throwaway HOME. Exit codes and output
 * shapes: docs/cli.md. Expected verdicts come from the fixture's documented scenarios
 * (tests/cli/fixtures/mini-org.snapshot.json meta.description) and the demo scenarios
 * (data/demo-org.scenarios.json, with their seed sources).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeOrg, type FakeOrg } from '../../cli/src/fakeOrg/server';
import type { Snapshot } from '../../lwc-src/lwc/accessXrayEngine/types';
import fixture from './fixtures/mini-org.snapshot.json';
import { FIXTURE, freshHome, loginToFakeOrg, runCli, type CliRun } from './helpers/cli';
import { ROOT } from './helpers/engine';

// Fake-org logins spawn Node processes that load @salesforce/core (seconds on a busy machine).
jest.setTimeout(120_000);

const SUE = '005000000000004AAA';
const MIA = '005000000000003AAA';
const CASE = '500000000000001AAA';
const ACME = '001000000000001AAA';
const PAT_CASE = '500Kx0000000001IAA';

/** An error as `sf` prints it: "Error (Name): message", then "Try this:" and the actions; no stack trace. */
function sfError(run: CliRun, exitCode: number, name: string, message: RegExp): void {
    expect(run.code).toBe(exitCode);
    expect(run.stdout).toBe('');
    const line = run.stderr.split('\n').find((l) => l.startsWith('Error ('));
    expect(line).toBeDefined();
    expect(line).toMatch(new RegExp(`^Error \\(${name}\\): `));
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
}

/** Queries made by the command itself (not the Organization lookup @salesforce/core does when it opens a login). */
function collectorQueries(org: FakeOrg): string[] {
    return org.requests.map((r) => r.soql ?? '').filter((q) => q && !q.includes('OrganizationType'));
}

function json<T = Record<string, unknown>>(run: CliRun): T {
    return JSON.parse(run.stdout) as T;
}

describe('sf xray explain on snapshots', () => {
    it('--operation read: Sue Support cannot read case 00001001 (Private OWD, no share reaches her); user given by username', async () => {
        const run = await runCli(['explain', '--snapshot', FIXTURE, '--user', 'sue@fixture.example', '--record-id', CASE, '--operation', 'read']);
        expect(run.code).toBe(0);
        expect(run.stdout.split('\n')[0]).toMatch(/^Can Sue Support read Case 00001001\? No/);
        expect(run.stdout).toContain('Role hierarchy');
        expect(run.stderr).toBe('');
    });

    it('--json: the sf envelope { status: 0, result: { explanation, operation }, warnings } with the role-hierarchy grant for Mia (seed 001 layer 4)', async () => {
        const run = await runCli(['explain', '-s', FIXTURE, '--user', MIA, '-i', CASE, '--operation', 'delete', '--json']);
        expect(run.code).toBe(0);
        expect(run.stderr).toBe('');
        const out = json<{
            status: number;
            result: {
                explanation: { maxAccessLevel: string; layers: { id: string; status: string }[] };
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

    it('--result-format json prints the result alone; markdown prints Markdown for a Case comment', async () => {
        const raw = json<{ explanation: { userName: string } }>(
            await runCli(['explain', '-s', FIXTURE, '--user', 'Mia Manager', '-i', CASE, '--result-format', 'json'])
        );
        expect(raw.explanation.userName).toBe('Mia Manager');
        const md = await runCli(['explain', '-s', FIXTURE, '--user', 'Sue Support', '-i', CASE, '--operation', 'edit', '-r', 'markdown']);
        expect(md.code).toBe(0);
        expect(md.stdout.startsWith('**Can Sue Support edit Case 00001001? No')).toBe(true);
        expect(md.stdout).toMatch(/^#{1,3} /m);
    });

    it('the demo org\'s headline scenario "Why can\'t Pat Partner see case 00001001?" by full name (seed 000 steps 2, 7, 14)', async () => {
        const scenarios = JSON.parse(readFileSync(join(ROOT, 'data', 'demo-org.scenarios.json'), 'utf8')) as {
            scenarios: { key: string; userId: string; recordId: string; expected: { maxAccessLevel: string } }[];
        };
        const pat = scenarios.scenarios.find((s) => s.key === 'pat-case-1001');
        expect(pat).toBeDefined();
        const byName = json<{ result: { explanation: { userId: string; maxAccessLevel: string } } }>(
            await runCli(['explain', '--snapshot', 'demo', '--user', 'Pat Partner', '--record-id', pat?.recordId ?? '', '--json'])
        );
        expect(byName.result.explanation.userId).toBe(pat?.userId);
        expect(byName.result.explanation.maxAccessLevel).toBe(pat?.expected.maxAccessLevel);
        const byUsername = json<{ result: { explanation: { userId: string } } }>(
            await runCli(['explain', '-s', 'demo', '--user', 'PAT.PARTNER@kestrel-demo.example.com', '-i', PAT_CASE, '--json'])
        );
        expect(byUsername.result.explanation.userId).toBe(pat?.userId);
    });

    it('--output-file writes the chosen format atomically and prints where', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'axr-out-'));
        const file = join(dir, 'pat.md');
        const run = await runCli(['explain', '-s', 'demo', '--user', 'Pat Partner', '-i', PAT_CASE, '-r', 'markdown', '--output-file', file]);
        expect(run.code).toBe(0);
        expect(run.stdout.trim()).toBe(`Wrote ${file}`);
        expect(readFileSync(file, 'utf8')).toMatch(/^#{1,3} .*Pat Partner/m);
        expect(readdirSync(dir)).toEqual(['pat.md']);
    });
});

describe('replaying the panel\'s "Download JSON" file', () => {
    it('--snapshot accepts the export (format access-xray-explanation) and replays the snapshot inside it (docs/panel.md)', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'axr-export-'));
        const file = join(dir, 'access-xray-export.json');
        writeFileSync(file, JSON.stringify({ format: 'access-xray-explanation', version: 1, exportedAt: '2026-01-01T00:00:00Z', explanation: {}, snapshot: fixture }));
        const out = json<{ result: { explanation: { maxAccessLevel: string } } }>(
            await runCli(['explain', '-s', file, '--user', 'Mia Manager', '-i', CASE, '--json'])
        );
        expect(out.result.explanation.maxAccessLevel).toBe('All');
    });
});

describe('users named the way admins name them', () => {
    it('a misspelt name gets "did you mean" with the closest user (exit 1, UnknownUser)', async () => {
        sfError(
            await runCli(['explain', '-s', 'demo', '--user', 'Pat Partnr', '-i', PAT_CASE]),
            1,
            'UnknownUser',
            /No user named "Pat Partnr" in the demo org\. Did you mean Pat Partner \(pat\.partner@kestrel-demo\.example\.com, 005Kx0000000016IAA\)\?/
        );
    });

    it('a misspelt username gets suggestions too; an unknown Id does not', async () => {
        const run = await runCli(['explain', '-s', 'demo', '--user', 'pat.partnr@kestrel-demo.example.com', '-i', PAT_CASE, '--json']);
        expect(run.code).toBe(1);
        expect(json<{ message: string }>(run).message).toMatch(/Did you mean Pat Partner/);
        const id = await runCli(['explain', '-s', 'demo', '--user', '005Kx0000000099IAA', '-i', PAT_CASE, '--json']);
        expect(json<{ name: string; message: string }>(id)).toMatchObject({
            name: 'UnknownUser',
            message: 'No user with Id 005Kx0000000099IAA in the demo org.'
        });
    });

    it('a name two users share is refused with both listed (AmbiguousUser), never a guess', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'axr-dup-'));
        const copy = JSON.parse(JSON.stringify(fixture)) as Snapshot;
        const sue = copy.tables.User?.find((u) => u.Id === SUE) ?? {};
        copy.tables.User?.push({ ...sue, Id: '005000000000009AAA', Username: 'sue.two@fixture.example', IsActive: false });
        const file = join(dir, 'dup.json');
        writeFileSync(file, JSON.stringify(copy));
        const run = await runCli(['explain', '-s', file, '--user', 'sue support', '-i', CASE]);
        sfError(
            run,
            1,
            'AmbiguousUser',
            /2 users in the snapshot are named "sue support": Sue Support \(sue@fixture\.example, 005000000000004AAA\); Sue Support \(sue\.two@fixture\.example, 005000000000009AAA, inactive\)/
        );
        expect(run.stderr).toContain('Give the username or the User Id of the one you mean.');
    });

    it('an Id of another object as --user: WrongIdType naming the object', async () => {
        sfError(
            await runCli(['explain', '-s', FIXTURE, '--user', ACME, '-i', CASE]),
            1,
            'WrongIdType',
            /--user 001000000000001AAA is not a User id \(User ids start with 005; this is an Account id\)/
        );
    });
});

describe('the other commands on the demo snapshot', () => {
    it('who-can-see: counts per way in and per access level, a page of users with their top reason (human, markdown, json)', async () => {
        const out = json<{
            status: number;
            result: {
                total: number;
                totalsByMechanism: Record<string, number>;
                totalsByAccess: Record<string, number>;
                users: { userName: string; maxAccessLevel: string; topMechanism: string; topReason: string }[];
            };
        }>(await runCli(['who-can-see', '-s', FIXTURE, '-i', CASE, '--json']));
        expect(out.result.total).toBe(3);
        expect(out.result.users.map((u) => [u.userName, u.maxAccessLevel]).sort()).toEqual([
            ['Ada Admin', 'All'],
            ['Mia Manager', 'All'],
            ['Sam Sales', 'All']
        ]);
        expect(out.result.users.every((u) => u.topReason.length > 0)).toBe(true);
        expect(out.result.totalsByAccess).toEqual({ All: 3 });
        const human = await runCli(['who-can-see', '-s', FIXTURE, '-i', CASE, '--limit', '1', '--offset', '1']);
        expect(human.code).toBe(0);
        expect(human.stdout).toMatch(/3 users with access \(showing 2–2\)/);
        expect(human.stdout).toContain('Users per way in');
        expect(human.stdout).toContain('Next page: --offset 2 --limit 1');
        const md = await runCli(['who-can-see', '-s', FIXTURE, '-i', CASE, '-r', 'markdown']);
        expect(md.stdout).toMatch(/^### Who can see Case 00001001/m);
        expect(md.stdout).toMatch(/^\| User \| Username \| Access \| Through \| Why \|$/m);
    });

    it('who-can-see passes --sort, --search, --mechanism, --list-public and --with-paths to the engine and answers its paged shape', async () => {
        const run = await runCli([
            'who-can-see', '-s', 'demo', '-i', PAT_CASE, '--sort', 'access', '--search', 'a', '--mechanism', 'role-hierarchy',
            '--list-public', '--with-paths', '--limit', '2', '--json'
        ]);
        expect(run.code).toBe(0);
        const out = json<{ result: { offset: number; limit: number; total: number; totalsByMechanism: Record<string, number>; users: unknown[] } }>(run);
        expect(out.result).toMatchObject({ offset: 0, limit: 2 });
        expect(out.result.users.length).toBeLessThanOrEqual(2);
        expect(Object.keys(out.result.totalsByMechanism).length).toBeGreaterThan(0);
        const bad = await runCli(['who-can-see', '-s', 'demo', '-i', PAT_CASE, '--mechanism', 'roleHierarchy']);
        expect(bad.code).toBe(2);
        expect(bad.stderr).toMatch(/Expected --mechanism=roleHierarchy to be one of: object-permissions, org-wide-defaults, ownership, role-hierarchy/);
    });

    it('compare names the layers that differ between Mia and Sue (role hierarchy, sharing rule through EMEA Sales)', async () => {
        const out = json<{ result: { comparison: { differingLayers: string[] } } }>(
            await runCli(['compare', '-s', FIXTURE, '--user', 'Mia Manager', '--user', SUE, '-i', CASE, '--json'])
        );
        expect(out.result.comparison.differingLayers).toEqual(expect.arrayContaining(['roleHierarchy', 'sharingRules']));
        const text = await runCli(['compare', '-s', FIXTURE, '--user', MIA, '--user', 'sue@fixture.example', '-i', CASE]);
        expect(text.stdout.split('\n')[0]).toBe('=== Mia Manager vs Sue Support on Case 00001001');
        expect(text.stdout).toContain('Role hierarchy');
    });

    it('what-if --add-to-group EMEA_Sales: before None, after Read (the group has a sharing-rule AccountShare with CaseAccessLevel Read)', async () => {
        const out = json<{
            result: { before: { maxAccessLevel: string }; after: { maxAccessLevel: string }; gained: string[]; description: string };
        }>(await runCli(['what-if', '-s', FIXTURE, '--user', SUE, '-i', CASE, '--add-to-group', 'EMEA_Sales', '--json']));
        expect(out.result).toMatchObject({
            before: { maxAccessLevel: 'None' },
            after: { maxAccessLevel: 'Read' },
            gained: ['read'],
            description: 'add Sue Support to group EMEA Sales'
        });
    });

    it('what-if --share Edit grants read and edit; the text shows before and after and names layers by title', async () => {
        const run = await runCli(['what-if', '-s', FIXTURE, '--user', 'Sue Support', '-i', CASE, '--share', 'Edit']);
        expect(run.code).toBe(0);
        expect(run.stdout).toContain('What if we share 500000000000001AAA with Sue Support (manual Edit)?');
        expect(run.stdout).toMatch(/Before: None/);
        expect(run.stdout).toMatch(/After: {2}Edit/);
        expect(run.stdout).toContain('It would grant: read, edit');
        expect(run.stdout).toContain('Layers that change: Manual and Apex shares');
    });

    it('list users and list records find whom and what to explain', async () => {
        const users = json<{ result: { users: { name: string; userType: string }[] } }>(
            await runCli(['list', 'users', '-s', 'demo', '--user-type', 'PowerPartner', '--json'])
        );
        expect(users.result.users.map((u) => u.name)).toEqual(expect.arrayContaining(['Pat Partner', 'Paula Petersen']));
        expect(users.result.users.every((u) => u.userType === 'PowerPartner')).toBe(true);
        const records = await runCli(['list', 'records', '-s', 'demo', '--object', 'Case', '--search', '00001001']);
        expect(records.code).toBe(0);
        expect(records.stdout).toContain(PAT_CASE);
        expect(records.stdout).toContain('1 of 1 record shown.');
    });

    it('--help lists every command; a command\'s help shows its flags and examples; --version names the package', async () => {
        const help = await runCli(['--help']);
        expect(help.code).toBe(0);
        for (const c of ['explain', 'collect', 'who-can-see', 'compare', 'what-if', 'sweep']) expect(help.stdout).toContain(`xray ${c}`);
        const cmdHelp = await runCli(['collect', '--help']);
        expect(cmdHelp.stdout).toContain('--output-file');
        expect(cmdHelp.stdout).toContain('$ sf xray collect --target-org my-sandbox');
        const version = await runCli(['--version']);
        expect(version.stdout.trim()).toMatch(/^access-xray\/\d+\.\d+\.\d+ /);
    });
});

describe('bad input: sf exit codes (2 for flags, 1 for input), one error, no stack trace', () => {
    it('flag errors are oclif\'s: unknown flag, missing flag, bad option value, -u (no such flag here) → exit 2', async () => {
        const unknown = await runCli(['explain', '--recrod', CASE]);
        expect(unknown.code).toBe(2);
        expect(unknown.stderr).toMatch(/Nonexistent flag: --recrod/);
        expect((await runCli(['explain', '-s', FIXTURE, '--user', SUE])).stderr).toMatch(/Missing required flag[\s\S]*record-id/);
        const op = await runCli(['explain', '-s', FIXTURE, '--user', SUE, '-i', CASE, '--operation', 'view']);
        expect(op.code).toBe(2);
        expect(op.stderr).toMatch(/Expected --operation=view to be one of: read, edit, delete, transfer, share/);
        expect((await runCli(['explain', '-s', FIXTURE, '-u', SUE, '-i', CASE])).code).toBe(2);
        const whatIf = await runCli(['what-if', '-s', FIXTURE, '--user', SUE, '-i', CASE]);
        expect(whatIf.code).toBe(2);
        expect(whatIf.stderr).toMatch(/Exactly one of the following must be provided: --add-permission-set, --add-to-group, --share/);
    });

    it('a record id that is not an id: the sf flag check of Salesforce ids (exit 1, as sf data get record)', async () => {
        const run = await runCli(['explain', '-s', FIXTURE, '--user', SUE, '-i', 'case-1001']);
        expect(run.code).toBe(1);
        expect(run.stdout).toBe('');
        expect(run.stderr).toMatch(/Parsing --record-id[\s\S]*The id must be 15 or 18 characters/);
    });

    it('unknown record in the snapshot (exit 1, UnknownRecord naming the object)', async () => {
        sfError(
            await runCli(['explain', '-s', FIXTURE, '--user', SUE, '-i', '500000000000099AAA']),
            1,
            'UnknownRecord',
            /No record with Id 500000000000099AAA \(Case\) in the snapshot/
        );
    });

    it('malformed snapshot: missing file, not JSON, not a snapshot (the JSON path is named)', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'axr-bad-'));
        const notJson = join(dir, 'broken.json');
        writeFileSync(notJson, '{ "schemaVersion": 1, ');
        const badShape = join(dir, 'bad.json');
        const copy = JSON.parse(JSON.stringify(fixture)) as Snapshot;
        (copy.tables.CaseShare as Record<string, unknown>[])[0] = { ...(copy.tables.CaseShare?.[0] ?? {}), UserOrGroupId: 42 };
        writeFileSync(badShape, JSON.stringify(copy));
        sfError(await runCli(['explain', '-s', join(dir, 'missing.json'), '--user', SUE, '-i', CASE]), 1, 'SnapshotNotFound', /No snapshot file at /);
        sfError(await runCli(['explain', '-s', notJson, '--user', SUE, '-i', CASE]), 1, 'MalformedSnapshot', /broken\.json is not valid JSON/);
        sfError(
            await runCli(['explain', '-s', badShape, '--user', SUE, '-i', CASE]),
            1,
            'MalformedSnapshot',
            /bad\.json is not a valid snapshot: tables\.CaseShare\[0\]\.UserOrGroupId/
        );
    });

    it('--json errors: the sf error envelope on stdout, nothing on stderr', async () => {
        const run = await runCli(['explain', '-s', FIXTURE, '--user', ACME, '-i', CASE, '--json']);
        expect(run.code).toBe(1);
        expect(run.stderr).toBe('');
        expect(json(run)).toMatchObject({ status: 1, name: 'WrongIdType', message: expect.stringContaining('is not a User id'), exitCode: 1 });
    });

    it('unknown org alias → exit 1 with the login command to run', async () => {
        const run = await runCli(['explain', '--target-org', 'nope', '--user', SUE, '-i', CASE]);
        expect(run.code).toBe(1);
        expect(run.stderr).toMatch(/No authorization information found for nope/);
    });

    it('no org and no snapshot → an error naming both flags', async () => {
        sfError(await runCli(['explain', '--user', SUE, '-i', CASE]), 1, 'NoEvidenceSource', /--target-org[\s\S]*--snapshot demo/);
    });
});

describe('the Node version check', () => {
    it('an older Node gets one line naming the Node found and the one needed (simulated: process.versions.node = 20.20.0)', async () => {
        const { runProgram } = await import('./helpers/cli');
        const preload = join(mkdtempSync(join(tmpdir(), 'axr-node-')), 'old-node.cjs');
        writeFileSync(preload, "Object.defineProperty(process.versions, 'node', { value: '20.20.0' });\n");
        const run = await runProgram(process.execPath, ['--require', preload, join(ROOT, 'bin', 'access-xray.js'), 'explain', '-s', 'demo']);
        expect(run.code).toBe(1);
        expect(run.stdout).toBe('');
        expect(run.stderr.trimEnd().split('\n')).toEqual([
            expect.stringMatching(/^Error \(UnsupportedNodeVersion\): access-xray needs Node\.js 22 or newer \(engines: node >=22\); this is Node\.js 20\.20\.0 /)
        ]);
    });

    const systemNode = ['/usr/bin/node', '/usr/local/bin/node'].find((p) => existsSync(p));
    const systemMajor = systemNode
        ? Number(execFileSync(systemNode, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8' }).trim())
        : 99;
    (systemMajor < 22 ? it : it.skip)(`the machine's own Node (${systemNode ?? 'none'}, major ${systemMajor}) running bin/access-xray.js directly gets the same line, not a crash`, async () => {
        const { runProgram } = await import('./helpers/cli');
        const run = await runProgram(systemNode as string, [join(ROOT, 'bin', 'access-xray.js'), 'explain', '--snapshot', 'demo']);
        expect(run.code).toBe(1);
        expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
        expect(run.stderr).toMatch(new RegExp(`this is Node\\.js ${systemMajor}\\.`));
    });
});

describe('sf xray against the fake org (logged in with @salesforce/core in a throwaway HOME)', () => {
    let org: FakeOrg;
    let home: string;

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

    it('explain -o fake --user "<full name>" resolves the name with one query, collects, explains, and reports the cost on stderr', async () => {
        const run = await runCli(['explain', '-o', 'fake', '--user', 'Sue Support', '-i', CASE, '--operation', 'read'], { home });
        expect(run.code).toBe(0);
        expect(run.stdout.split('\n')[0]).toMatch(/^Can Sue Support read Case 00001001\? No/);
        const queries = Number(/Collecting evidence from fake\.\.\. done \((\d+) queries/.exec(run.stderr)?.[1]);
        expect(queries).toBeGreaterThan(5);
        expect(org.requests.filter((r) => r.soql?.includes("Name IN ('Sue Support')"))).toHaveLength(1);
    });

    it('a misspelt name on the org: suggestions from one bounded LIKE query', async () => {
        const run = await runCli(['explain', '-o', 'fake', '--user', 'Sue Suport', '-i', CASE, '--json'], { home });
        expect(run.code).toBe(1);
        expect(json<{ name: string; message: string }>(run)).toMatchObject({
            name: 'UnknownUser',
            message: 'No user named "Sue Suport" in fake. Did you mean Sue Support (sue@fixture.example, 005000000000004AAA)?'
        });
        expect(org.requests.filter((r) => r.soql?.includes('LIKE'))).toHaveLength(1);
    });

    it('collect writes a snapshot atomically, without the token, that replays to the same verdict', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'axr-out-'));
        const file = join(dir, 'snap.json');
        const run = await runCli(['collect', '-o', 'fake', '--user', SUE, '--user', 'mia@fixture.example', '-i', CASE, '--output-file', file, '--json'], { home });
        expect(run.code).toBe(0);
        const out = json<{ result: { path: string; queries: number; rows: number; steps: { step: string; soql: string; rows: number }[] } }>(run);
        expect(out.result.path).toBe(file);
        // The evidence plan steps run, for verify:org's comparison with the in-org collector's.
        expect(out.result.steps.length).toBe(out.result.queries);
        expect(out.result.steps[0]).toMatchObject({ step: 'org', rows: 1 });
        expect(readdirSync(dir)).toEqual(['snap.json']);
        const text = readFileSync(file, 'utf8');
        expect(text).not.toContain(org.accessToken);
        const snap = JSON.parse(text) as Snapshot;
        expect(snap.meta.queries).toBe(out.result.queries);
        expect(snap.subjects?.map((s) => s.userId)).toEqual([SUE, MIA]);
        const fromFile = json<{ result: { explanation: { access: unknown } } }>(await runCli(['explain', '-s', file, '--user', MIA, '-i', CASE, '--json']));
        const fromFixture = json<{ result: { explanation: { access: unknown } } }>(await runCli(['explain', '-s', FIXTURE, '--user', MIA, '-i', CASE, '--json']));
        expect(fromFile.result.explanation.access).toEqual(fromFixture.result.explanation.access);
    });

    it('expired session of an access-token login (no refresh token): exit 1, ExpiredSession, and no file is written', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'axr-out-'));
        org.injectFault({ kind: 'expiredSession', match: 'FROM GroupMember' });
        const run = await runCli(['collect', '-o', 'fake', '--user', SUE, '-i', CASE, '--output-file', join(dir, 'snap.json')], { home });
        sfError(run, 1, 'ExpiredSession', /The session for fake has expired or is invalid \(INVALID_SESSION_ID\)[\s\S]*sf org login web --alias fake/);
        expect(readdirSync(dir)).toEqual([]);
    });

    it('a request that never answers: exit 69 (request timed out) after --timeout, naming the query', async () => {
        org.injectFault({ kind: 'timeout', match: 'FROM UserRole' });
        const run = await runCli(['explain', '-o', 'fake', '--user', SUE, '-i', CASE, '--timeout', '1'], { home });
        sfError(run, 69, 'Timeout', /No answer from http:\/\/127\.0\.0\.1:\d+ within 1 s while running the UserRole query/);
    });

    it('a Salesforce server error that persists: exit 20, ServerError', async () => {
        org.injectFault({ kind: 'serverError', match: 'FROM UserRole' });
        sfError(await runCli(['explain', '-o', 'fake', '--user', SUE, '-i', CASE], { home }), 20, 'ServerError', /internal error for the UserRole query/);
    });

    it('wrong record on the org: exit 1, one error', async () => {
        sfError(await runCli(['explain', '-o', 'fake', '--user', SUE, '-i', '500000000000077AAA'], { home }), 1, 'UnknownRecord', /No Case record with Id 500000000000077AAA/);
    });

    it('--snapshot with --target-org is an error (exit 2), not a silent choice', async () => {
        const run = await runCli(['explain', '-s', FIXTURE, '-o', 'fake', '--user', SUE, '-i', CASE], { home });
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/cannot also be provided when using/);
    });

    it('collect to a folder that does not exist fails before any API call', async () => {
        const run = await runCli(['collect', '-o', 'fake', '--user', SUE, '-i', CASE, '--output-file', '/nonexistent/dir/snap.json'], { home });
        sfError(run, 1, 'BadOutputFile', /Can't write \/nonexistent\/dir\/snap\.json: the folder \/nonexistent\/dir does not exist/);
        expect(collectorQueries(org)).toEqual([]);
    });

    it('who-can-see -o fake collects with the who-can-see evidence plan (no UserRecordAccess) and pages the answer with --limit / --offset', async () => {
        const whole = json<{ result: { total: number; users: { userId: string }[] } }>(await runCli(['who-can-see', '-o', 'fake', '-i', CASE, '--json'], { home }));
        expect(whole.result.total).toBe(3);
        expect(org.requests.some((r) => r.soql?.includes('FROM UserRecordAccess'))).toBe(false);
        const page = await runCli(['who-can-see', '-o', 'fake', '-i', CASE, '--limit', '2'], { home });
        expect(page.code).toBe(0);
        expect(page.stdout).toMatch(/3 users with access \(showing 1–2\)/);
        expect(page.stdout).toContain('Next page: --offset 2 --limit 2');
        const next = json<{ result: { users: { userId: string }[] } }>(await runCli(['who-can-see', '-o', 'fake', '-i', CASE, '--limit', '2', '--offset', '2', '--json'], { home }));
        expect(next.result.users.map((u) => u.userId)).toEqual(whole.result.users.slice(2).map((u) => u.userId));
    });

    it('compare -o fake collects both users in one pass and names the differing layers', async () => {
        const out = json<{ result: { comparison: { differingLayers: string[] } } }>(
            await runCli(['compare', '-o', 'fake', '--user', 'Mia Manager', '--user', 'sue@fixture.example', '-i', CASE, '--json'], { home })
        );
        expect(out.result.comparison.differingLayers).toEqual(expect.arrayContaining(['roleHierarchy', 'sharingRules']));
        // One more UserRecordAccess query than for a single user, nothing else grows.
        expect(org.requests.filter((r) => r.soql?.includes('FROM UserRecordAccess'))).toHaveLength(2);
    });

    it('what-if -o fake --add-permission-set needs an Id (names are resolved only in snapshots), before any API call', async () => {
        sfError(
            await runCli(['what-if', '-o', 'fake', '--user', SUE, '-i', CASE, '--add-permission-set', 'Case_Editor'], { home }),
            2,
            'UsageError',
            /With --target-org, give the permission set by ID/
        );
        expect(collectorQueries(org)).toEqual([]);
    });

    it('what-if -o fake --share Read replays the collected evidence with the change', async () => {
        const out = json<{ result: { gained: string[] } }>(await runCli(['what-if', '-o', 'fake', '--user', SUE, '-i', CASE, '--share', 'Read', '--json'], { home }));
        expect(out.result.gained).toEqual(['read']);
    });

    it('list users -o fake --search finds users by part of the name', async () => {
        const out = json<{ result: { total: number; users: { name: string }[] } }>(await runCli(['list', 'users', '-o', 'fake', '--search', 'sue', '--json'], { home }));
        expect(out.result).toMatchObject({ total: 1, users: [{ name: 'Sue Support' }] });
    });
});

describe('sf xray when the org is unreachable', () => {
    it('network fault: exit 1, NetworkError, nothing written', async () => {
        const org = await startFakeOrg({ snapshot: JSON.parse(JSON.stringify(fixture)) as Snapshot });
        const home = freshHome();
        await loginToFakeOrg(home, 'fake', org.url, org.accessToken);
        await org.close();
        const dir = mkdtempSync(join(tmpdir(), 'axr-out-'));
        const run = await runCli(['collect', '-o', 'fake', '--user', SUE, '-i', CASE, '--output-file', join(dir, 'snap.json'), '--timeout', '5'], { home });
        sfError(run, 1, 'NetworkError', /Can't reach http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
        expect(existsSync(join(dir, 'snap.json'))).toBe(false);
    });
});
