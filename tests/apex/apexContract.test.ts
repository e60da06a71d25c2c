/** @jest-environment node */
/**
 * Rules of the in-org path that must not come back, read from the Apex sources:
 * - UserRecordAccess with `UserId =` and `RecordId IN` selects only RecordId, the Has*Access fields
 *   and MaxAccessLevel (Object Reference "UserRecordAccess"); UserId is added to the rows — in the
 *   Apex selector and in the CLI collector alike;
 * - no entry point returns evidence without writing its audit row: every @AuraEnabled method that
 *   returns the snapshot goes through the one path that calls AccessXRayAuditService.recordCollection;
 *   the client never writes audit rows (no logExplanation);
 * - exactly one `without sharing` class, whose query method asserts a grant;
 * - the panel's data adapter calls exactly the controller methods that exist;
 * - who can see (admins only) writes its audit row before returning evidence, and a job's results are read back by
 *   the user who started it only.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const CLASSES = join(ROOT, 'force-app', 'main', 'default', 'classes');
const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
const shipped = walk(CLASSES).filter((p) => p.endsWith('.cls') && !p.includes(join('classes', 'tests')));
const code = (path: string) => readFileSync(path, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
const source = (name: string) => code(shipped.find((p) => p.endsWith(`${name}.cls`))!);

/** Object Reference "UserRecordAccess": fields allowed when filtering by UserId = and RecordId IN. */
const URA_ALLOWED = ['RecordId', 'HasReadAccess', 'HasEditAccess', 'HasDeleteAccess', 'HasTransferAccess', 'HasAllAccess', 'MaxAccessLevel'];

