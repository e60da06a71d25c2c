/**
 * The sweep's answer: the agreement rate with UserRecordAccess, every disagreement with the
 * engine's reconciliation text grouped by cause, and the pairs that could not be compared —
 * as a typed result (`--json`, `--result-format json`), tables for people and Markdown.
 */
import { columns, header, markdown, table, text, type Block } from '../output';
import { CAUSES, pairKey, type DisagreementCause, type PairResult } from './classify';
import type { SweepPlan } from './sweep';
import type { StratumInfo } from './sample';

export interface CauseGroup {
    cause: DisagreementCause;
    label: string;
    explained: boolean;
    pairs: number;
}

export interface SweepReport {
    source: string;
    seed: number;
    sampleRequested: number;
    sampleDrawn: number;
    objects: string[];
    userTypes: string[];
    strata: StratumInfo[];
    evaluated: number;
    /** Pairs with a UserRecordAccess answer (agrees + disagrees). */
    compared: number;
    agrees: number;
    disagrees: number;
    /** agrees / compared, in percent with one decimal; null when nothing could be compared. */
    agreementRate: number | null;
    /** True when every disagreement has a cause the engine states (none "unexplained"). */
    allExplained: boolean;
    causes: CauseGroup[];
    /** Every evaluated pair, in the order drawn. */
    pairs: PairResult[];
    disagreements: PairResult[];
    unavailable: PairResult[];
    errors: PairResult[];
    /** Set when the sweep stopped before every pair was evaluated. */
    partial?: { remaining: number; reason: string };
    progressFile?: string;
    /** Pairs already done in the progress file when this run started (a resumed sweep). */
    resumedWith?: number;
    collected?: { queries: number; requests: number; rows: number };
    notes: string[];
}

export function buildReport(
    plan: SweepPlan,
    results: Record<string, PairResult>,
    extra: {
        sourceLabel: string;
        partial?: SweepReport['partial'];
        progressFile?: string;
        resumedWith?: number;
        collected?: SweepReport['collected'];
    }
): SweepReport {
    const ordered = plan.pairs.map((p) => results[pairKey(p)]).filter((r): r is PairResult => !!r);
    const agrees = ordered.filter((r) => r.status === 'agrees').length;
    const disagreements = ordered.filter((r) => r.status === 'disagrees');
    const compared = agrees + disagreements.length;
    const causes = (Object.keys(CAUSES) as DisagreementCause[])
        .map((cause) => ({
            cause,
            label: CAUSES[cause].label,
            explained: CAUSES[cause].explained,
            pairs: disagreements.filter((d) => d.cause === cause).length
        }))
        .filter((c) => c.pairs > 0);
    return {
        source: extra.sourceLabel,
        seed: plan.seed,
        sampleRequested: plan.sample,
        sampleDrawn: plan.pairs.length,
        objects: [...new Set(plan.strata.map((s) => s.object))],
        userTypes: [...new Set(plan.strata.map((s) => s.userType))],
        strata: plan.strata,
        evaluated: ordered.length,
        compared,
        agrees,
        disagrees: disagreements.length,
        agreementRate: compared ? Math.round((agrees / compared) * 1000) / 10 : null,
        allExplained: disagreements.every((d) => d.cause !== 'unexplained'),
        causes,
        pairs: ordered,
        disagreements: [...disagreements].sort(
            (a, b) =>
                Object.keys(CAUSES).indexOf(a.cause ?? 'unexplained') - Object.keys(CAUSES).indexOf(b.cause ?? 'unexplained')
        ),
        unavailable: ordered.filter((r) => r.status === 'unavailable'),
        errors: ordered.filter((r) => r.status === 'error'),
        ...(extra.partial ? { partial: extra.partial } : {}),
        ...(extra.progressFile ? { progressFile: extra.progressFile } : {}),
        ...(extra.resumedWith !== undefined ? { resumedWith: extra.resumedWith } : {}),
        ...(extra.collected ? { collected: extra.collected } : {}),
        notes: plan.notes
    };
}

