/**
 * Command logic as pure functions: evidence (a loaded snapshot) + resolved flags in, a
 * typed result and its human rendering out. No I/O here, so an `sf` plugin (oclif
 * commands built on `@salesforce/sf-plugins-core`) can wrap the same functions later.
 */
import {
    applyWhatIf,
    compareExplanations,
    explain,
    ExplainError,
    renderMarkdown,
    renderText,
    whoCanSee,
    type AccessLevel,
    type Explanation,
    type GrantPath,
    type LayerId,
    type Operation,
    type Row,
    type Snapshot
} from '../../lwc-src/lwc/accessXrayEngine/accessXrayEngine';
import { describeWhatIf, WhatIfError, type WhatIfChange } from '../../lwc-src/lwc/accessXrayEngine/whatIf';
import { InputError } from './errors';

export type OutputFormat = 'text' | 'markdown';

export interface CommandOutput<T> {
    result: T;
    /** Human rendering in the requested format. */
    human: string;
    warnings: string[];
}

const ID_RE = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

function str(v: unknown): string {
    return typeof v === 'string' ? v : '';
}

function same(a: unknown, b: string): boolean {
    return typeof a === 'string' && a.length >= 15 && a.slice(0, 15) === b.slice(0, 15);
}

function tableRows(snapshot: Snapshot, table: string): Row[] {
    return snapshot.tables[table] ?? [];
}

/** Name of the object whose key prefix an id has, from the snapshot's describe or tables. */
export function objectForPrefix(snapshot: Snapshot, id: string): string | undefined {
    const prefix = id.slice(0, 3);
    for (const [name, d] of Object.entries(snapshot.describe ?? {})) if (d.keyPrefix === prefix) return name;
    for (const [name, rows] of Object.entries(snapshot.tables))
        if (!name.endsWith('Share') && rows.some((r) => str(r.Id).startsWith(prefix))) return name;
    const known: Record<string, string> = {
        '001': 'Account',
        '003': 'Contact',
        '005': 'User',
        '006': 'Opportunity',
        '500': 'Case',
        '00Q': 'Lead',
        '00G': 'Group',
        '0PS': 'PermissionSet',
        '00E': 'UserRole'
    };
    return known[prefix];
}

/** `--user` value: a User id (005…) or a Username. Checks the id type before anything else. */
export function checkUserRef(ref: string, snapshot?: Snapshot): void {
    if (ID_RE.test(ref) && !ref.startsWith('005')) {
        const what = snapshot ? objectForPrefix(snapshot, ref) : undefined;
        throw new InputError(
            `--user ${ref} is not a User id (User ids start with 005${what ? `; this is ${/^[AEIOU]/.test(what) ? 'an' : 'a'} ${what} id` : ''}).`,
            [],
            'WrongIdType'
        );
    }
    if (!ID_RE.test(ref) && !ref.includes('@')) {
        throw new InputError(
            `--user ${ref} is neither a User id (005…, 15 or 18 characters) nor a Username (name@domain).`,
            [],
            'WrongIdType'
        );
    }
}

export function checkRecordId(id: string): void {
    if (!ID_RE.test(id))
        throw new InputError(`--record ${id} is not a Salesforce id (15 or 18 letters and digits).`, [], 'WrongIdType');
}

export function resolveUser(snapshot: Snapshot, ref: string): string {
    checkUserRef(ref, snapshot);
    const users = tableRows(snapshot, 'User');
    const hit = ID_RE.test(ref)
        ? users.find((u) => same(u.Id, ref))
        : users.find((u) => str(u.Username).toLowerCase() === ref.toLowerCase());
    if (!hit) {
        throw new InputError(
            `No user with ${ID_RE.test(ref) ? 'Id' : 'Username'} ${ref} in the snapshot.`,
            snapshotHint(snapshot),
            'UnknownUser'
        );
    }
    return str(hit.Id);
}

