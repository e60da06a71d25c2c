/** @jest-environment node */
/**
 * The who-can-see evidence plan whoCanSee/1 is exact and bounded by the answer
 * (docs/evidence-plan.md "whoCanSee/1"):
 * - for every record of the demo org, and for records of a generated org (fixed, printed seed),
 *   who-can-see on the snapshot the CLI collector writes with whoCanSee/1 from the fake org
 *   lists the same users, with the same maximum access and the same top mechanism, as
 *   who-can-see on the whole org; users reached only through a public org-wide default are
 *   equal as counts (per side, per profile, per permission set, per access level);
 * - the rows it reads depend on the answer, not the org: ten times more users, groups and
 *   share rows that have nothing to do with the record change nothing it reads, and ten times
 *   more users reached only through a public default change the counts, not the rows.
 * The collector reads the sharing-rule definitions and the sharing sets itself (round 11, Metadata
 * API); as in collectorTargeted.test.ts, what no API returns — the settings the API can't read, page
 * layouts, the members of a sharing set's share group — the comparison takes from the whole org.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { collect, type CollectResult } from '../../cli/src/collector';
import { startFakeOrg } from '../../cli/src/fakeOrg/server';
import type { Row, Snapshot } from '../../lwc-src/lwc/accessXrayEngine/types';
import { configFor, DEFAULT_SEED, SyntheticOrg } from '../../scripts/bench/generator';
import { RandomStream } from '../../scripts/bench/random';
import { ROOT, withEngine } from './helpers/engine';
import { transportFor } from './helpers/miniOrg';

/** Fixed seed of the generated org's records (printed by the test). */
const SEED = 20261203;
const GENERATED_RECORDS = 40;

const DEMO_OBJECTS = ['Account', 'Contact', 'Opportunity', 'Case', 'Compensation_Plan__c', 'Invoice__c', 'Product_Line__c'];
const GENERATED_OBJECTS = ['Account', 'Contact', 'Opportunity', 'Case', 'Project__c'];

function demoOrg(): Snapshot {
    return JSON.parse(readFileSync(join(ROOT, 'data', 'demo-org.snapshot.json'), 'utf8')) as Snapshot;
}

/** The targeted snapshot's metadata, plus what no API returns: page layouts and share-group members (from the whole org). */
function withUnreadable(whole: Snapshot, targeted: Snapshot): NonNullable<Snapshot['metadata']> {
    const members = new Map((whole.metadata?.SharingSet ?? []).map((s) => [s.fullName, s.shareGroupMembers]));
    const sets = targeted.metadata?.SharingSet;
    return {
        ...whole.metadata,
        ...targeted.metadata,
        ...(sets ? { SharingSet: sets.map((s) => ({ ...s, ...(members.get(s.fullName) ? { shareGroupMembers: members.get(s.fullName) } : {}) })) } : {})
    };
}

async function collectAll(whole: Snapshot, recordIds: string[]): Promise<{ snapshots: Snapshot[]; results: CollectResult[] }> {
    const org = await startFakeOrg({ snapshot: whole });
    const snapshots: Snapshot[] = [];
    const results: CollectResult[] = [];
    try {
        for (const recordId of recordIds) {
            const result = await collect(transportFor(org, { timeoutMs: 20_000 }), { users: [], recordId, whoCanSee: true });
            results.push(result);
            snapshots.push({ ...result.snapshot, metadata: withUnreadable(whole, result.snapshot), settings: whole.settings ?? {} });
        }
    } finally {
        await org.close();
    }
    return { snapshots, results };
}

interface Diff {
    recordId: string;
    whole: unknown;
    targeted: unknown;
}

