import { Messages } from '@salesforce/core';
import { Flags } from '@salesforce/sf-plugins-core';
import { EXIT_PARTIAL } from '../../errors';
import { readSnapshot } from '../../files';
import { collectFlags, outputFlags, sourceFlags } from '../../flags';
import { markdown } from '../../output';
import { checkResumable, readProgress, writeProgress } from '../../sweep/progressFile';
import { newSeed } from '../../sweep/random';
import { buildReport, reportBlocks, type SweepReport } from '../../sweep/report';
import { planSweep, runSweep, type SweepPlan, type SweepSource } from '../../sweep/sweep';
import { XrayCommand } from '../../xrayCommand';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('access-xray', 'xray.sweep');

export default class XraySweep extends XrayCommand<SweepReport> {
    public static override readonly summary = messages.getMessage('summary');
    public static override readonly description = messages.getMessage('description');
    public static override readonly examples = messages.getMessages('examples');

    public static override readonly flags = {
        ...sourceFlags,
        sample: Flags.integer({ min: 1, max: 10_000, default: 50, summary: messages.getMessage('flags.sample.summary') }),
        object: Flags.string({ multiple: true, summary: messages.getMessage('flags.object.summary') }),
        'user-type': Flags.string({ multiple: true, summary: messages.getMessage('flags.user-type.summary') }),
        seed: Flags.integer({ min: 1, max: 2 ** 31 - 1, summary: messages.getMessage('flags.seed.summary') }),
        concurrency: Flags.integer({ min: 1, max: 10, default: 2, summary: messages.getMessage('flags.concurrency.summary') }),
        resume: Flags.file({ summary: messages.getMessage('flags.resume.summary') }),
        ...outputFlags,
        ...collectFlags
    };

    public async run(): Promise<SweepReport> {
        const { flags, metadata } = await this.parse(XraySweep);
        this.checkOutputFile(flags);
        const origin = this.orgOrSnapshot(flags);
        let source: SweepSource;
        if (origin.snapshot) {
            const { snapshot, path } = readSnapshot(origin.snapshot);
            source = { kind: 'snapshot', snapshot, path, label: origin.snapshot === 'demo' ? 'the demo org' : path };
        } else {
            const org = origin.org!;
            const transport = await this.orgTransport(flags, org);
            source = {
                kind: 'org',
                transport,
                label: transport.orgLabel,
                orgId: org.getOrgId(),
                maxRows: flags['max-rows']
            };
        }
        const sourceRef: SweepPlan['source'] =
            source.kind === 'snapshot' ? { kind: 'snapshot', path: source.path } : { kind: 'org', orgId: source.orgId, label: source.label };

        const resumeFile = flags.resume;
        const saved = resumeFile ? readProgress(resumeFile) : undefined;
        let plan: SweepPlan;
        if (saved && resumeFile) {
            // Flags left at their defaults don't conflict with the file; only values the user typed do.
            checkResumable(saved, resumeFile, sourceRef, {
                ...(flags.seed !== undefined ? { seed: flags.seed } : {}),
                ...(metadata.flags.sample?.setFromDefault ? {} : { sample: flags.sample })
            });
            plan = saved.plan;
            this.logToStderr(
                messages.getMessage('info.resuming', [resumeFile, String(Object.keys(saved.results).length), String(plan.pairs.length)])
            );
        } else {
            const seed = flags.seed ?? newSeed();
            this.logToStderr(messages.getMessage('info.seed', [String(seed)]));
            this.startSpinner(`Drawing the sample from ${source.label}`);
            plan = await planSweep(source, {
                sample: flags.sample,
                seed,
                ...(flags.object ? { objects: flags.object } : {}),
                ...(flags['user-type'] ? { userTypes: flags['user-type'] } : {})
            });
            this.stopSpinner(`${plan.pairs.length} pairs`);
            if (resumeFile) writeProgress(resumeFile, plan, {});
        }

        let started = false;
        const run = await runSweep(plan, source, {
            concurrency: flags.concurrency,
            ...(saved ? { done: saved.results } : {}),
            onProgress: (done, total) => {
                if (!started) {
                    started = true;
                    this.progress.start(total, {}, { title: 'Sweep', format: '%s | {bar} | {value}/{total} pairs' });
                }
                this.progress.update(done);
            },
            ...(resumeFile ? { onResults: (results) => writeProgress(resumeFile, plan, results) } : {})
        });
        this.progress.finish();

        const evaluated = Object.keys(run.results).length;
        const report = buildReport(plan, run.results, {
            sourceLabel: source.label,
            ...(source.kind === 'org' ? { collected: run.collected } : {}),
            ...(resumeFile ? { progressFile: resumeFile } : {}),
            ...(saved ? { resumedWith: Object.keys(saved.results).length } : {}),
            ...(run.stoppedBy
                ? {
                      partial: {
                          remaining: plan.pairs.length - evaluated,
                          reason: `${run.stoppedBy.message}${run.stoppedBy.actions?.length ? ` ${run.stoppedBy.actions.join(' ')}` : ''}`
                      }
                  }
                : {})
        });
        if (run.stoppedBy) {
            // Nothing evaluated: the org error is the answer. Part-way: a partial report (sf's exit code 68).
            if (evaluated === 0) throw run.stoppedBy;
            this.warn(`The sweep stopped part-way (${run.stoppedBy.name}): ${run.stoppedBy.message}`);
            process.exitCode = EXIT_PARTIAL;
        }
        const blocks = reportBlocks(report);
        return this.emit({ result: report, blocks, markdown: markdown(blocks), warnings: [] }, flags);
    }
}
