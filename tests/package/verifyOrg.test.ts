/** @jest-environment node */
/**
 * `npm run verify:org`: the one command that proves the in-org path on a real org. Nobody on this
 * project can reach an org, so the script is tested three ways:
 * - the dry run (what `npm test` runs): every step with its expectation and the exact command,
 *   for every demo scenario, and no Salesforce CLI call at all;
 * - the real path against a stand-in CLI (tests/package/fixtures/fake-sf.mjs) whose org is the
 *   bundled demo org: every step runs, the snapshot comes back through the debug-log markers, the
 *   real engine checks every picked scenario, and the Markdown/JSON report says so;
 * - a failed deploy: the run stops at that step, says what to do, skips what depends on it, and
 *   still writes the report;
 * plus the debug-log parser on its own (chunks, `|` in the data, a cut log, a changed byte), and
 * the comparison of the two collectors' evidence plan steps.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = join(__dirname, '..', '..');
const SCRIPT = join(ROOT, 'scripts', 'verify-org', 'verify-org.mjs');
const FAKE_SF = join(__dirname, 'fixtures', 'fake-sf.mjs');
const scenarios = (JSON.parse(readFileSync(join(ROOT, 'data', 'demo-org.scenarios.json'), 'utf8')) as { scenarios: { n: number; title: string }[] }).scenarios;

function verify(args: string[], env: Record<string, string> = {}) {
    const res = spawnSync(process.execPath, [SCRIPT, ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, ...env },
        maxBuffer: 64 * 1024 * 1024
    });
    return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}

const calls = (log: string): string[][] =>
    existsSync(log)
        ? readFileSync(log, 'utf8')
              .trim()
              .split('\n')
              .filter(Boolean)
              .map((l) => JSON.parse(l) as string[])
        : [];

describe('verify:org --dry-run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'axr-verify-dry-'));
    const log = join(dir, 'sf-calls.log');
    const run = verify(['--dry-run', '--target-dev-hub', 'devhub'], { SF_BIN: FAKE_SF, FAKE_SF_LOG: log });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    test('prints every step with what it expects and its command, and touches no org', () => {
        expect(run.status).toBe(0);
        expect(calls(log)).toEqual([]);
        const steps = [...run.stdout.matchAll(/^\[(\d+)\/(\d+)\] (.+)$/gm)].map((m) => m[3]);
        expect(steps).toEqual([
            'Build and offline checks',
            'Create a scratch org from config/project-scratch-def.json',
            'Deploy the package source (force-app)',
            'Deploy the demo metadata (unpackaged/main/demo/core)',
            'Seed the demo org: records, users, owners, the site, memberships, teams, territories, shares',
            'Assign Access_XRay_Admin to the org user that runs the checks',
            'Run every Apex test with coverage',
            'Call the real AccessXRayController.collect for every demo scenario and explain the snapshot',
            'Run the CLI collector on the same org and compare the rows both collectors read',
            'Call the real AccessXRayController.collectWhoCanSee on the demo records and compare with the CLI\u2019s who-can-see',
            'Force the background who-can-see job on a demo record and compare its pages with the answer at once',
            'Delete the scratch org'
        ]);
        expect(run.stdout.match(/^ {2}expect: /gm)).toHaveLength(steps.length);
        expect(run.stdout.match(/^ {2}if it fails: /gm)).toHaveLength(steps.length);
    });

    test('the commands are the real ones: scratch org from config/, package then demo, tests with coverage', () => {
        expect(run.stdout).toContain('$ sf org create scratch --definition-file config/project-scratch-def.json');
        expect(run.stdout).toContain('--no-namespace --target-dev-hub devhub --json');
        expect(run.stdout).toContain('$ sf project deploy start --source-dir force-app');
        expect(run.stdout).toContain('$ sf project deploy start --source-dir unpackaged/main/demo/core');
        expect(run.stdout).toContain('$ sf apex run test --test-level RunLocalTests --code-coverage');
        expect(run.stdout).toContain('$ sf org assign permset --name Access_XRay_Admin');
        // Who can see: the panel's call, the job followed when the answer is too large, the CLI on the same org.
        expect(run.stdout).toContain('AccessXRayController.collectWhoCanSee(recordId)');
        expect(run.stdout).toContain('AccessXRayController.whoCanSeeJob(jobId), every 10 s until Completed; then whoCanSeePage(jobId, n)');
        expect(run.stdout).toMatch(/\$ then: node bin\/access-xray\.js who-can-see -o .* -r <recordId> --limit 1000 --json/);
    });

    test('every demo scenario is listed with how its user and record are found and what is expected', () => {
        for (const s of scenarios) expect(run.stdout).toContain(`${String(s.n).padStart(2)} ${s.title}`);
        expect(run.stdout.match(/^ {5}expect: /gm)).toHaveLength(scenarios.length);
        expect(run.stdout).toContain(`Dry run: 12 steps, ${scenarios.length} scenario(s), nothing run.`);
    });

    test('bad arguments are refused with the usage', () => {
        const both = verify(['--target-org', 'a', '--target-dev-hub', 'b']);
        expect(both.status).toBe(2);
        expect(both.stderr).toContain('give exactly one of --target-dev-hub');
        const unknown = verify(['--dry-run', '--scenarios', '99']);
        expect(unknown.status).toBe(2);
        expect(unknown.stderr).toContain('no scenario 99');
    });
});

describe('verify:org against a stand-in CLI whose org is the demo org', () => {
    const dir = mkdtempSync(join(tmpdir(), 'axr-verify-fake-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    test('every step runs, the real engine checks the picked scenarios, the report says what passed', () => {
        const log = join(dir, 'ok.log');
        const out = join(dir, 'ok');
        const run = verify(['--target-org', 'fake', '--skip-build', '--skip-cli', '--scenarios', '1,4,22', '--output-dir', out], {
            SF_BIN: FAKE_SF,
            FAKE_SF_LOG: log
        });
        expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
        expect(run.stdout).toContain('✔ 22 Why can');
        const report = readFileSync(join(out, 'report.md'), 'utf8');
        expect(report).toContain('**every required step passed**');
        expect(report).toMatch(/\| 22 \| Why can.t Elio Russo .* \| None \| Read \(disagrees\) \| ✅ as documented \| 27 \/ 180 \/ 400000 \| — \|/);
        const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { ok: boolean; scenarios: { ok: boolean }[]; apexTests: { passing: number } };
        expect(json.ok).toBe(true);
        expect(json.scenarios.map((s) => s.ok)).toEqual([true, true, true]);
        expect(json.apexTests.passing).toBe(120);
        expect(existsSync(join(out, 'snapshots', '22-apex.json'))).toBe(true);
        const steps = JSON.parse(readFileSync(join(out, 'snapshots', '22-apex-steps.json'), 'utf8')) as { step: string }[];
        expect(steps.length).toBeGreaterThan(20);
        expect(steps[0]!.step).toBe('org');
        const commands = calls(log).map((c) => c.slice(0, c[2] === 'test' ? 3 : 2).join(' '));
        expect(commands).toEqual(expect.arrayContaining(['org display', 'project deploy', 'data import', 'apex run test', 'apex run', 'org assign', 'data query']));
        const deploys = calls(log).filter((c) => c[0] === 'project' && c[1] === 'deploy').map((c) => c[c.indexOf('--source-dir') + 1]);
        expect(deploys).toEqual(['force-app', 'unpackaged/main/demo/core', 'unpackaged/main/demo/site']);        // Who can see on the records of the picked scenarios, through the real controller.
        expect(run.stdout).toMatch(/✔ record 500\w+: \d+ user\(s\) in 1 page\(s\)/);
        expect(report).toMatch(/## Who can see, through the real controller/);
        const wcs = (JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { whoCanSee: { ok: boolean; users: number; pages: number }[] }).whoCanSee;
        expect(wcs.length).toBe(3);
        expect(wcs.every((w) => w.ok && w.users > 0 && w.pages === 1)).toBe(true);
        expect(existsSync(join(out, 'snapshots', 'wcs-1-page-0.json'))).toBe(true);
    });

    test('a who-can-see answer too large for one request is followed as a job, and its pages merged', () => {
        const out = join(dir, 'job');
        const log = join(dir, 'job.log');
        const run = verify(['--target-org', 'fake', '--skip-build', '--skip-cli', '--skip-tests', '--scenarios', '1', '--output-dir', out], {
            SF_BIN: FAKE_SF,
            FAKE_SF_LOG: log,
            FAKE_SF_WCS_JOB: '1'
        });
        expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
        expect(run.stdout).toMatch(/✔ record \w+: \d+ user\(s\) in 2 page\(s\) \(job 707FAKE00000001AAA\)/);
        // Every answer came through a job already: the forced job has nothing at once to compare with, and says so.
        expect(run.stdout).toContain('✔ not forced: the previous step already followed 1 job(s) to completion (707FAKE00000001AAA)');
        // The same evidence on both pages: each user is counted once (as the panel merges pages).
        const single = JSON.parse(readFileSync(join(dir, 'ok', 'report.json'), 'utf8')) as { whoCanSee: { users: number }[] };
        const paged = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { whoCanSee: { users: number; job: string }[] };
        expect(paged.whoCanSee[0]!.users).toBe(single.whoCanSee[0]!.users);
        expect(existsSync(join(out, 'snapshots', 'wcs-1-page-1.json'))).toBe(true);
        const scripts = calls(log)
            .filter((c) => c[0] === 'apex' && c[1] === 'run' && c[2] !== 'test')
            .map((c) => (c[c.indexOf('--file') + 1] ?? '').split(/[\\/]/).pop())
            .filter((f) => f?.startsWith('who-can-see'));
        // collectWhoCanSee, the job's status (Completed at once here), then each page.
        expect(scripts).toEqual(['who-can-see-1.apex', 'who-can-see-1-job.apex', 'who-can-see-1-page-0.apex', 'who-can-see-1-page-1.apex']);
    });

    test('the background job, forced with the running user\u2019s settings, lists the users of the answer at once; the settings are put back', () => {
        const out = join(dir, 'forced');
        const log = join(dir, 'forced.log');
        const run = verify(['--target-org', 'fake', '--skip-build', '--skip-cli', '--skip-tests', '--scenarios', '1,4', '--output-dir', out], { SF_BIN: FAKE_SF, FAKE_SF_LOG: log });
        expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
        expect(run.stdout).toMatch(/✔ job 707FAKE00000002AAA: \d+ page\(s\) of 1 user\(s\) in 1 queueable link\(s\); the same \d+ user\(s\) with the same access as the answer at once/);
        const scripts = calls(log)
            .filter((c) => c[0] === 'apex' && c[1] === 'run' && c[2] !== 'test')
            .map((c) => (c[c.indexOf('--file') + 1] ?? '').split(/[\\/]/).pop() ?? '');
        // Settings lowered, the job followed, its pages read, the settings put back (removed: the user had none).
        expect(scripts.filter((f) => /^who-can-see-(sizing|job)/.test(f))).toEqual(['who-can-see-sizing.apex', 'who-can-see-job.apex', 'who-can-see-job-job.apex', 'who-can-see-job-page-0.apex', 'who-can-see-job-page-1.apex', 'who-can-see-sizing-restore.apex']);
        expect(existsSync(`${log}.sizing.json`)).toBe(false);
        expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain('## Who can see, through the background job (forced on one record)');
    });

    test('a job whose pages miss a user fails the step, names the user, and still puts the settings back', () => {
        const out = join(dir, 'forced-short');
        const log = join(dir, 'forced-short.log');
        const run = verify(['--target-org', 'fake', '--skip-build', '--skip-cli', '--skip-tests', '--scenarios', '1', '--output-dir', out], { SF_BIN: FAKE_SF, FAKE_SF_LOG: log, FAKE_SF_DROP_LAST_PAGE: '1' });
        expect(run.status).toBe(1);
        expect(run.stdout).toMatch(/✖ the job's answer on \w+ differs or failed: .*user 005\w+: job not listed, at once (Read|Edit|All)/);
        expect(calls(log).some((c) => (c[c.indexOf('--file') + 1] ?? '').endsWith('who-can-see-sizing-restore.apex'))).toBe(true);
        expect(existsSync(`${log}.sizing.json`)).toBe(false);
    });

    test('a failed deploy stops the run at that step, says what to do, and the report lists the component error', () => {
        const out = join(dir, 'fail');
        const run = verify(['--target-org', 'fake', '--skip-build', '--skip-cli', '--scenarios', '1', '--output-dir', out], {
            SF_BIN: FAKE_SF,
            FAKE_SF_FAIL: 'project deploy start'
        });
        expect(run.status).toBe(1);
        expect(run.stdout).toContain('✖ Deploy failed.');
        expect(run.stdout).toContain('lwc/accessXrayEngine: Cannot find Lightning Component Bundle accessXrayEngine');
        expect(run.stdout).toContain('what to do: The component errors above name the file');
        const report = readFileSync(join(out, 'report.md'), 'utf8');
        expect(report).toContain('## What failed and what to do');
        expect(report).toContain('| 3 | Deploy the package source (force-app) | ❌ failed |');
        expect(report).toContain('⏭️ skipped | the snapshot comes back audited'.slice(0, 12));
        expect(report).toMatch(/Call the real AccessXRayController\.collect .* \| ⏭️ skipped \|/);
    });
});

describe('the snapshot travels through the debug log intact', () => {
    const parse = (log: string) =>
        JSON.parse(
            execFileSync(
                process.execPath,
                [
                    '--input-type=module',
                    '-e',
                    `import { parseCollectLog } from ${JSON.stringify(join(ROOT, 'scripts', 'verify-org', 'lib', 'apexScript.mjs'))};
                     try { process.stdout.write(JSON.stringify({ ok: parseCollectLog(${JSON.stringify(log)}) })); }
                     catch (e) { process.stdout.write(JSON.stringify({ error: e.message })); }`
                ],
                { encoding: 'utf8' }
            )
        ) as { ok?: { snapshot: unknown; limits: Record<string, number>; steps: unknown }; error?: string };
    const logOf = (json: string, { cut = false, hash = createHash('sha256').update(json).digest('hex') } = {}) => {
        const lines = [`1|USER_DEBUG|[1]|ERROR|AXR-VERIFY-BEGIN ${json.length} ${hash}`];
        for (let i = 0; i * 10 < json.length; i++) lines.push(`1|USER_DEBUG|[2]|ERROR|AXR-VERIFY-CHUNK ${i} ${Buffer.from(json.slice(i * 10, i * 10 + 10)).toString('base64')}`);
        if (!cut) lines.push('1|USER_DEBUG|[3]|ERROR|AXR-VERIFY-END', '1|USER_DEBUG|[4]|ERROR|AXR-VERIFY-LIMITS queries=3 heap=10');
        return lines.join('\n');
    };
    const snapshot = { meta: { description: 'a | b — ü' }, tables: { Account: [{ Id: '001', Name: 'Ä|B' }] } };

    test('chunks, pipes and non-ASCII text come back byte for byte, with the limits', () => {
        expect(parse(logOf(JSON.stringify(snapshot)))).toEqual({ ok: { snapshot, limits: { queries: 3, heap: 10 }, steps: null } });
    });

    test('the plan steps the in-org collector ran come back under their own markers', () => {
        const steps = [{ step: 'org', soql: "SELECT Id FROM Organization WHERE Name = 'a|b'", rows: 1 }];
        const text = JSON.stringify(steps);
        const log = [
            logOf(JSON.stringify(snapshot)),
            `1|USER_DEBUG|[5]|ERROR|AXR-VERIFY-STEPS-BEGIN ${text.length} ${createHash('sha256').update(text).digest('hex')}`,
            `1|USER_DEBUG|[6]|ERROR|AXR-VERIFY-STEPS-CHUNK 0 ${Buffer.from(text).toString('base64')}`,
            '1|USER_DEBUG|[7]|ERROR|AXR-VERIFY-STEPS-END'
        ].join('\n');
        expect(parse(log).ok?.steps).toEqual(steps);
        expect(parse(log.replace('AXR-VERIFY-STEPS-END', 'x')).error).toContain('no complete step trace');
    });

    test('a cut log or a changed snapshot is an error, never a wrong snapshot', () => {
        expect(parse(logOf(JSON.stringify(snapshot), { cut: true })).error).toContain('no complete snapshot');
        expect(parse(logOf(JSON.stringify(snapshot), { hash: '0'.repeat(64) })).error).toContain('does not match the SHA-256');
    });
});

describe('who-can-see answers are merged as the panel merges pages and compared user by user', () => {
    const run = (code: string): unknown =>
        JSON.parse(
            execFileSync(
                process.execPath,
                [
                    '--input-type=module',
                    '-e',
                    `import { comparePublicCounts, compareWhoCanSee, mergedWhoCanSee } from ${JSON.stringify(join(ROOT, 'scripts', 'verify-org', 'lib', 'compare.mjs'))};
                     import { readFileSync } from 'node:fs';
                     const engine = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'engine', 'accessXrayEngine.mjs')).href)});
                     const demo = JSON.parse(readFileSync(${JSON.stringify(join(ROOT, 'data', 'demo-org.snapshot.json'))}, 'utf8'));
                     ${code}`
                ],
                { encoding: 'utf8' }
            )
        );

    test('pages merged with the engine\u2019s merge (as the panel does) give the answer at once: users once with their highest access, the same public counts', () => {
        // a03Kx0000000001IAA is under a public org-wide default: its pages' users overlap the counts of page 0.
        const out = run(`const record = 'a03Kx0000000001IAA';
                 const pages = engine.whoCanSeePages(demo, record, 1);
                 const merged = mergedWhoCanSee(engine, pages, record);
                 const once = mergedWhoCanSee(engine, [demo], record);
                 const fewer = once.publicAccess.map((p) => ({ ...p, users: p.users - 1 }));
                 process.stdout.write(JSON.stringify({
                     pages: pages.length,
                     users: compareWhoCanSee(merged.users, [...once.users].map(([userId, maxAccessLevel]) => ({ userId, maxAccessLevel }))),
                     counted: once.publicAccess.map((p) => p.users),
                     same: comparePublicCounts(merged.publicAccess, once.publicAccess),
                     differ: comparePublicCounts(merged.publicAccess, fewer),
                     uncertain: [merged.uncertain, once.uncertain]
                 }));`) as { pages: number; users: unknown[]; counted: number[]; same: string[]; differ: string[]; uncertain: boolean[] };
        expect(out.pages).toBeGreaterThanOrEqual(2);
        expect(out.users).toEqual([]);
        expect(out.counted.length).toBeGreaterThan(0);
        expect(out.same).toEqual([]);
        expect(out.differ).toEqual([expect.stringMatching(/^internal users counted through the public default: \d+ vs \d+$/)]);
        expect(out.uncertain[0]).toBe(out.uncertain[1]);
    });

    test('users listed by one side only, or with another access, are named (ids compared on 15 characters)', () => {
        expect(
            run(`process.stdout.write(JSON.stringify(compareWhoCanSee(new Map([['005000000000001AAA', 'Read'], ['005000000000002AAA', 'Edit']]), [
                    { userId: '005000000000001', maxAccessLevel: 'Read' },
                    { userId: '005000000000002AAA', maxAccessLevel: 'Read' },
                    { userId: '005000000000003AAA', maxAccessLevel: 'All' }
                 ])));`)
        ).toEqual([
            { userId: '005000000000002AAA', apex: 'Edit', cli: 'Read' },
            { userId: '005000000000003AAA', apex: null, cli: 'All' }
        ]);
    });
});

describe('the two collectors\u2019 evidence plan steps are compared round by round', () => {
    type Step = { step: string; soql: string; rows: number };
    const compare = (apex: Step[], cli: Step[]) =>
        JSON.parse(
            execFileSync(
                process.execPath,
                [
                    '--input-type=module',
                    '-e',
                    `import { compareSteps } from ${JSON.stringify(join(ROOT, 'scripts', 'verify-org', 'lib', 'compare.mjs'))};
                     import { readFileSync } from 'node:fs';
                     const plan = JSON.parse(readFileSync(${JSON.stringify(join(ROOT, 'docs', 'evidence-plan.json'))}, 'utf8'));
                     process.stdout.write(JSON.stringify(compareSteps(${JSON.stringify(apex)}, ${JSON.stringify(cli)}, plan)));`
                ],
                { encoding: 'utf8' }
            )
        ) as { round: number; onlyApex: string[]; onlyCli: string[] }[];
    const cli: Step[] = [
        { step: 'record', soql: "SELECT Id, CaseNumber FROM Case WHERE Id = '500000000000001AAA'", rows: 1 },
        { step: 'groups.membershipUp', soql: "SELECT Id, GroupId, UserOrGroupId FROM GroupMember WHERE UserOrGroupId IN ('005000000000001AAA', '00G000000000001AAA')", rows: 2 },
        { step: 'groups.byId', soql: "SELECT Id, Name, DeveloperName, Type, RelatedId, DoesIncludeBosses FROM Group WHERE Id IN ('00G000000000002AAA')", rows: 1 }
    ];

    test('the in-org shapes (binds, LIMIT, every field of the record) match the CLI\u2019s literal queries', () => {
        const apex: Step[] = [
            { step: 'groups.byId', soql: 'SELECT Id, Name, DeveloperName, Type, RelatedId, DoesIncludeBosses FROM Group WHERE Id IN :groupIds LIMIT 2001', rows: 1 },
            { step: 'record', soql: 'SELECT Id, CaseNumber, Subject, Origin FROM Case WHERE Id = :recordId LIMIT 2', rows: 1 },
            { step: 'groups.membershipUp', soql: 'SELECT Id, GroupId, UserOrGroupId FROM GroupMember WHERE UserOrGroupId IN :frontier LIMIT 2001', rows: 2 }
        ];
        expect(compare(apex, cli)).toEqual([]);
    });

    test('a step only one collector ran, or other rows, is named with its round', () => {
        const apex: Step[] = [
            { step: 'record', soql: 'SELECT Id FROM Case WHERE Id = :recordId LIMIT 2', rows: 1 },
            { step: 'groups.membershipUp', soql: 'SELECT Id, GroupId, UserOrGroupId FROM GroupMember WHERE UserOrGroupId IN :frontier LIMIT 2001', rows: 3 }
        ];
        expect(compare(apex, cli)).toEqual([
            {
                round: 8,
                onlyApex: ['groups.membershipUp | SELECT Id, GroupId, UserOrGroupId FROM GroupMember WHERE UserOrGroupId IN ? | 3'],
                onlyCli: [
                    'groups.membershipUp | SELECT Id, GroupId, UserOrGroupId FROM GroupMember WHERE UserOrGroupId IN ? | 2',
                    'groups.byId | SELECT Id, Name, DeveloperName, Type, RelatedId, DoesIncludeBosses FROM Group WHERE Id IN ? | 1'
                ]
            }
        ]);
    });
});
