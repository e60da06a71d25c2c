/**
 * Sharing sets and share groups for Experience Cloud users.
 *
 * Sources:
 * - Metadata API "SharingSet" (api-vocabulary.md §9): `profiles`, `accessMappings[]` of
 *   { accessLevel Read|Edit, object, objectField (lookup on the target, e.g. `Id`, `Account`,
 *   `Contact`, `Entitlement.Account`), userField (`Account`, `Account.<Field>`, `Contact`,
 *   `Contact.<Field>`, `Contact.RelatedAccount`, `Manager.Account`, `Manager.Contact`) }.
 *   Eligible licences: Customer Community (+ Login), Customer Community Plus, Partner
 *   Community, High Volume Customer Portal, Authenticated Website (and overage variants).
 * - seed 004: sharing sets are per profile, one sharing set per profile; access level Read or
 *   Read/Write, never more restrictive than the OWD.
 * - seed 000 step 8 / Help "Create a Sharing Set": access granted by a sharing set is not
 *   extended to the user's superiors in the role hierarchy; share group members can access
 *   any records owned by the high-volume users of the sharing set, even on objects the
 *   sharing set doesn't list.
 * - Help "Use Share Groups to Share Records Owned by High-Volume Experience Cloud Site Users":
 *   members can be internal users and external users of the high-volume user's account.
 * - Object Reference share objects: "for some sharing mechanisms, such as sharing sets,
 *   sharing entries aren't stored at all" — so this is computed, never read from share rows.
 * - Help "Sharing Sets": sharing sets are read from setup metadata only; when that evidence is
 *   missing (not collected, unreadable, or cut short) nothing here is a confident "no".
 */
import { parseShareLevel, type GrantLevel } from './accessLevels';
import { normaliseId, sameId } from './ids';
import type { SnapshotIndex } from './snapshotIndex';
import type { PathStep, Row, SharingSetDefinition } from './types';
import type { UserKind } from './userLicence';

/**
 * Why the snapshot's sharing sets can't be taken as the org's whole list, or null when they can:
 * not collected (no `metadata.SharingSet`), unreadable (`meta.unavailable` SharingSet; the CLI's
 * own `metadata.SharingSet` entry counts until the metadata is added), or cut short
 * (`meta.truncated` SharingSet: a set that matches still grants, a miss proves nothing).
 */
export function sharingSetsUnknown(index: SnapshotIndex): string | null {
    const all = index.snapshot.metadata?.SharingSet;
    const unavailable = index.unavailable('SharingSet') ?? (all ? null : index.unavailable('metadata.SharingSet'));
    if (unavailable) {
        return `sharing sets were not collected (${unavailable})`;
    }
    if (!all) {
        return 'sharing sets were not collected';
    }
    const cut = index.truncated('SharingSet');
    return cut ? `only part of the sharing sets was collected (${cut})` : null;
}

const READ_SHARING_SETS = 'read the SharingSet metadata (Setup > Digital Experiences > Settings > Sharing Sets)';

/** Licence kinds a sharing set can apply to (Metadata API SharingSet, eligible licences). */
export const SHARING_SET_KINDS: ReadonlySet<UserKind> = new Set<UserKind>(['customerCommunity', 'customerCommunityPlus', 'partnerCommunity', 'highVolume']);

export interface SharingSetMatch {
    sharingSet: SharingSetDefinition;
    mapping: SharingSetDefinition['accessMappings'][number];
    level: GrantLevel;
    /** The user-side value(s) that matched the record side, e.g. the account id. */
    matchedId: string;
    steps: PathStep[];
    summary: string;
}

export interface SharingSetOutcome {
    /** Sharing sets that list the user's profile (more than one = misconfiguration, seed 004). */
    sets: SharingSetDefinition[];
    matches: SharingSetMatch[];
    /** Mappings for this object that were checked and did not match, in plain words. */
    misses: string[];
    /** Sharing sets that don't list the user's profile but whose mapping would match this record (the near miss). */
    unlisted: { sharingSet: SharingSetDefinition; level: GrantLevel; words: string }[];
    uncertainties: string[];
    evidence: string[];
}

function str(value: unknown): string {
    return typeof value === 'string' ? value : '';
}

/** True when the sharing set lists this profile (by name or by id). */
export function sharingSetListsProfile(set: SharingSetDefinition, profile: Row | undefined, profileId: string): boolean {
    const name = str(profile?.Name).toLowerCase();
    return (set.profiles ?? []).some((p) => (name !== '' && p.toLowerCase() === name) || sameId(p, profileId));
}

