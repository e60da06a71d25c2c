/**
 * Round 12 of whoCanSee/1 (docs/evidence-plan.md "whoCanSee/1"): the users the org's sharing sets
 * reach on the record's family, read after the sharing sets themselves (round 11) and before the
 * evidence of every user reached (round 9, which runs last so that it covers them too).
 *
 * A sharing set's access mapping (Metadata API SharingSet, AccessMapping) gives a user of a profile
 * it lists access to a record of `object` when the record's `objectField` (a lookup, `Id`, or a
 * lookup through a parent such as `Entitlement.Account`) equals the user's `userField`. For each
 * mapping of a family record's object, the record side gives ids, and the user side says which
 * users hold them — the same reading as the engine's sharing-set evaluation (sharingSets.ts
 * resolveUserField, whoCanSeeExperience.ts sharingSetCandidates):
 * - `Account`: users whose account (User.AccountId) is the id;
 * - `Contact`: users whose contact (User.ContactId) is the id;
 * - `Contact.RelatedAccount`: users whose contact is related to the account (AccountContactRelation, active);
 * - `Manager.Account` / `Manager.Contact`: users whose manager's account / contact is the id.
 * Any other user field (`Account.<Field>`, `Contact.<Field>`, …), or a record side that goes
 * through a row the collection did not read, can't be followed from the record: the step is not
 * guessed, the answer is marked uncertain naming the sharing set (a reached bound of the
 * Experience Cloud users, `meta.scope.capsReached` loop `contactUsers`).
 */
import type { Row, SharingSetDefinition } from '../../../lwc-src/lwc/accessXrayEngine/types';
import { answerStep } from './roundsAudience';
import { key15, str, uniqIds } from './soql';
import type { PlanState } from './state';

/** What the mapped ids of every sharing set applying to the family stand for, by user field. */
export interface SharingSetReach {
    /** Names of the profiles of the sets with a mapping followed. */
    profiles: string[];
    accountIds: string[];
    contactIds: string[];
    relatedAccountIds: string[];
    managerAccountIds: string[];
    managerContactIds: string[];
    /** Mappings that can't be followed from the record: the set and why. */
    unfollowed: string[];
}

const FOLLOWED: Readonly<Record<string, keyof Omit<SharingSetReach, 'profiles' | 'unfollowed'>>> = {
    Account: 'accountIds',
    Contact: 'contactIds',
    'Contact.RelatedAccount': 'relatedAccountIds',
    'Manager.Account': 'managerAccountIds',
    'Manager.Contact': 'managerContactIds'
};

/** A field of a row as the engine reads it (sharingSets.ts fieldValue): `Account` → AccountId, `X__r` → X__c. */
function fieldOf(row: Row, field: string): { present: boolean; value: unknown } {
    for (const name of [field, `${field}Id`, field.endsWith('__r') ? field.replace(/__r$/, '__c') : '']) {
        if (name && Object.prototype.hasOwnProperty.call(row, name)) return { present: true, value: row[name] };
    }
    return { present: false, value: undefined };
}

/** The record side of a mapping over the rows read, or null when it goes through a row not read. */
function recordSide(state: PlanState, record: Row, objectField: string): string[] | null {
    const parts = objectField.split('.');
    let current: Row | undefined = record;
    for (let i = 0; i < parts.length; i++) {
        if (!current) return null;
        const part = parts[i] as string;
        if (part === 'Id' && i === parts.length - 1) return [str(current.Id)];
        const f = fieldOf(current, part);
        if (!f.present) return null;
        const id = str(f.value);
        if (!id) return [];
        if (i === parts.length - 1) return [id];
        current = state.tables.byId(id)?.row;
    }
    return null;
}

/** The ids each user field of the sets' mappings stands for on the family's records (pure over the rows read). */
export function sharingSetReach(state: PlanState, sets: readonly SharingSetDefinition[]): SharingSetReach {
    const out: SharingSetReach = { profiles: [], accountIds: [], contactIds: [], relatedAccountIds: [], managerAccountIds: [], managerContactIds: [], unfollowed: [] };
    const rows = state.familyRows();
    const objectOf = (r: Row): string => state.family.get(key15(r.Id))?.object ?? '';
    for (const set of sets) {
        let followed = false;
        for (const mapping of set.accessMappings ?? []) {
            const records = rows.filter((r) => objectOf(r) === mapping.object);
            if (!records.length) continue;
            const words = `User.${mapping.userField} → ${mapping.object}.${mapping.objectField}`;
            const kind = FOLLOWED[mapping.userField];
            if (!kind) {
                out.unfollowed.push(`sharing set ${set.name ?? set.fullName} maps ${words}, which this collection can't follow from the record`);
                continue;
            }
            for (const record of records) {
                const ids = recordSide(state, record, mapping.objectField);
                if (ids === null) {
                    out.unfollowed.push(`sharing set ${set.name ?? set.fullName} maps ${words}, which this collection can't follow from the record`);
                    continue;
                }
                out[kind].push(...ids);
                followed = true;
            }
        }
        if (followed) out.profiles.push(...(set.profiles ?? []));
    }
    for (const k of ['accountIds', 'contactIds', 'relatedAccountIds', 'managerAccountIds', 'managerContactIds'] as const) out[k] = uniqIds(out[k]);
    out.profiles = [...new Set(out.profiles)].sort();
    out.unfollowed = [...new Set(out.unfollowed)];
    return out;
}

/** Round 12: the users the sharing sets reach on the family (active, of the sets' profiles), and the rows the engine matches them by. */
export async function readSharingSetUsers(state: PlanState, sets: readonly SharingSetDefinition[] | undefined): Promise<void> {
    if (!sets?.length) return;
    const { session, tables } = state;
    const reach = sharingSetReach(state, sets);
    const step = session.stepOf('wcs.sharingSetUsers');
    for (const reason of reach.unfollowed) session.reachCap('contactUsers', 0, `${reason}: ${step.onCap}`);
    if (!reach.profiles.length) return;
    const contactIds = [...reach.contactIds];
    if (reach.relatedAccountIds.length) {
        // Contact.RelatedAccount: the contacts related to the mapped accounts (the engine matches the user's relations).
        const relations = await answerStep(state, 'wcs.sharingSetRelations', { setRelatedAccountIds: reach.relatedAccountIds }, 'AccountContactRelation');
        tables.put('AccountContactRelation', relations);
        contactIds.push(...(relations ?? []).filter((r) => r.IsActive !== false).map((r) => str(r.ContactId)));
    }
    let managerIds: string[] = [];
    if (reach.managerAccountIds.length || reach.managerContactIds.length) {
        // Manager.Account / Manager.Contact: the managers first (the engine reads the user's manager's account or contact).
        const managers = await answerStep(state, 'wcs.sharingSetManagers', { managerAccountIds: reach.managerAccountIds, managerContactIds: reach.managerContactIds }, 'User');
        tables.put('User', managers);
        managerIds = uniqIds((managers ?? []).map((m) => m.Id));
    }
    tables.put(
        'User',
        await answerStep(
            state,
            'wcs.sharingSetUsers',
            { setContactIds: uniqIds(contactIds), setAccountIds: reach.accountIds, setManagerIds: managerIds, setProfileNames: reach.profiles },
            'User'
        )
    );
}
