/** @jest-environment node */
/**
 * The bundled demo org (data/demo-org.snapshot.json) is what the platform would have
 * written: these tests check the committed file is the generator's output and that the
 * evidence is internally consistent (ids, references, share rows, UserRecordAccess), so a
 * demo verdict can only come from the engine, never from a typo in the data.
 * Sources are named per test: Object Reference pages (AccountShare, CaseShare, Group,
 * UserRecordAccess, UserRole), "Record Access Under the Hood – Group Maintenance Tables",
 * and the seeds in /work/shared/seeds (000–004).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDemoSnapshot, demoScenarios, to18, KEY_PREFIX } from '../../scripts/demo-org/demoOrg';
import type { Row, SharingRuleDefinition, Snapshot } from '../../lwc-src/lwc/accessXrayEngine/types';

const root = join(__dirname, '..', '..');
const committed = JSON.parse(readFileSync(join(root, 'data', 'demo-org.snapshot.json'), 'utf8')) as Snapshot;
const committedScenarios = JSON.parse(readFileSync(join(root, 'data', 'demo-org.scenarios.json'), 'utf8')) as {
    scenarios: unknown[];
};
const snap = buildDemoSnapshot();
const scenarios = demoScenarios();

const rows = (table: string): Row[] => snap.tables[table] ?? [];
const byId = new Map<string, { table: string; row: Row }>();
for (const [table, list] of Object.entries(snap.tables)) {
    for (const row of list) {
        if (typeof row.Id === 'string') byId.set(row.Id, { table, row });
    }
}
const tableOf = (id: unknown): string | undefined => (typeof id === 'string' ? byId.get(id)?.table : undefined);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

describe('demo org: committed files are the generator output', () => {
    it('data/demo-org.snapshot.json equals buildDemoSnapshot() (run `npm run demo:generate` after editing scripts/demo-org)', () => {
        expect(committed).toEqual(snap);
    });
    it('data/demo-org.scenarios.json equals demoScenarios()', () => {
        expect(committedScenarios.scenarios).toEqual(scenarios);
    });
    it('`npm run demo:generate -- --check` (scripts/demo-org/generate.mjs) finds every generated file current', () => {
        const res = spawnSync(process.execPath, [join(root, 'scripts', 'demo-org', 'generate.mjs'), '--check'], {
            cwd: root,
            encoding: 'utf8'
        });
        expect(res.stderr).not.toContain('out of date');
        expect(res.status).toBe(0);
    });
    it('is a schemaVersion 1 snapshot from the demo source, with subjects = the scenarios', () => {
        expect(snap.schemaVersion).toBe(1);
        expect(snap.meta.source).toBe('demo');
        expect(snap.subjects?.map((s) => s.title)).toEqual(scenarios.map((s) => s.title));
    });
});

describe('demo org: ids look like Salesforce ids', () => {
    it('every Id is 18 characters whose last 3 are the case-safe checksum of the first 15', () => {
        expect(byId.size).toBeGreaterThan(200);
        for (const id of byId.keys()) {
            expect(id).toHaveLength(18);
            expect(to18(id.slice(0, 15))).toBe(id);
        }
    });
    it('to18 reproduces a documented conversion (Salesforce Help "15 to 18 character Id"): 001A0000006Vm9r → 001A0000006Vm9rIAC', () => {
        expect(to18('001A0000006Vm9r')).toBe('001A0000006Vm9rIAC');
    });
    it('every row carries the key prefix of its object (005 User, 00E UserRole, 00G Group, 0PS PermissionSet, …)', () => {
        const expectedPrefix: Record<string, string> = {
            User: KEY_PREFIX.User,
            UserRole: KEY_PREFIX.UserRole,
            Group: KEY_PREFIX.Group,
            GroupMember: KEY_PREFIX.GroupMember,
            Profile: KEY_PREFIX.Profile,
            PermissionSet: KEY_PREFIX.PermissionSet,
            PermissionSetAssignment: KEY_PREFIX.PermissionSetAssignment,
            ObjectPermissions: KEY_PREFIX.ObjectPermissions,
            FieldPermissions: KEY_PREFIX.FieldPermissions,
            Account: KEY_PREFIX.Account,
            Contact: KEY_PREFIX.Contact,
            Case: KEY_PREFIX.Case,
            Opportunity: KEY_PREFIX.Opportunity,
            AccountShare: KEY_PREFIX.AccountShare,
            CaseShare: KEY_PREFIX.CaseShare,
            OpportunityShare: KEY_PREFIX.OpportunityShare,
            Invoice__Share: KEY_PREFIX.CustomShare,
            Compensation_Plan__Share: KEY_PREFIX.CustomShare,
            Product_Line__Share: KEY_PREFIX.CustomShare,
            Territory2: KEY_PREFIX.Territory2,
            Territory2Model: KEY_PREFIX.Territory2Model,
            Invoice__c: KEY_PREFIX.Invoice__c,
            Compensation_Plan__c: KEY_PREFIX.Compensation_Plan__c,
            Product_Line__c: KEY_PREFIX.Product_Line__c
        };
        for (const [table, prefix] of Object.entries(expectedPrefix)) {
            expect(rows(table).length).toBeGreaterThan(0);
            for (const row of rows(table)) expect(str(row.Id).slice(0, 3)).toBe(prefix);
        }
    });
});

describe('demo org: references resolve', () => {
    const refs: [string, string, string[]][] = [
        ['User', 'ProfileId', ['Profile']],
        ['User', 'UserRoleId', ['UserRole']],
        ['User', 'ContactId', ['Contact']],
        ['User', 'AccountId', ['Account']],
        ['UserRole', 'ParentRoleId', ['UserRole']],
        ['UserRole', 'PortalAccountId', ['Account']],
        ['GroupMember', 'GroupId', ['Group']],
        ['GroupMember', 'UserOrGroupId', ['User', 'Group']],
        ['PermissionSetAssignment', 'AssigneeId', ['User']],
        ['PermissionSetAssignment', 'PermissionSetId', ['PermissionSet']],
        ['ObjectPermissions', 'ParentId', ['PermissionSet']],
        ['FieldPermissions', 'ParentId', ['PermissionSet']],
        ['Account', 'OwnerId', ['User']],
        ['Contact', 'AccountId', ['Account']],
        ['Case', 'AccountId', ['Account']],
        ['Case', 'ContactId', ['Contact']],
        ['Case', 'OwnerId', ['User', 'Group']],
        ['Opportunity', 'AccountId', ['Account']],
        ['AccountShare', 'AccountId', ['Account']],
        ['AccountShare', 'UserOrGroupId', ['User', 'Group']],
        ['CaseShare', 'CaseId', ['Case']],
        ['CaseShare', 'UserOrGroupId', ['User', 'Group']],
        ['OpportunityShare', 'OpportunityId', ['Opportunity']],
        ['OpportunityShare', 'UserOrGroupId', ['User', 'Group']],
        ['Invoice__Share', 'ParentId', ['Invoice__c']],
        ['Invoice__Share', 'UserOrGroupId', ['User', 'Group']],
        ['Compensation_Plan__Share', 'ParentId', ['Compensation_Plan__c']],
        ['Product_Line__Share', 'ParentId', ['Product_Line__c']],
        ['Product_Line__Share', 'UserOrGroupId', ['User', 'Group']],
        ['AccountTeamMember', 'UserId', ['User']],
        ['OpportunityTeamMember', 'UserId', ['User']],
        ['CaseTeamMember', 'MemberId', ['User']],
        ['CaseTeamMember', 'TeamRoleId', ['CaseTeamRole']],
        ['Territory2', 'Territory2ModelId', ['Territory2Model']],
        ['Territory2', 'ParentTerritory2Id', ['Territory2']],
        ['UserTerritory2Association', 'UserId', ['User']],
        ['UserTerritory2Association', 'Territory2Id', ['Territory2']],
        ['ObjectTerritory2Association', 'ObjectId', ['Account']],
        ['ObjectTerritory2Association', 'Territory2Id', ['Territory2']],
        ['UserRecordAccess', 'UserId', ['User']],
        ['ExternalAccountHierarchy', 'AccountId', ['Account']],
        ['ExternalAccountHierarchy', 'ParentId', ['ExternalAccountHierarchy']]
    ];
    it.each(refs)('%s.%s points at an existing %p row (or is null)', (table, field, targets) => {
        for (const row of rows(table)) {
            const value = row[field];
            if (value === null || value === undefined) continue;
            expect(targets).toContain(tableOf(value));
        }
    });
    it('each portal account’s top portal role reports to its owner’s role as collected, as the platform creates it (UserRole.PortalAccountOwnerId)', () => {
        for (const account of rows('Account').filter((a) => a.IsPartner === true || a.IsCustomerPortal === true)) {
            const roles = rows('UserRole').filter((r) => r.PortalAccountId === account.Id);
            if (roles.length === 0) continue; // no role-based users (high-volume)
            const ids = new Set(roles.map((r) => str(r.Id)));
            const tops = roles.filter((r) => !ids.has(str(r.ParentRoleId)));
            const owner = byId.get(str(account.OwnerId))?.row;
            expect(tops).toHaveLength(1);
            expect(tops[0]?.ParentRoleId).toBe(owner?.UserRoleId);
            for (const r of roles) expect(r.PortalAccountOwnerId).toBe(account.OwnerId);
        }
    });
    it('the external account hierarchy joins two partner accounts of the same type, active, child accessible to parent (Object Reference "ExternalAccountHierarchy")', () => {
        const nodes = rows('ExternalAccountHierarchy');
        expect(nodes).toHaveLength(2);
        const root = nodes.find((n) => n.ParentId === null);
        const child = nodes.find((n) => n.ParentId === root?.Id);
        expect(byId.get(str(root?.AccountId))?.row.Name).toBe('Nordlicht Partners GmbH');
        expect(byId.get(str(child?.AccountId))?.row.Name).toBe('Nordlicht Partners Austria GmbH');
        for (const n of nodes) {
            expect(n).toMatchObject({ HierarchyType: 'Partner', IsActive: true, IsAccessibleToParent: true });
            expect(byId.get(str(n.AccountId))?.row.IsPartner).toBe(true);
        }
    });
    it('a territory belongs to the same model as its parent (Territory2 doc)', () => {
        for (const t of rows('Territory2')) {
            if (!t.ParentTerritory2Id) continue;
            expect(byId.get(str(t.ParentTerritory2Id))?.row.Territory2ModelId).toBe(t.Territory2ModelId);
        }
    });
    it('portal users carry the contact and account of their portal role (UserRole.PortalAccountId)', () => {
        for (const u of rows('User')) {
            if (!u.UserRoleId) continue;
            const role = byId.get(str(u.UserRoleId))?.row;
            if (role?.PortalType === 'None') {
                expect(u.UserType).toBe('Standard');
            } else {
                expect(role?.PortalAccountId).toBe(u.AccountId);
                expect(byId.get(str(u.ContactId))?.row.AccountId).toBe(u.AccountId);
            }
        }
    });
});

describe('demo org: the platform-written rows are consistent', () => {
    it('every internal role has Role, RoleAndSubordinates and RoleAndSubordinatesInternal groups; portal roles Role and RoleAndSubordinates ("Group Maintenance Tables")', () => {
        for (const role of rows('UserRole')) {
            const types = rows('Group')
                .filter((g) => g.RelatedId === role.Id)
                .map((g) => g.Type)
                .sort();
            const expected =
                role.PortalType === 'None'
                    ? ['Role', 'RoleAndSubordinates', 'RoleAndSubordinatesInternal']
                    : ['Role', 'RoleAndSubordinates'];
            expect(types).toEqual(expected);
        }
    });
    it('only territories of the Active model have territory groups (access-semantics §6)', () => {
        for (const g of rows('Group').filter(
            (row) => row.Type === 'Territory' || row.Type === 'TerritoryAndSubordinates'
        )) {
            const territory = byId.get(str(g.RelatedId))?.row;
            expect(byId.get(str(territory?.Territory2ModelId))?.row.State).toBe('Active');
        }
    });
    it.each([
        ['Account', 'AccountShare', 'AccountId', 'AccountAccessLevel'],
        ['Case', 'CaseShare', 'CaseId', 'CaseAccessLevel'],
        ['Opportunity', 'OpportunityShare', 'OpportunityId', 'OpportunityAccessLevel'],
        ['Invoice__c', 'Invoice__Share', 'ParentId', 'AccessLevel'],
        ['Compensation_Plan__c', 'Compensation_Plan__Share', 'ParentId', 'AccessLevel'],
        ['Product_Line__c', 'Product_Line__Share', 'ParentId', 'AccessLevel']
    ])(
        'every %s has exactly one Owner share row, to its owner, level All (%s)',
        (object, shareTable, idField, levelField) => {
            for (const record of rows(object)) {
                const owners = rows(shareTable).filter((s) => s[idField] === record.Id && s.RowCause === 'Owner');
                expect(owners).toHaveLength(1);
                expect(owners[0]?.UserOrGroupId).toBe(record.OwnerId);
                expect(owners[0]?.[levelField]).toBe('All');
            }
        }
    );
    it('share rows use only RowCause values documented for their object (api-vocabulary §6; custom objects may add Apex reasons)', () => {
        const allowed: Record<string, string[]> = {
            AccountShare: [
                'Owner',
                'Manual',
                'Team',
                'Rule',
                'ImplicitParent',
                'PortalImplicit',
                'LpuImplicit',
                'Territory',
                'Territory2AssociationManual'
            ],
            CaseShare: ['Owner', 'Manual', 'Rule', 'Team', 'RelatedPortalUser', 'ImplicitChild'],
            OpportunityShare: ['Owner', 'Manual', 'Rule', 'Team'],
            Invoice__Share: ['Owner', 'Manual', 'Rule', 'Billing_Review__c'],
            Compensation_Plan__Share: ['Owner', 'Manual', 'Rule'],
            Product_Line__Share: ['Owner', 'Manual', 'Rule', 'GuestRule']
        };
        for (const [table, causes] of Object.entries(allowed)) {
            for (const row of rows(table)) expect(causes).toContain(row.RowCause);
        }
    });
    it('Team share rows mirror a team member row with the same access (AccountTeamMember, OpportunityTeamMember, CaseTeamMember)', () => {
        const teamShares = [...rows('AccountShare'), ...rows('OpportunityShare'), ...rows('CaseShare')].filter(
            (s) => s.RowCause === 'Team'
        );
        expect(teamShares).toHaveLength(3);
        for (const share of teamShares) {
            const recordId = share.AccountId ?? share.OpportunityId ?? share.CaseId;
            const members = [
                ...rows('AccountTeamMember').filter(
                    (m) => m.AccountId === recordId && m.UserId === share.UserOrGroupId
                ),
                ...rows('OpportunityTeamMember').filter(
                    (m) => m.OpportunityId === recordId && m.UserId === share.UserOrGroupId
                ),
                ...rows('CaseTeamMember').filter((m) => m.ParentId === recordId && m.MemberId === share.UserOrGroupId)
            ];
            expect(members).toHaveLength(1);
        }
    });
    it('RelatedPortalUser case shares go to the case contact’s Customer Community Plus user (CaseShare doc; seed 002)', () => {
        const related = rows('CaseShare').filter((s) => s.RowCause === 'RelatedPortalUser');
        expect(related.length).toBeGreaterThan(0);
        for (const share of related) {
            const theCase = byId.get(str(share.CaseId))?.row;
            const user = byId.get(str(share.UserOrGroupId))?.row;
            expect(user?.ContactId).toBe(theCase?.ContactId);
            expect(user?.UserType).toBe('PowerCustomerSuccess');
        }
    });
    it('Rule share rows are exactly the records matching a criteria rule, shared with the group the rule names (seed 000 step 7; Group doc)', () => {
        const roleGroup = (dev: string, type: string): unknown => {
            const role = rows('UserRole').find((r) => r.DeveloperName === dev);
            return rows('Group').find((g) => g.RelatedId === role?.Id && g.Type === type)?.Id;
        };
        const targetOf = (rule: SharingRuleDefinition): unknown => {
            const to = rule.sharedTo;
            if (typeof to.group === 'string')
                return rows('Group').find((g) => g.Type === 'Regular' && g.DeveloperName === to.group)?.Id;
            if (typeof to.portalRoleAndSubordinates === 'string')
                return roleGroup(to.portalRoleAndSubordinates, 'RoleAndSubordinates');
            if (typeof to.roleAndSubordinatesInternal === 'string')
                return roleGroup(to.roleAndSubordinatesInternal, 'RoleAndSubordinatesInternal');
            if (to.allCustomerPortalUsers !== undefined)
                return rows('Group').find((g) => g.Type === 'AllCustomerPortal')?.Id;
            return undefined;
        };
        const criteriaRules = (snap.metadata?.SharingRules ?? []).filter((r) => r.kind === 'criteria');
        expect(criteriaRules.length).toBe(4);
        const expectedRows = new Set<string>();
        for (const rule of criteriaRules) {
            const target = targetOf(rule);
            expect(tableOf(target)).toBe('Group');
            for (const record of rows(rule.object)) {
                if (
                    (rule.criteriaItems ?? []).every(
                        (c) => c.operation === 'equals' && String(record[c.field]) === c.value
                    )
                ) {
                    expectedRows.add(`${str(record.Id)}>${str(target)}`);
                }
            }
        }
        const actualRows = [
            ...rows('AccountShare'),
            ...rows('CaseShare'),
            ...rows('OpportunityShare'),
            ...rows('Invoice__Share')
        ]
            .filter((s) => s.RowCause === 'Rule')
            .map((s) => `${str(s.AccountId ?? s.CaseId ?? s.OpportunityId ?? s.ParentId)}>${str(s.UserOrGroupId)}`);
        expect(actualRows.sort()).toEqual([...expectedRows].sort());
    });
    it('the guest rule share goes to the site guest user, read only, on published product lines only (access-semantics §5: guest rules grant read only)', () => {
        const guestRows = rows('Product_Line__Share').filter((s) => s.RowCause === 'GuestRule');
        const guest = rows('User').find((u) => u.UserType === 'Guest');
        const published = rows('Product_Line__c').filter((p) => p.Published__c === true);
        expect(guestRows.map((s) => s.ParentId)).toEqual(published.map((p) => p.Id));
        for (const s of guestRows) expect(s).toMatchObject({ UserOrGroupId: guest?.Id, AccessLevel: 'Read' });
    });
    it('UserRecordAccess rows exist for every scenario and their flags agree with MaxAccessLevel (Object Reference "UserRecordAccess"; HasAllAccess: "whether a user can share the record")', () => {
        const order = ['None', 'Read', 'Edit', 'Delete', 'Transfer', 'All'];
        for (const s of scenarios) {
            const ura = rows('UserRecordAccess').filter((r) => r.UserId === s.userId && r.RecordId === s.recordId);
            expect(ura).toHaveLength(1);
            const row = ura[0] as Row;
            const rank = order.indexOf(str(row.MaxAccessLevel));
            expect(rank).toBeGreaterThanOrEqual(0);
            expect([
                row.HasReadAccess,
                row.HasEditAccess,
                row.HasDeleteAccess,
                row.HasTransferAccess,
                row.HasAllAccess
            ]).toEqual([rank >= 1, rank >= 2, s.platformHasDeleteAccess ?? rank >= 3, rank >= 4, s.platformHasAllAccess ?? rank >= 5]);
        }
    });
    it('UserRecordAccess says Transfer without Delete only for a user above the owner whose profile has no object Delete (docs/engine.md "Owner without object Delete")', () => {
        for (const s of scenarios.filter((x) => x.platformHasDeleteAccess !== undefined)) {
            // Owner-level access without object Delete: the user can still share the record (HasAllAccess).
            expect(s).toMatchObject({ platformMaxAccessLevel: 'Transfer', platformHasDeleteAccess: false, platformHasAllAccess: true });
            expect(s.expected.decidingLayer).toBe('roleHierarchy');
        }
    });
    it('UserRecordAccess disagrees with the expected verdict exactly where a restriction rule blocks (UserRecordAccess ignores restriction rules)', () => {
        for (const s of scenarios) {
            const disagrees = s.platformMaxAccessLevel !== s.expected.maxAccessLevel;
            expect(disagrees).toBe(s.expected.reconciliation === 'disagrees');
            if (disagrees) expect(s.expected.decidingLayer).toBe('restrictionRules');
        }
    });
    it('high-volume and guest users have no role, groups or team rows (seed 004; seed 003)', () => {
        const noRoleUsers = rows('User').filter((u) => u.UserType === 'CspLitePortal' || u.UserType === 'Guest');
        expect(noRoleUsers.length).toBe(3);
        for (const u of noRoleUsers) {
            expect(u.UserRoleId).toBeNull();
            expect(rows('GroupMember').some((m) => m.UserOrGroupId === u.Id)).toBe(false);
            expect(rows('OpportunityTeamMember').some((m) => m.UserId === u.Id)).toBe(false);
        }
    });
    it('the sharing set names the high-volume profile and its share group names an existing group (seed 004; SharingSet metadata)', () => {
        const set = snap.metadata?.SharingSet?.[0];
        const hvProfile = rows('Profile').find((p) => p.UserType === 'CspLitePortal');
        expect(set?.profiles).toEqual([hvProfile?.Name]);
        for (const m of set?.shareGroupMembers ?? []) expect(tableOf(m)).toBe('Group');
    });
    it('the restriction rule targets Invoice__c and is active (restriction rules support custom objects)', () => {
        const rule = snap.metadata?.RestrictionRule?.[0];
        expect(rule).toMatchObject({ TargetEntity: 'Invoice__c', EnforcementType: 'Restrict', IsActive: true });
    });
});

describe('demo org: the scenarios', () => {
    it('has at least 15 scenarios and every layer decides at least one of them', () => {
        expect(scenarios.length).toBeGreaterThanOrEqual(15);
        const layers = new Set(scenarios.map((s) => s.expected.decidingLayer));
        for (const layer of [
            'objectPermissions',
            'orgWideDefaults',
            'ownership',
            'roleHierarchy',
            'sharingRules',
            'territories',
            'teams',
            'manualShares',
            'implicitSharing',
            'systemPermissions',
            'experienceCloud',
            'restrictionRules'
        ]) {
            expect(layers).toContain(layer);
        }
        expect(scenarios.some((s) => (s.expected.hiddenFields ?? []).length > 0)).toBe(true);
    });
    it('has granted and denied verdicts, headline scenarios, unique keys and stable numbering', () => {
        expect(scenarios.filter((s) => s.expected.maxAccessLevel === 'None').length).toBeGreaterThanOrEqual(5);
        expect(scenarios.filter((s) => s.expected.maxAccessLevel !== 'None').length).toBeGreaterThanOrEqual(10);
        expect(scenarios.filter((s) => s.headline).length).toBe(4);
        expect(new Set(scenarios.map((s) => s.key)).size).toBe(scenarios.length);
        expect(scenarios.map((s) => s.n)).toEqual(scenarios.map((_, i) => i + 1));
    });
    it('scenario users cover every kind of user the rulebook names (internal, partner, CC+, high-volume, guest)', () => {
        const types = new Set(scenarios.map((s) => byId.get(s.userId)?.row.UserType));
        expect([...types].sort()).toEqual([
            'CspLitePortal',
            'Guest',
            'PowerCustomerSuccess',
            'PowerPartner',
            'Standard'
        ]);
    });
});

describe('demo org: docs/demo-org.md documents every scenario', () => {
    const doc = readFileSync(join(root, 'docs', 'demo-org.md'), 'utf8');
    // What `npm run demo -- --list` prints for each scenario ("<key> → read access, decided by sharing rules, which grant it"):
    // the table says who decides in the same words.
    const listed = spawnSync(process.execPath, [join(root, 'scripts', 'demo.mjs'), '--list'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const decidedBy = new Map([...String(listed.stdout).matchAll(/^ +(\S+) → .*?, decided by (.*)$/gm)].map((m) => [m[1], m[2]]));
    it('states the true number of granting and denying scenarios', () => {
        const denied = scenarios.filter((s) => s.expected.maxAccessLevel === 'None').length;
        expect(doc).toContain(`${scenarios.length - denied} scenarios grant access, ${denied} deny it`);
    });
    it.each(scenarios.map((s) => [s.n, s] as const))(
        'scenario %i is in the scenario table with its expected verdict, the layer that decides it (as npm run demo -- --list says it) and its source',
        (_n, s) => {
            const line = doc.split('\n').find((l) => l.startsWith(`| ${s.n} `));
            expect(line).toBeDefined();
            expect(line).toContain(s.title);
            expect(line).toContain(`**${s.expected.maxAccessLevel}**`);
            expect(decidedBy.get(s.key)).toBeDefined();
            expect(line).toContain(` | ${decidedBy.get(s.key) ?? '?'} | `);
            expect(line).toContain(` | ${s.source} |`);
        }
    );
});
