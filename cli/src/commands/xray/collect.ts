import { Messages } from '@salesforce/core';
import { Flags } from '@salesforce/sf-plugins-core';
import { collectFlags, recordIdFlag, sharedMessages, sourceFlags } from '../../flags';
import { checkWritable, writeAtomically } from '../../files';
import { text } from '../../output';
import { XrayCommand } from '../../xrayCommand';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('access-xray', 'xray.collect');

export interface CollectCommandResult {
    path: string;
    queries: number;
    requests: number;
    rows: number;
    tables: string[];
    unavailable: { table: string; reason: string; fix?: string }[];
    truncated: { table: string; limit: number; reason: string }[];
    /** The evidence plan steps run (docs/evidence-plan.md): step id, SOQL, rows kept; verify:org compares them with the in-org collector's. */
    steps: { step: string; soql: string; rows: number }[];
}

export default class XrayCollect extends XrayCommand<CollectCommandResult> {
    public static override readonly summary = messages.getMessage('summary');
    public static override readonly description = messages.getMessage('description');
    public static override readonly examples = messages.getMessages('examples');

    public static override readonly flags = {
        'target-org': Flags.requiredOrg(),
        'api-version': sourceFlags['api-version'],
        'record-id': recordIdFlag,
        user: Flags.string({ required: true, multiple: true, summary: messages.getMessage('flags.user.summary'), description: sharedMessages.getMessage('flags.user.description') }),
        'output-file': Flags.file({ char: 'f', required: true, summary: messages.getMessage('flags.output-file.summary') }),
        'add-permission-set': Flags.salesforceId({
            // salesforceId flags default to -i, which is --record-id's.
            char: undefined,
            multiple: true,
            length: 'both',
            summary: messages.getMessage('flags.add-permission-set.summary')
        }),
        ...collectFlags
    };

    public async run(): Promise<CollectCommandResult> {
        const { flags } = await this.parse(XrayCollect);
        // Check the destination before spending API calls on it.
        checkWritable(flags['output-file']);
        const evidence = await this.evidence(flags, {
            users: flags.user,
            recordId: flags['record-id'],
            permissionSetIds: flags['add-permission-set'] ?? []
        });
        const { snapshot } = evidence;
        const path = writeAtomically(flags['output-file'], `${JSON.stringify(snapshot, null, 2)}\n`);
        const stats = evidence.collected ?? { queries: 0, requests: 0, rows: 0 };
        const unavailable = snapshot.meta.unavailable ?? [];
        const truncated = snapshot.meta.truncated ?? [];
        for (const t of truncated) this.warn(`${t.table} was cut at ${t.limit} rows: ${t.reason}`);
        this.printBlocks([
            text(
                `Wrote ${path}`,
                `  ${Object.keys(snapshot.tables).length} tables, ${stats.rows} rows, ${stats.queries} queries (${stats.requests} API requests).`,
                ...unavailable.map((u) => `  Not read: ${u.table} — ${u.reason}`)
            )
        ]);
        return {
            path,
            queries: stats.queries,
            requests: stats.requests,
            rows: stats.rows,
            tables: Object.keys(snapshot.tables),
            unavailable,
            truncated,
            steps: evidence.collected?.trace ?? []
        };
    }
}
