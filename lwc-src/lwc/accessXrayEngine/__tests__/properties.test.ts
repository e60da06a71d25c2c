/**
 * Property-based tests (fast-check) on generated orgs: random role trees, nested public
 * groups, owners, org-wide defaults, object permissions, View All Data and share rows.
 * Sources: access-semantics.md §0 (access = object gate AND some grant AND not blocked),
 * §1 (object permissions), §10 (View All Data), §5 (group membership is transitive).
 */
import fc from 'fast-check';
import { explain, loadSnapshot, whoCanSee, type Snapshot } from 'c/accessXrayEngine';
import { RUN_LABEL, runs } from './propertyRuns';
import { SnapshotBuilder } from './snapshotBuilder';

const OBJECT = 'Invoice__c';

interface OrgSpec {
    roleParents: number[];
    users: { role: number; perms: string; vad: boolean }[];
    groups: { members: number[]; nested: number[]; bosses: boolean }[];
    owner: number;
    owd: 'Private' | 'Read' | 'ReadWrite';
    hierarchies: boolean;
    shares: { toGroup: boolean; target: number; level: 'Read' | 'Edit' | 'All'; cause: 'Manual' | 'Rule' | 'Reason__c' }[];
}

const orgSpec: fc.Arbitrary<OrgSpec> = fc.record({
    roleParents: fc.array(fc.nat(5), { minLength: 1, maxLength: 5 }),
    users: fc.array(fc.record({ role: fc.nat(5), perms: fc.constantFrom('', 'R', 'RE', 'RED', 'RV', 'REDVM'), vad: fc.boolean() }), { minLength: 2, maxLength: 6 }),
    groups: fc.array(fc.record({ members: fc.array(fc.nat(5), { maxLength: 3 }), nested: fc.array(fc.nat(3), { maxLength: 2 }), bosses: fc.boolean() }), { maxLength: 4 }),
    owner: fc.nat(5),
    owd: fc.constantFrom('Private', 'Read', 'ReadWrite'),
    hierarchies: fc.boolean(),
    shares: fc.array(fc.record({ toGroup: fc.boolean(), target: fc.nat(5), level: fc.constantFrom('Read', 'Edit', 'All'), cause: fc.constantFrom('Manual', 'Rule', 'Reason__c') }), { maxLength: 4 })
});

interface Built {
    b: SnapshotBuilder;
    users: string[];
    groups: string[];
    record: string;
    psByUser: Map<string, string>;
}

function build(spec: OrgSpec): Built {
    const b = new SnapshotBuilder();
    const profile = b.profile('Minimal', { objects: {} });
    const roles: string[] = [];
    spec.roleParents.forEach((p, i) => {
        roles.push(b.role(`Role ${i}`, i === 0 ? null : (roles[p % i] ?? null)));
    });
    const users: string[] = [];
    const psByUser = new Map<string, string>();
    spec.users.forEach((u, i) => {
        const id = b.user(`User ${i}`, { profileId: profile, roleId: roles[u.role % roles.length] });
        users.push(id);
        const ps = b.permissionSet(`PS ${i}`, { objects: u.perms ? { [OBJECT]: u.perms } : {}, system: { viewAllData: u.vad } });
        b.assign(id, ps);
        psByUser.set(id, ps);
    });
    const groups: string[] = [];
    spec.groups.forEach((g, i) => {
        const id = b.group(`Group ${i}`, { doesIncludeBosses: g.bosses });
        groups.push(id);
        for (const m of g.members) {
            b.addMember(id, users[m % users.length] as string);
        }
    });
    spec.groups.forEach((g, i) => {
        for (const n of g.nested) {
            const inner = groups[n % groups.length] as string;
            if (inner !== groups[i]) {
                b.addMember(groups[i] as string, inner);
            }
        }
    });
    b.owd(OBJECT, spec.owd);
    b.setting(`grantAccessUsingHierarchies.${OBJECT}`, spec.hierarchies, 'admin');
    b.metadataList('RestrictionRule', []);
    const record = b.record(OBJECT, { Name: 'INV-1', OwnerId: users[spec.owner % users.length] });
    for (const s of spec.shares) {
        const target = s.toGroup && groups.length ? groups[s.target % groups.length] : users[s.target % users.length];
        b.share(OBJECT, record, target as string, s.level, s.cause);
    }
    return { b, users, groups, record, psByUser };
}

