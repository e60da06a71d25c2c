import { Messages } from '@salesforce/core';
import { Flags } from '@salesforce/sf-plugins-core';
import type { Operation } from '../../../../lwc-src/lwc/accessXrayEngine/types';
import { whatIfCommand, type WhatIfFlag, type WhatIfResult } from '../../commands';
import { UsageError } from '../../errors';
import { collectFlags, operationFlag, outputFlags, recordIdFlag, sourceFlags, userFlag } from '../../flags';
import { XrayCommand } from '../../xrayCommand';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('access-xray', 'xray.what-if');

const CHANGES = ['add-permission-set', 'add-to-group', 'share'];
const PERMISSION_SET_ID = /^0P[SG][a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?$/;
const GROUP_ID = /^00G[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?$/;

export default class XrayWhatIf extends XrayCommand<WhatIfResult> {
    public static override readonly summary = messages.getMessage('summary');
    public static override readonly description = messages.getMessage('description');
    public static override readonly examples = messages.getMessages('examples');

    public static override readonly flags = {
        ...sourceFlags,
        'record-id': recordIdFlag,
        user: userFlag,
        'add-permission-set': Flags.string({ exactlyOne: CHANGES, summary: messages.getMessage('flags.add-permission-set.summary') }),
        'add-to-group': Flags.string({ exactlyOne: CHANGES, summary: messages.getMessage('flags.add-to-group.summary') }),
        share: Flags.option({ options: ['Read', 'Edit'] as const, exactlyOne: CHANGES, summary: messages.getMessage('flags.share.summary') })(),
        operation: operationFlag,
        ...outputFlags,
        ...collectFlags
    };

    public async run(): Promise<WhatIfResult> {
        const { flags } = await this.parse(XrayWhatIf);
        this.checkOutputFile(flags);
        const ps = flags['add-permission-set'];
        const change: WhatIfFlag = ps
            ? { addPermissionSet: ps }
            : flags['add-to-group']
              ? { addToGroup: flags['add-to-group'] }
              : { share: flags.share as 'Read' | 'Edit' };
        if (!flags.snapshot && ps && !PERMISSION_SET_ID.test(ps))
            throw new UsageError(messages.getMessage('error.PermissionSetNameOnOrg'));
        const group = flags['add-to-group'];
        // The collector reads only the groups the question names: on an org the group is given by Id.
        if (!flags.snapshot && group && !GROUP_ID.test(group)) throw new UsageError(messages.getMessage('error.GroupNameOnOrg'));
        const evidence = await this.evidence(flags, {
            users: [flags.user],
            recordId: flags['record-id'],
            ...(ps && PERMISSION_SET_ID.test(ps) ? { permissionSetIds: [ps] } : {}),
            ...(group && GROUP_ID.test(group) ? { groupIds: [group] } : {})
        });
        const out = whatIfCommand(evidence.snapshot, {
            user: evidence.userIds[0] ?? flags.user,
            recordId: flags['record-id'],
            flag: change,
            where: evidence.where,
            ...(flags.operation ? { operation: flags.operation as Operation } : {})
        });
        return this.emit(out, flags);
    }
}