/** The user's contact and account ids (User.ContactId / User.AccountId, else the contact's AccountId). */
export function externalIdentity(index: SnapshotIndex, user: Row): { contactId: string | null; accountId: string | null; contact: Row | undefined; account: Row | undefined } {
    const contactId = normaliseId(user.ContactId);
    const contact = contactId ? index.byId(contactId)?.row : undefined;
    const accountId = normaliseId(user.AccountId) ?? normaliseId(contact?.AccountId);
    const account = accountId ? index.byId(accountId)?.row : undefined;
    return { contactId, accountId, contact, account };
}

export type Resolved = { known: true; ids: string[]; label: string } | { known: false; reason: string };

function fieldValue(row: Row, field: string): { present: boolean; value: unknown } {
    for (const candidate of [field, `${field}Id`, field.endsWith('__r') ? field.replace(/__r$/, '__c') : '']) {
        if (candidate && Object.prototype.hasOwnProperty.call(row, candidate)) {
            return { present: true, value: row[candidate] };
        }
    }
    return { present: false, value: undefined };
}

/** Resolves the user side of an access mapping to the ids it stands for. */
function resolveUserField(index: SnapshotIndex, user: Row, userField: string): Resolved {
    const me = externalIdentity(index, user);
    const parts = userField.split('.');
    let base: { id: string | null; row: Row | undefined; label: string };
    let rest: string[];
    const head = parts[0] ?? '';
    if (head === 'Manager') {
        const managerId = normaliseId(user.ManagerId);
        const manager = managerId ? index.user(managerId) : undefined;
        if (!managerId) return { known: true, ids: [], label: 'the user has no manager' };
        if (!manager) return { known: false, reason: `manager ${managerId} is not in the snapshot` };
        const who = externalIdentity(index, manager);
        const second = parts[1] ?? '';
        base = second === 'Account' ? { id: who.accountId, row: who.account, label: "manager's account" } : { id: who.contactId, row: who.contact, label: "manager's contact" };
        rest = parts.slice(2);
    } else if (head === 'Account') {
        base = { id: me.accountId, row: me.account, label: "the user's account" };
        rest = parts.slice(1);
    } else if (head === 'Contact') {
        base = { id: me.contactId, row: me.contact, label: "the user's contact" };
        rest = parts.slice(1);
    } else {
        return { known: false, reason: `unrecognised sharing-set user field "${userField}"` };
    }
    if (!base.id) {
        return { known: true, ids: [], label: `${base.label} is empty` };
    }
    if (rest.length === 0) {
        return { known: true, ids: [base.id], label: base.label };
    }
    if (rest.length === 1 && rest[0] === 'RelatedAccount' && head === 'Contact') {
        // Contact.RelatedAccount: every account related to the contact (AccountContactRelation).
        if (!index.hasTable('AccountContactRelation')) {
            return { known: false, reason: 'AccountContactRelation rows (Contact.RelatedAccount) were not collected' };
        }
        const ids = index
            .rowsWhere('AccountContactRelation', 'ContactId', base.id)
            .filter((r) => r.IsActive !== false)
            .map((r) => normaliseId(r.AccountId))
            .filter((v): v is string => !!v);
        return { known: true, ids, label: "accounts related to the user's contact" };
    }
    if (!base.row) {
        return { known: false, reason: `${base.label} (${base.id}) is not in the snapshot` };
    }
    const f = fieldValue(base.row, rest.join('.'));
    if (!f.present) {
        return { known: false, reason: `${base.label}'s field ${rest.join('.')} is not in the snapshot` };
    }
    const id = normaliseId(f.value) ?? (typeof f.value === 'string' ? f.value : null);
    return { known: true, ids: id ? [id] : [], label: `${base.label}'s ${rest.join('.')}` };
}