function snapshotHint(snapshot: Snapshot): string[] {
    const subjects = snapshot.subjects ?? [];
    if (!subjects.length) return [];
    const names = new Map(tableRows(snapshot, 'User').map((u) => [str(u.Id).slice(0, 15), str(u.Name)]));
    return [
        `The snapshot was collected for: ${subjects
            .slice(0, 5)
            .map((s) => `${names.get(s.userId.slice(0, 15)) || s.userId} / ${s.recordId}`)
            .join('; ')}${subjects.length > 5 ? '; …' : ''}`
    ];
}

export function checkRecordInSnapshot(snapshot: Snapshot, recordId: string): void {
    checkRecordId(recordId);
    for (const [table, rows] of Object.entries(snapshot.tables)) {
        if (table.endsWith('Share') || table === 'UserRecordAccess') continue;
        if (rows.some((r) => same(r.Id, recordId))) return;
    }
    const object = objectForPrefix(snapshot, recordId);
    throw new InputError(
        `No record with Id ${recordId}${object ? ` (${object})` : ''} in the snapshot.`,
        snapshotHint(snapshot),
        'UnknownRecord'
    );
}

function runExplain(snapshot: Snapshot, userId: string, recordId: string): Explanation {
    try {
        return explain(snapshot, { userId, recordId });
    } catch (err) {
        if (err instanceof ExplainError)
            throw new InputError(
                err.message,
                [],
                err.code === 'unknownUser'
                    ? 'UnknownUser'
                    : err.code === 'unknownRecord'
                      ? 'UnknownRecord'
                      : 'InputError'
            );
        throw err;
    }
}

const OPERATION_VERB: Record<Operation, string> = {
    read: 'read',
    edit: 'edit',
    delete: 'delete',
    transfer: 'transfer',
    share: 'share'
};

/** "Can Sue edit case 00001001? No — …" for `--operation`. */
export function operationVerdict(
    e: Explanation,
    operation: Operation
): { operation: Operation; allowed: boolean; reason: string; line: string } {
    const allowed = e.access[operation];
    const why = e.whyNot.find((w) => w.operation === operation);
    const grant = e.paths.find((p) => levelAllows(p.level, operation));
    const reason = allowed
        ? grant
            ? grant.summary
            : e.summary
        : why
          ? `${why.reason}${why.cheapestFix ? ` Fix: ${why.cheapestFix.action}` : ''}`
          : e.summary;
    const line = `Can ${e.userName} ${OPERATION_VERB[operation]} ${e.recordName}? ${allowed ? 'Yes' : 'No'}${e.uncertain ? ' (uncertain)' : ''} — ${reason}`;
    return { operation, allowed, reason, line };
}

const LEVEL_ORDER: AccessLevel[] = ['None', 'Read', 'Edit', 'Delete', 'Transfer', 'All'];
const NEEDED: Record<Operation, AccessLevel> = {
    read: 'Read',
    edit: 'Edit',
    delete: 'Delete',
    transfer: 'Transfer',
    share: 'All'
};

function levelAllows(level: AccessLevel, operation: Operation): boolean {
    return LEVEL_ORDER.indexOf(level) >= LEVEL_ORDER.indexOf(NEEDED[operation]);
}

function render(e: Explanation, format: OutputFormat): string {
    return format === 'markdown' ? renderMarkdown(e) : renderText(e);
}

function evidenceWarnings(snapshot: Snapshot): string[] {
    const out: string[] = [];
    for (const t of snapshot.meta.truncated ?? []) out.push(`${t.table} was cut at ${t.limit} rows: ${t.reason}`);
    return out;
}

// ---------------------------------------------------------------------------
// explain
// ---------------------------------------------------------------------------

export interface ExplainResult {
    explanation: Explanation;
    operation?: { operation: Operation; allowed: boolean; reason: string };
}

