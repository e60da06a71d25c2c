import { Messages } from '@salesforce/core';
import { Flags } from '@salesforce/sf-plugins-core';
import type { LayerId } from '../../../../lwc-src/lwc/accessXrayEngine/types';
import { whoCanSeeCommand, type WhoCanSeeResult } from '../../commands';
import { UsageError } from '../../errors';
import { collectFlags, outputFlags, recordIdFlag, sourceFlags } from '../../flags';
import { XrayCommand } from '../../xrayCommand';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('access-xray', 'xray.who-can-see');

/** `--mechanism` values (kebab-case, as flag values are) → the engine's layer ids. */
export const MECHANISMS: Record<string, LayerId> = {
    'object-permissions': 'objectPermissions',
    'org-wide-defaults': 'orgWideDefaults',
    ownership: 'ownership',
    'role-hierarchy': 'roleHierarchy',
    'sharing-rules': 'sharingRules',
    territories: 'territories',
    teams: 'teams',
    'manual-shares': 'manualShares',
    'implicit-sharing': 'implicitSharing',
    'system-permissions': 'systemPermissions',
    'experience-cloud': 'experienceCloud'
};

export default class XrayWhoCanSee extends XrayCommand<WhoCanSeeResult> {
    public static override readonly summary = messages.getMessage('summary');
    public static override readonly description = messages.getMessage('description');
    public static override readonly examples = messages.getMessages('examples');

    public static override readonly flags = {
        ...sourceFlags,
        'record-id': recordIdFlag,
        limit: Flags.integer({ min: 1, max: 1000, default: 50, summary: messages.getMessage('flags.limit.summary') }),
        offset: Flags.integer({ min: 0, default: 0, summary: messages.getMessage('flags.offset.summary') }),
        after: Flags.salesforceId({
            char: undefined,
            length: 'both',
            startsWith: '005',
            exclusive: ['snapshot', 'offset'],
            summary: messages.getMessage('flags.after.summary')
        }),
        verify: Flags.boolean({ exclusive: ['snapshot'], summary: messages.getMessage('flags.verify.summary') }),
        sort: Flags.option({ options: ['name', 'access'] as const, default: 'name' as const, summary: messages.getMessage('flags.sort.summary') })(),
        search: Flags.string({ summary: messages.getMessage('flags.search.summary') }),
        mechanism: Flags.option({
            options: Object.keys(MECHANISMS) as (keyof typeof MECHANISMS)[],
            summary: messages.getMessage('flags.mechanism.summary')
        })(),
        'list-public': Flags.boolean({ summary: messages.getMessage('flags.list-public.summary') }),
        'with-paths': Flags.boolean({ summary: messages.getMessage('flags.with-paths.summary') }),
        ...outputFlags,
        ...collectFlags
    };

    public async run(): Promise<WhoCanSeeResult> {
        const { flags } = await this.parse(XrayWhoCanSee);
        this.checkOutputFile(flags);
        const fromOrg = !flags.snapshot;
        if (fromOrg && flags.offset > 2000)
            throw new UsageError(messages.getMessage('error.OffsetOnOrg'), messages.getMessages('error.OffsetOnOrg.actions'));
        let progressStarted = false;
        const evidence = await this.evidence(flags, {
            users: [],
            recordId: flags['record-id'],
            ...(fromOrg
                ? {
                      allUsers: { limit: flags.limit, offset: flags.offset, ...(flags.after ? { after: flags.after } : {}) },
                      verifyEachUser: flags.verify,
                      progress: (done: number, total: number): void => {
                          if (!progressStarted) {
                              progressStarted = true;
                              this.progress.start(total, {}, { title: 'UserRecordAccess', format: '%s | {bar} | {value}/{total} users' });
                          }
                          this.progress.update(done);
                          if (done === total) this.progress.finish();
                      }
                  }
                : {})
        });
        const page = evidence.collected?.pageUserIds ?? [];
        const last = page[page.length - 1];
        // Every user of a large snapshot goes through the engine: say so while it runs.
        this.startSpinner(`Evaluating who can see ${flags['record-id']}`);
        const out = whoCanSeeCommand(evidence.snapshot, {
            recordId: flags['record-id'],
            options: {
                sort: flags.sort,
                // From an org the page of users was chosen by the query: every user of the snapshot is listed.
                limit: fromOrg ? Math.max(flags.limit, (evidence.snapshot.tables.User ?? []).length) : flags.limit,
                offset: fromOrg ? 0 : flags.offset,
                ...(flags.search ? { search: flags.search } : {}),
                ...(flags.mechanism ? { mechanism: MECHANISMS[flags.mechanism] } : {}),
                listPublic: flags['list-public'],
                withPaths: flags['with-paths']
            },
            ...(evidence.collected?.totalUsers !== undefined
                ? {
                      orgPage: {
                          activeUsersInOrg: evidence.collected.totalUsers,
                          usersRead: page.length,
                          pageSize: flags.limit,
                          ...(page.length === flags.limit && last ? { nextAfter: last } : {})
                      }
                  }
                : {})
        });
        this.stopSpinner(`${out.result.total} users with access`);
        return this.emit(out, flags);
    }
}