/** Resolves the record side (`Id`, `Account`, `Contact`, `Entitlement.Account`, `Account__c`…) to an id. */
export function resolveObjectField(index: SnapshotIndex, record: Row, objectField: string): Resolved {
    const parts = objectField.split('.');
    let current: Row | undefined = record;
    for (let i = 0; i < parts.length; i++) {
        const part = parts[i] as string;
        if (!current) return { known: false, reason: `record field ${objectField} is not in the snapshot` };
        if (part === 'Id' && i === parts.length - 1) {
            return { known: true, ids: [str(current.Id)], label: 'the record itself' };
        }
        const f = fieldValue(current, part);
        if (!f.present) {
            return { known: false, reason: `record field ${parts.slice(0, i + 1).join('.')} is not in the snapshot` };
        }
        const id = normaliseId(f.value);
        if (i === parts.length - 1) {
            return { known: true, ids: id ? [id] : [], label: `the record's ${objectField}` };
        }
        if (!id) return { known: true, ids: [], label: `the record's ${parts.slice(0, i + 1).join('.')} is empty` };
        current = index.byId(id)?.row;
        if (!current) return { known: false, reason: `${part} ${id} (for ${objectField}) is not in the snapshot` };
    }
    return { known: false, reason: `empty object field in sharing set mapping` };
}

/**
 * Sharing-set access of this user to this record. Uncertain when sharing-set metadata was
 * not collected; misses say which mapping didn't match and why.
 */
export function evaluateSharingSets(
    index: SnapshotIndex,
    user: Row,
    userName: string,
    record: Row,
    objectApiName: string,
    recordName: string
): SharingSetOutcome {
    const out: SharingSetOutcome = { sets: [], matches: [], misses: [], unlisted: [], uncertainties: [], evidence: [] };
    const all = index.snapshot.metadata?.SharingSet;
    const unknown = sharingSetsUnknown(index);
    if (!all || (unknown && !index.truncated('SharingSet'))) {
        out.uncertainties.push(`${unknown ?? 'sharing sets were not collected'}: ${READ_SHARING_SETS} to know whether one applies`);
        return out;
    }
    const partial = (): SharingSetOutcome => {
        // A cut list: the sets read decide a match; no match proves nothing.
        if (unknown && out.matches.length === 0) {
            out.uncertainties.push(`${unknown}: ${READ_SHARING_SETS} to know whether one of the others applies`);
        }
        return out;
    };
    const profileId = str(user.ProfileId);
    const profile = index.byId(profileId)?.row;
    out.sets = all.filter((s) => sharingSetListsProfile(s, profile, profileId));
    if (out.sets.length === 0) {
        out.misses.push(`no sharing set lists the profile ${str(profile?.Name) || profileId}`);
        for (const set of all) {
            for (const mapping of (set.accessMappings ?? []).filter((m) => m.object === objectApiName)) {
                const userSide = resolveUserField(index, user, mapping.userField);
                const recordSide = resolveObjectField(index, record, mapping.objectField);
                if (userSide.known && recordSide.known && userSide.ids.some((u) => recordSide.ids.some((r) => sameId(u, r) || u === r))) {
                    out.unlisted.push({ sharingSet: set, level: parseShareLevel(mapping.accessLevel) ?? 'Read', words: `User.${mapping.userField} → ${objectApiName}.${mapping.objectField}` });
                }
            }
        }
        return partial();
    }
    if (out.sets.length > 1) {
        out.uncertainties.push(
            `the profile ${str(profile?.Name) || profileId} is listed in ${out.sets.length} sharing sets (${out.sets.map((s) => s.fullName).join(', ')}); each profile can be associated with only one sharing set`
        );
    }
    for (const set of out.sets) {
        out.evidence.push(`metadata:SharingSet:${set.fullName}`);
        const mappings = (set.accessMappings ?? []).filter((m) => m.object === objectApiName);
        if (mappings.length === 0) {
            out.misses.push(`sharing set ${set.name ?? set.fullName} has no access mapping for ${objectApiName}`);
            continue;
        }
        for (const mapping of mappings) {
            const userSide = resolveUserField(index, user, mapping.userField);
            const recordSide = resolveObjectField(index, record, mapping.objectField);
            const words = `User.${mapping.userField} → ${objectApiName}.${mapping.objectField}`;
            if (!userSide.known) {
                out.uncertainties.push(`sharing set ${set.fullName} (${words}): ${userSide.reason}`);
                continue;
            }
            if (!recordSide.known) {
                out.uncertainties.push(`sharing set ${set.fullName} (${words}): ${recordSide.reason}`);
                continue;
            }
            const hit = userSide.ids.find((u) => recordSide.ids.some((r) => sameId(u, r) || u === r));
            if (!hit) {
                out.misses.push(
                    `sharing set ${set.name ?? set.fullName} maps ${words}, but ${userSide.label} (${userSide.ids.map((i) => index.name(i)).join(', ') || 'none'}) doesn't match ${recordSide.label} (${recordSide.ids.map((i) => index.name(i)).join(', ') || 'empty'})`
                );
                continue;
            }
            const level = parseShareLevel(mapping.accessLevel) ?? 'Read';
            const label = set.name ?? set.fullName;
            out.matches.push({
                sharingSet: set,
                mapping,
                level,
                matchedId: hit,
                steps: [
                    { kind: 'user', label: userName, id: str(user.Id), via: `profile ${str(profile?.Name) || profileId} is in` },
                    { kind: 'sharingSet', label: `sharing set ${label}`, via: `maps ${words} (${index.name(hit)})` },
                    { kind: 'record', label: recordName, id: str(record.Id) }
                ],
                summary: `${userName} → sharing set ${label} (${words}, ${index.name(hit)}) → ${level}`
            });
        }
    }
    return partial();
}