/** In one child process: who-can-see of every record on the whole org and on its targeted snapshot; what differs. */
function compareAll(whole: Snapshot, targeted: Snapshot[], recordIds: string[]): { diffs: Diff[]; users: number; publicUsers: number; uncertain: number } {
    return withEngine(
        { whole, targeted, recordIds },
        `const view = (r) => ({
            users: r.users.map((u) => [u.userId.slice(0, 15), u.maxAccessLevel, u.topMechanism]).sort(),
            publicAccess: (r.publicAccess ?? []).map((p) => ({
                side: p.side, model: p.model, users: p.users, byAccess: p.byAccess,
                byProfile: p.byProfile.map((x) => [x.id.slice(0, 15), x.users]).sort(),
                byPermissionSet: p.byPermissionSet.map((x) => [x.id.slice(0, 15), x.users]).sort()
            }))
        });
        const whole = engine.loadSnapshot(snapshot.whole);
        const diffs = [];
        let users = 0, publicUsers = 0, uncertain = 0;
        snapshot.recordIds.forEach((recordId, i) => {
            const a = engine.whoCanSee(whole, recordId);
            const b = engine.whoCanSee(snapshot.targeted[i], recordId);
            users += a.users.length;
            publicUsers += (a.publicAccess ?? []).reduce((n, p) => n + p.users, 0);
            if (b.uncertain && !a.uncertain) uncertain++;
            const va = view(a), vb = view(b);
            if (JSON.stringify(va) !== JSON.stringify(vb)) diffs.push({ recordId, whole: va, targeted: vb });
        });
        return { diffs, users, publicUsers, uncertain };`
    );
}

describe('who-can-see on the whoCanSee/1 snapshot equals who-can-see on the whole org', () => {
    it('for every record of the demo org', async () => {
        const demo = demoOrg();
        const recordIds = DEMO_OBJECTS.flatMap((o) => (demo.tables[o] ?? []).map((r) => String(r.Id)));
        const { snapshots } = await collectAll(demo, recordIds);
        for (const s of snapshots) {
            expect(s.meta.scope).toMatchObject({ kind: 'records', plan: 'whoCanSee/1' });
            expect(s.meta.scope?.capsReached).toBeUndefined();
            expect(s.meta.truncated).toBeUndefined();
        }
        const result = compareAll(demo, snapshots, recordIds);
        expect(result.diffs).toEqual([]);
        // Not vacuous: users listed, and users counted through a public default (Product_Line__c is Public Read Only).
        expect(result.users).toBeGreaterThan(100);
        expect(result.publicUsers).toBeGreaterThan(0);
        expect(result.uncertain).toBe(0);
    }, 300_000);

    it(`for ${GENERATED_RECORDS} records of a generated org (generator seed ${DEFAULT_SEED}, records seed ${SEED})`, async () => {
        // Fixed seeds, printed so a failure can be replayed.
        console.info(`whoCanSeeTargeted: ${GENERATED_RECORDS} records of the tiny synthetic org (generator seed ${DEFAULT_SEED}), records seed ${SEED}`);
        const whole = new SyntheticOrg(configFor('tiny')).toSnapshot();
        const rnd = new RandomStream(SEED, 'whoCanSeeTargeted');
        const recordIds: string[] = [];
        for (let i = 0; i < GENERATED_RECORDS; i++) {
            const rows = whole.tables[GENERATED_OBJECTS[i % GENERATED_OBJECTS.length] as string] ?? [];
            recordIds.push(String(rows[rnd.int(i, 0, rows.length)]?.Id));
        }
        const { snapshots } = await collectAll(whole, recordIds);
        for (const s of snapshots) expect(s.meta.scope?.capsReached).toBeUndefined();
        const result = compareAll(whole, snapshots, recordIds);
        expect(result.diffs).toEqual([]);
        expect(result.users).toBeGreaterThan(GENERATED_RECORDS * 10);
        expect(result.uncertain).toBe(0);
    }, 600_000);
});

/**
 * `whole` with `count` permission sets that decide nothing about the bench objects (Read on Campaign only), one
 * permission set group holding one of them, every internal user assigned all of them and the group; and a group
 * holding the sets that give View All on `object`, assigned to a few users without it (their access comes only
 * through the group). Salesforce counts an object permission only on its object, and a system permission only if
 * set (Object Reference "ObjectPermissions", "PermissionSetGroupComponent").
 */
