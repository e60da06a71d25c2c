/**
 * Experience Cloud in who-can-see. Its mechanisms depend on who the user is (their account,
 * contact, portal role, profile) as much as on the record, so the sweep first finds the few users
 * any of them could reach, from the record's side, then runs the Experience Cloud layer itself
 * (layerExperienceCloud.ts) for each of them — the same code `explain` runs, so the two agree:
 * - Experience Cloud share rows (portal implicit, high-volume, account relationship, guest rule…):
 *   their grantees;
 * - portal implicit sharing (seed 002): users of the account (an account, its contacts), the
 *   case contact's users and the users above them in the portal role hierarchy;
 * - high-volume licence defaults (seed 004): users of the account or contact, owners of detail records;
 * - sharing sets (seed 000 step 8, seed 004): users of the listed profiles whose account, contact
 *   or related account is the record's mapped field;
 * - share groups: members of the share group of a sharing set covering the high-volume owner.
 * Everyone else gets nothing from this layer, whatever their licence.
 */
import { bitsOfFlags } from './accessBits';
import { evaluateRecord, newState } from './engine';
import type { LayerEvaluation } from './layer';
import { normaliseId } from './ids';
import { usersAboveRole, usersOfGroup } from './reverseMembership';
import { resolveObjectField, sharingSetListsProfile } from './sharingSets';
import type { SnapshotIndex } from './snapshotIndex';
import type { LayerId, SharingSetDefinition } from './types';
import type { RecordFacts } from './whoCanSeeFacts';
import { makeRef, type Target } from './whoCanSeeGrants';
import type { GrantRef } from './whoCanSeeReach';
import { EXTERNAL_PATH, userSpace, type UserSet } from './userSpace';

function str(v: unknown): string {
    return typeof v === 'string' ? v : '';
}

/** Users whose account is `accountId` (User.AccountId, or their contact's account). */
function usersOfAccount(index: SnapshotIndex, accountId: string | null): string[] {
    if (!accountId) {
        return [];
    }
    const out = index.rowsWhere('User', 'AccountId', accountId).map((u) => str(u.Id));
    for (const c of index.rowsWhere('Contact', 'AccountId', accountId)) {
        out.push(...usersOfContact(index, str(c.Id)));
    }
    return out;
}

function usersOfContact(index: SnapshotIndex, contactId: string | null): string[] {
    return contactId ? index.rowsWhere('User', 'ContactId', contactId).map((u) => str(u.Id)) : [];
}

function usersOfProfiles(index: SnapshotIndex, set: SharingSetDefinition): string[] {
    // Users whose profile the set lists (profiles are read by id from the users, not as a table).
    const space = userSpace(index);
    const listed = new Map<string, boolean>();
    const out: string[] = [];
    for (let n = 0; n < space.size; n++) {
        const profileId = str(space.rows[n]?.ProfileId);
        let hit = listed.get(profileId);
        if (hit === undefined) {
            hit = sharingSetListsProfile(set, index.byId(profileId)?.row, profileId);
            listed.set(profileId, hit);
        }
        if (hit) {
            out.push(space.ids[n] as string);
        }
    }
    return out;
}

/** Users a sharing set's mapping could match for this record (all users of its profiles when it can't tell). */
function sharingSetCandidates(facts: RecordFacts, set: SharingSetDefinition, out: Set<string>): void {
    const { index, object, row } = facts;
    for (const mapping of (set.accessMappings ?? []).filter((m) => m.object === object)) {
        const record = resolveObjectField(index, row, mapping.objectField);
        const head = mapping.userField.split('.');
        let found: string[] | null = null;
        if (record.known) {
            const ids = record.ids;
            const field = mapping.userField;
            if (field === 'Account') {
                found = ids.flatMap((id) => usersOfAccount(index, id));
            } else if (field === 'Contact') {
                found = ids.flatMap((id) => usersOfContact(index, id));
            } else if (field === 'Contact.RelatedAccount') {
                found = ids.flatMap((id) =>
                    index
                        .rowsWhere('AccountContactRelation', 'AccountId', id)
                        .filter((r) => r.IsActive !== false)
                        .flatMap((r) => usersOfContact(index, normaliseId(r.ContactId)))
                );
            } else if (head[0] === 'Manager' && head.length === 2) {
                const managers = ids.flatMap((id) => (head[1] === 'Account' ? usersOfAccount(index, id) : usersOfContact(index, id)));
                found = managers.flatMap((m) => index.rowsWhere('User', 'ManagerId', m).map((u) => str(u.Id)));
            }
        }
        // Other user fields (Account.<Field>, Contact.<Field>) or an unreadable record side: ask every user of the profiles.
        for (const u of found ?? usersOfProfiles(index, set)) {
            out.add(u);
        }
    }
}

