/**
 * The org collector: reads, through the REST and Tooling APIs, the evidence the engine needs
 * and returns it as a `Snapshot` (types.ts): tables keyed by sObject name, rows exactly as SOQL
 * returns them. Access tokens and session ids are never put in the snapshot.
 *
 * - Explaining users on a record (`users` + `recordId`): the evidence plan explain/1
 *   (docs/evidence-plan.md, steps as data in collect/plan.ts, run by collect/explainPlan.ts):
 *   rows and requests bounded by the question, never by the org's size; the snapshot's
 *   `meta.scope` says which (user, record) pairs it is complete for, and every bound reached.
 * - Who can see a record (`whoCanSee`): the evidence plan whoCanSee/1 (collect/planWhoCanSee.ts,
 *   run by collect/whoCanSeePlan.ts): the record's grants expanded downward to users, the bosses,
 *   the View All holders, each reached user's own evidence, and users a public default reaches
 *   counted by aggregate queries — rows bounded by the answer, never by the org's size.
 */
import type { Snapshot } from '../../lwc-src/lwc/accessXrayEngine/types';
import { InputError } from './errors';
import type { OrgTransport } from './transport';
import { runExplainPlan } from './collect/explainPlan';
import { WHO_CAN_SEE_PLAN_ID, WHO_CAN_SEE_STEPS } from './collect/planWhoCanSee';
import { Session, type MetadataTraceEntry, type TraceEntry } from './collect/session';
import { runWhoCanSeePlan } from './collect/whoCanSeePlan';
import { ID_RE } from './collect/soql';

export { ID_CHUNK } from './collect/plan';
export { soqlString } from './collect/soql';
export { fieldGroups } from './collect/describe';

export interface CollectRequest {
    /** User Ids (005…) or Usernames. */
    users: string[];
    recordId: string;
    /** Extra permission sets / groups to read (what-if targets). */
    permissionSetIds?: string[];
    groupIds?: string[];
    /** who-can-see: collect with the plan whoCanSee/1 (every user who can reach the record; `users` must be empty). */
    whoCanSee?: boolean;
    /** The row cap of every step of the plan (default: each step's own cap, 2 000 for most). */
    maxRows?: number;
    /** Progress callback: explanations, UserRecordAccess checks (done, total); who-can-see, rounds (round, rounds). */
    progress?: (done: number, total: number) => void;
}

export interface CollectResult {
    snapshot: Snapshot;
    /** User ids the `users` references resolved to, in order. */
    userIds: string[];
    /** Object of the record. */
    objectApiName: string;
    /** Queries, HTTP requests, rows read and the rows' JSON size in bytes (the in-org heap estimate). */
    stats: { queries: number; requests: number; rows: number; bytes: number };
    /** The plan steps run, with their SOQL and rows. */
    trace?: TraceEntry[];
    /** The Metadata API calls of the plan's round 11 (explanations only). */
    metadataCalls?: MetadataTraceEntry[];
}

/** Collect the evidence for `request` (docs/cli.md "What the collector reads"). */
export async function collect(transport: OrgTransport, request: CollectRequest): Promise<CollectResult> {
    if (!ID_RE.test(request.recordId)) {
        throw new InputError(`--record ${request.recordId} is not a Salesforce id (15 or 18 letters and digits).`);
    }
    if (request.whoCanSee) {
        const session = new Session(transport, request.maxRows, WHO_CAN_SEE_STEPS, WHO_CAN_SEE_PLAN_ID);
        const { snapshot, state } = await runWhoCanSeePlan(session, {
            recordId: request.recordId,
            ...(request.progress ? { progress: request.progress } : {})
        });
        return {
            snapshot,
            userIds: [],
            objectApiName: state.objectApiName,
            stats: { queries: session.queries, requests: session.requests, rows: session.rows, bytes: session.bytes },
            trace: session.trace,
            metadataCalls: session.metadataTrace
        };
    }
    if (!request.users.length) throw new InputError('Name at least one user to explain (--user).');
    const session = new Session(transport, request.maxRows);
    const { snapshot, state } = await runExplainPlan(session, {
        users: request.users,
        recordId: request.recordId,
        ...(request.permissionSetIds ? { permissionSetIds: request.permissionSetIds } : {}),
        ...(request.groupIds ? { groupIds: request.groupIds } : {}),
        ...(request.progress ? { progress: request.progress } : {})
    });
    return {
        snapshot,
        userIds: state.subjectIds,
        objectApiName: state.objectApiName,
        stats: { queries: session.queries, requests: session.requests, rows: session.rows, bytes: session.bytes },
        trace: session.trace,
        metadataCalls: session.metadataTrace
    };
}