function withIrrelevantSets(whole: Snapshot, count: number): { org: Snapshot; viaGroup: string[]; object: string } {
    const s = JSON.parse(JSON.stringify(whole)) as Snapshot;
    const sets = (s.tables.PermissionSet ??= []);
    const objectPermissions = (s.tables.ObjectPermissions ??= []);
    const assignments = (s.tables.PermissionSetAssignment ??= []);
    const components = (s.tables.PermissionSetGroupComponent ??= []);
    const groups = (s.tables.PermissionSetGroup ??= []);
    const internal = (s.tables.User ?? []).filter((u) => u.UserType === 'Standard' && u.IsActive !== false).map((u) => String(u.Id));
    const set = (n: number, label: string, groupId: string | null = null): string => {
        const id = `0PSXX${String(n).padStart(10, '0')}AAA`;
        sets.push({ attributes: { type: 'PermissionSet' }, Id: id, Name: `Irrelevant_${n}`, Label: label, IsOwnedByProfile: false, ProfileId: null, PermissionSetGroupId: groupId, PermissionsViewAllData: false, PermissionsModifyAllData: false });
        return id;
    };
    let n = 0;
    const assign = (userId: string, setId: string, groupId: string | null): void => {
        assignments.push({ attributes: { type: 'PermissionSetAssignment' }, Id: `0PaXX${String(n++).padStart(10, '0')}AAA`, AssigneeId: userId, PermissionSetId: setId, PermissionSetGroupId: groupId, ExpirationDate: null, IsActive: true, IsRevoked: false });
    };
    const irrelevant: string[] = [];
    for (let i = 0; i < count; i++) {
        const id = set(i, `Campaign reader ${i}`);
        irrelevant.push(id);
        objectPermissions.push({ attributes: { type: 'ObjectPermissions' }, Id: `110XX${String(i).padStart(10, '0')}AAA`, ParentId: id, SobjectType: 'Campaign', PermissionsRead: true, PermissionsCreate: false, PermissionsEdit: false, PermissionsDelete: false, PermissionsViewAllRecords: false, PermissionsModifyAllRecords: false });
    }
    const group = (g: number, members: string[]): { groupId: string; aggregate: string } => {
        const groupId = `0PGXX${String(g).padStart(10, '0')}AAA`;
        groups.push({ attributes: { type: 'PermissionSetGroup' }, Id: groupId, DeveloperName: `Bundle_${g}`, MasterLabel: `Bundle ${g}`, Status: 'Updated' });
        members.forEach((m, i) => components.push({ attributes: { type: 'PermissionSetGroupComponent' }, Id: `0PCXX${String(g * 1000 + i).padStart(10, '0')}AAA`, PermissionSetGroupId: groupId, PermissionSetId: m }));
        const aggregate = set(count + g, `Bundle ${g} (aggregate)`, groupId);
        // The group's aggregate permission set holds its components' object permissions, as the platform computes them.
        const given = objectPermissions.filter((o) => members.includes(String(o.ParentId)));
        given.forEach((o, i) => objectPermissions.push({ ...o, Id: `110XY${String(g * 1000 + i).padStart(10, '0')}AAA`, ParentId: aggregate }));
        return { groupId, aggregate };
    };
    const campaign = group(0, irrelevant.slice(0, 3));
    for (const userId of internal) {
        irrelevant.forEach((id) => assign(userId, id, null));
        assign(userId, campaign.aggregate, campaign.groupId);
    }
    // A permission set (not a profile's) giving View All on an object: its sets go into a group.
    const custom = new Set(sets.filter((p) => p.IsOwnedByProfile !== true).map((p) => String(p.Id)));
    const first = (whole.tables.ObjectPermissions ?? []).find((o) => o.PermissionsViewAllRecords === true && custom.has(String(o.ParentId)));
    if (!first) throw new Error('the generated org has no permission set giving View All');
    const object = String(first.SobjectType);
    const viewAllSets = (whole.tables.ObjectPermissions ?? []).filter((o) => o.SobjectType === object && o.PermissionsViewAllRecords === true && custom.has(String(o.ParentId))).map((o) => String(o.ParentId));
    const holders = new Set(assignments.filter((a) => viewAllSets.includes(String(a.PermissionSetId))).map((a) => String(a.AssigneeId)));
    const viaGroup = internal.filter((u) => !holders.has(u)).slice(0, 5);
    const bundle = group(1, viewAllSets);
    viaGroup.forEach((u) => assign(u, bundle.aggregate, bundle.groupId));
    return { org: s, viaGroup, object };
}

