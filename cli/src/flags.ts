/**
 * Flags shared by the `sf xray` commands, named as the Salesforce CLI names them:
 * `-o/--target-org` and `--api-version` from `@salesforce/sf-plugins-core`, `-i/--record-id`
 * as in `sf data get record`, `--result-format` and `--output-file` as in `sf data query`.
 */
import { Messages } from '@salesforce/core';
import { Flags } from '@salesforce/sf-plugins-core';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('access-xray', 'xray.shared');

export const OPERATIONS = ['read', 'edit', 'delete', 'transfer', 'share'] as const;
export const RESULT_FORMATS = ['human', 'markdown', 'json'] as const;
/** who-can-see also writes CSV: the users listed, one row each, for an audit or a spreadsheet. */
export const LIST_FORMATS = [...RESULT_FORMATS, 'csv'] as const;
export type ResultFormat = (typeof LIST_FORMATS)[number];

/** Where the evidence comes from: an org (or the default target org), or a snapshot file. */
export const sourceFlags = {
    'target-org': Flags.optionalOrg({
        summary: messages.getMessage('flags.target-org.summary')
    }),
    'api-version': Flags.orgApiVersion(),
    snapshot: Flags.string({
        char: 's',
        summary: messages.getMessage('flags.snapshot.summary'),
        description: messages.getMessage('flags.snapshot.description'),
        exclusive: ['target-org']
    })
};

/** Collector bounds, for commands that read an org. */
export const collectFlags = {
    timeout: Flags.duration({
        unit: 'seconds',
        defaultValue: 60,
        min: 1,
        max: 3600,
        summary: messages.getMessage('flags.timeout.summary'),
        helpGroup: 'ORG'
    }),
    'max-rows': Flags.integer({
        min: 1,
        max: 1_000_000,
        summary: messages.getMessage('flags.max-rows.summary'),
        helpGroup: 'ORG'
    })
};

export const outputFlags = {
    'result-format': Flags.option({
        char: 'r',
        options: RESULT_FORMATS,
        default: 'human' as const,
        summary: messages.getMessage('flags.result-format.summary')
    })(),
    'output-file': Flags.file({
        summary: messages.getMessage('flags.output-file.summary')
    })
};

/** outputFlags with CSV among the formats (commands whose output is a list of users). */
export const listOutputFlags = {
    ...outputFlags,
    'result-format': Flags.option({
        char: 'r',
        options: LIST_FORMATS,
        default: 'human' as const,
        summary: messages.getMessage('flags.result-format-list.summary')
    })()
};

export const recordIdFlag = Flags.salesforceId({
    char: 'i',
    length: 'both',
    required: true,
    summary: messages.getMessage('flags.record-id.summary')
});

export const userFlag = Flags.string({
    required: true,
    summary: messages.getMessage('flags.user.summary'),
    description: messages.getMessage('flags.user.description')
});

export const operationFlag = Flags.option({
    options: OPERATIONS,
    summary: messages.getMessage('flags.operation.summary')
})();

export { messages as sharedMessages };
