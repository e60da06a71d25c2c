import { Messages } from '@salesforce/core';
import { Flags } from '@salesforce/sf-plugins-core';
import { listUsersCommand, userListOutput, type UserListResult } from '../../../commands';
import { readSnapshot } from '../../../files';
import { collectFlags, outputFlags, sourceFlags } from '../../../flags';
import { listOrgUsers } from '../../../orgLists';
import { XrayCommand } from '../../../xrayCommand';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('access-xray', 'xray.list.users');

export default class XrayListUsers extends XrayCommand<UserListResult> {
    public static override readonly summary = messages.getMessage('summary');
    public static override readonly description = messages.getMessage('description');
    public static override readonly examples = messages.getMessages('examples');

    public static override readonly flags = {
        ...sourceFlags,
        search: Flags.string({ summary: messages.getMessage('flags.search.summary') }),
        'user-type': Flags.string({ multiple: true, summary: messages.getMessage('flags.user-type.summary') }),
        limit: Flags.integer({ min: 1, max: 2000, default: 50, summary: messages.getMessage('flags.limit.summary') }),
        ...outputFlags,
        timeout: collectFlags.timeout
    };

    public async run(): Promise<UserListResult> {
        const { flags } = await this.parse(XrayListUsers);
        this.checkOutputFile(flags);
        const source = this.orgOrSnapshot(flags);
        const input = {
            limit: flags.limit,
            ...(flags.search ? { search: flags.search } : {}),
            ...(flags['user-type'] ? { userTypes: flags['user-type'] } : {})
        };
        if (source.snapshot) {
            const { snapshot } = readSnapshot(source.snapshot);
            return this.emit(listUsersCommand(snapshot, input), flags);
        }
        const transport = await this.orgTransport(flags, source.org!);
        return this.emit(userListOutput(await listOrgUsers(transport, input), transport.orgLabel), flags);
    }
}
