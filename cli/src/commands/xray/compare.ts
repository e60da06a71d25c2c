import { Messages } from '@salesforce/core';
import { Flags } from '@salesforce/sf-plugins-core';
import { compareCommand, type CompareResult } from '../../commands';
import { UsageError } from '../../errors';
import { collectFlags, outputFlags, recordIdFlag, sharedMessages, sourceFlags } from '../../flags';
import { XrayCommand } from '../../xrayCommand';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('access-xray', 'xray.compare');

export default class XrayCompare extends XrayCommand<CompareResult> {
    public static override readonly summary = messages.getMessage('summary');
    public static override readonly description = messages.getMessage('description');
    public static override readonly examples = messages.getMessages('examples');

    public static override readonly flags = {
        ...sourceFlags,
        'record-id': recordIdFlag,
        user: Flags.string({
            required: true,
            multiple: true,
            summary: messages.getMessage('flags.user.summary'),
            description: sharedMessages.getMessage('flags.user.description')
        }),
        ...outputFlags,
        ...collectFlags
    };

    public async run(): Promise<CompareResult> {
        const { flags } = await this.parse(XrayCompare);
        if (flags.user.length !== 2)
            throw new UsageError(`compare needs exactly two --user flags (got ${flags.user.length}).`);
        this.checkOutputFile(flags);
        const evidence = await this.evidence(flags, { users: flags.user, recordId: flags['record-id'] });
        const users = evidence.userIds.length === 2 ? evidence.userIds : flags.user;
        return this.emit(
            compareCommand(evidence.snapshot, { users, recordId: flags['record-id'], where: evidence.where }),
            flags
        );
    }
}