describe('whoCanSee/1 reads the assignments of the permission sets that decide access only', () => {
    it('forty permission sets and a group that give nothing on the record family are not read and change nothing in the answer; View All through a group is found (generated org)', async () => {
        const whole = new SyntheticOrg(configFor('tiny')).toSnapshot();
        const { org: bigger, viaGroup, object } = withIrrelevantSets(whole, 40);
        expect(viaGroup.length).toBeGreaterThan(0);
        const recordIds = (whole.tables[object] ?? []).slice(0, 4).map((c) => String(c.Id));
        const { snapshots, results } = await collectAll(bigger, recordIds);
        const result = compareAll(bigger, snapshots, recordIds);
        expect(result.diffs).toEqual([]);
        expect(result.uncertain).toBe(0);
        // The users given View All only through the group are listed, and their assignment of the group was read.
        const listed = withEngine<string[]>(snapshots[0] as Snapshot, `return engine.whoCanSee(snapshot, '${recordIds[0]}').users.map((u) => u.userId.slice(0, 15));`);
        expect(viaGroup.filter((u) => !listed.includes(u.slice(0, 15)))).toEqual([]);
        const groupAssignees = (snapshots[0]?.tables.PermissionSetAssignment ?? []).filter((a) => a.PermissionSetGroupId === '0PGXX0000000001AAA').map((a) => String(a.AssigneeId));
        expect(viaGroup.filter((u) => !groupAssignees.includes(u))).toEqual([]);
        // Every assignment read is of a set or group that gives something: none of the 40 sets nor the Campaign group.
        for (const s of snapshots) {
            const read = (s.tables.PermissionSetAssignment ?? []).map((a) => `${String(a.PermissionSetId)}/${String(a.PermissionSetGroupId)}`);
            expect(read.filter((r) => r.startsWith('0PSXX') && !r.endsWith('0PGXX0000000001AAA'))).toEqual([]);
        }
        expect(results.every((r) => r.stats.rows < (bigger.tables.PermissionSetAssignment ?? []).length)).toBe(true);
    }, 300_000);
});

const CASE_1 = '500Kx0000000001IAA';
const GUS_CONTACT = '003Kx0000000005IAA';
const TOBIAS = '005Kx0000000023IAA';
const HANA = '005Kx0000000021IAA';
const GUS = '005Kx0000000018IAA';

/**
 * The demo org with sharing sets whose mapped fields name accounts and contacts outside the family's
 * accounts (Metadata API SharingSet, AccessMapping: `objectField` a lookup on the target object,
 * `userField` the user's Contact, Account, or Manager's Contact / Account):
 * - a custom lookup Case.Service_Contact__c to the contact of Tobias Wagner (a partner user of another
 *   account), mapped from User.Contact in a partner sharing set;
 * - the customer-community set maps Contact.Id from User.Manager.Contact, and Hana Hoffmann's manager is
 *   Gus Grant: she reaches Gus's contact (another account) through her manager;
 * - a custom lookup Case.Partner_Account__c to Tobias's account, mapped from User.Contact.RelatedAccount in
 *   a Customer Community Plus set: Gus Grant's contact is related to that account (AccountContactRelation);
 * - `unknownMapping`: a second partner set maps Case.Account from User.Account.Parent (a user field the
 *   collection does not follow).
 */
function withMappedSets(opts: { unknownMapping?: boolean } = {}): Snapshot {
    const s = demoOrg();
    const caseDescribe = s.describe?.Case;
    caseDescribe?.fields?.push({ name: 'Service_Contact__c', type: 'reference', permissionable: true, nillable: true, referenceTo: ['Contact'], relationshipName: 'Service_Contact__r' } as never);
    const case1 = (s.tables.Case ?? []).find((c) => c.Id === CASE_1) as Row;
    case1.Service_Contact__c = '003Kx0000000011IAA';
    // Case.Partner_Account__c names Tobias's account, to which Gus Grant's contact is related (not its direct account).
    caseDescribe?.fields?.push({ name: 'Partner_Account__c', type: 'reference', permissionable: true, nillable: true, referenceTo: ['Account'], relationshipName: 'Partner_Account__r' } as never);
    case1.Partner_Account__c = '001Kx0000000007IAA';
    s.tables.AccountContactRelation = [{ attributes: { type: 'AccountContactRelation' }, Id: '07kKx0000000001AAA', AccountId: '001Kx0000000007IAA', ContactId: GUS_CONTACT, IsActive: true, IsDirect: false }];
    const hana = (s.tables.User ?? []).find((u) => u.Id === HANA) as Row;
    hana.ManagerId = GUS;
    const sets = (s.metadata ??= {}).SharingSet ?? [];
    const community = sets[0] as NonNullable<typeof sets>[number];
    community.accessMappings = [...community.accessMappings, { accessLevel: 'Read', object: 'Contact', objectField: 'Id', userField: 'Manager.Contact' }];
    sets.push({
        fullName: 'Partner_Service_Cases',
        name: 'Partners: cases they service',
        profiles: ['Partner Community User'],
        accessMappings: [{ accessLevel: 'Edit', object: 'Case', objectField: 'Service_Contact__c', userField: 'Contact' }]
    });
    sets.push({
        fullName: 'Related_Account_Cases',
        name: 'Customers: cases of their related accounts',
        profiles: ['Customer Community Plus User'],
        accessMappings: [{ accessLevel: 'Read', object: 'Case', objectField: 'Partner_Account__c', userField: 'Contact.RelatedAccount' }]
    });
    if (opts.unknownMapping) {
        sets.push({
            fullName: 'Parent_Account_Cases',
            name: 'Customers: cases of the parent account',
            profiles: ['Partner Community User'],
            accessMappings: [{ accessLevel: 'Read', object: 'Case', objectField: 'Account', userField: 'Account.Parent' }]
        });
    }
    s.metadata.SharingSet = sets;
    return s;
}