/**
 * Every user an Experience Cloud mechanism could reach on this record (a superset; the layer
 * decides). Share rows, portal implicit sharing, high-volume defaults and sharing sets only
 * concern users who take the layer's external path; share groups concern anyone.
 */
export function experienceCloudCandidates(facts: RecordFacts): UserSet {
    const { index, object, row, recordId } = facts;
    const space = userSpace(index);
    const out = space.empty();
    const externalPath = space.mask(EXTERNAL_PATH);
    const addExternal = (ids: Iterable<string>): void => {
        for (const id of ids) {
            const n = space.numberOf(id);
            if (externalPath.has(n)) {
                out.add(n);
            }
        }
    };
    for (const side of Object.values(facts.sides)) {
        for (const grant of side.shares) {
            if (grant.layer !== 'experienceCloud') {
                continue;
            }
            if (index.byId(grant.entry.granteeId)?.table === 'User') {
                addExternal([grant.entry.granteeId]);
            } else {
                out.addAll(usersOfGroup(index, grant.entry.granteeId).and(externalPath));
            }
        }
    }
    // Portal implicit sharing and high-volume defaults.
    if (object === 'Account') {
        addExternal(usersOfAccount(index, recordId));
    } else if (object === 'Contact') {
        addExternal(usersOfAccount(index, normaliseId(row.AccountId)));
        addExternal(usersOfContact(index, recordId));
    } else if (object === 'Case') {
        for (const u of usersOfContact(index, normaliseId(row.ContactId))) {
            addExternal([u]);
            const role = str(index.user(u)?.UserRoleId);
            if (role) {
                out.addAll(usersAboveRole(index, role).and(externalPath));
            }
        }
    }
    for (const [childObject, child] of Object.entries(index.snapshot.describe ?? {})) {
        for (const field of child.fields ?? []) {
            if (field.cascadeDelete === true && field.nillable === false && (field.referenceTo ?? []).includes(object)) {
                addExternal(index.rowsWhere(childObject, field.name, recordId).map((r) => str(r.OwnerId)));
            }
        }
    }
    // Sharing sets.
    const sets = index.snapshot.metadata?.SharingSet ?? [];
    const fromSets = new Set<string>();
    for (const set of sets) {
        sharingSetCandidates(facts, set, fromSets);
    }
    addExternal(fromSets);
    // Share groups: members of the share group of a sharing set covering the high-volume owner.
    const ownerId = normaliseId(row.OwnerId);
    const owner = ownerId ? index.user(ownerId) : undefined;
    if (owner && ownerId && index.classification(ownerId).highVolume) {
        const profileId = str(owner.ProfileId);
        const profile = index.byId(profileId)?.row;
        for (const set of sets.filter((s) => sharingSetListsProfile(s, profile, profileId))) {
            for (const member of set.shareGroupMembers ?? []) {
                // A user, a role (matched against the user's role even when the role row wasn't collected) or a group.
                const id = normaliseId(member);
                if (!id) {
                    continue;
                }
                out.add(space.numberOf(id));
                for (const u of index.usersInRole(id)) {
                    out.add(space.numberOf(str(u.Id)));
                }
                if (index.byId(id)?.table === 'Group') {
                    out.addAll(usersOfGroup(index, id));
                }
            }
        }
    }
    return out;
}

const ONLY_EXPERIENCE: ReadonlySet<LayerId> = new Set<LayerId>(['experienceCloud']);

/** The Experience Cloud layer for one user on the record, evaluated by the layer itself. */
export function experienceLayer(facts: RecordFacts, userId: string): LayerEvaluation | undefined {
    return evaluateRecord(newState(facts.index), userId, facts.recordId, 0, false, ONLY_EXPERIENCE).layers.find((l) => l.id === 'experienceCloud');
}

/** Grants of the Experience Cloud layer for every candidate; doubts of candidates it couldn't decide. */
export function experienceGrants(facts: RecordFacts, t: Target, doubts: Map<number, string[]>): void {
    experienceCloudCandidates(facts).forEach((n) => {
        if (t.side && !t.side.has(n)) {
            return;
        }
        const layer = experienceLayer(facts, t.space.ids[n] as string);
        if (!layer) {
            return;
        }
        if (layer.uncertainties.length) {
            doubts.set(n, layer.uncertainties.map((u) => `Experience Cloud: ${u}`));
        }
        if (layer.status === 'grants') {
            t.reach.add(n, experienceRef(layer));
        }
    });
}

function experienceRef(layer: LayerEvaluation): GrantRef {
    const path = layer.paths[0];
    const text = path ? path.steps.slice(1, -1).map((s) => (s.via && s.kind === 'user' ? `${s.via} ${s.label}` : s.label)).join(' → ') : layer.reason;
    return makeRef('experienceCloud', bitsOfFlags(layer.access), () => text || 'Experience Cloud access', layer.uncertainties.length ? layer.uncertainties : undefined);
}
