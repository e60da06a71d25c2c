/**
 * Properties on evidence that is cyclic or partly unreadable.
 * - Group nesting with cycles (Object Reference "GroupMember": a group's members include the
 *   members of the groups it contains): a user is in a group exactly when that group is reachable
 *   from one of the user's own groups, and a manager above a member inherits what the group is
 *   shared (Object Reference "Group", DoesIncludeBosses) — whatever the GroupMember row order.
 * - Redacted evidence (docs/snapshot.md "Redacted rows"): a master record the collector couldn't
 *   read is kept as Id + OwnerId with `__redacted: true`; the verdict on its detail is the one the
 *   full evidence gives, and it is marked uncertain unless the master gives Full Access; roles
 *   named "a role you can't see" render like any other name.
 * Seed: fixed and printed in the titles under `npm test`; random under `npm run test:fuzz`.
 */
import fc from 'fast-check';
import { explain, loadSnapshot, renderMarkdown, renderText, type Snapshot } from 'c/accessXrayEngine';
import { RUN_LABEL, runs } from './propertyRuns';
import { SnapshotBuilder } from './snapshotBuilder';

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

interface NestingSpec {
    groups: number;
    edges: [number, number][];
    staff: number[][];
    /** Groups the record is shared with, each at its level. */
    targets: [number, 'Read' | 'Edit'][];
}

const nestingSpec: fc.Arbitrary<NestingSpec> = fc.record({
    groups: fc.integer({ min: 2, max: 6 }),
    edges: fc.array(fc.tuple(fc.nat(5), fc.nat(5)), { maxLength: 12 }),
    staff: fc.array(fc.array(fc.nat(5), { maxLength: 2 }), { minLength: 1, maxLength: 4 }),
    targets: fc.array(fc.tuple(fc.nat(5), fc.constantFrom<'Read' | 'Edit'>('Read', 'Edit')), { minLength: 1, maxLength: 3 })
});

function nestingOrg(spec: NestingSpec) {
    const b = new SnapshotBuilder();
    const profile = b.profile('Staff', { objects: { Invoice__c: 'RE' } });
    const managerRole = b.role('Manager');
    const staffRole = b.role('Staff', managerRole);
    const manager = b.user('Mona Manager', { profileId: profile, roleId: managerRole });
    const owner = b.user('Oscar Owner', { profileId: profile });
    const groups = Array.from({ length: spec.groups }, (_, i) => b.group(`Group ${i}`, { doesIncludeBosses: true }));
    const g = (n: number): string => groups[n % groups.length] as string;
    const contains = new Set<string>();
    for (const [parent, child] of spec.edges) {
        const key = `${g(parent)}>${g(child)}`;
        if (g(parent) !== g(child) && !contains.has(key)) {
            contains.add(key);
            b.addMember(g(parent), g(child));
        }
    }
    const staff = spec.staff.map((memberOf, i) => {
        const id = b.user(`Sam Staff ${i}`, { profileId: profile, roleId: staffRole });
        for (const n of new Set(memberOf.map(g))) {
            b.addMember(n, id);
        }
        return { id, direct: [...new Set(memberOf.map(g))] };
    });
    b.owd('Invoice__c', 'Private');
    b.setting('grantAccessUsingHierarchies.Invoice__c', true, 'admin');
    b.metadataList('RestrictionRule', []);
    const record = b.record('Invoice__c', { Name: 'INV-1', OwnerId: owner });
    // One share per group: the highest level asked for it.
    const targets = new Map<string, 'Read' | 'Edit'>();
    for (const [n, level] of spec.targets) {
        targets.set(g(n), targets.get(g(n)) === 'Edit' ? 'Edit' : level);
    }
    for (const [t, level] of targets) {
        b.share('Invoice__c', record, t, level, 'Rule');
    }
    // Reference: a group contains another when a GroupMember row says so; membership goes up the containment edges.
    const up = new Map<string, string[]>();
    for (const key of contains) {
        const [parent, child] = key.split('>') as [string, string];
        up.set(child, [...(up.get(child) ?? []), parent]);
    }
    const reaches = (from: string[]): Set<string> => {
        const seen = new Set(from);
        const todo = [...from];
        while (todo.length) {
            for (const p of up.get(todo.pop() as string) ?? []) {
                if (!seen.has(p)) {
                    seen.add(p);
                    todo.push(p);
                }
            }
        }
        return seen;
    };
    // What each staff user gets: the highest level of a target group that contains them; None when none does.
    const levelOf = staff.map((s) => {
        const mine = reaches(s.direct);
        const levels = [...targets].filter(([t]) => mine.has(t)).map(([, level]) => level);
        return levels.includes('Edit') ? 'Edit' : levels.length ? 'Read' : 'None';
    });
    return { snapshot: b.build(), manager, staff, record, levelOf };
}

function shuffled(snapshot: Snapshot, seed: number): Snapshot {
    return { ...snapshot, tables: Object.fromEntries(Object.entries(snapshot.tables).map(([k, rows]) => [k, shuffle(rows, seed + k.length)])) };
}