describe('whoCanSee/1 reads the users a sharing set reaches through a field the family does not lead to (round 12)', () => {
    it('a lookup to a contact of another account (User.Contact), a manager\'s contact (User.Manager.Contact) and a related account (User.Contact.RelatedAccount): the same answer as the whole org (Metadata API SharingSet AccessMapping)', async () => {
        const whole = withMappedSets();
        const recordIds = [CASE_1, GUS_CONTACT, ...['500Kx0000000003IAA', '500Kx0000000009IAA', '003Kx0000000011IAA', '001Kx0000000005IAA']];
        const { snapshots, results } = await collectAll(whole, recordIds);
        // Not vacuous: the whole org's answers hold those users through the sharing sets.
        const reached = withEngine<string[]>(
            whole,
            `return [['${CASE_1}', '${TOBIAS}'], ['${GUS_CONTACT}', '${HANA}'], ['${CASE_1}', '${GUS}']].map(([r, u]) => engine.whoCanSee(snapshot, r).users.find((x) => x.userId.slice(0, 15) === u.slice(0, 15))?.topMechanism ?? 'absent');`
        );
        expect(reached).toEqual(['experienceCloud', 'experienceCloud', 'experienceCloud']);
        // Read by round 12, not by the family's rounds.
        const steps = (r: CollectResult): string[] => (r.trace ?? []).map((t) => t.step);
        expect(steps(results[0] as CollectResult)).toEqual(expect.arrayContaining(['wcs.sharingSetRelations', 'wcs.sharingSetUsers']));
        expect(steps(results[1] as CollectResult)).toEqual(expect.arrayContaining(['wcs.sharingSetManagers', 'wcs.sharingSetUsers']));
        for (const snap of snapshots) expect(snap.meta.scope?.capsReached).toBeUndefined();
        const result = compareAll(whole, snapshots, recordIds);
        expect(result.diffs).toEqual([]);
        expect(result.uncertain).toBe(0);
    }, 300_000);

    it('a mapping from a user field the collection does not follow (User.Account.Parent) makes the answer uncertain, naming the sharing set', async () => {
        const whole = withMappedSets({ unknownMapping: true });
        const { snapshots } = await collectAll(whole, [CASE_1]);
        const answer = withEngine<{ uncertain: boolean; uncertainties: string[] }>(snapshots[0] as Snapshot, `const r = engine.whoCanSee(snapshot, '${CASE_1}'); return { uncertain: r.uncertain, uncertainties: r.uncertainties };`);
        expect(answer.uncertain).toBe(true);
        expect(answer.uncertainties.join(' ')).toMatch(/sharing set Customers: cases of the parent account maps User\.Account\.Parent/);
    }, 300_000);
});

/** `whole` with `extra` users who reach nothing (no role, no manager, `profileId`), and groups and shares of other records for them. */
function withUnrelated(whole: Snapshot, extra: number, opts: { profileId: string; shareObject?: { table: string; parentField: string; accessField: string; recordIds: string[] } }): Snapshot {
    const s = JSON.parse(JSON.stringify(whole)) as Snapshot;
    const users = s.tables.User as Row[];
    const template = users.find((u) => u.UserType === 'Standard') as Row;
    const groups = (s.tables.Group ??= []);
    const members = (s.tables.GroupMember ??= []);
    for (let i = 0; i < extra; i++) {
        const n = String(i).padStart(9, '0');
        const userId = `005XX0${n}AAA`;
        users.push({ ...template, Id: userId, Name: `Unrelated User ${i}`, Username: `unrelated${i}@example.com`, UserRoleId: null, ManagerId: null, ProfileId: opts.profileId, IsActive: true });
        if (!opts.shareObject) continue;
        const groupId = `00GXX0${n}AAA`;
        groups.push({ attributes: { type: 'Group' }, Id: groupId, Name: `Unrelated Group ${i}`, DeveloperName: `Unrelated_${i}`, Type: 'Regular', RelatedId: null, DoesIncludeBosses: true });
        members.push({ attributes: { type: 'GroupMember' }, Id: `011XX0${n}AAA`, GroupId: groupId, UserOrGroupId: userId });
        const { table, parentField, accessField, recordIds } = opts.shareObject;
        (s.tables[table] ??= []).push({
            attributes: { type: table },
            Id: `02cXX0${n}AAA`,
            [parentField]: recordIds[i % recordIds.length],
            UserOrGroupId: groupId,
            [accessField]: 'Read',
            RowCause: 'Manual'
        });
    }
    return s;
}

