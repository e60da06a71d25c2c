import { Messages } from '@salesforce/core';
import { Flags } from '@salesforce/sf-plugins-core';
import { listRecordsCommand, recordListOutput, type RecordListResult } from '../../../commands';
import { UsageError } from '../../../errors';
import { readSnapshot } from '../../../files';
import { collectFlags, outputFlags, sourceFlags } from '../../../flags';
import { listOrgRecords } from '../../../orgLists';
import { XrayCommand } from '../../../xrayCommand';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('access-xray', 'xray.list.records');

export default class XrayListRecords extends XrayCommand<RecordListResult> {
    public static override readonly summary = messages.getMessage('summary');
    public static override readonly description = messages.getMessage('description');
    public static override readonly examples = messages.getMessages('examples');

    public static override readonly flags = {
        ...sourceFlags,
        object: Flags.string({ multiple: true, summary: messages.getMessage('flags.object.summary') }),
        search: Flags.string({ summary: messages.getMessage('flags.search.summary') }),
        limit: Flags.integer({ min: 1, max: 2000, default: 50, summary: messages.getMessage('flags.limit.summary') }),
        ...outputFlags,
        timeout: collectFlags.timeout
    };

    public async run(): Promise<RecordListResult> {
        const { flags } = await this.parse(XrayListRecords);
        this.checkOutputFile(flags);
        const source = this.orgOrSnapshot(flags);
        const input = { limit: flags.limit, ...(flags.search ? { search: flags.search } : {}) };
        if (source.snapshot) {
            const { snapshot } = readSnapshot(source.snapshot);
            return this.emit(listRecordsCommand(snapshot, { ...input, ...(flags.object ? { objects: flags.object } : {}) }), flags);
        }
        if (!flags.object?.length) throw new UsageError(messages.getMessage('error.ObjectNeededOnOrg'));
        const transport = await this.orgTransport(flags, source.org!);
        return this.emit(
            recordListOutput(await listOrgRecords(transport, { ...input, objects: flags.object }), transport.orgLabel),
            flags
        );
    }
}
