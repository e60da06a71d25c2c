/**
 * The explain plan explain/1 run by the CLI (docs/evidence-plan.md; the steps are data in
 * plan.ts): evidence for a few users and one record, bounded by the question, never by the
 * org. The snapshot says what it covers: `meta.scope = { kind: 'pairs', plan: 'explain/1',
 * pairs, capsReached }`.
 */
import type { Snapshot } from '../../../lwc-src/lwc/accessXrayEngine/types';
import { collectedSnapshot } from './collectedSnapshot';
import { PLAN_ID } from './plan';
import { readFamily, readRecord, readRecordEvidence, readSubjects } from './roundsRecord';
import { readBelow, readPeople } from './roundsPeople';
import { readGroupMemberships, readRoleChains, readTerritoryChains } from './roundsChains';
import { readPermissions, readPlatformVerdict } from './roundsPermissions';
import { readSetupMetadata } from './roundsMetadata';
import type { Session } from './session';
import { PlanState } from './state';

export interface ExplainPlanRequest {
    users: string[];
    recordId: string;
    permissionSetIds?: string[];
    groupIds?: string[];
    progress?: (done: number, total: number) => void;
}

export async function runExplainPlan(session: Session, request: ExplainPlanRequest): Promise<{ snapshot: Snapshot; state: PlanState }> {
    const state = new PlanState(session, { permissionSetIds: request.permissionSetIds ?? [], groupIds: request.groupIds ?? [] });
    const rules = await readSubjects(state, request.users);
    await readRecord(state, request.recordId, rules);
    await readFamily(state);
    await readRecordEvidence(state);
    await readPeople(state);
    await readBelow(state);
    await readRoleChains(state);
    await readTerritoryChains(state);
    await readGroupMemberships(state);
    await readPermissions(state, rules);
    await readPlatformVerdict(state, request.progress);
    const setup = await readSetupMetadata(state);

    const pairs = state.subjectIds.map((userId) => ({ userId, recordId: state.recordId }));
    const snapshot: Snapshot = {
        ...collectedSnapshot(session, state, {
            unavailable: session.unavailable,
            scope: { kind: 'pairs', plan: PLAN_ID, pairs, ...(session.capsReached.length ? { capsReached: session.capsReached } : {}) },
            metadata: {
                ...(rules ? { RestrictionRule: rules.map(({ attributes: _a, ...r }) => r as never) } : {}),
                ...setup
            }
        }),
        subjects: pairs
    };
    return { snapshot, state };
}
