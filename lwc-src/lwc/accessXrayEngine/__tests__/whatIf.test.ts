/**
 * applyWhatIf: the rows a what-if change adds are the rows Salesforce adds for the same
 * change (sources in whatIf.ts: Object Reference PermissionSetAssignment, Group,
 * GroupMember, share objects; Apex Developer Guide "Sharing a Record Using Apex").
 * Fixture: tests/cli/fixtures/mini-org.snapshot.json (Fixture Co).
 */
import { applyWhatIf, describeWhatIf, shareTableOf, WhatIfError } from '../whatIf';
import type { Row, Snapshot } from '../types';
import fixture from '../../../../tests/cli/fixtures/mini-org.snapshot.json';

const SUE = '005000000000004AAA';
const MIA = '005000000000003AAA';
const CASE = '500000000000001AAA';
const ACME = '001000000000001AAA';
const CASE_EDITOR = '0PS000000000003AAA';
const ADMIN_PROFILE_SET = '0PS000000000001AAA';
const EMEA = '00G000000000001AAA';
const QUEUE = '00G000000000002AAA';
const ROLE_GROUP = '00G000000000003AAA';

function snapshot(): Snapshot {
    return JSON.parse(JSON.stringify(fixture)) as Snapshot;
}

function rows(s: Snapshot, table: string): Row[] {
    return s.tables[table] ?? [];
}

describe('applyWhatIf addPermissionSet (Object Reference: PermissionSetAssignment = AssigneeId + PermissionSetId)', () => {
    it('adds one active assignment row for the user and leaves the input untouched', () => {
        const before = snapshot();
        const frozen = JSON.stringify(before);
        const after = applyWhatIf(before, { kind: 'addPermissionSet', userId: SUE, permissionSetId: CASE_EDITOR });
        expect(JSON.stringify(before)).toBe(frozen);
        const added = rows(after, 'PermissionSetAssignment').filter(
            (r) => !rows(before, 'PermissionSetAssignment').includes(r)
        );
        expect(added).toHaveLength(1);
        expect(added[0]).toMatchObject({
            AssigneeId: SUE,
            PermissionSetId: CASE_EDITOR,
            PermissionSetGroupId: null,
            IsActive: true
        });
        expect(added[0]?.Id).toMatch(/^0PaWHATIF\d{9}$/);
        // Tables the change doesn't touch are shared, not copied.
        expect(after.tables.CaseShare).toBe(before.tables.CaseShare);
        expect(after.tables.PermissionSetAssignment).not.toBe(before.tables.PermissionSetAssignment);
    });

    it('assigns a permission set group through its aggregate permission set (api-vocabulary §7)', () => {
        const s = snapshot();
        s.tables.PermissionSetGroup = [
            { Id: '0PG000000000001AAA', DeveloperName: 'Support_Bundle', MasterLabel: 'Support Bundle' }
        ];
        s.tables.PermissionSet = [
            ...rows(s, 'PermissionSet'),
            {
                Id: '0PS000000000009AAA',
                Name: 'Support_Bundle_agg',
                PermissionSetGroupId: '0PG000000000001AAA',
                IsOwnedByProfile: false
            }
        ];
        const after = applyWhatIf(s, { kind: 'addPermissionSet', userId: SUE, permissionSetId: '0PG000000000001AAA' });
        const added = rows(after, 'PermissionSetAssignment').at(-1);
        expect(added).toMatchObject({
            AssigneeId: SUE,
            PermissionSetGroupId: '0PG000000000001AAA',
            PermissionSetId: '0PS000000000009AAA'
        });
    });

    it('refuses unknown sets, profile-owned sets and sets already assigned, with one-sentence reasons', () => {
        expect(() =>
            applyWhatIf(snapshot(), { kind: 'addPermissionSet', userId: SUE, permissionSetId: '0PS00000000000ZAAA' })
        ).toThrow(/Permission set 0PS00000000000ZAAA is not in the snapshot/);
        expect(() =>
            applyWhatIf(snapshot(), { kind: 'addPermissionSet', userId: SUE, permissionSetId: ADMIN_PROFILE_SET })
        ).toThrow(/belongs to a profile/);
        const once = applyWhatIf(snapshot(), { kind: 'addPermissionSet', userId: SUE, permissionSetId: CASE_EDITOR });
        expect(() =>
            applyWhatIf(once, { kind: 'addPermissionSet', userId: SUE, permissionSetId: CASE_EDITOR })
        ).toThrow(WhatIfError);
        expect(() =>
            applyWhatIf(snapshot(), {
                kind: 'addPermissionSet',
                userId: '005000000000099AAA',
                permissionSetId: CASE_EDITOR
            })
        ).toThrow(/User 005000000000099AAA is not in the snapshot/);
    });

    it('treats 15- and 18-character ids as the same id', () => {
        const after = applyWhatIf(snapshot(), {
            kind: 'addPermissionSet',
            userId: SUE.slice(0, 15),
            permissionSetId: CASE_EDITOR.slice(0, 15)
        });
        expect(rows(after, 'PermissionSetAssignment')).toHaveLength(
            rows(snapshot(), 'PermissionSetAssignment').length + 1
        );
    });
});

