/** @jest-environment node */
/**
 * The synthetic org generator (scripts/bench/generator.ts): deterministic, the size asked for,
 * and evidence shaped the way the platform writes it, so benchmark figures measure the engine
 * on realistic data. Sources per test: Object Reference pages (AccountShare, CaseShare,
 * OpportunityShare, "CustomObject__Share", Group, GroupMember, UserRole, Territory2Model,
 * PermissionSetAssignment), "Record Access Under the Hood – Group Maintenance Tables",
 * Knowledge "What are Salesforce IDs composed of?", the seeds in /work/shared/seeds (001, 003,
 * 004) and /work/shared/docs/api-vocabulary.md §3–§7.
 * The engine runs from its Node bundle (dist/engine, `npm run build`) through
 * tests/cli/helpers/engine.ts: Node-environment suites can't import lwc-src modules.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
    BenchConfigError,
    configFor,
    SIZES,
    SyntheticOrg,
    syntheticId,
    toId18,
    validateConfig
} from '../../scripts/bench/generator';
import { withEngine } from '../cli/helpers/engine';
import { SHARE_TABLES, writeSnapshotFile } from '../../scripts/bench/snapshotFile';
import type { Row, Snapshot } from '../../lwc-src/lwc/accessXrayEngine/types';

const org = new SyntheticOrg(configFor('tiny'));
const snap: Snapshot = org.toSnapshot();
const t = (name: string): Row[] => snap.tables[name] ?? [];
const byId = new Map<string, { table: string; row: Row }>();
for (const [table, rows] of Object.entries(snap.tables)) {
    for (const row of rows) if (typeof row.Id === 'string') byId.set(row.Id, { table, row });
}
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const PARENT_FIELD: Record<string, string> = { AccountShare: 'AccountId', OpportunityShare: 'OpportunityId', CaseShare: 'CaseId', Project__Share: 'ParentId' };
const ACCESS_FIELD: Record<string, string> = { AccountShare: 'AccountAccessLevel', OpportunityShare: 'OpportunityAccessLevel', CaseShare: 'CaseAccessLevel', Project__Share: 'AccessLevel' };
const RECORD_TABLE: Record<string, string> = { AccountShare: 'Account', OpportunityShare: 'Opportunity', CaseShare: 'Case', Project__Share: 'Project__c' };

describe('determinism and size', () => {
    it('gives the same snapshot for the same seed and a different one for another seed', () => {
        const again = new SyntheticOrg(configFor('tiny')).toSnapshot();
        expect(JSON.stringify(again)).toBe(JSON.stringify(snap));
        const other = new SyntheticOrg(configFor('tiny', { seed: 7 })).toSnapshot();
        expect(JSON.stringify(other)).not.toBe(JSON.stringify(snap));
        expect(other.tables.AccountShare?.length).toBeGreaterThan(0);
    });

    it('writes exactly the configured number of share rows, spread over the four share tables', () => {
        const counts = SHARE_TABLES.map((table) => t(table).length);
        expect(counts.reduce((a, b) => a + b, 0)).toBe(SIZES.tiny.shareRows);
        for (const c of counts) expect(c).toBeGreaterThan(SIZES.tiny.shareRows / 10);
        expect(t('User')).toHaveLength(SIZES.tiny.users);
    });

    it('plans the 1 M-row size without generating it: budgets add up to 1 M over 100 k users', () => {
        const large = new SyntheticOrg(configFor('large'));
        const budgets = Object.values(large.plan.objects).map((o) => o.budget);
        expect(budgets.reduce((a, b) => a + b, 0)).toBe(1_000_000);
        expect(large.plan.users).toBe(100_000);
        expect(large.plan.internal + large.plan.partner + large.plan.customerPlus + large.plan.highVolume).toBe(100_000);
    });

    it('streams to a file byte-identical to JSON.stringify of the in-memory snapshot', () => {
        const dir = mkdtempSync(join(tmpdir(), 'axr-bench-'));
        try {
            const written = writeSnapshotFile(new SyntheticOrg(configFor('tiny')), join(dir, 'tiny.json'));
            expect(readFileSync(written.path, 'utf8')).toBe(JSON.stringify(snap));
            expect(written.shareRows).toBe(SIZES.tiny.shareRows);
            expect(written.rowsByTable.User).toBe(SIZES.tiny.users);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });

    it('rejects bad configurations with a message naming the value', () => {
        expect(() => validateConfig(configFor('tiny', { users: 10 }))).toThrow(/users must be an integer from 100/);
        expect(() => validateConfig(configFor('tiny', { roleDepth: 5 }))).toThrow(/roleDepth/);
        expect(() => validateConfig(configFor('tiny', { mix: { internal: 0.5, partner: 0.1, customerPlus: 0.1, highVolume: 0.1 } }))).toThrow(
            /add up to 1/
        );
        expect(() => new SyntheticOrg(configFor('tiny', { users: 50_000, shareRows: 2_000 }))).toThrow(BenchConfigError);
        expect(() => new SyntheticOrg(configFor('tiny', { users: 50_000, shareRows: 2_000 }))).toThrow(/raise shareRows or lower users/);
    });
});

describe('ids and references (Knowledge "What are Salesforce IDs composed of?")', () => {
    it('uses unique 18-character ids whose case-safe suffix is correct, with the object key prefix', () => {
        const seen = new Set<string>();
        for (const [table, rows] of Object.entries(snap.tables)) {
            for (const row of rows) {
                if (row.Id === undefined) continue;
                const id = str(row.Id);
                expect(id).toHaveLength(18);
                expect(toId18(id.slice(0, 15))).toBe(id);
                expect(seen.has(id)).toBe(false);
                seen.add(id);
                if (table === 'User') expect(id.startsWith('005')).toBe(true);
                if (table === 'Group') expect(id.startsWith('00G')).toBe(true);
            }
        }
        expect(syntheticId('Account', 0)).toBe(toId18(syntheticId('Account', 0).slice(0, 15)));
    });

    it("computes the same case-safe suffix as the engine's toId18 (dist/engine, built by npm run build)", () => {
        const samples = ['005B00000000ZzA', '001B0000000aBcD', '00GB000000000Qq', 'a01B000000XYZab', '500B00000000000'];
        const engine18 = withEngine<string[]>(null, `return ${JSON.stringify(samples)}.map((id) => engine.toId18(id));`);
        expect(samples.map(toId18)).toEqual(engine18);
    });

    it('every owner, grantee, member, role and parent id points at a row of the right table', () => {
        const inTable = (id: unknown, ...tables: string[]): boolean => tables.includes(byId.get(str(id))?.table ?? '');
        for (const table of ['Account', 'Opportunity', 'Case', 'Project__c', 'Contact']) {
            for (const r of t(table)) expect(inTable(r.OwnerId, 'User', 'Group')).toBe(true);
        }
        for (const share of SHARE_TABLES) {
            for (const r of t(share)) {
                expect(inTable(r.UserOrGroupId, 'User', 'Group')).toBe(true);
                expect(inTable(r[PARENT_FIELD[share] as string], RECORD_TABLE[share] as string)).toBe(true);
            }
        }
        for (const m of t('GroupMember')) {
            expect(inTable(m.GroupId, 'Group')).toBe(true);
            expect(inTable(m.UserOrGroupId, 'User', 'Group')).toBe(true);
        }
        for (const u of t('User')) {
            if (u.UserRoleId) expect(inTable(u.UserRoleId, 'UserRole')).toBe(true);
            if (u.ManagerId) expect(inTable(u.ManagerId, 'User')).toBe(true);
            if (u.ContactId) expect(inTable(u.ContactId, 'Contact')).toBe(true);
            expect(inTable(u.ProfileId, 'Profile')).toBe(true);
        }
        for (const a of t('PermissionSetAssignment')) {
            expect(inTable(a.AssigneeId, 'User')).toBe(true);
            expect(inTable(a.PermissionSetId, 'PermissionSet')).toBe(true);
        }
        for (const c of t('Case')) if (c.ContactId) expect(inTable(c.ContactId, 'Contact')).toBe(true);
    });
});

describe('roles, groups and users (UserRole, Group, GroupMember; Group Maintenance Tables; seeds 003/004)', () => {
    it('has an internal role hierarchy of roleDepth (≥ 10) levels and three portal roles per portal account', () => {
        const roles = t('UserRole');
        const parent = new Map(roles.map((r) => [str(r.Id), str(r.ParentRoleId)]));
        const depth = (id: string): number => {
            let d = 1;
            for (let p = parent.get(id); p; p = parent.get(p)) d++;
            return d;
        };
        const internal = roles.filter((r) => r.PortalType === 'None');
        expect(Math.max(...internal.map((r) => depth(str(r.Id))))).toBe(12);
        const portal = roles.filter((r) => r.PortalType !== 'None');
        expect(portal.length).toBe(3 * (org.plan.partnerAccounts + org.plan.customerAccounts));
        for (const r of portal) {
            expect(['Partner', 'CustomerPortal']).toContain(r.PortalType);
            expect(['Executive', 'Manager', 'User']).toContain(r.PortalRole);
            expect(byId.get(str(r.PortalAccountId))?.table).toBe('Account');
            // The Executive role sits under the portal account owner's role (access-semantics §4).
            if (r.PortalRole === 'Executive') {
                const owner = byId.get(str(byId.get(str(r.PortalAccountId))?.row.OwnerId))?.row;
                expect(r.ParentRoleId).toBe(owner?.UserRoleId);
            }
        }
    });

    it('never lists members of role or territory groups in GroupMember (they are derived) and nests public groups ≥ 3 deep', () => {
        const derived = new Set(['Role', 'RoleAndSubordinates', 'RoleAndSubordinatesInternal', 'Territory', 'TerritoryAndSubordinates', 'Organization', 'PRMOrganization', 'AllCustomerPortal']);
        for (const m of t('GroupMember')) expect(derived.has(str(byId.get(str(m.GroupId))?.row.Type))).toBe(false);
        const parentOf = new Map<string, string>();
        for (const m of t('GroupMember')) {
            if (byId.get(str(m.UserOrGroupId))?.row.Type === 'Regular') parentOf.set(str(m.UserOrGroupId), str(m.GroupId));
        }
        let deepest = 0;
        for (const g of parentOf.keys()) {
            let d = 1;
            for (let p = parentOf.get(g); p; p = parentOf.get(p)) d++;
            deepest = Math.max(deepest, d);
        }
        expect(deepest).toBeGreaterThanOrEqual(3);
        for (const type of ['Role', 'RoleAndSubordinates', 'RoleAndSubordinatesInternal', 'Territory', 'Queue', 'Regular', 'Organization']) {
            expect(t('Group').some((g) => g.Type === type)).toBe(true);
        }
    });

    it('has the configured user mix; high-volume users have no role and no group membership (seeds 003, 004)', () => {
        const types = new Map<string, number>();
        for (const u of t('User')) types.set(str(u.UserType), (types.get(str(u.UserType)) ?? 0) + 1);
        expect(types.get('Standard')).toBe(org.plan.internal);
        expect(types.get('PowerPartner')).toBe(org.plan.partner);
        expect(types.get('PowerCustomerSuccess')).toBe(org.plan.customerPlus);
        expect(types.get('CspLitePortal')).toBe(org.plan.highVolume);
        const members = new Set(t('GroupMember').map((m) => str(m.UserOrGroupId)));
        for (const u of t('User').filter((x) => x.UserType === 'CspLitePortal')) {
            expect(u.UserRoleId).toBeNull();
            expect(members.has(str(u.Id))).toBe(false);
            expect(u.AccountId).toBeTruthy();
        }
        for (const u of t('User').filter((x) => x.UserType === 'PowerPartner')) {
            expect(byId.get(str(u.UserRoleId))?.row.PortalType).toBe('Partner');
        }
    });

    it('has exactly one Active territory model, and territories of a Planning model too', () => {
        const models = t('Territory2Model');
        expect(models.filter((m) => m.State === 'Active')).toHaveLength(1);
        const planning = models.find((m) => m.State === 'Planning');
        expect(t('Territory2').some((x) => x.Territory2ModelId === planning?.Id)).toBe(true);
    });

    it('has permission set assignments for every user and some expired ones (PermissionSetAssignment.ExpirationDate)', () => {
        const assigned = new Set(t('PermissionSetAssignment').map((a) => str(a.AssigneeId)));
        expect(assigned.size).toBe(t('User').length);
        const expired = t('PermissionSetAssignment').filter((a) => a.ExpirationDate && Date.parse(str(a.ExpirationDate)) < Date.parse(snap.meta.collectedAt));
        expect(expired.length).toBeGreaterThan(0);
    });
});

describe('share rows (AccountShare, CaseShare, OpportunityShare, CustomObject__Share; api-vocabulary §6)', () => {
    const ALLOWED: Record<string, string[]> = {
        AccountShare: ['Owner', 'Rule', 'Manual', 'Team', 'Territory', 'ImplicitParent'],
        OpportunityShare: ['Owner', 'Rule', 'Manual', 'Team'],
        CaseShare: ['Owner', 'Rule', 'Manual', 'Team', 'RelatedPortalUser'],
        Project__Share: ['Owner', 'Rule', 'Manual', 'Project_Access__c']
    };

    it.each(SHARE_TABLES)('%s uses only RowCauses documented for it, and each is present', (share) => {
        const causes = new Set(t(share).map((r) => str(r.RowCause)));
        expect([...causes].sort()).toEqual([...(ALLOWED[share] as string[])].sort());
        for (const r of t(share)) expect(['Read', 'Edit', 'All']).toContain(r[ACCESS_FIELD[share] as string]);
    });

    it('gives every record one Owner row, to its owner, with All (seed 001 layer 3)', () => {
        for (const share of SHARE_TABLES) {
            const owners = new Map<string, Row[]>();
            for (const r of t(share).filter((x) => x.RowCause === 'Owner')) {
                const key = str(r[PARENT_FIELD[share] as string]);
                owners.set(key, [...(owners.get(key) ?? []), r]);
            }
            for (const rec of t(RECORD_TABLE[share] as string)) {
                const rows = owners.get(str(rec.Id)) ?? [];
                expect(rows).toHaveLength(1);
                expect(rows[0]?.UserOrGroupId).toBe(rec.OwnerId);
                expect(rows[0]?.[ACCESS_FIELD[share] as string]).toBe('All');
            }
        }
    });

    it('has a team member row for every Team share row and none without one', () => {
        const pairs = (rows: Row[], parent: string, member: string): string[] => rows.map((r) => `${str(r[parent])}/${str(r[member])}`).sort();
        expect(pairs(t('AccountTeamMember'), 'AccountId', 'UserId')).toEqual(pairs(t('AccountShare').filter((r) => r.RowCause === 'Team'), 'AccountId', 'UserOrGroupId'));
        expect(pairs(t('OpportunityTeamMember'), 'OpportunityId', 'UserId')).toEqual(
            pairs(t('OpportunityShare').filter((r) => r.RowCause === 'Team'), 'OpportunityId', 'UserOrGroupId')
        );
        expect(pairs(t('CaseTeamMember'), 'ParentId', 'MemberId')).toEqual(pairs(t('CaseShare').filter((r) => r.RowCause === 'Team'), 'CaseId', 'UserOrGroupId'));
    });

    it('shares Territory rows to the territory group of an active-model territory the account is assigned to', () => {
        const active = str(t('Territory2Model').find((m) => m.State === 'Active')?.Id);
        const assigned = new Set(t('ObjectTerritory2Association').map((a) => `${str(a.ObjectId)}/${str(a.Territory2Id)}`));
        const rows = t('AccountShare').filter((r) => r.RowCause === 'Territory');
        expect(rows.length).toBeGreaterThan(0);
        for (const r of rows) {
            const group = byId.get(str(r.UserOrGroupId))?.row;
            expect(group?.Type).toBe('Territory');
            expect(byId.get(str(group?.RelatedId))?.row.Territory2ModelId).toBe(active);
            expect(assigned.has(`${str(r.AccountId)}/${str(group?.RelatedId)}`)).toBe(true);
        }
    });

    it('grants RelatedPortalUser only to the case contact\'s Customer Community Plus or partner user (Object Reference CaseShare)', () => {
        const rows = t('CaseShare').filter((r) => r.RowCause === 'RelatedPortalUser');
        expect(rows.length).toBeGreaterThan(0);
        for (const r of rows) {
            const user = byId.get(str(r.UserOrGroupId))?.row;
            const kase = byId.get(str(r.CaseId))?.row;
            expect(user?.ContactId).toBe(kase?.ContactId);
            expect(['PowerCustomerSuccess', 'PowerPartner']).toContain(user?.UserType);
        }
    });

    it('shares Rule rows to a group targeted by a sharing rule of the object whose criteria the record meets', () => {
        const rules = snap.metadata?.SharingRules ?? [];
        for (const share of SHARE_TABLES) {
            const object = RECORD_TABLE[share] as string;
            for (const r of t(share).filter((x) => x.RowCause === 'Rule')) {
                const group = byId.get(str(r.UserOrGroupId))?.row;
                const record = byId.get(str(r[PARENT_FIELD[share] as string]))?.row;
                const name = group?.Type === 'Regular' ? str(group.DeveloperName) : str(byId.get(str(group?.RelatedId))?.row.DeveloperName);
                const matching = rules.filter(
                    (rule) =>
                        rule.object === object &&
                        Object.values(rule.sharedTo).flat().includes(name) &&
                        rule.criteriaItems?.every((c) => record?.[c.field] === c.value)
                );
                expect(matching.length).toBeGreaterThan(0);
            }
        }
    });
});

describe('the engine reads the synthetic org (dist/engine bundle in a child process)', () => {
    interface Verdicts {
        subjects: { title: string; uncertainties: string[]; maxAccessLevel: string }[];
        admin: string;
        hv: { read: boolean; objectPermissions: string | undefined };
    }
    const admin = str(t('User')[0]?.Id);
    const someCase = str(t('Case')[3]?.Id);
    const hv = str(t('User').filter((u) => u.UserType === 'CspLitePortal').pop()?.Id);
    const project = str(t('Project__c')[0]?.Id);
    const verdicts = withEngine<Verdicts>(
        snap,
        `const loaded = engine.loadSnapshot(snapshot);
         const subjects = snapshot.subjects.map((s) => { const e = engine.explain(loaded, s); return { title: s.title, uncertainties: e.uncertainties, maxAccessLevel: e.maxAccessLevel }; });
         const hv = engine.explain(loaded, { userId: ${JSON.stringify(hv)}, recordId: ${JSON.stringify(project)} });
         return {
             subjects,
             admin: engine.explain(loaded, { userId: ${JSON.stringify(admin)}, recordId: ${JSON.stringify(someCase)} }).maxAccessLevel,
             hv: { read: hv.access.read, objectPermissions: hv.layers.find((l) => l.id === 'objectPermissions')?.status }
         };`
    );

    it('loads without validation errors and explains the listed subjects with complete evidence', () => {
        expect(verdicts.subjects).toHaveLength(3);
        for (const s of verdicts.subjects) expect(s.uncertainties).toEqual([]);
    });

    it('the account owner has full access (seed 001 layer 3: ownership)', () => {
        expect(verdicts.subjects[0]).toMatchObject({ title: 'Account owner', maxAccessLevel: 'All' });
    });

    it('the administrator with Modify All Data has full access to any case (seed 001 layer 10)', () => {
        expect(verdicts.admin).toBe('All');
    });

    it('a high-volume user has no access to the custom object its profile cannot read (seed 001 layer 1)', () => {
        expect(verdicts.hv).toEqual({ read: false, objectPermissions: 'blocks' });
    });
});
