// What-if previews on the demo org (docs/demo-org.md) with the real engine: a fix the engine can
// replay becomes a request, the change is applied with applyWhatIf (the rows Salesforce itself
// adds: PermissionSetAssignment, GroupMember, a Manual share row, User.UserRoleId) and the
// verdict is explained before and after. Nothing is written anywhere.
import '../../accessXray/__tests__/axrTestSupport';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Snapshot } from 'c/accessXrayEngine';
import { changeFor, previewWhatIf, requestForFix, targetInSnapshot } from 'c/accessXrayWhatIfReplay';

const TEXT = readFileSync(join(__dirname, '..', '..', '..', '..', 'data', 'demo-org.snapshot.json'), 'utf8');
const demo = (): Snapshot => JSON.parse(TEXT) as Snapshot;

const CASE_00001001 = '500Kx0000000001IAA';
const PAT = '005Kx0000000016IAA';
const EMEA_SUPPORT_QUEUE = '00GKx0000000045MAA';
const ANA = '005Kx0000000004IAA';
const CP_0001 = 'a01Kx0000000001IAA';
const EMMA = '005Kx0000000003IAA';
const VP_SALES = '00EKx0000000002MAA';
const INVOICE_VIEWER = '0PSKx0000000011OAA';
const MARCUS = '005Kx0000000006IAA';
const INV_0002 = 'a02Kx0000000002IAA';

describe('requestForFix: which fixes can be previewed', () => {
    const s = demo();

    it('a manual share previews for Read and Edit only (a share gives Read Only or Read/Write, never Delete or Full Access — Help "Granting Access to Records")', () => {
        const share = { action: 'Share', kind: 'manualShare' as const, blastRadius: 'Only this record.' };
        expect(requestForFix(share, 'read', s)).toEqual({ kind: 'share', level: 'Read', blastRadius: 'Only this record.' });
        expect(requestForFix(share, 'edit', s)).toMatchObject({ kind: 'share', level: 'Edit' });
        expect(requestForFix(share, 'delete', s)).toBeUndefined();
        expect(requestForFix(share, 'share', s)).toBeUndefined();
    });

    it('queues, groups, permission sets (and groups of them) and roles preview when the step names its target', () => {
        expect(requestForFix({ action: 'x', kind: 'addToQueue', targetIds: [EMEA_SUPPORT_QUEUE] }, 'read', s)).toMatchObject({ kind: 'queue', targetId: EMEA_SUPPORT_QUEUE });
        expect(requestForFix({ action: 'x', kind: 'addToGroup', targetIds: ['00GKx0000000041MAA'] }, 'read', s)).toMatchObject({ kind: 'group' });
        expect(requestForFix({ action: 'x', kind: 'assignPermissionSet', targetIds: [INVOICE_VIEWER] }, 'read', s)).toMatchObject({ kind: 'permissionSet' });
        expect(requestForFix({ action: 'x', kind: 'assignPermissionSet', targetIds: ['0PG000000000001AAA'] }, 'read', s)).toMatchObject({ kind: 'permissionSetGroup' });
        expect(requestForFix({ action: 'x', kind: 'changeRole', targetIds: [VP_SALES] }, 'read', s)).toMatchObject({ kind: 'role', targetId: VP_SALES });
        expect(requestForFix({ action: 'Grant View All Data', kind: 'assignPermissionSet' }, 'read', s)).toBeUndefined();
        expect(requestForFix({ action: 'x', kind: 'changeOwd' }, 'read', s)).toBeUndefined();
        expect(requestForFix(undefined, 'read', s)).toBeUndefined();
    });

    it('targetInSnapshot and changeFor', () => {
        expect(targetInSnapshot(s, { kind: 'queue', targetId: EMEA_SUPPORT_QUEUE })).toBe(true);
        expect(targetInSnapshot(s, { kind: 'permissionSet', targetId: '0PS000000000099AAA' })).toBe(false);
        expect(targetInSnapshot(s, { kind: 'share', level: 'Read' })).toBe(true);
        expect(changeFor({ kind: 'role', targetId: VP_SALES }, EMMA, CP_0001)).toEqual({ kind: 'changeRole', userId: EMMA, roleId: VP_SALES });
        expect(changeFor({ kind: 'share', level: 'Edit' }, PAT, CASE_00001001)).toEqual({ kind: 'share', userId: PAT, recordId: CASE_00001001, level: 'Edit' });
        expect(changeFor({ kind: 'permissionSetGroup', targetId: '0PG1' }, PAT, CASE_00001001)).toEqual({ kind: 'addPermissionSet', userId: PAT, permissionSetId: '0PG1' });
    });
});

describe('previewWhatIf on the demo org', () => {
    it('a manual Read share opens case 00001001 to Pat Partner and this record only (seed 000: manual sharing)', () => {
        const s = demo();
        const before = JSON.stringify(s);
        const o = previewWhatIf(s, { kind: 'share', level: 'Read' }, { userId: PAT, recordId: CASE_00001001 });
        expect(JSON.stringify(s)).toBe(before);
        expect(o.before.access.read).toBe(false);
        expect(o.after.access.read).toBe(true);
        expect(o.gained).toEqual(['read']);
        expect(o.lost).toEqual([]);
        expect(o.changedLayers.map((l) => l.id)).toContain('manualShares');
        expect(o.otherRecords).toEqual({ gained: 0, checked: 0 });
    });

    it('adding Ana Alves to the EMEA Support Queue opens the cases it owns, and says how many others', () => {
        const o = previewWhatIf(demo(), { kind: 'queue', targetId: EMEA_SUPPORT_QUEUE }, { userId: ANA, recordId: CASE_00001001 });
        expect(o.after.access.read).toBe(true);
        expect(o.changedLayers.map((l) => l.id)).toContain('ownership');
        // The queue owns 3 cases in the demo org (docs/demo-org.md): the two others are counted.
        expect(o.otherRecords?.checked).toBeGreaterThan(0);
        expect(o.otherRecords?.gained).toBeGreaterThanOrEqual(1);
    });

    it('assigning Invoice Viewer gives Marcus Miller object Read on invoices: the object-permission layer no longer blocks', () => {
        const o = previewWhatIf(demo(), { kind: 'permissionSet', targetId: INVOICE_VIEWER }, { userId: MARCUS, recordId: INV_0002 });
        expect(o.before.layers[0]?.status).toBe('blocks');
        const objectPermissions = o.changedLayers.find((l) => l.id === 'objectPermissions');
        expect(objectPermissions?.before.tone).toBe('blocks');
        expect(objectPermissions?.after.text).toContain('Read');
    });

    it('a change that is already in place is refused in a plain sentence', () => {
        const s = demo();
        const o = previewWhatIf(s, { kind: 'share', level: 'Read' }, { userId: PAT, recordId: CASE_00001001 });
        expect(o.after.access.read).toBe(true);
        const tara = '005Kx0000000009IAA';
        expect(() => previewWhatIf(s, { kind: 'queue', targetId: EMEA_SUPPORT_QUEUE }, { userId: tara, recordId: CASE_00001001 })).toThrow(/nothing would change/);
    });

    it('other records are not counted when the evidence is complete only for this pair (meta.scope pairs)', () => {
        const s = demo();
        s.meta = { ...s.meta, scope: { kind: 'pairs', pairs: [{ userId: ANA, recordId: CASE_00001001 }] } };
        const o = previewWhatIf(s, { kind: 'queue', targetId: EMEA_SUPPORT_QUEUE }, { userId: ANA, recordId: CASE_00001001 });
        expect(o.otherRecords).toBeUndefined();
    });
});
