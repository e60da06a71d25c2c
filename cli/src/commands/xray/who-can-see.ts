import { Messages } from '@salesforce/core';
import { Flags } from '@salesforce/sf-plugins-core';
import type { LayerId } from '../../../../lwc-src/lwc/accessXrayEngine/types';
import { whoCanSeeCommand, type WhoCanSeeResult } from '../../commands';
import { collectFlags, listOutputFlags, recordIdFlag, sourceFlags } from '../../flags';
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
        all: Flags.boolean({ summary: messages.getMessage('flags.all.summary'), exclusive: ['limit', 'offset'] }),
        sort: Flags.option({ options: ['name', 'access'] as const, default: 'name' as const, summary: messages.getMessage('flags.sort.summary') })(),
        search: Flags.string({ summary: messages.getMessage('flags.search.summary') }),
        mechanism: Flags.option({
            options: Object.keys(MECHANISMS) as (keyof typeof MECHANISMS)[],
            summary: messages.getMessage('flags.mechanism.summary')
        })(),
        'list-public': Flags.boolean({ summary: messages.getMessage('flags.list-public.summary') }),
        'with-paths': Flags.boolean({ summary: messages.getMessage('flags.with-paths.summary') }),
        ...listOutputFlags,
        ...collectFlags
    };

    public async run(): Promise<WhoCanSeeResult> {
        const { flags } = await this.parse(XrayWhoCanSee);
        this.checkOutputFile(flags);
        let progressStarted = false;
        const evidence = await this.evidence(flags, {
            users: [],
            recordId: flags['record-id'],
            // From an org: the who-can-see evidence plan, round by round (docs/evidence-plan.md "whoCanSee/1").
            whoCanSee: true,
            progress: (round: number, rounds: number): void => {
                if (!progressStarted) {
                    progressStarted = true;
                    this.progress.start(rounds, {}, { title: 'Evidence plan', format: '%s | {bar} | round {value}/{total}' });
                }
                this.progress.update(round);
                if (round === rounds) this.progress.finish();
            }
        });
        // Every user of the answer goes through the engine: say so while it runs.
        this.startSpinner(`Evaluating who can see ${flags['record-id']}`);
        const out = whoCanSeeCommand(evidence.snapshot, {
            recordId: flags['record-id'],
            options: {
                sort: flags.sort,
                // --all: every user in one list (an audit file), not a page.
                ...(flags.all ? {} : { limit: flags.limit, offset: flags.offset }),
                ...(flags.search ? { search: flags.search } : {}),
                ...(flags.mechanism ? { mechanism: MECHANISMS[flags.mechanism] } : {}),
                listPublic: flags['list-public'],
                withPaths: flags['with-paths']
            }
        });
        this.stopSpinner(`${out.result.total} users with access`);
        if (flags['result-format'] === 'csv') {
            // The CSV holds the users listed only: say who is left out and how to list them.
            // From an org they are counted by aggregate queries, never read, so --list-public can't list them.
            const countedInOrg = evidence.snapshot.meta.scope?.kind === 'records' && !!evidence.snapshot.meta.scope.publicCounts;
            for (const pub of flags['list-public'] && !countedInOrg ? [] : (out.result.publicAccess ?? [])) {
                const users = `${pub.users} ${pub.side} user${pub.users === 1 ? '' : 's'} who see it through the org-wide default ${pub.model}`;
                this.warn(
                    countedInOrg
                        ? `${users} are counted per profile and permission set (the human, markdown and json formats show the counts), not listed in the CSV: the org collection counts them without reading them one by one.`
                        : `${users} are counted, not in the CSV: add --list-public to list them.`
                );
            }
            if (out.result.users.length < out.result.total) {
                this.warn(`The CSV holds users ${out.result.offset + 1}–${out.result.offset + out.result.users.length} of ${out.result.total}: add --all for every user.`);
            }
        }
        return this.emit(out, flags);
    }
}