export function explainCommand(
    snapshot: Snapshot,
    input: { user: string; recordId: string; operation?: Operation; format: OutputFormat }
): CommandOutput<ExplainResult> {
    const userId = resolveUser(snapshot, input.user);
    checkRecordInSnapshot(snapshot, input.recordId);
    const explanation = runExplain(snapshot, userId, input.recordId);
    const verdict = input.operation ? operationVerdict(explanation, input.operation) : undefined;
    const body = render(explanation, input.format);
    const human = verdict ? `${input.format === 'markdown' ? `**${verdict.line}**` : verdict.line}\n\n${body}` : body;
    return {
        result: {
            explanation,
            ...(verdict
                ? { operation: { operation: verdict.operation, allowed: verdict.allowed, reason: verdict.reason } }
                : {})
        },
        human,
        warnings: evidenceWarnings(snapshot)
    };
}

// ---------------------------------------------------------------------------
// who-can-see
// ---------------------------------------------------------------------------

/** From an org, who-can-see reads one page of the org's active users (ORDER BY Id). */
export interface OrgUserPage {
    activeUsersInOrg: number;
    usersRead: number;
    pageSize: number;
    /** Pass as --after to read the next page (absent on the last page). */
    nextAfter?: string;
}

export type WhoCanSeeResult = ReturnType<typeof whoCanSee> & { limit: number; offset: number; orgPage?: OrgUserPage };

export function whoCanSeeCommand(
    snapshot: Snapshot,
    input: { recordId: string; limit: number; offset: number; format: OutputFormat; orgPage?: OrgUserPage }
): CommandOutput<WhoCanSeeResult> {
    checkRecordInSnapshot(snapshot, input.recordId);
    const answer = whoCanSee(snapshot, input.recordId, { limit: input.limit, offset: input.offset });
    const result: WhoCanSeeResult = {
        ...answer,
        limit: input.limit,
        offset: input.offset,
        ...(input.orgPage ? { orgPage: input.orgPage } : {})
    };
    const md = input.format === 'markdown';
    const lines: string[] = [];
    const shownTo = input.offset + answer.users.length;
    lines.push(
        md
            ? `### Who can see ${input.recordId}`
            : `Who can see ${input.recordId}: ${answer.total} user${answer.total === 1 ? '' : 's'} with access${answer.users.length < answer.total ? ` (showing ${answer.users.length ? input.offset + 1 : 0}–${shownTo})` : ''}`
    );
    if (md)
        lines.push(
            '',
            `${answer.total} user(s) with access.`,
            '',
            '| User | Access | How | |',
            '| --- | --- | --- | --- |'
        );
    for (const u of answer.users) {
        const how = u.paths.map((p: GrantPath) => p.summary).join('; ') || '—';
        if (md)
            lines.push(
                `| ${u.userName} | ${u.maxAccessLevel} | ${how.replace(/\|/g, '\\|')} | ${u.uncertain ? 'uncertain' : ''} |`
            );
        else
            lines.push(
                `  ${u.userName.padEnd(28)} ${u.maxAccessLevel.padEnd(8)} ${how}${u.uncertain ? '  (uncertain)' : ''}`
            );
    }
    if (!answer.users.length) lines.push(md ? '| — | | | |' : '  (nobody on this page)');
    if (shownTo < answer.total) lines.push('', `Next page: --offset ${shownTo} --limit ${input.limit}`);
    const warnings = evidenceWarnings(snapshot);
    if (input.orgPage) {
        const page = input.orgPage;
        lines.push('', `Checked ${page.usersRead} of the org's ${page.activeUsersInOrg} active users (ordered by Id).`);
        if (page.nextAfter) lines.push(`Next page: --after ${page.nextAfter} --limit ${page.pageSize}`);
        if (page.usersRead < page.activeUsersInOrg) {
            warnings.push(
                `Only ${page.usersRead} of the org's ${page.activeUsersInOrg} active users were checked; users on other pages may also have access.`
            );
        }
    }
    return { result, human: lines.join('\n'), warnings };
}

// ---------------------------------------------------------------------------
// compare
// ---------------------------------------------------------------------------

export interface CompareResult {
    a: Explanation;
    b: Explanation;
    comparison: ReturnType<typeof compareExplanations>;
}

