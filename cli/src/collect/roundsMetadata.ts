/**
 * The Metadata API round of both plans (explain/1 and whoCanSee/1, round 11): the definitions the
 * engine needs and SOQL can't read (plan steps metadata.sharingRules, metadata.sharingSets),
 * through jsforce's `conn.metadata`
 * (SOAP listMetadata / readMetadata, at most ten components per read). Bounded like the in-org
 * collector (AccessXRaySetupMetadataEvidence): a cut goes to meta.truncated under the metadata
 * type; a failure (no "Modify Metadata Through Metadata API Functions" / "Modify All Data", API
 * disabled, session, server error) goes to meta.unavailable with what to ask the admin for, so
 * the engine answers uncertain where the definitions matter — never a crash. After the first
 * failure no further Metadata API call is made (each would fail the same way).
 */
import type { SharingRuleDefinition, SharingSetDefinition } from '../../../lwc-src/lwc/accessXrayEngine/types';
import { CliError } from '../errors';
import { sharingRulesOf, sharingSetsOf } from './metadataShapes';
import { planStep, READ_METADATA_BATCH, type PlanStep } from './plan';
import type { Session } from './session';
import type { PlanState } from './state';
import { str } from './soql';

export interface SetupMetadata {
    SharingRules?: SharingRuleDefinition[];
    SharingSet?: SharingSetDefinition[];
}

/** Error codes that mean the collecting user (or the org) may not use the Metadata API. */
const PERMISSION_CODES = /INSUFFICIENT_ACCESS|API_DISABLED_FOR_ORG|API_CURRENTLY_DISABLED|FUNCTIONALITY_NOT_ENABLED|NO_PERMISSION/;

/** The table each step fills, as meta.unavailable and meta.truncated name it (the engine reads these names). */
const TABLE: Readonly<Record<string, string>> = { 'metadata.sharingRules': 'SharingRules', 'metadata.sharingSets': 'SharingSet' };

/** Sharing sets apply to external users with a contact, and a high-volume owner's share groups reach anyone. */
export function needsSharingSets(state: PlanState): boolean {
    if (state.subjects().some((u) => str(u.ContactId) !== '')) return true;
    return state.familyOwners().some((id) => {
        const owner = state.tables.byId(id)?.row;
        return !!owner && state.isHighVolume(owner);
    });
}

/** The family's objects, the record's first, then the others by name (the order the in-org collector reads them in). */
export function familyObjectNames(state: PlanState): string[] {
    const others = state.familyObjects().filter((o) => o !== state.objectApiName).sort();
    return [state.objectApiName, ...others];
}

class MetadataFailure extends Error {}

async function call<T>(session: Session, run: () => Promise<T>): Promise<T> {
    session.metadataCalls++;
    session.requests++;
    return run();
}

/** Read `names` of `type` ten at a time, at most the step's cap; a cut is reported in meta.truncated. */
async function readInBatches(session: Session, step: PlanStep, names: readonly string[]): Promise<unknown[]> {
    const metadata = session.transport.metadata;
    if (!metadata) throw new MetadataFailure('this connection has no Metadata API client');
    const kept = names.slice(0, step.cap);
    const records: unknown[] = [];
    for (let i = 0; i < kept.length; i += READ_METADATA_BATCH) {
        const batch = kept.slice(i, i + READ_METADATA_BATCH);
        const answered = await call(session, () => metadata.read(step.object, batch));
        session.metadataTrace.push({ step: step.id, call: 'readMetadata', type: step.object, names: batch, components: answered.length });
        records.push(...answered);
    }
    if (names.length > kept.length) {
        session.truncated.push({
            table: TABLE[step.id] as string,
            limit: step.cap,
            reason: `Only the first ${step.cap} of ${names.length} ${step.object === 'SharingSet' ? 'sharing sets (by name)' : 'objects of the record family'} were read: ${step.onCap}.`
        });
    }
    session.bytes += JSON.stringify(records).length;
    return records;
}

/** What a failed Metadata API call leaves: the step's table (and every later one) in meta.unavailable. */
function unavailable(session: Session, steps: readonly PlanStep[], err: unknown): void {
    const e = err as { errorName?: string; message?: string };
    const detail = (e?.message ?? String(err)).replace(/\s+$/, '');
    const permission = PERMISSION_CODES.test(`${e?.errorName ?? ''} ${detail}`);
    const actions = (err instanceof CliError ? err.actions : undefined) ?? [];
    for (const step of steps) {
        const table = TABLE[step.id] as string;
        if (session.unavailable.some((u) => u.table === table)) continue;
        session.unavailable.push({
            table,
            reason: `The Metadata API could not be read (${detail}); ${step.object === 'SharingSet' ? 'access through sharing sets and their share groups is uncertain' : 'sharing-rule shares are named by the group they grant to, not by their rule'}.`,
            fix: permission ? (step.fix ?? '') : (actions[0] ?? 'Collect the snapshot again; if it keeps failing, check the org\u2019s status (trust.salesforce.com).')
        });
    }
}

/** explain/1's round 11: the sharing rules of the family's objects, and the sharing sets when they can matter for the users asked about. */
export function explainMetadataSteps(state: PlanState): PlanStep[] {
    return [planStep('metadata.sharingRules'), ...(needsSharingSets(state) ? [planStep('metadata.sharingSets')] : [])];
}

/**
 * The Metadata API round: `steps` (metadata.sharingRules, metadata.sharingSets, as the plan being
 * run places and caps them) in order; explain/1's by default.
 */
export async function readSetupMetadata(state: PlanState, steps: readonly PlanStep[] = explainMetadataSteps(state)): Promise<SetupMetadata> {
    const session = state.session;
    const out: SetupMetadata = {};
    for (let i = 0; i < steps.length; i++) {
        const step = steps[i] as PlanStep;
        try {
            if (step.id === 'metadata.sharingRules') {
                out.SharingRules = sharingRulesOf(await readInBatches(session, step, familyObjectNames(state)));
            } else {
                const metadata = session.transport.metadata;
                if (!metadata) throw new MetadataFailure('this connection has no Metadata API client');
                const listed = await call(session, () => metadata.list(step.object));
                const names = [...new Set(listed.map((c) => c.fullName))].sort();
                session.metadataTrace.push({ step: step.id, call: 'listMetadata', type: step.object, names: [], components: names.length });
                out.SharingSet = sharingSetsOf(await readInBatches(session, step, names));
            }
        } catch (err) {
            if (!(err instanceof CliError) && !(err instanceof MetadataFailure)) throw err;
            unavailable(session, steps.slice(i), err);
            delete out.SharingSet;
            if (step.id === 'metadata.sharingRules') delete out.SharingRules;
            break;
        }
    }
    return out;
}
