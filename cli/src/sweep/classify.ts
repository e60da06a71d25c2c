/**
 * One (user, record) pair of a sweep: the engine's verdict against the platform's own
 * `UserRecordAccess`, and — when they disagree — the cause, from what the explanation itself
 * says (never from matching its text):
 *  - restrictionRule: an active restriction rule removes access that UserRecordAccess still
 *    reports (UserRecordAccess ignores restriction rules: Salesforce Help, "Restriction Rules");
 *  - missingEvidence: the engine marked a layer uncertain (evidence missing or doubtful);
 *  - assumedSetting: the verdict rests on a setting the evidence could not read;
 *  - unexplained: the engine was sure and still disagrees — the finding to report.
 */
import type { AccessLevel, Explanation, Operation } from '../../../lwc-src/lwc/accessXrayEngine/types';
import type { SweepPair } from './sample';

export type DisagreementCause = 'restrictionRule' | 'missingEvidence' | 'assumedSetting' | 'unexplained';

export const CAUSES: Record<DisagreementCause, { short: string; label: string; explained: boolean }> = {
    restrictionRule: {
        short: 'Restriction rule',
        label: 'A restriction rule removes access that UserRecordAccess still reports (it ignores restriction rules)',
        explained: true
    },
    missingEvidence: { short: 'Missing evidence', label: 'Evidence missing or doubtful: the engine marked the verdict uncertain', explained: true },
    assumedSetting: { short: 'Assumed setting', label: 'A setting the evidence could not read was assumed', explained: true },
    unexplained: {
        short: 'Not explained',
        label: 'Not explained: the engine was sure and UserRecordAccess says otherwise (please report it)',
        explained: false
    }
};

export type PairStatus = 'agrees' | 'disagrees' | 'unavailable' | 'error';

export interface PairResult extends SweepPair {
    recordName: string;
    status: PairStatus;
    engine?: AccessLevel;
    platform?: AccessLevel;
    uncertain?: boolean;
    cause?: DisagreementCause;
    /** Operations UserRecordAccess grants and the engine doesn't, and the other way round. */
    platformOnly?: Operation[];
    engineOnly?: Operation[];
    /** The engine's reconciliation text (why it thinks they differ). */
    reconciliation?: string;
    error?: string;
}

const OPERATIONS: Operation[] = ['read', 'edit', 'delete', 'transfer', 'share'];

export function classify(pair: SweepPair, e: Explanation): PairResult {
    const base = {
        ...pair,
        userName: e.userName || pair.userName,
        recordName: e.recordName,
        engine: e.maxAccessLevel,
        uncertain: e.uncertain,
        reconciliation: e.reconciliation.explanations.join(' ')
    };
    const r = e.reconciliation;
    if (r.status === 'unavailable' || !r.platform) return { ...base, status: 'unavailable' };
    if (r.status === 'agrees') return { ...base, status: 'agrees', platform: r.platform.maxAccessLevel };
    const platformOnly = OPERATIONS.filter((op) => r.platform?.access[op] && !e.access[op]);
    const engineOnly = OPERATIONS.filter((op) => !r.platform?.access[op] && e.access[op]);
    const restriction = e.layers.some((l) => l.id === 'restrictionRules' && l.status === 'blocks');
    // The engine adds its own "Reconciliation: …" line to the uncertainties when the two disagree; any
    // other uncertainty (or an uncertain layer) is evidence the engine itself calls missing or doubtful.
    const doubtful =
        e.layers.some((l) => l.status === 'uncertain') || e.uncertainties.some((u) => !/^Reconciliation:/.test(u));
    const assumed = e.settingsUsed.some((s) => s.setting.provenance === 'assumed');
    const cause: DisagreementCause =
        restriction && platformOnly.length > 0 && engineOnly.length === 0
            ? 'restrictionRule'
            : doubtful
              ? 'missingEvidence'
              : assumed
                ? 'assumedSetting'
                : 'unexplained';
    return { ...base, status: 'disagrees', platform: r.platform.maxAccessLevel, cause, platformOnly, engineOnly };
}

export function pairKey(p: { userId: string; recordId: string }): string {
    return `${p.userId.slice(0, 15)}:${p.recordId.slice(0, 15)}`;
}