describe('applyWhatIf addToGroup (Object Reference: Group, GroupMember; only Regular and Queue groups take members)', () => {
    it('adds a GroupMember row to a public group and to a queue', () => {
        const inGroup = applyWhatIf(snapshot(), { kind: 'addToGroup', userId: SUE, groupId: EMEA });
        expect(rows(inGroup, 'GroupMember').at(-1)).toMatchObject({ GroupId: EMEA, UserOrGroupId: SUE });
        const inQueue = applyWhatIf(snapshot(), { kind: 'addToGroup', userId: MIA, groupId: QUEUE });
        expect(rows(inQueue, 'GroupMember').at(-1)).toMatchObject({ GroupId: QUEUE, UserOrGroupId: MIA });
    });

    it('refuses role groups, unknown groups and existing direct members', () => {
        expect(() => applyWhatIf(snapshot(), { kind: 'addToGroup', userId: SUE, groupId: ROLE_GROUP })).toThrow(
            /type Role: only public groups/
        );
        expect(() =>
            applyWhatIf(snapshot(), { kind: 'addToGroup', userId: SUE, groupId: '00G00000000009ZAAA' })
        ).toThrow(/not in the snapshot/);
        expect(() => applyWhatIf(snapshot(), { kind: 'addToGroup', userId: MIA, groupId: EMEA })).toThrow(
            /already a direct member of EMEA Sales/
        );
    });
});

describe('applyWhatIf share (share objects: Manual rows, Read or Edit; one Manual row per user and record)', () => {
    it('adds a CaseShare row with CaseId / CaseAccessLevel / RowCause Manual', () => {
        const after = applyWhatIf(snapshot(), { kind: 'share', userId: SUE, recordId: CASE, level: 'Read' });
        expect(rows(after, 'CaseShare').at(-1)).toMatchObject({
            CaseId: CASE,
            UserOrGroupId: SUE,
            CaseAccessLevel: 'Read',
            RowCause: 'Manual'
        });
    });

    it('adds an AccountShare row with the child access levels set to None', () => {
        const after = applyWhatIf(snapshot(), { kind: 'share', userId: SUE, recordId: ACME, level: 'Edit' });
        expect(rows(after, 'AccountShare').at(-1)).toMatchObject({
            AccountId: ACME,
            AccountAccessLevel: 'Edit',
            CaseAccessLevel: 'None',
            ContactAccessLevel: 'None',
            OpportunityAccessLevel: 'None',
            RowCause: 'Manual'
        });
    });

    it('upgrades an existing manual Read share to Edit instead of adding a second row, and refuses a downgrade', () => {
        const read = applyWhatIf(snapshot(), { kind: 'share', userId: SUE, recordId: CASE, level: 'Read' });
        const edit = applyWhatIf(read, { kind: 'share', userId: SUE, recordId: CASE, level: 'Edit' });
        const manual = rows(edit, 'CaseShare').filter((r) => r.RowCause === 'Manual' && r.UserOrGroupId === SUE);
        expect(manual).toHaveLength(1);
        expect(manual[0]?.CaseAccessLevel).toBe('Edit');
        expect(() => applyWhatIf(edit, { kind: 'share', userId: SUE, recordId: CASE, level: 'Read' })).toThrow(
            /already has a manual Edit share/
        );
    });

    it('refuses Full Access and unknown records', () => {
        expect(() =>
            applyWhatIf(snapshot(), { kind: 'share', userId: SUE, recordId: CASE, level: 'All' as 'Read' })
        ).toThrow(/Read or Edit/);
        expect(() =>
            applyWhatIf(snapshot(), { kind: 'share', userId: SUE, recordId: '500000000000099AAA', level: 'Read' })
        ).toThrow(/Record 500000000000099AAA is not in the snapshot/);
    });

    it('names custom share tables X__Share with ParentId / AccessLevel (Apex Developer Guide)', () => {
        expect(shareTableOf('Invoice__c')).toEqual({
            table: 'Invoice__Share',
            parent: 'ParentId',
            access: 'AccessLevel'
        });
        const s = snapshot();
        s.tables.Invoice__c = [{ Id: 'a01000000000001AAA', Name: 'INV-1', OwnerId: MIA }];
        const after = applyWhatIf(s, { kind: 'share', userId: SUE, recordId: 'a01000000000001AAA', level: 'Read' });
        expect(rows(after, 'Invoice__Share')).toEqual([
            expect.objectContaining({
                ParentId: 'a01000000000001AAA',
                UserOrGroupId: SUE,
                AccessLevel: 'Read',
                RowCause: 'Manual'
            })
        ]);
    });
});