const OPS = ['read', 'edit', 'delete', 'transfer', 'share'] as const;

function accessOf(snapshot: Snapshot, userId: string, recordId: string) {
    return explain(snapshot, { userId, recordId });
}

function atLeast(after: Record<string, boolean>, before: Record<string, boolean>): boolean {
    return OPS.every((op) => !before[op] || after[op]);
}

function shuffle<T>(list: T[], seed: number): T[] {
    const out = [...list];
    let s = seed || 1;
    for (let i = out.length - 1; i > 0; i--) {
        s = (s * 16807) % 2147483647;
        const j = s % (i + 1);
        [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
}

describe(`engine properties on generated orgs (${RUN_LABEL})`, () => {
    it('adding a share never lowers access (no restriction rules)', () => {
        fc.assert(
            fc.property(orgSpec, fc.nat(5), fc.boolean(), fc.constantFrom('Read', 'Edit', 'All'), (spec, who, toGroup, level) => {
                const { b, users, groups, record } = build(spec);
                const user = users[who % users.length] as string;
                const before = accessOf(b.build(), user, record).access;
                const target = toGroup && groups.length ? (groups[who % groups.length] as string) : (users[(who + 1) % users.length] as string);
                b.share(OBJECT, record, target, level as 'Read', 'Manual');
                const after = accessOf(b.build(), user, record).access;
                return atLeast(after, before);
            }),
            runs(150)
        );
    });

    it('adding a group membership or a permission never lowers access', () => {
        fc.assert(
            fc.property(orgSpec, fc.nat(5), fc.nat(5), fc.constantFrom('R', 'RE', 'REDVM'), (spec, who, g, perms) => {
                const { b, users, groups, record } = build(spec);
                const user = users[who % users.length] as string;
                const before = accessOf(b.build(), user, record).access;
                if (groups.length) {
                    b.addMember(groups[g % groups.length] as string, user);
                }
                b.assign(user, b.permissionSet('Extra', { objects: { [OBJECT]: perms } }));
                const after = accessOf(b.build(), user, record).access;
                return atLeast(after, before);
            }),
            runs(150)
        );
    });

    it('View All Data implies Read of every record whose object the user can read', () => {
        fc.assert(
            fc.property(orgSpec, fc.nat(5), (spec, who) => {
                const { b, users, record } = build(spec);
                const user = users[who % users.length] as string;
                const vad = b.permissionSet('VAD', { objects: { [OBJECT]: 'R' }, system: { viewAllData: true } });
                b.assign(user, vad);
                return accessOf(b.build(), user, record).access.read;
            }),
            runs(100)
        );
    });

    it('removing the share row named by the only grant path removes access', () => {
        fc.assert(
            fc.property(orgSpec, fc.nat(5), fc.boolean(), fc.constantFrom('Read', 'Edit', 'All'), fc.constantFrom('Manual', 'Rule', 'Reason__c'), (spec, who, viaGroup, level, cause) => {
                // The user is not the owner, has no View All / VAD, the default is Private and the
                // hierarchy is off: the share added below is their only way in.
                const users = spec.users.map((u) => ({ ...u, vad: false, perms: u.perms.replace(/[VM]/g, '') || 'R' }));
                const target = who % users.length;
                const owner = (target + 1) % users.length;
                const { b, users: ids, groups, record } = build({ ...spec, users, owner, owd: 'Private', hierarchies: false, shares: [] });
                const user = ids[target] as string;
                let grantee = user;
                if (viaGroup && groups.length) {
                    grantee = groups[who % groups.length] as string;
                    b.addMember(grantee, user);
                }
                b.share(OBJECT, record, grantee, level as 'Read', cause);
                const snap = b.build();
                const e = accessOf(snap, user, record);
                fc.pre(e.paths.length === 1);
                const shareIds = new Set(e.paths[0]?.steps.map((st) => st.id).filter((x): x is string => !!x));
                const stripped: Snapshot = { ...snap, tables: { ...snap.tables, Invoice__Share: (snap.tables.Invoice__Share ?? []).filter((r) => !shareIds.has(r.Id as string)) } };
                return e.access.read && !accessOf(stripped, user, record).access.read;
            }),
            runs(100)
        );
    });

    it('the verdict never depends on row order', () => {
        fc.assert(
            fc.property(orgSpec, fc.nat(5), fc.integer({ min: 1, max: 1_000_000 }), (spec, who, seed) => {
                const { b, users, record } = build(spec);
                const user = users[who % users.length] as string;
                const snap = b.build();
                const shuffled: Snapshot = { ...snap, tables: Object.fromEntries(shuffle(Object.entries(snap.tables), seed).map(([k, rows]) => [k, shuffle(rows, seed + k.length)])) };
                const a = accessOf(snap, user, record);
                const c = accessOf(shuffled, user, record);
                return JSON.stringify(a.access) === JSON.stringify(c.access) && a.maxAccessLevel === c.maxAccessLevel && JSON.stringify(a.paths.map((p) => p.id).sort()) === JSON.stringify(c.paths.map((p) => p.id).sort());
            }),
            runs(150)
        );
    });

    it('every grant path starts at the user and ends at the record', () => {
        fc.assert(
            fc.property(orgSpec, fc.nat(5), (spec, who) => {
                const { b, users, record } = build(spec);
                const user = users[who % users.length] as string;
                const e = accessOf(b.build(), user, record);
                return e.paths.every((p) => p.steps[0]?.id === user && p.steps[p.steps.length - 1]?.id === record);
            }),
            runs(100)
        );
    });

    it('whoCanSee lists exactly the users explain says can read, at the same level', () => {
        fc.assert(
            fc.property(orgSpec, (spec) => {
                const { b, users, record } = build(spec);
                const snap = loadSnapshot(b.build());
                const expected = users
                    .map((u) => explain(snap, { userId: u, recordId: record }))
                    .filter((e) => e.access.read)
                    .map((e) => `${e.userId}:${e.maxAccessLevel}`)
                    .sort();
                const listed = whoCanSee(snap, record, { listPublic: true }).users.map((u) => `${u.userId}:${u.maxAccessLevel}`).sort();
                return JSON.stringify(listed) === JSON.stringify(expected);
            }),
            runs(100)
        );
    });

    it('whoCanSee agrees with explain on a master-detail child too (Controlled by Parent, seed 002)', () => {
        fc.assert(
            fc.property(orgSpec, (spec) => {
                const { b, users, record } = build(spec);
                b.owd('Line__c', 'ControlledByParent');
                b.describe('Line__c', { name: 'Line__c', fields: [{ name: 'Invoice__c', type: 'reference', cascadeDelete: true, nillable: false }] });
                for (const [i, u] of users.entries()) {
                    if (i % 2 === 0) {
                        b.assign(u, b.permissionSet(`Lines ${i}`, { objects: { Line__c: 'RE' } }));
                    }
                }
                const line = b.record('Line__c', { Name: 'L-1', Invoice__c: record });
                const snap = loadSnapshot(b.build());
                const expected = users
                    .map((u) => explain(snap, { userId: u, recordId: line }))
                    .filter((e) => e.access.read)
                    .map((e) => `${e.userId}:${e.maxAccessLevel}`)
                    .sort();
                const listed = whoCanSee(snap, line, { listPublic: true }).users.map((u) => `${u.userId}:${u.maxAccessLevel}`).sort();
                return JSON.stringify(listed) === JSON.stringify(expected);
            }),
            runs(100)
        );
    });
});
