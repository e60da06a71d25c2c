/**
 * The snapshot a plan run writes: what every collection says about itself (org, API version,
 * cost, cuts, what it could not read) around the tables it read. Each plan adds its own scope,
 * unavailable notes and metadata.
 */
import type { EvidenceScope, Snapshot } from '../../../lwc-src/lwc/accessXrayEngine/types';
import { CLI_VERSION } from '../version';
import { describeToSnapshot } from './describe';
import type { Session } from './session';
import { str } from './soql';
import type { PlanState } from './state';

export interface PlanOutput {
    unavailable: NonNullable<Snapshot['meta']['unavailable']>;
    scope: EvidenceScope;
    metadata: NonNullable<Snapshot['metadata']>;
}

export function collectedSnapshot(session: Session, state: PlanState, out: PlanOutput): Snapshot {
    const describe: NonNullable<Snapshot['describe']> = {};
    for (const [name, d] of state.describes) describe[name] = describeToSnapshot(d);
    const orgRow = state.tables.rows('Organization')[0];
    const transport = session.transport;
    return {
        schemaVersion: 1,
        meta: {
            collectedAt: new Date().toISOString(),
            source: 'org',
            ...(orgRow?.Id ? { orgId: str(orgRow.Id) } : {}),
            ...(orgRow?.Name ? { orgName: str(orgRow.Name) } : {}),
            instanceUrl: transport.instanceUrl,
            apiVersion: transport.apiVersion,
            collector: `access-xray-cli ${CLI_VERSION}`,
            queries: session.queries,
            rows: session.rows,
            ...(session.truncated.length ? { truncated: session.truncated } : {}),
            unavailable: out.unavailable,
            scope: out.scope
        },
        tables: state.tables.sorted(),
        describe,
        metadata: out.metadata,
        settings: {}
    };
}