describe('describeWhatIf', () => {
    it('names the change with the names from the snapshot', () => {
        const s = snapshot();
        expect(describeWhatIf(s, { kind: 'addPermissionSet', userId: SUE, permissionSetId: CASE_EDITOR })).toBe(
            'assign permission set Case_Editor to Sue Support'
        );
        expect(describeWhatIf(s, { kind: 'addToGroup', userId: SUE, groupId: QUEUE })).toBe(
            'add Sue Support to queue Support Queue'
        );
        expect(describeWhatIf(s, { kind: 'share', userId: SUE, recordId: CASE, level: 'Edit' })).toBe(
            `share ${CASE} with Sue Support (manual Edit)`
        );
    });
});

describe('applyWhatIf and UserRecordAccess (Object Reference UserRecordAccess: the platform verdict for the org as it is)', () => {
    it("drops the changed user's UserRecordAccess rows, keeps everyone else's", () => {
        const before = snapshot();
        const after = applyWhatIf(before, { kind: 'addToGroup', userId: SUE, groupId: EMEA });
        expect(rows(before, 'UserRecordAccess').some((r) => r.UserId === SUE)).toBe(true);
        expect(rows(after, 'UserRecordAccess').some((r) => r.UserId === SUE)).toBe(false);
        expect(rows(after, 'UserRecordAccess').filter((r) => r.UserId === MIA)).toEqual(
            rows(before, 'UserRecordAccess').filter((r) => r.UserId === MIA)
        );
    });
});

describe('applyWhatIf replayed through the engine (fixture: EMEA Sales has a sharing-rule AccountShare on Acme with CaseAccessLevel Read)', () => {
    it('adding Sue to EMEA Sales opens Read on case 00001001 and nothing more; reconciliation is unavailable after the change', async () => {
        const { explain } = await import('../explain');
        const before = explain(snapshot(), { userId: SUE, recordId: CASE });
        const after = explain(applyWhatIf(snapshot(), { kind: 'addToGroup', userId: SUE, groupId: EMEA }), {
            userId: SUE,
            recordId: CASE
        });
        expect(before.access.read).toBe(false);
        expect(after.access).toEqual({ read: true, edit: false, delete: false, transfer: false, share: false });
        expect(after.reconciliation.status).toBe('unavailable');
    });

    it('a manual Edit share gives Sue read and edit on the case', async () => {
        const { explain } = await import('../explain');
        const after = explain(applyWhatIf(snapshot(), { kind: 'share', userId: SUE, recordId: CASE, level: 'Edit' }), {
            userId: SUE,
            recordId: CASE
        });
        expect(after.access.read && after.access.edit).toBe(true);
        expect(after.access.delete).toBe(false);
    });
});
