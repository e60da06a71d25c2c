import { Messages } from '@salesforce/core';
import type { Operation } from '../../../../lwc-src/lwc/accessXrayEngine/types';
import { explainCommand, type ExplainResult } from '../../commands';
import { collectFlags, operationFlag, outputFlags, recordIdFlag, sourceFlags, userFlag } from '../../flags';
import { XrayCommand } from '../../xrayCommand';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('access-xray', 'xray.explain');

export default class XrayExplain extends XrayCommand<ExplainResult> {
    public static override readonly summary = messages.getMessage('summary');
    public static override readonly description = messages.getMessage('description');
    public static override readonly examples = messages.getMessages('examples');

    public static override readonly flags = {
        ...sourceFlags,
        'record-id': recordIdFlag,
        user: userFlag,
        operation: operationFlag,
        ...outputFlags,
        ...collectFlags
    };

    public async run(): Promise<ExplainResult> {
        const { flags } = await this.parse(XrayExplain);
        this.checkOutputFile(flags);
        const evidence = await this.evidence(flags, { users: [flags.user], recordId: flags['record-id'] });
        const out = explainCommand(evidence.snapshot, {
            user: evidence.userIds[0] ?? flags.user,
            recordId: flags['record-id'],
            where: evidence.where,
            ...(flags.operation ? { operation: flags.operation as Operation } : {})
        });
        return this.emit(out, flags);
    }
}
