/**
 * Same answer: who-can-see, computed from the record's side, lists exactly the users that
 * explaining every user one by one says can read the record, at the same maximum access level
 * (and counts the public-default users it doesn't list) —
 * - on generated orgs (fast-check, fixed seed below): internal and external users (partner,
 *   Customer Community Plus, high-volume), nested groups, queues, role groups, the org-wide
 *   group, share rows of every kind, teams, territories, implicit parents and children,
 *   Controlled by Parent and master-detail children, View All / Modify All, View All Data /
 *   Modify All Data, permission set groups with muting, expired assignments, a restriction rule,
 *   a sharing set, related cases, public and private defaults, sometimes a group of 70 users;
 *   Transfer Record / Transfer Cases / Transfer Leads holders on cases, leads and invoices
 *   (Help "Transfer Records"), the master-detail Sharing Setting of the invoice lines — Read
 *   Only, Read/Write or not collected (Help "Considerations for Relationships", describe
 *   `writeRequiresMasterRead`), queues whose Grant Access Using Hierarchies is on, off or not
 *   collected (`Queue.doesIncludeBosses`), and roles without an account-owner level;
 * - on the benchmark's synthetic org (scripts/bench/generator.ts, tiny size);
 * - on the demo org (data/demo-org.snapshot.json): every record in it;
 * - on every case of the conformance corpus (internal and external).
 * Sources: access-semantics.md §0 (one combination rule for every user), seed 001–004; the
 * platform's own Sharing Hierarchy leaves public-default users out the same way (Salesforce
 * Help "View Which Users Have Access to Your Records").
 *
 * `npm test` runs the generated orgs with the fixed seed in the test title; AXR_FUZZ_SEED
 * (and AXR_FUZZ_FACTOR for more runs) search with another seed.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { explain, loadSnapshot, SnapshotError, whoCanSee, whoCanSeePaths, type LoadedSnapshot, type Snapshot } from 'c/accessXrayEngine';
import { SyntheticOrg, configFor } from '../../../../scripts/bench/generator';
import { acmeOrg } from './external/acmeOrg';
import type { ExternalCase } from './corpus/external/caseTypes';
import { licenceCases } from './corpus/external/licence.cases';
import { portalCases } from './corpus/external/portal.cases';
import { sharingSetCases } from './corpus/external/sharingSets.cases';
import { roleAndTeamCases } from './corpus/external/rolesAndTeams.cases';
import { restrictionCases } from './corpus/external/restrictionRules.cases';
import { externalAccountHierarchyCases } from './corpus/external/externalAccountHierarchy.cases';
import type { CorpusCase } from './corpus/internal/corpusCase';
import { build, spec } from './generatedOrgs';

const fuzzSeed = Number(process.env.AXR_FUZZ_SEED);
const fuzzFactor = Number(process.env.AXR_FUZZ_FACTOR);
const SEED = Number.isInteger(fuzzSeed) && fuzzSeed !== 0 ? fuzzSeed : 20261203;
const FACTOR = Number.isInteger(fuzzFactor) && fuzzFactor > 0 ? fuzzFactor : 1;

// ---------------------------------------------------------------------------
// The comparison
// ---------------------------------------------------------------------------

interface Comparison {
    /** "Name (id): Level" per user, from explain, for users who can read. */
    expected: string[];
    /** The same from who-can-see with listPublic. */
    listed: string[];
    /** Problems with the unlisted answer (public users counted, not listed). */
    problems: string[];
}

function compare(snap: LoadedSnapshot, recordId: string): Comparison {
    const users = (snap.snapshot.tables.User ?? []).filter((u) => u.IsActive !== false).map((u) => String(u.Id));
    const expected: string[] = [];
    for (const userId of users) {
        const e = explain(snap, { userId, recordId });
        if (e.access.read) {
            expected.push(`${e.userName} (${userId}): ${e.maxAccessLevel}`);
        }
    }
    const all = whoCanSee(snap, recordId, { listPublic: true });
    const listed = all.users.map((u) => `${u.userName} (${u.userId}): ${u.maxAccessLevel}`);
    const problems: string[] = [];
    if (all.total !== all.users.length) {
        problems.push(`total ${all.total} but ${all.users.length} users listed`);
    }
    // Without listPublic: listed users plus the public counts are everyone, and nobody is listed twice.
    const some = whoCanSee(snap, recordId);
    const counted = (some.publicAccess ?? []).reduce((n, p) => n + p.users, 0);
    if (some.users.length + counted !== all.users.length) {
        problems.push(`${some.users.length} listed + ${counted} counted under public defaults ≠ ${all.users.length} who can read`);
    }
    for (const p of some.publicAccess ?? []) {
        const byProfile = p.byProfile.reduce((n, x) => n + x.users, 0);
        if (byProfile !== p.users) {
            problems.push(`public ${p.side} users ${p.users} but ${byProfile} counted per profile`);
        }
    }
    return { expected: expected.sort(), listed: listed.sort(), problems };
}

function expectSameAnswer(snapshot: Snapshot | LoadedSnapshot, recordId: string): void {
    const snap = 'kind' in snapshot ? snapshot : loadSnapshot(snapshot);
    const c = compare(snap, recordId);
    expect({ recordId, listed: c.listed, problems: c.problems }).toEqual({ recordId, listed: c.expected, problems: [] });
}

// ---------------------------------------------------------------------------
// Generated orgs
// ---------------------------------------------------------------------------