function ops(list: string[] | undefined): string {
    return list?.length ? list.join(', ') : '';
}

export function reportBlocks(r: SweepReport): Block[] {
    const blocks: Block[] = [
        header(`Fidelity sweep of ${r.source}`),
        text(
            `Seed ${r.seed} (the same --seed draws the same sample). ${r.sampleDrawn} pair${r.sampleDrawn === 1 ? '' : 's'} drawn (${r.sampleRequested} asked) across ${r.strata.filter((s) => s.sampled).length} object × user type strata.`,
            ...r.notes
        ),
        table(
            columns('object:Object', 'userType:User type', 'available:Pairs available', 'sampled:Sampled'),
            r.strata.map((s) => ({ object: s.object, userType: s.userType, available: String(s.available), sampled: String(s.sampled) })),
            'Sample'
        )
    ];
    const rate = r.agreementRate === null ? 'nothing could be compared' : `${r.agreementRate} %`;
    const summary = [
        `Agreement with UserRecordAccess: ${r.agrees} of ${r.compared} compared pair${r.compared === 1 ? '' : 's'} (${rate}).`,
        r.disagrees === 0
            ? 'No disagreement.'
            : r.allExplained
              ? r.disagrees === 1
                  ? 'The disagreement is explained below.'
                  : `All ${r.disagrees} disagreements are explained below.`
              : `${r.disagreements.filter((d) => d.cause === 'unexplained').length} disagreement(s) are not explained: the engine or the evidence is wrong there; please report them with the pair and the collected snapshot.`
    ];
    if (r.unavailable.length)
        summary.push(
            `${r.unavailable.length} pair(s) had no UserRecordAccess answer (the collecting user can only ask about records they can read).`
        );
    if (r.errors.length) summary.push(`${r.errors.length} pair(s) could not be evaluated (listed below).`);
    if (r.partial)
        summary.push(
            `Stopped after ${r.evaluated} of ${r.sampleDrawn} pairs: ${r.partial.reason}${r.progressFile ? ` Run the same command again with --resume ${r.progressFile} to finish.` : ' Add --resume <file> next time to keep the progress.'}`
        );
    if (r.collected)
        summary.push(`Collected with ${r.collected.requests} API requests (${r.collected.queries} queries, ${r.collected.rows} rows).`);
    blocks.push(text(...summary));
    if (r.causes.length)
        blocks.push(
            table(
                columns('cause:Cause', 'explained:Explained', 'pairs:Pairs'),
                r.causes.map((c) => ({ cause: c.label, explained: c.explained ? 'yes' : 'no', pairs: String(c.pairs) })),
                'Disagreements by cause'
            )
        );
    if (r.disagreements.length)
        blocks.push(
            table(
                columns('user:User', 'record:Record', 'engine:Engine', 'platform:UserRecordAccess', 'cause:Cause', 'why:Reconciliation'),
                r.disagreements.map((d) => ({
                    user: `${d.userName} (${d.userType})`,
                    record: `${d.object} ${d.recordName}`,
                    // Same maximum level, different operations (e.g. Delete without Transfer): name them.
                    engine: `${d.engine ?? ''}${d.engine === d.platform && d.engineOnly?.length ? ` (+${ops(d.engineOnly)})` : ''}`,
                    platform: `${d.platform ?? ''}${d.engine === d.platform && d.platformOnly?.length ? ` (+${ops(d.platformOnly)})` : ''}`,
                    cause: d.cause ? CAUSES[d.cause].short : '',
                    why: d.reconciliation ?? ''
                })),
                'Disagreements'
            )
        );
    if (r.errors.length)
        blocks.push(
            table(
                columns('user:User', 'record:Record', 'error:Error'),
                r.errors.map((e) => ({ user: e.userName, record: `${e.object} ${e.recordId}`, error: e.error ?? '' })),
                'Not evaluated'
            )
        );
    return blocks;
}

export function reportMarkdown(r: SweepReport): string {
    return markdown(reportBlocks(r));
}
