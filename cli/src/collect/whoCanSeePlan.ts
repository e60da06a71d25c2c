/**
 * The who-can-see plan whoCanSee/1 run by the CLI (docs/evidence-plan.md "whoCanSee/1"; the
 * steps are data in planWhoCanSee.ts): the evidence for "who can see this record, and why?",
 * bounded by the answer, never by the org. The rounds explain/1 shares (the record, its family,
 * its share rows, role chains, the permissions of a list of users) are explain/1's own code,
 * with "the users asked about" = every user reached, and so is its Metadata API round (sharing-rule
 * definitions, sharing sets: roundsMetadata.ts). Rounds run 1–8, 10, 11, 12 (the users the
 * sharing sets reach), then 9 (every user's own evidence). The snapshot says what it covers:
 * `meta.scope = { kind: 'records', plan: 'whoCanSee/1', recordIds, capsReached, publicCounts }`.
 */
import { grantOfSharingModel, type SharingModel } from '../../../lwc-src/lwc/accessXrayEngine/accessLevels';
import type { Snapshot } from '../../../lwc-src/lwc/accessXrayEngine/types';
import { classifyUser, type UserClassification } from '../../../lwc-src/lwc/accessXrayEngine/userLicence';
import { collectedSnapshot } from './collectedSnapshot';
import { cliCapOf, WHO_CAN_SEE_PLAN_ID, WHO_CAN_SEE_ROUNDS, whoCanSeeStep } from './planWhoCanSee';
import { bossSeeds, readAccountAudience, readBossesAndTerritories, readGranteesDownward, readNamed, readPublicCounts, readViewAllHolders } from './roundsAudience';
import { readGroupMemberships, readRoleChains } from './roundsChains';
import { readSetupMetadata } from './roundsMetadata';
import { readDecidingPermissions } from './roundsPermissions';
import { readSharingSetUsers } from './roundsSharingSets';
import { readFamily, readRecord, readRecordEvidence, readRuleUserFields } from './roundsRecord';
import type { Session } from './session';
import { key15, str, uniqIds } from './soql';
import { PlanState } from './state';


export interface WhoCanSeePlanRequest {
    recordId: string;
    /** Called when a round starts: its number and the number of rounds. */
    progress?: (round: number, rounds: number) => void;
}

const ORG_DEFAULT_FIELD: Readonly<Record<string, string>> = {
    Account: 'DefaultAccountAccess',
    Contact: 'DefaultContactAccess',
    Opportunity: 'DefaultOpportunityAccess',
    Case: 'DefaultCaseAccess',
    Lead: 'DefaultLeadAccess'
};

/** The sharing models of an object (EntityDefinition, else the Organization default for internal users). */
function sharingModels(state: PlanState, object: string): string[] {
    const def = state.tables.rows('EntityDefinition').find((e) => str(e.QualifiedApiName).toLowerCase() === object.toLowerCase());
    if (def) return [str(def.InternalSharingModel), str(def.ExternalSharingModel)];
    const org = state.tables.rows('Organization')[0];
    const field = ORG_DEFAULT_FIELD[object];
    // Unknown default: counted as possibly public (the aggregates are a few rows; the engine decides).
    return field && org ? [str(org[field])] : ['Read'];
}

/** Is a default public on the record or, Controlled by Parent, on a parent? Read/Write (Edit) matters for the counts too. */
function publicDefaults(state: PlanState): { any: boolean; edit: boolean } {
    const models = state.familyObjects().flatMap((o) => sharingModels(state, o));
    const grants = models.map((m) => grantOfSharingModel(m as SharingModel));
    return { any: grants.some((g) => g !== 'None'), edit: grants.some((g) => g === 'Edit' || g === 'All') };
}

/**
 * Round 9's memberships upward, for the users the engine asks "which groups is this user in?":
 * the users who take the Experience Cloud layer's external path (whoCanSeeExperience.ts evaluates
 * that layer user by user: share groups, sharing sets) and, as in explain/1, the family's owners.
 * Every other group grant reaches its users downward (round 6: reverseMembership.ts usersOfGroup),
 * so an internal user's own memberships and territories add nothing to the answer — unless a
 * family owner is a high-volume Experience Cloud user.
 */