describe(`who-can-see equals explaining every user one by one (generated orgs: seed ${SEED}, runs ×${FACTOR})`, () => {
    it('lists exactly the users explain says can read, at the same level, on every record of a generated org', () => {
        fc.assert(
            fc.property(spec, (s) => {
                const { snapshot, records } = build(s);
                const snap = loadSnapshot(snapshot);
                for (const recordId of records) {
                    const c = compare(snap, recordId);
                    if (JSON.stringify(c.listed) !== JSON.stringify(c.expected) || c.problems.length) {
                        throw new Error(`record ${recordId}: who-can-see ${JSON.stringify(c.listed)} vs explain ${JSON.stringify(c.expected)} ${c.problems.join('; ')}`);
                    }
                }
                return true;
            }),
            { seed: SEED, numRuns: 60 * FACTOR }
        );
    });

    it('every listed user’s grant paths are capped at their access (no path above what object permissions let through)', () => {
        fc.assert(
            fc.property(spec, (s) => {
                const { snapshot, records } = build(s);
                const snap = loadSnapshot(snapshot);
                const rank = ['None', 'Read', 'Edit', 'Delete', 'Transfer', 'All'];
                for (const recordId of records) {
                    for (const u of whoCanSee(snap, recordId, { withPaths: true }).users) {
                        const over = u.paths.filter((p) => rank.indexOf(p.level) > rank.indexOf(u.maxAccessLevel));
                        if (over.length || u.paths.length === 0) {
                            throw new Error(`${u.userName} (${u.maxAccessLevel}) on ${recordId}: ${u.paths.map((p) => p.summary).join(' | ') || 'no path'}`);
                        }
                        if (JSON.stringify(whoCanSeePaths(snap, recordId, u.userId)) !== JSON.stringify(u.paths)) {
                            throw new Error(`whoCanSeePaths differs from withPaths for ${u.userName}`);
                        }
                    }
                }
                return true;
            }),
            { seed: SEED, numRuns: 15 * FACTOR }
        );
    });
});

// ---------------------------------------------------------------------------
// The benchmark's synthetic org, the demo org, the conformance corpus
// ---------------------------------------------------------------------------

describe('who-can-see equals explain on the benchmark’s synthetic org (tiny size, seed 20261123)', () => {
    const snap = loadSnapshot(new SyntheticOrg(configFor('tiny')).toSnapshot());
    const tables = snap.snapshot.tables;
    const sample = ['Account', 'Contact', 'Opportunity', 'Case', 'Project__c'].flatMap((t) => {
        const rows = tables[t] ?? [];
        return [0, 1, 2].map((i) => [t, String(rows[Math.floor((i * rows.length) / 3)]?.Id)] as const);
    });
    it.each(sample)('%s %s', (_object, recordId) => expectSameAnswer(snap, recordId));
});

describe('who-can-see equals explain on every record of the demo org (data/demo-org.snapshot.json)', () => {
    const snap = loadSnapshot(JSON.parse(readFileSync(path.join(__dirname, '..', '..', '..', '..', 'data', 'demo-org.snapshot.json'), 'utf8')) as Snapshot);
    const setup = new Set(['Organization', 'EntityDefinition', 'UserLicense', 'Profile', 'PermissionSet', 'ObjectPermissions', 'FieldPermissions', 'User', 'PermissionSetAssignment', 'UserRole', 'Group', 'GroupMember', 'QueueSobject', 'Territory2Type', 'Territory2Model', 'Territory2', 'UserTerritory2Association', 'CaseTeamRole', 'CaseTeamMember', 'OpportunityTeamMember', 'AccountTeamMember', 'ObjectTerritory2Association', 'Network', 'ExternalAccountHierarchy', 'UserRecordAccess']);
    const records = Object.entries(snap.snapshot.tables)
        .filter(([table]) => !setup.has(table) && !table.endsWith('Share'))
        .flatMap(([table, rows]) => rows.map((r) => [table, String(r.Name ?? r.CaseNumber ?? r.Id), String(r.Id)] as const));
    it('covers every scenario record', () => {
        const scenarioRecords = new Set((snap.snapshot.subjects ?? []).map((s) => s.recordId));
        expect([...scenarioRecords].filter((id) => !records.some((r) => r[2] === id))).toEqual([]);
    });
    it.each(records)('%s %s', (_table, _name, recordId) => expectSameAnswer(snap, recordId));
});

describe('who-can-see equals explain on every conformance corpus case', () => {
    const dir = path.join(__dirname, 'corpus', 'internal');
    const internal: CorpusCase[] = readdirSync(dir)
        .filter((f) => f.endsWith('.cases.ts'))
        .sort()
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        .flatMap((f) => (require(path.join(dir, f)) as { cases: CorpusCase[] }).cases);
    it.each(internal.map((c) => [c.name, c] as const))('internal: %s', (_name, c) => {
        const { snapshot, recordId } = c.build();
        if ('rejects' in c.expect) {
            // Broken evidence is refused by who-can-see as by explain, at the same JSON path.
            let error: unknown;
            try {
                whoCanSee(snapshot, recordId);
            } catch (e) {
                error = e;
            }
            expect(error).toBeInstanceOf(SnapshotError);
            expect((error as SnapshotError).path).toBe(c.expect.rejects.path);
            return;
        }
        expectSameAnswer(snapshot, recordId);
    });
    const external: ExternalCase[] = [...licenceCases, ...portalCases, ...sharingSetCases, ...roleAndTeamCases, ...restrictionCases, ...externalAccountHierarchyCases];
    it.each(external.map((c) => [`${c.id} ${c.title}`, c] as const))('external: %s', (_name, c) => {
        const org = acmeOrg();
        c.arrange?.(org);
        expectSameAnswer(org.snapshot, org.ids[c.record] as string);
    });
});
