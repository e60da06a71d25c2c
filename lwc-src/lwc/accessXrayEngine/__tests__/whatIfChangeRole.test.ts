/**
 * applyWhatIf changeRole: a role change is the user's UserRoleId (Object Reference "User");
 * role groups and "users above the owner" follow the role (Help "Role Hierarchy": users above
 * the owner get the owner's access when Grant Access Using Hierarchies applies). Only internal
 * users take internal roles; a partner or customer user's role is a portal role of their account.
 * Fixture: tests/cli/fixtures/mini-org.snapshot.json (Fixture Co: OWD Private on Case and Account).
 */
import { applyWhatIf, describeWhatIf, WhatIfError } from '../whatIf';
import { explain } from '../explain';
import { loadSnapshot } from '../loadSnapshot';
import type { Snapshot } from '../types';
import fixture from '../../../../tests/cli/fixtures/mini-org.snapshot.json';

const SUE = '005000000000004AAA';
const PAT_PARTNER = '005000000000005AAA';
const CASE = '500000000000001AAA';
const SALES_MANAGER = '00E000000000002AAA';
const SUPPORT_AGENT = '00E000000000004AAA';
const PARTNER_ROLE = '00E000000000005AAA';

function snapshot(): Snapshot {
    return JSON.parse(JSON.stringify(fixture)) as Snapshot;
}

describe('applyWhatIf changeRole', () => {
    it('moves an internal user to the role above the owner: the role hierarchy then gives the owner’s access', () => {
        const before = snapshot();
        const frozen = JSON.stringify(before);
        expect(explain(loadSnapshot(before), { userId: SUE, recordId: CASE }).access.read).toBe(false);
        const after = applyWhatIf(before, { kind: 'changeRole', userId: SUE, roleId: SALES_MANAGER });
        expect(JSON.stringify(before)).toBe(frozen);
        expect(after.tables.User?.find((u) => u.Id === SUE)?.UserRoleId).toBe(SALES_MANAGER);
        const e = explain(loadSnapshot(after), { userId: SUE, recordId: CASE });
        expect(e.access.read).toBe(true);
        expect(e.layers.find((l) => l.id === 'roleHierarchy')?.status).toBe('grants');
        // The platform's UserRecordAccess answered before the change: it no longer applies.
        expect(e.reconciliation.status).toBe('unavailable');
        // Tables the change doesn't touch are shared.
        expect(after.tables.CaseShare).toBe(before.tables.CaseShare);
    });

    it('describes the change with the role name', () => {
        expect(describeWhatIf(snapshot(), { kind: 'changeRole', userId: SUE, roleId: SALES_MANAGER })).toBe(
            'move Sue Support to role Sales Manager'
        );
    });

    it('refuses what the platform refuses: a portal role for an internal user, any role change for a partner user, an unknown role, no change', () => {
        const s = snapshot();
        expect(() => applyWhatIf(s, { kind: 'changeRole', userId: SUE, roleId: PARTNER_ROLE })).toThrow(WhatIfError);
        expect(() => applyWhatIf(s, { kind: 'changeRole', userId: PAT_PARTNER, roleId: SALES_MANAGER })).toThrow(
            /portal roles/
        );
        expect(() => applyWhatIf(s, { kind: 'changeRole', userId: SUE, roleId: '00E0000000000ZZAAA' })).toThrow(
            /not in the snapshot/
        );
        expect(() => applyWhatIf(s, { kind: 'changeRole', userId: SUE, roleId: SUPPORT_AGENT })).toThrow(
            /nothing would change/
        );
    });
});