describe(`group nesting with cycles (${RUN_LABEL})`, () => {
    it('a user reads the record shared to groups exactly when one of them contains them through any chain of nested groups, in any row order (Object Reference "GroupMember")', () => {
        fc.assert(
            fc.property(nestingSpec, fc.integer({ min: 1, max: 1_000_000 }), (spec, seed) => {
                const org = nestingOrg(spec);
                for (const snap of [org.snapshot, shuffled(org.snapshot, seed)]) {
                    const loaded = loadSnapshot(snap);
                    for (const [i, s] of org.staff.entries()) {
                        if (explain(loaded, { userId: s.id, recordId: org.record }).maxAccessLevel !== org.levelOf[i]) {
                            return false;
                        }
                    }
                }
                return true;
            }),
            runs(150)
        );
    });

    it('a manager above members inherits the highest level shared to a group that holds one of them, in any row order (Object Reference "Group": DoesIncludeBosses)', () => {
        fc.assert(
            fc.property(nestingSpec, fc.integer({ min: 1, max: 1_000_000 }), (spec, seed) => {
                const org = nestingOrg(spec);
                const expected = org.levelOf.includes('Edit') ? 'Edit' : org.levelOf.includes('Read') ? 'Read' : 'None';
                return [org.snapshot, shuffled(org.snapshot, seed)].every((snap) => explain(snap, { userId: org.manager, recordId: org.record }).maxAccessLevel === expected);
            }),
            runs(150)
        );
    });
});

interface RedactionSpec {
    ownerIsUser: boolean;
    shareToUser: 'none' | 'Read' | 'Edit';
    managerAsks: boolean;
    hiddenRoles: boolean[];
    writeRequiresMasterRead: boolean | null;
}

const redactionSpec: fc.Arbitrary<RedactionSpec> = fc.record({
    ownerIsUser: fc.boolean(),
    shareToUser: fc.constantFrom('none', 'Read', 'Edit'),
    managerAsks: fc.boolean(),
    hiddenRoles: fc.array(fc.boolean(), { minLength: 2, maxLength: 2 }),
    writeRequiresMasterRead: fc.constantFrom(true, false, null)
});

const HIDDEN_ROLE = "a role you can't see";

function redactionOrg(spec: RedactionSpec, redact: boolean) {
    const b = new SnapshotBuilder();
    const profile = b.profile('Staff', { objects: { Invoice__c: 'RED', Line__c: 'RED' } });
    const top = b.role(spec.hiddenRoles[0] && redact ? HIDDEN_ROLE : 'Manager');
    const below = b.role(spec.hiddenRoles[1] && redact ? HIDDEN_ROLE : 'Staff', top);
    const manager = b.user('Mona Manager', { profileId: profile, roleId: top });
    const user = b.user('Sam Staff', { profileId: profile, roleId: below });
    const other = b.user('Oscar Other', { profileId: profile, roleId: below });
    b.owd('Invoice__c', 'Private');
    b.owd('Line__c', 'ControlledByParent');
    b.setting('grantAccessUsingHierarchies.Invoice__c', true, 'admin');
    b.metadataList('RestrictionRule', []);
    b.describe('Line__c', {
        name: 'Line__c',
        fields: [{ name: 'Invoice__c', type: 'reference', referenceTo: ['Invoice__c'], cascadeDelete: true, nillable: false, ...(spec.writeRequiresMasterRead === null ? {} : { writeRequiresMasterRead: spec.writeRequiresMasterRead }) }]
    });
    const owner = spec.ownerIsUser ? user : other;
    const master = b.record('Invoice__c', redact ? { Name: undefined, OwnerId: owner, __redacted: true } : { Name: 'INV-1', OwnerId: owner, Region__c: 'EMEA' });
    if (spec.shareToUser !== 'none') {
        b.share('Invoice__c', master, user, spec.shareToUser, 'Manual');
    }
    const line = b.record('Line__c', { Name: 'L-1', Invoice__c: master });
    const snapshot = b.build();
    if (redact) {
        snapshot.meta.unavailable = [{ table: 'Invoice__c', recordId: master, reason: 'the user who collected the evidence cannot read this record' }];
    }
    return { snapshot, userId: spec.managerAsks ? manager : user, line };
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

describe(`redacted evidence (${RUN_LABEL})`, () => {
    it('a redacted master gives the verdict the full evidence gives, marked uncertain unless it gives Full Access, and renders cleanly (docs/snapshot.md "Redacted rows")', () => {
        fc.assert(
            fc.property(redactionSpec, (spec) => {
                const full = redactionOrg(spec, false);
                const part = redactionOrg(spec, true);
                const a = explain(full.snapshot, { userId: full.userId, recordId: full.line });
                const e = explain(part.snapshot, { userId: part.userId, recordId: part.line });
                const text = renderText(e);
                const md = renderMarkdown(e);
                // A path through a role the collector can't see names it by the neutral label, as any other name.
                const roleShown = !e.paths.some((p) => p.summary.includes(HIDDEN_ROLE)) || text.includes(HIDDEN_ROLE);
                return (
                    JSON.stringify(a.access) === JSON.stringify(e.access) &&
                    (e.access.share || (e.uncertain && e.uncertainties.some((u) => u.includes('could not be read')))) &&
                    !CONTROL.test(text) &&
                    !CONTROL.test(md) &&
                    roleShown
                );
            }),
            runs(100)
        );
    });
});
