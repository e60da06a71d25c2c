/**
 * What every `sf xray` command shares on top of `SfCommand`: getting the evidence (a snapshot
 * file, the demo org, or an org through `@salesforce/core` and the collector, with a spinner
 * that names the query in flight) and printing the answer in `--result-format` (tables and
 * headers for people, Markdown, or JSON) or to `--output-file`. `--json` prints only the
 * standard envelope: spinners, progress bars and tables stay silent.
 */
import type { Org } from '@salesforce/core';
import { SfCommand } from '@salesforce/sf-plugins-core';
import type { Snapshot } from '../../lwc-src/lwc/accessXrayEngine/types';
import { collect, type CollectRequest } from './collector';
import type { CommandOutput } from './commands';
import { DEFAULT_API_VERSION, transportFor } from './connection';
import { InputError } from './errors';
import { checkWritable, readSnapshot, validateSnapshot, writeAtomically } from './files';
import { sharedMessages as messages, type ResultFormat } from './flags';
import { markdown as toMarkdown, plainText, type Block } from './output';
import { describeRequest, type OrgTransport } from './transport';
import { resolveUsersInOrg } from './users';

export interface SourceFlagValues {
    'target-org'?: Org;
    'api-version'?: string;
    snapshot?: string;
    timeout?: { seconds: number };
    'max-rows'?: number;
}

export interface OutputFlagValues {
    'result-format': ResultFormat;
    'output-file'?: string;
}

export interface Collected {
    queries: number;
    requests: number;
    rows: number;
    /** The evidence plan steps run (explanations only): step id, SOQL, rows kept. */
    trace?: { step: string; soql: string; rows: number }[];
}

export interface Evidence {
    snapshot: Snapshot;
    /** "the snapshot", "the demo org" or the org's alias: for messages. */
    where: string;
    /** The `--user` values resolved to User Ids (org evidence). */
    userIds: string[];
    collected?: Collected;
}

export abstract class XrayCommand<T> extends SfCommand<T> {
    private spinning = false;

    protected startSpinner(action: string): void {
        this.spinning = true;
        this.spinner.start(action);
    }

    protected stopSpinner(message?: string): void {
        if (!this.spinning) return;
        this.spinning = false;
        this.spinner.stop(message);
    }

    /** Open the org of `--target-org` (or the default target org) as a collector transport. */
    protected async orgTransport(flags: SourceFlagValues, org: Org): Promise<OrgTransport> {
        const transport = await transportFor(org, {
            apiVersion: flags['api-version'] ?? DEFAULT_API_VERSION,
            timeoutMs: (flags.timeout?.seconds ?? 60) * 1000,
            backoff: {
                onBackoff: (waitMs, attempt, what) => {
                    const line = messages.getMessage('warning.backoff', [what, String(waitMs / 1000), String(attempt + 1)]);
                    if (this.spinning && process.stderr.isTTY) this.spinner.status = line;
                    else this.logToStderr(line);
                }
            }
        });
        // The spinner names the request in flight, so a slow org shows where it is.
        let requests = 0;
        return {
            ...transport,
            get: <R>(path: string): Promise<R> => {
                requests++;
                // A status line per request only where it redraws in place (a terminal).
                if (this.spinning && process.stderr.isTTY) this.spinner.status = `${requests} requests, ${describeRequest(path)}`;
                return transport.get<R>(path);
            }
        };
    }

    /** The org to read, or none when --snapshot is given; an error when there is neither. */
    protected orgOrSnapshot(flags: SourceFlagValues): { org?: Org; snapshot?: string } {
        if (flags.snapshot) return { snapshot: flags.snapshot };
        if (flags['target-org']) return { org: flags['target-org'] };
        throw new InputError(
            messages.getMessage('error.NoEvidenceSource'),
            messages.getMessages('error.NoEvidenceSource.actions'),
            'NoEvidenceSource'
        );
    }

    /** Read a snapshot, or collect the evidence for `users` (Ids, usernames or names) and a record from the org. */
    protected async evidence(
        flags: SourceFlagValues,
        request: Omit<CollectRequest, 'maxRows' | 'users'> & { users: string[] }
    ): Promise<Evidence> {
        const source = this.orgOrSnapshot(flags);
        if (source.snapshot) {
            const { snapshot } = readSnapshot(source.snapshot);
            return { snapshot, where: source.snapshot === 'demo' ? 'the demo org' : 'the snapshot', userIds: request.users };
        }
        const transport = await this.orgTransport(flags, source.org as Org);
        this.startSpinner(messages.getMessage('spinner.collecting', [transport.orgLabel]));
        const userIds = request.users.length ? await resolveUsersInOrg(transport, request.users) : [];
        const out = await collect(transport, {
            ...request,
            users: userIds,
            // --max-rows: the row cap of each step of the evidence plan (default: the plan's own caps).
            ...(flags['max-rows'] !== undefined ? { maxRows: flags['max-rows'] } : {})
        });
        validateSnapshot(out.snapshot, 'the collected snapshot');
        const s = out.stats;
        this.stopSpinner(messages.getMessage('spinner.done', [String(s.queries), String(s.requests), String(s.rows)]));
        return {
            snapshot: out.snapshot,
            where: transport.orgLabel,
            userIds: out.userIds.slice(0, userIds.length),
            collected: {
                ...s,
                ...(out.trace ? { trace: out.trace.map((t) => ({ step: t.step, soql: t.soql, rows: t.rows })) } : {})
            }
        };
    }

    /** Fail before any API call when `--output-file` can't be written. */
    protected checkOutputFile(flags: Partial<OutputFlagValues>): void {
        if (flags['output-file']) checkWritable(flags['output-file']);
    }

    /** Print people's view of the blocks: headers, text, tables. */
    protected printBlocks(blocks: Block[]): void {
        for (const b of blocks) {
            if (b.kind === 'header') this.styledHeader(b.text);
            else if (b.kind === 'text') this.log(b.text);
            else if (b.rows.length)
                this.table({
                    data: b.rows,
                    columns: b.columns.map((c) => ({ key: c.key, name: c.name })),
                    ...(b.title ? { title: b.title } : {}),
                    overflow: 'wrap'
                });
            else this.log(`${b.title ? `${b.title}: ` : ''}(none)`);
        }
    }

    /** Render the answer in the asked format, to the terminal or to `--output-file`; returns the result for `--json`. */
    protected emit<R extends T>(out: CommandOutput<R>, flags: OutputFlagValues): R {
        for (const w of out.warnings) this.warn(w);
        const format = flags['result-format'];
        const file = flags['output-file'];
        if (format === 'csv' && !out.csv) throw new Error(`this command has no CSV output`);
        if (file) {
            const content =
                format === 'json'
                    ? JSON.stringify(out.result, null, 2)
                    : format === 'markdown'
                      ? out.markdown || toMarkdown(out.blocks)
                      : format === 'csv' && out.csv
                        ? out.csv()
                        : plainText(out.blocks);
            // CSV keeps its CRLF row ends (RFC 4180); the other formats end with one newline.
            const path = writeAtomically(file, format === 'csv' ? content : `${content.trimEnd()}\n`);
            this.log(messages.getMessage('wrote', [path]));
        } else if (format === 'csv' && out.csv) {
            this.log(out.csv().trimEnd());
        } else if (format === 'json') {
            this.styledJSON(out.result as never);
        } else if (format === 'markdown') {
            this.log(out.markdown.trimEnd());
        } else {
            this.printBlocks(out.blocks);
        }
        return out.result;
    }
}