export function compareCommand(
    snapshot: Snapshot,
    input: { users: string[]; recordId: string; format: OutputFormat }
): CommandOutput<CompareResult> {
    if (input.users.length !== 2)
        throw new InputError(`compare needs exactly two --user flags (got ${input.users.length}).`, [], 'UsageError');
    const [ua, ub] = input.users.map((u) => resolveUser(snapshot, u)) as [string, string];
    checkRecordInSnapshot(snapshot, input.recordId);
    const a = runExplain(snapshot, ua, input.recordId);
    const b = runExplain(snapshot, ub, input.recordId);
    const comparison = compareExplanations(a, b);
    const md = input.format === 'markdown';
    const lines: string[] = [];
    lines.push(
        md
            ? `### ${a.userName} vs ${b.userName} on ${a.recordName}`
            : `${a.userName} vs ${b.userName} on ${a.recordName}`
    );
    lines.push('', comparison.summary, '');
    lines.push(
        md ? `| | ${a.userName} | ${b.userName} |` : `  ${'Access'.padEnd(22)} ${a.userName.padEnd(30)} ${b.userName}`
    );
    if (md) lines.push('| --- | --- | --- |', `| Access | ${a.maxAccessLevel} | ${b.maxAccessLevel} |`);
    else lines.push(`  ${''.padEnd(22)} ${a.maxAccessLevel.padEnd(30)} ${b.maxAccessLevel}`);
    for (const row of comparison.rows.filter((r) => r.differs)) {
        if (md)
            lines.push(
                `| ${row.a.title} | ${row.a.status}: ${row.a.reason.replace(/\|/g, '\\|')} | ${row.b.status}: ${row.b.reason.replace(/\|/g, '\\|')} |`
            );
        else
            lines.push(
                `  ${row.a.title.padEnd(22)} ${`${row.a.status}`.padEnd(30)} ${row.b.status}`,
                `      ${a.userName}: ${row.a.reason}`,
                `      ${b.userName}: ${row.b.reason}`
            );
    }
    if (!comparison.differingLayers.length) lines.push(md ? '| (no layer differs) | | |' : '  No layer differs.');
    return { result: { a, b, comparison }, human: lines.join('\n'), warnings: evidenceWarnings(snapshot) };
}

// ---------------------------------------------------------------------------
// what-if
// ---------------------------------------------------------------------------

export type WhatIfFlag = { addPermissionSet: string } | { addToGroup: string } | { share: 'Read' | 'Edit' };

export interface WhatIfResult {
    change: WhatIfChange;
    description: string;
    before: { access: Explanation['access']; maxAccessLevel: AccessLevel; summary: string };
    after: { access: Explanation['access']; maxAccessLevel: AccessLevel; summary: string };
    /** Operations the change would open (or close). */
    gained: Operation[];
    lost: Operation[];
    newPaths: GrantPath[];
    changedLayers: LayerId[];
    explanationAfter: Explanation;
}

function findByIdOrName(rows: Row[], ref: string, nameFields: string[]): Row | undefined {
    if (ID_RE.test(ref)) return rows.find((r) => same(r.Id, ref));
    const lower = ref.toLowerCase();
    return rows.find((r) => nameFields.some((f) => str(r[f]).toLowerCase() === lower));
}

/** Turn the CLI flag into an engine change, resolving names to ids from the snapshot. */
export function whatIfChange(snapshot: Snapshot, userId: string, recordId: string, flag: WhatIfFlag): WhatIfChange {
    if ('addPermissionSet' in flag) {
        const ref = flag.addPermissionSet;
        const hit =
            findByIdOrName(tableRows(snapshot, 'PermissionSetGroup'), ref, ['DeveloperName', 'MasterLabel']) ??
            findByIdOrName(tableRows(snapshot, 'PermissionSet'), ref, ['Name', 'Label']);
        if (!hit)
            throw new InputError(
                `No permission set or permission set group "${ref}" in the snapshot (give its Id, Name or Label).`,
                [],
                'UnknownPermissionSet'
            );
        return { kind: 'addPermissionSet', userId, permissionSetId: str(hit.Id) };
    }
    if ('addToGroup' in flag) {
        const hit = findByIdOrName(tableRows(snapshot, 'Group'), flag.addToGroup, ['DeveloperName', 'Name']);
        if (!hit)
            throw new InputError(
                `No group or queue "${flag.addToGroup}" in the snapshot (give its Id, DeveloperName or Name).`,
                [],
                'UnknownGroup'
            );
        return { kind: 'addToGroup', userId, groupId: str(hit.Id) };
    }
    return { kind: 'share', userId, recordId, level: flag.share };
}