/** A profile (of an internal user) that reaches no record by itself: no View All Data / Modify All Data, no View All or Modify All on `object`. */
function plainProfile(s: Snapshot, object: string): string {
    const sets = s.tables.PermissionSet ?? [];
    const elevated = new Set(
        (s.tables.ObjectPermissions ?? []).filter((o) => o.SobjectType === object && (o.PermissionsViewAllRecords === true || o.PermissionsModifyAllRecords === true)).map((o) => String(o.ParentId).slice(0, 15))
    );
    const plain = (profileId: unknown): boolean =>
        sets
            .filter((p) => String(p.ProfileId).slice(0, 15) === String(profileId).slice(0, 15))
            .every((p) => p.PermissionsViewAllData !== true && p.PermissionsModifyAllData !== true && !elevated.has(String(p.Id).slice(0, 15)));
    const user = (s.tables.User ?? []).find((u) => u.UserType === 'Standard' && u.IsActive !== false && plain(u.ProfileId));
    if (!user) throw new Error('the org has no internal user with a plain profile');
    return String(user.ProfileId);
}

function stats(r: CollectResult): { rows: number; queries: number } {
    return { rows: r.stats.rows, queries: r.stats.queries };
}

describe('whoCanSee/1 reads rows bounded by the answer, not by the org', () => {
    it('ten times more users, groups and share rows unrelated to the record change nothing it reads (generated org)', async () => {
        const whole = new SyntheticOrg(configFor('tiny')).toSnapshot();
        const cases = (whole.tables.Case ?? []).map((c) => String(c.Id));
        const record = cases[0] as string;
        const users = (whole.tables.User ?? []).length;
        const bigger = withUnrelated(whole, users * 9, {
            profileId: plainProfile(whole, 'Case'),
            shareObject: { table: 'CaseShare', parentField: 'CaseId', accessField: 'CaseAccessLevel', recordIds: cases.slice(1) }
        });
        const [small] = (await collectAll(whole, [record])).results;
        const [big] = (await collectAll(bigger, [record])).results;
        expect((bigger.tables.User ?? []).length).toBe(users * 10);
        expect(stats(big as CollectResult)).toEqual(stats(small as CollectResult));
        expect(stats(small as CollectResult).rows).toBeGreaterThan(0);
    }, 300_000);

    it('ten times more users reached only through a public default change the counts, not the rows (demo Product_Line__c, Public Read Only)', async () => {
        const demo = demoOrg();
        const record = String(demo.tables.Product_Line__c?.[0]?.Id);
        // A profile whose users the public default reaches (the whole org's answer counts some of them).
        const profileId = withEngine<string>(demo, `return engine.whoCanSee(snapshot, '${record}').publicAccess[0].byProfile[0].id;`);
        const extra = (demo.tables.User ?? []).length * 9;
        const bigger = withUnrelated(demo, extra, { profileId });
        const small = await collectAll(demo, [record]);
        const big = await collectAll(bigger, [record]);
        expect(stats(big.results[0] as CollectResult)).toEqual(stats(small.results[0] as CollectResult));
        const counted = (s: Snapshot[]): number =>
            withEngine<number>(s[0], `return (engine.whoCanSee(snapshot, '${record}').publicAccess ?? []).reduce((n, p) => n + p.users, 0);`);
        const before = counted(small.snapshots);
        const after = counted(big.snapshots);
        // Every extra user holds a profile that can read the object, so each is counted.
        expect({ before: before > 0, added: after - before }).toEqual({ before: true, added: extra });
    }, 300_000);
});