export interface ShareGroupMatch {
    sharingSet: SharingSetDefinition;
    ownerId: string;
    via: string;
    steps: PathStep[];
    summary: string;
}

/**
 * Share groups: when the record is owned by a high-volume user whose profile is in a sharing
 * set, members of that sharing set's share group (users, groups, roles) can access it — on
 * any object, listed in the sharing set or not (seed 000 step 8).
 */
export function evaluateShareGroups(
    index: SnapshotIndex,
    userId: string,
    userName: string,
    record: Row,
    recordName: string
): { matches: ShareGroupMatch[]; notes: string[]; uncertainties: string[] } {
    const out = { matches: [] as ShareGroupMatch[], notes: [] as string[], uncertainties: [] as string[] };
    const ownerId = normaliseId(record.OwnerId);
    if (!ownerId) return out;
    const owner = index.user(ownerId);
    if (!owner || !index.classification(ownerId).highVolume) return out;
    const ownerProfileId = str(owner.ProfileId);
    const ownerProfile = index.byId(ownerProfileId)?.row;
    const sets = (index.snapshot.metadata?.SharingSet ?? []).filter((s) => sharingSetListsProfile(s, ownerProfile, ownerProfileId));
    const myRole = normaliseId(index.user(userId)?.UserRoleId);
    for (const set of sets) {
        const members = set.shareGroupMembers ?? [];
        if (set.shareGroupMembers === undefined && !sameId(ownerId, userId)) {
            // The Metadata API's SharingSet has no share-group members: a collector that read the set through it knows nothing of them.
            out.uncertainties.push(
                `the record is owned by the high-volume user ${index.name(ownerId)}, whose sharing set ${set.name ?? set.fullName} has a share group whose members were not collected: whether ${userName} is in it (which gives Read) is unknown; see Setup > Digital Experiences > Settings > Sharing Sets, Share Group Settings, to know`
            );
            continue;
        }
        if (members.length === 0) {
            out.notes.push(`the record is owned by the high-volume user ${index.name(ownerId)}, whose sharing set ${set.name ?? set.fullName} has no share group members`);
            continue;
        }
        let via: string | null = null;
        for (const member of members) {
            if (sameId(member, userId)) {
                via = 'listed directly in the share group';
            } else if (myRole && sameId(member, myRole)) {
                via = `role ${index.name(myRole)} is in the share group`;
            } else if (index.byId(member)?.table === 'Group' && index.isMember(userId, member)) {
                via = `member of ${index.name(member)}, which is in the share group`;
            }
            if (via) break;
        }
        if (!via) {
            out.notes.push(`${userName} is not a member of the share group of sharing set ${set.name ?? set.fullName} (which covers records owned by ${index.name(ownerId)})`);
            continue;
        }
        const label = set.name ?? set.fullName;
        out.matches.push({
            sharingSet: set,
            ownerId,
            via,
            steps: [
                { kind: 'user', label: userName, id: userId, via },
                { kind: 'sharingSet', label: `share group of sharing set ${label}`, via: `covers records owned by high-volume user ${index.name(ownerId)}` },
                { kind: 'record', label: recordName, id: str(record.Id) }
            ],
            summary: `share group of sharing set ${label} (${userName}: ${via}; the record is owned by high-volume user ${index.name(ownerId)}) → Read`
        });
    }
    // Missing sharing sets: nobody but the owner can be told a share group doesn't reach them.
    const unknown = out.matches.length || sameId(ownerId, userId) ? null : sharingSetsUnknown(index);
    if (unknown) {
        out.uncertainties.push(
            `the record is owned by the high-volume user ${index.name(ownerId)}, but ${unknown}: whether ${userName} is in the share group of a sharing set covering that user (which gives Read) is unknown; ${READ_SHARING_SETS} to know`
        );
    }
    return out;
}