export function whatIfCommand(
    snapshot: Snapshot,
    input: { user: string; recordId: string; flag: WhatIfFlag; operation?: Operation; format: OutputFormat }
): CommandOutput<WhatIfResult> {
    const userId = resolveUser(snapshot, input.user);
    checkRecordInSnapshot(snapshot, input.recordId);
    const change = whatIfChange(snapshot, userId, input.recordId, input.flag);
    const before = runExplain(snapshot, userId, input.recordId);
    let changed: Snapshot;
    try {
        changed = applyWhatIf(snapshot, change);
    } catch (err) {
        if (err instanceof WhatIfError) throw new InputError(err.message, [], 'WhatIfError');
        throw err;
    }
    const after = runExplain(changed, userId, input.recordId);
    const ops: Operation[] = ['read', 'edit', 'delete', 'transfer', 'share'];
    const gained = ops.filter((o) => !before.access[o] && after.access[o]);
    const lost = ops.filter((o) => before.access[o] && !after.access[o]);
    const beforePaths = new Set(before.paths.map((p) => p.summary));
    const newPaths = after.paths.filter((p) => !beforePaths.has(p.summary));
    const comparison = compareExplanations(before, after);
    const changedLayers = comparison.differingLayers;
    // The reader sees layer titles; ids stay in the JSON result.
    const changedTitles = comparison.rows.filter((r) => r.differs).map((r) => r.a.title);
    const description = describeWhatIf(snapshot, change);
    const md = input.format === 'markdown';
    const verb = (list: Operation[]): string => (list.length ? list.join(', ') : 'nothing');
    const lines: string[] = [];
    lines.push(md ? `### What if we ${description}?` : `What if we ${description}?`, '');
    lines.push(`${md ? '- ' : '  '}Before: ${before.maxAccessLevel} — ${before.summary}`);
    lines.push(`${md ? '- ' : '  '}After:  ${after.maxAccessLevel} — ${after.summary}`);
    lines.push(`${md ? '- ' : '  '}It would grant: ${verb(gained)}${lost.length ? `; and remove: ${verb(lost)}` : ''}`);
    if (input.operation) {
        lines.push(
            `${md ? '- ' : '  '}${input.operation}: ${before.access[input.operation] ? 'allowed' : 'denied'} → ${after.access[input.operation] ? 'allowed' : 'denied'}`
        );
    }
    if (newPaths.length) {
        lines.push('', md ? 'New ways in:' : '  New ways in:');
        for (const p of newPaths) lines.push(`${md ? '- ' : '    '}${p.summary}`);
    }
    if (changedTitles.length) lines.push('', `${md ? '' : '  '}Layers that change: ${changedTitles.join(', ')}`);
    if (after.uncertain)
        lines.push('', `${md ? '' : '  '}Uncertain after the change: ${after.uncertainties.join('; ')}`);
    const summary = (e: Explanation): WhatIfResult['before'] => ({
        access: e.access,
        maxAccessLevel: e.maxAccessLevel,
        summary: e.summary
    });
    return {
        result: {
            change,
            description,
            before: summary(before),
            after: summary(after),
            gained,
            lost,
            newPaths,
            changedLayers,
            explanationAfter: after
        },
        human: lines.join('\n'),
        warnings: evidenceWarnings(snapshot)
    };
}