describe('UserRecordAccess follows the documented query rule', () => {
    test('the Apex selector selects only the allowed fields (the plan step\u2019s) and adds UserId to the rows', () => {
        const selector = source('AccessXRayUserRecordAccessSelector');
        const plan = JSON.parse(readFileSync(join(ROOT, 'docs', 'evidence-plan.json'), 'utf8')) as {
            steps: { id: string; object: string; fields: string[]; where: string }[];
        };
        const step = plan.steps.find((s) => s.id === 'platform.userRecordAccess')!;
        expect(step.object).toBe('UserRecordAccess');
        expect(step.fields.filter((f) => !URA_ALLOWED.includes(f))).toEqual([]);
        expect(step.fields).toContain('MaxAccessLevel');
        expect(step.where).toBe('UserId = :subjectId AND RecordId IN :recordAndParentIds');
        expect(selector).toMatch(/AccessXRayQuery\.ofStep\(\s*'platform\.userRecordAccess'/);
        expect(selector).toMatch(/\.withConstant\('UserId', String\.valueOf\(userId\)\)/);
        // The in-org queries as the running user (support users' readability checks) select the same kind of fields.
        for (const m of selector.matchAll(/SELECT ([\w ,]+)\s+FROM UserRecordAccess/g)) {
            expect(m[1]!.split(',').map((f) => f.trim()).filter((f) => !URA_ALLOWED.includes(f))).toEqual([]);
        }
    });

    test('the CLI collector obeys the same rule', () => {
        // The plans' steps (cli/src/collect/plan.ts and planWhoCanSee.ts, the data both collectors follow;
        // whoCanSee/1 reads no UserRecordAccess at all).
        const plan = JSON.parse(readFileSync(join(ROOT, 'docs', 'evidence-plan.json'), 'utf8')) as {
            steps: { object: string; fields: string[] }[];
            whoCanSee: { steps: { object: string; fields: string[] }[] };
        };
        const queries = [...plan.steps, ...plan.whoCanSee.steps].filter((s) => s.object === 'UserRecordAccess').map((s) => s.fields);
        expect(queries.length).toBeGreaterThanOrEqual(1);
        for (const fields of queries) expect(fields.filter((f) => !URA_ALLOWED.includes(f))).toEqual([]);
    });
});

describe('no evidence without a server-written audit row', () => {
    const controller = source('AccessXRayController');
    const methods = [...controller.matchAll(/@AuraEnabled(?:\([^)]*\))?\s+public static (\w+(?:<[^>]+>)?) (\w+)\(([^)]*)\)\s*\{([\s\S]*?)\n {4}\}/g)].map(
        (m) => ({ returns: m[1]!, name: m[2]!, body: m[4]! })
    );

    test('the controller has the agreed entry points', () => {
        expect(methods.map((m) => m.name).sort()).toEqual(
            ['attachVerdict', 'collect', 'collectWhoCanSee', 'collectWithTargets', 'searchSetupItems', 'searchUsers', 'setupStatus', 'whoCanSeeJob', 'whoCanSeePage'].sort()
        );
    });

    test('who can see returns evidence only after its audit row, and only to admins', () => {
        const byName = new Map(methods.map((m) => [m.name, m]));
        const answer = byName.get('collectWhoCanSee')!.body;
        // The answer at once: audited, then returned; a job: audited when started.
        expect(answer.indexOf("auditWhoCanSee(grant, 'answer', answer)")).toBeGreaterThan(-1);
        expect(answer.indexOf("auditWhoCanSee(grant, 'answer', answer)")).toBeLessThan(answer.indexOf('return answer.json()'));
        expect(answer.indexOf("auditWhoCanSee(grant, 'job '")).toBeLessThan(answer.indexOf("return JSON.serialize(new Map<String, Object>{ 'jobId'"));
        const page = byName.get('whoCanSeePage')!.body;
        expect(page.indexOf('AccessXRayAuditService.recordWhoCanSee(')).toBeGreaterThan(-1);
        expect(page.indexOf('AccessXRayAuditService.recordWhoCanSee(')).toBeLessThan(page.indexOf('return body;'));
        // Progress carries no evidence.
        expect(byName.get('whoCanSeeJob')!.returns).toBe('AccessXRayWhoCanSeeJobStatus');
        // Every who-can-see entry point is authorised for the record as an admin (the grant requires the admin permission and View All Data).
        for (const name of ['collectWhoCanSee', 'whoCanSeeJob', 'whoCanSeePage']) expect({ name, authorised: /AccessXRaySecurity\.authorizeWhoCanSee\(/.test(byName.get(name)!.body) }).toEqual({ name, authorised: true });
        const security = source('AccessXRaySecurity');
        const authorize = /public static Grant authorizeWhoCanSee\([\s\S]*?\n {4}\}/.exec(security)![0];
        expect(authorize.indexOf('canExplainAnyUser()')).toBeGreaterThan(-1);
        expect(authorize.indexOf('canExplainAnyUser()')).toBeLessThan(authorize.indexOf('new Grant('));
        // The job's rows are read back by the user who started them only.
        const store = source('AccessXRayWhoCanSeeStore');
        for (const m of store.matchAll(/FROM Access_XRay_Who_Can_See__c\s+WHERE ([^\]]*?)WITH SYSTEM_MODE/g)) {
            if (/CreatedDate < :before/.test(m[1]!)) continue; // the purge (admins only, any owner)
            expect(m[1]).toMatch(/CreatedById = :runningUserId/);
        }
    });

    test('every entry point that returns evidence goes through explain(), which writes the audit row before returning', () => {
        const evidence = methods.filter((m) => m.returns === 'AccessXRaySnapshot');
        expect(evidence.map((m) => m.name).sort()).toEqual(['collect', 'collectWithTargets']);
        for (const m of evidence) expect({ name: m.name, viaExplain: /return explain\(/.test(m.body) }).toEqual({ name: m.name, viaExplain: true });
        const explain = /private static AccessXRaySnapshot explain\([\s\S]*?\n {4}\}/.exec(controller)![0];
        const collectAt = explain.indexOf('.collect(');
        const auditAt = explain.indexOf('AccessXRayAuditService.recordCollection(');
        const returnAt = explain.indexOf('return snapshot;');
        expect(collectAt).toBeGreaterThan(-1);
        expect(auditAt).toBeGreaterThan(collectAt);
        expect(returnAt).toBeGreaterThan(auditAt);
    });

    test('the audit row is written with server-set fields only; the verdict is attached separately, as client-reported', () => {
        const audit = source('AccessXRayAuditService');
        const insert = /new Access_XRay_Audit__c\(([\s\S]*?)\);/.exec(audit)![1]!;
        const fields = [...insert.matchAll(/(\w+__c) =/g)].map((m) => m[1]!);
        expect(fields.sort()).toEqual(
            ['Evidence_Digest__c', 'Explained_At__c', 'Explained_User__c', 'Object_Api_Name__c', 'Record_Id__c', 'What_If_Targets__c'].sort()
        );
        expect(audit).toMatch(/WHERE Id = :auditId AND CreatedById = :runningUserId/);
        expect(audit).toMatch(/Verdict_Reported_At__c != null/);
    });

    test('nothing calls the removed client-side audit', () => {
        const adapter = readFileSync(join(ROOT, 'lwc-src', 'lwc', 'accessXrayDataAdapter', 'accessXrayDataAdapter.ts'), 'utf8');
        expect(adapter).not.toContain('logExplanation');
        const imported = [...adapter.matchAll(/@salesforce\/apex\/AccessXRayController\.(\w+)/g)].map((m) => m[1]!);
        for (const name of imported) expect(methods.map((m) => m.name)).toContain(name);
    });
});

describe('system mode is bound to a grant', () => {
    test('exactly one class is without sharing, and its query asserts the grant', () => {
        const without = shipped.filter((p) => /\bwithout sharing\b/.test(code(p)));
        expect(without.map((p) => p.split(/[\\/]/).pop())).toEqual(['AccessXRaySystemReader.cls']);
        const reader = source('AccessXRaySystemReader');
        expect(reader).toMatch(/public override List<SObject> query\([^)]*\) \{\s*AccessXRaySecurity\.assertGranted\(grant\);/);
    });

    test('a grant is issued only by authorize, after the record and user checks', () => {
        const security = source('AccessXRaySecurity');
        expect(security).toMatch(/private Grant\(/);
        const authorize = /public static Grant authorize\([\s\S]*?\n {4}\}/.exec(security)![0];
        expect(authorize.indexOf('runningUserCanRead')).toBeLessThan(authorize.indexOf('new Grant('));
        expect(authorize.indexOf('runningUserCanSee')).toBeLessThan(authorize.indexOf('new Grant('));
        expect(security).toMatch(/hasViewAllData\(\)/);
    });
});
