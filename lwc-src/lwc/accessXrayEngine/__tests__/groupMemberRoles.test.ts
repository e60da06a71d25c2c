/**
 * The role hierarchy layer asks every public group and queue a record is shared with (or owned
 * by): "which member, first in id order, has a role strictly below this user's role?" — a user
 * above a member of a group that grants access using hierarchies gets the group's access
 * (Salesforce Help "Create a Group": Grant Access Using Hierarchies; access-semantics.md §4).
 * The answer now comes from ranges of the role tree built at load (groupMemberRoles.ts); these
 * tests hold it to the member scan it replaced — every member of the group (`membersOf`:
 * direct, nested, role-derived, org-wide), its role, `isRoleAbove` — for every group and every
 * role of: the benchmark's synthetic org (tiny size), the demo org, and hand-built orgs with
 * the cases a tree numbering can get wrong (a parent role missing from the snapshot, portal
 * roles under RoleAndSubordinatesInternal, nested groups in a cycle). "Is role A above role B"
 * (two lookups in the numbering) is held to the walk up from B, and the member counts the
 * blast radius texts give ("N member(s) today"), counted at load, are held to `membersOf` too.
 */
import * as fs from 'fs';
import * as path from 'path';
import { SyntheticOrg, configFor } from '../../../../scripts/bench/generator';
import { loadSnapshot, type LoadedSnapshot } from '../loadSnapshot';
import { firstMemberBelow } from '../reverseMembership';
import { SnapshotBuilder } from './snapshotBuilder';

function str(v: unknown): string {
    return typeof v === 'string' ? v : '';
}

/** The member scan: the smallest member id whose role is strictly below `roleId` (walking up from the member's role). */
function scan(snap: LoadedSnapshot, groupId: string, roleId: string): string | null {
    let best: string | null = null;
    for (const m of snap.index.membersOf(groupId)) {
        const role = str(snap.index.user(m)?.UserRoleId);
        if (role && snap.index.roleAncestors(role).includes(roleId) && (best === null || m < best)) {
            best = m;
        }
    }
    return best;
}

/** Every (group, role) pair whose answer differs from the scan; also how many answers name a member. */
function differences(snap: LoadedSnapshot): { checked: number; named: number; wrong: string[] } {
    const groups = snap.snapshot.tables.Group?.filter((g) => g.Type === 'Regular' || g.Type === 'Queue').map((g) => str(g.Id)) ?? [];
    const roles = new Set<string>();
    for (const r of snap.snapshot.tables.UserRole ?? []) {
        roles.add(str(r.Id));
        if (str(r.ParentRoleId)) {
            roles.add(str(r.ParentRoleId));
        }
    }
    for (const u of snap.snapshot.tables.User ?? []) {
        if (str(u.UserRoleId)) {
            roles.add(str(u.UserRoleId));
        }
    }
    const wrong: string[] = [];
    let checked = 0;
    let named = 0;
    for (const g of groups) {
        for (const r of roles) {
            const expected = scan(snap, g, r);
            const got = firstMemberBelow(snap.index, g, r);
            checked++;
            if (expected) {
                named++;
            }
            if (got !== expected) {
                wrong.push(`group ${g}, role ${r}: ${String(got)} instead of ${String(expected)}`);
            }
        }
    }
    // "Is role A above role B" from the tree numbering: the same as walking up from B.
    for (const a of roles) {
        for (const b of roles) {
            if (snap.index.isRoleAbove(a, b) !== snap.index.roleAncestors(b).includes(a)) {
                wrong.push(`role ${a} above ${b}: ${String(snap.index.isRoleAbove(a, b))}`);
            }
        }
    }
    // Member counts (blast radius texts) counted at load: the same as counting the members.
    for (const g of snap.snapshot.tables.Group ?? []) {
        const id = str(g.Id);
        const counted = snap.index.memberCount(id);
        if (counted !== snap.index.membersOf(id).size) {
            wrong.push(`group ${id} (${str(g.Type)}): ${counted} members counted instead of ${snap.index.membersOf(id).size}`);
        }
    }
    return { checked, named, wrong };
}

describe('first member below a role: ranges of the role tree built at load give the member scan’s answer', () => {
    test('synthetic org (tiny size): every public group and queue, every role', () => {
        const snap = loadSnapshot(new SyntheticOrg(configFor('tiny')).toSnapshot());
        expect(snap.index.groupMemberRoles()).not.toBeNull();
        const result = differences(snap);
        expect(result.wrong).toEqual([]);
        expect(result.named).toBeGreaterThan(50);
    });

    test('demo org: every public group and queue, every role', () => {
        const file = path.join(__dirname, '..', '..', '..', '..', 'data', 'demo-org.snapshot.json');
        const snap = loadSnapshot(JSON.parse(fs.readFileSync(file, 'utf8')));
        const result = differences(snap);
        expect(result.wrong).toEqual([]);
        expect(result.checked).toBeGreaterThan(0);
    });

    test('a parent role missing from the snapshot, portal roles, nested groups in a cycle, role groups and org-wide groups as members', () => {
        const b = new SnapshotBuilder();
        const p = b.profile('Standard', { objects: { Account: 'R' } });
        const missingParent = b.id('UserRole');
        const ceo = b.role('CEO', missingParent);
        const vp = b.role('VP', ceo);
        const rep = b.role('Rep', vp);
        const other = b.role('Other', ceo);
        const portal = b.role('Acme Customer User', rep, { PortalType: 'CustomerPortal' });
        const users = [
            b.user('Zed Rep', { profileId: p, roleId: rep }),
            b.user('Amy Rep', { profileId: p, roleId: rep }),
            b.user('Vic VP', { profileId: p, roleId: vp }),
            b.user('Ola Other', { profileId: p, roleId: other }),
            b.user('Pat Portal', { profileId: p, roleId: portal, userType: 'PowerCustomerSuccess' }),
            b.user('Top', { profileId: p, roleId: missingParent })
        ];
        const g1 = b.group('One', { members: [users[0] as string] });
        const g2 = b.group('Two', { members: [g1, b.roleGroup(vp, 'RoleAndSubordinatesInternal')] });
        b.addMember(g1, g2); // a nesting cycle: One and Two hold the same users
        b.group('Portal below', { members: [b.roleGroup(rep, 'RoleAndSubordinates')] });
        b.group('Internal below', { members: [b.roleGroup(rep, 'RoleAndSubordinatesInternal')] });
        b.group('Just the role', { members: [b.roleGroup(other, 'Role')] });
        b.group('Everyone', { members: [b.orgGroup()] });
        b.group('Queue', { type: 'Queue', members: [users[3] as string, users[1] as string] });
        b.group('Empty');
        const snap = loadSnapshot(b.build());
        expect(snap.index.groupMemberRoles()).not.toBeNull();
        const result = differences(snap);
        expect(result.wrong).toEqual([]);
        expect(result.named).toBeGreaterThan(10);
    });

    test('a role graph that loops is refused at load, so the tree numbering always exists for a loaded snapshot', () => {
        const b = new SnapshotBuilder();
        const a = b.id('UserRole');
        const c = b.role('C', a);
        b.row('UserRole', { Id: a, Name: 'A', DeveloperName: 'A', ParentRoleId: c, PortalType: 'None' });
        expect(() => loadSnapshot(b.build())).toThrow(/role hierarchy loops/);
    });
});