async function readExternalMemberships(state: PlanState): Promise<void> {
    const everyone = state.subjectIds;
    // whoCanSeeFacts.ts takesExternalPath (the engine module imports the whole engine: the rule is one line).
    const externalPath = (c: UserClassification): boolean => !(c.kind === 'internal' || c.kind === 'automated' || (c.kind === 'unknown' && !c.external));
    // A high-volume owner's sharing sets share the record with their share groups (whoCanSeeExperience.ts), whose
    // members only memberships upward find (no API lists a share group's members to expand it downward): then everyone's.
    const owners = new Set(state.familyOwners().map(key15));
    const hvOwner = state.users().some((u) => owners.has(key15(u.Id)) && state.isHighVolume(u));
    const external = hvOwner ? everyone : state.subjects().filter((u) => externalPath(classifyUser(u))).map((u) => str(u.Id));
    state.subjectIds = external;
    try {
        const principals = uniqIds([...external, ...state.familyOwners()]);
        if (state.territoriesActive && principals.length) {
            state.tables.put('UserTerritory2Association', await state.session.step('above.userTerritories', { principalIds: principals }));
        }
        await readGroupMemberships(state);
    } finally {
        state.subjectIds = everyone;
    }
}

export async function runWhoCanSeePlan(session: Session, request: WhoCanSeePlanRequest): Promise<{ snapshot: Snapshot; state: PlanState }> {
    const state = new PlanState(session, { permissionSetIds: [], groupIds: [] });
    // No governor limits here: the answer's steps may read more as more users are read (planWhoCanSee.ts cliCapOf).
    session.capFor = (step, readByStep) => cliCapOf(step, state.users().length, readByStep);
    // Everyone's position matters: role chains are read for every user met (the bosses are users of those roles).
    state.someoneBelow = true;
    state.subtreeKnown = false;
    const total = WHO_CAN_SEE_ROUNDS.length;
    const round = (n: number): void => request.progress?.(n, total);

    round(1);
    state.tables.put('Organization', await session.step('org', {}, { essential: true }));
    const rules = await session.step('restrictionRules', {});
    round(2);
    await readRecord(state, request.recordId, rules);
    round(3);
    // A case's or opportunity's audience takes from its account only the owner and the account's share rows (never
    // Controlled by Parent): its siblings are not read. Every other record may need its accounts' whole audience.
    state.accountChildren = !['Case', 'Opportunity'].includes(state.objectApiName);
    await readFamily(state);
    await readAccountAudience(state);
    round(4);
    await readRecordEvidence(state);
    round(5);
    await readNamed(state);
    round(6);
    await readGranteesDownward(state);
    round(7);
    state.chainUserIds = bossSeeds(state);
    await readRoleChains(state);
    await readBossesAndTerritories(state);
    round(8);
    await readViewAllHolders(state);

    round(10);
    const defaults = publicDefaults(state);
    state.publicEditMatters = defaults.edit;
    const publicCounts = defaults.any ? await readPublicCounts(state) : undefined;
    if (defaults.any && !publicCounts) {
        session.unavailable.push({
            table: 'publicCounts',
            reason: 'the users a public org-wide default reaches could not be counted',
            fix: 'Collect again; the counts need read access to ObjectPermissions, User and PermissionSetAssignment.'
        });
    }

    // Round 11: explain/1's Metadata API round. The sharing sets are always read: the answer is about every user,
    // and without them the engine can't rule out an external user a set reaches (whoCanSeeAudience.ts).
    round(11);
    const setup = await readSetupMetadata(state, [whoCanSeeStep('metadata.sharingRules'), whoCanSeeStep('metadata.sharingSets')]);
    // Round 12: the users the sharing sets reach on the family (a mapping's field may name an account or contact
    // no earlier round met). Round 9 runs after it, so that their evidence is read with everyone's.
    round(12);
    await readSharingSetUsers(state, setup.SharingSet);

    // Round 9 (last, as in the in-org collector): every active user read is a user the answer may hold; read what decides their access.
    round(9);
    state.subjectIds = state
        .users()
        .filter((u) => u.IsActive !== false)
        .map((u) => str(u.Id));
    await readRuleUserFields(state, rules);
    const profileIds = state.unread(state.users().map((u) => u.ProfileId));
    if (profileIds.length) state.tables.put('Profile', await session.step('people.profiles', { profileIds }));
    await readExternalMemberships(state);
    await readDecidingPermissions(state, rules);

    const snapshot = collectedSnapshot(session, state, {
        unavailable: session.unavailable,
        scope: {
            kind: 'records',
            plan: WHO_CAN_SEE_PLAN_ID,
            recordIds: [state.recordId],
            ...(session.capsReached.length ? { capsReached: session.capsReached } : {}),
            ...(publicCounts ? { publicCounts } : {})
        },
        metadata: {
            ...(rules ? { RestrictionRule: rules.map(({ attributes: _a, ...r }) => r as never) } : {}),
            ...setup
        }
    });
    return { snapshot, state };
}
