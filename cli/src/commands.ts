/**
 * Command logic as pure functions: evidence (a loaded snapshot) + resolved flags in, a typed
 * result (what `--json` and `--result-format json` print) and what people read (blocks for
 * `this.table` / `this.styledHeader`, and Markdown) out. No I/O here: the `sf xray` commands
 * in cli/src/commands/xray wrap these functions.
 */
import { toCsv } from '../../lwc-src/lwc/accessXrayEngine/csv';
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
    type Snapshot,
    type WhoCanSeeOptions,
    type WhoCanSeeResult as EngineWhoCanSeeResult
} from '../../lwc-src/lwc/accessXrayEngine/accessXrayEngine';
import { LAYER_TITLES } from '../../lwc-src/lwc/accessXrayEngine/layer';
import { describeWhatIf, WhatIfError, type WhatIfChange } from '../../lwc-src/lwc/accessXrayEngine/whatIf';
import { InputError } from './errors';
import { columns, header, markdown, table, text, type Block } from './output';
import { resolveUserInSnapshot } from './users';

export type HumanFormat = 'human' | 'markdown';

export interface CommandOutput<T> {
    result: T;
    /** What a person reads (human format): headers, text and tables. */
    blocks: Block[];
    /** The same as Markdown, to paste into a Case comment or a chat thread. */
    markdown: string;
    warnings: string[];
    /** The same as CSV (commands that list users; written only when asked for). */
    csv?: () => string;
}

const ID_RE = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

function str(v: unknown): string {
    return typeof v === 'string' ? v : '';
}

function same(a: unknown, b: string): boolean {
    return typeof a === 'string' && a.length >= 15 && a.slice(0, 15) === b.slice(0, 15);
}

function tableRows(snapshot: Snapshot, name: string): Row[] {
    return snapshot.tables[name] ?? [];
}

export function layerTitle(id: LayerId): string {
    return LAYER_TITLES[id] ?? id;
}

/** Name of the object whose key prefix an id has, from the snapshot's describe or tables. */
export function objectForPrefix(snapshot: Snapshot, id: string): string | undefined {
    const prefix = id.slice(0, 3);
    for (const [name, d] of Object.entries(snapshot.describe ?? {})) if (d.keyPrefix === prefix) return name;
    for (const [name, rows] of Object.entries(snapshot.tables))
        if (!name.endsWith('Share') && name !== 'UserRecordAccess' && rows.some((r) => str(r.Id).startsWith(prefix)))
            return name;
    return undefined;
}

export function checkRecordId(id: string): void {
    if (!ID_RE.test(id))
        throw new InputError(
            `--record-id ${id} is not a Salesforce id (15 or 18 letters and digits).`,
            [],
            'WrongIdType'
        );
}

/** `--user` (Id, username or full name) → the User Id in the snapshot. */
export function resolveUser(snapshot: Snapshot, ref: string, where = 'the snapshot'): string {
    return resolveUserInSnapshot(snapshot, ref, {
        where,
        objectOfPrefix: (prefix) => objectForPrefix(snapshot, `${prefix}000000000000`),
        listHint: 'List the users with sf xray list users --snapshot <file|demo> (or --target-org <org>).'
    });
}

function snapshotHint(snapshot: Snapshot): string[] {
    const subjects = snapshot.subjects ?? [];
    if (!subjects.length) return ['List the records with sf xray list records.'];
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
    for (const [name, rows] of Object.entries(snapshot.tables)) {
        if (name.endsWith('Share') || name === 'UserRecordAccess') continue;
        if (rows.some((r) => same(r.Id, recordId))) return;
    }
    const object = objectForPrefix(snapshot, recordId);
    throw new InputError(
        `No record with Id ${recordId}${object ? ` (${object})` : ''} in the snapshot.`,
        snapshotHint(snapshot),
        'UnknownRecord'
    );
}

export function runExplain(snapshot: Snapshot, userId: string, recordId: string): Explanation {
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
    const line = `Can ${e.userName} ${operation} ${e.objectApiName} ${e.recordName}? ${allowed ? 'Yes' : 'No'}${e.uncertain ? ' (uncertain)' : ''} — ${reason}`;
    return { operation, allowed, reason, line };
}

function evidenceWarnings(snapshot: Snapshot): string[] {
    return (snapshot.meta.truncated ?? []).map((t) => `${t.table} was cut at ${t.limit} rows: ${t.reason}`);
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
    input: { user: string; recordId: string; operation?: Operation; where?: string }
): CommandOutput<ExplainResult> {
    const userId = resolveUser(snapshot, input.user, input.where);
    checkRecordInSnapshot(snapshot, input.recordId);
    const explanation = runExplain(snapshot, userId, input.recordId);
    const verdict = input.operation ? operationVerdict(explanation, input.operation) : undefined;
    return {
        result: {
            explanation,
            ...(verdict
                ? { operation: { operation: verdict.operation, allowed: verdict.allowed, reason: verdict.reason } }
                : {})
        },
        blocks: [...(verdict ? [text(verdict.line)] : []), text(renderText(explanation))],
        markdown: `${verdict ? `**${verdict.line}**\n\n` : ''}${renderMarkdown(explanation)}`,
        warnings: evidenceWarnings(snapshot)
    };
}

// ---------------------------------------------------------------------------
// who-can-see
// ---------------------------------------------------------------------------

export type WhoCanSeeResult = EngineWhoCanSeeResult;

export function whoCanSeeCommand(
    snapshot: Snapshot,
    input: { recordId: string; options: WhoCanSeeOptions }
): CommandOutput<WhoCanSeeResult> {
    checkRecordInSnapshot(snapshot, input.recordId);
    let answer: ReturnType<typeof whoCanSee>;
    try {
        answer = whoCanSee(snapshot, input.recordId, input.options);
    } catch (err) {
        // A snapshot collected to explain one user (meta.scope pairs) can't say who can see the record.
        if (err instanceof ExplainError) throw new InputError(err.message, [], 'InputError');
        throw err;
    }
    const result: WhoCanSeeResult = answer;
    const record = `${answer.objectApiName} ${answer.recordName}`;
    const shownFrom = answer.users.length ? answer.offset + 1 : 0;
    const shownTo = answer.offset + answer.users.length;
    const filters = [
        input.options.search ? `matching "${input.options.search}"` : '',
        input.options.mechanism ? `reached through ${layerTitle(input.options.mechanism)}` : ''
    ].filter(Boolean);
    const summary = `${answer.total} user${answer.total === 1 ? '' : 's'} with access${filters.length ? ` ${filters.join(', ')}` : ''}${answer.users.length < answer.total ? ` (showing ${shownFrom}–${shownTo})` : ''}.`;

    const mechanismRows = Object.entries(answer.totalsByMechanism)
        .sort(([, a], [, b]) => (b ?? 0) - (a ?? 0))
        .map(([m, n]) => ({ mechanism: layerTitle(m as LayerId), users: String(n) }));
    const accessRows = LEVEL_ORDER.filter((l) => answer.totalsByAccess[l]).map((l) => ({
        access: l,
        users: String(answer.totalsByAccess[l])
    }));
    const userRows = answer.users.map((u) => ({
        name: u.userName,
        username: u.username ?? '',
        access: u.maxAccessLevel,
        how: layerTitle(u.topMechanism),
        reason: `${u.topReason || '—'}${u.uncertain ? ' (uncertain)' : ''}`
    }));
    const blocks: Block[] = [
        header(`Who can see ${record}`),
        text(summary),
        table(columns('mechanism:Through', 'users:Users'), mechanismRows, 'Users per way in'),
        table(columns('access:Access', 'users:Users'), accessRows, 'Users per access level'),
        table(
            columns(
                'name:User',
                ...(answer.users.some((u) => u.username) ? ['username:Username'] : []),
                'access:Access',
                'how:Through',
                'reason:Why'
            ),
            userRows
        )
    ];
    if (input.options.withPaths) {
        const pathLines = answer.users.flatMap((u) => [u.userName, ...u.paths.map((p: GrantPath) => `  ${p.summary}`)]);
        if (pathLines.length) blocks.push(text('Grant paths:', ...pathLines.map((l) => `  ${l}`)));
    }
    for (const pub of answer.publicAccess ?? []) {
        blocks.push(
            text(
                `Also ${pub.users} ${pub.side} user${pub.users === 1 ? '' : 's'} can see it through the org-wide default ${pub.model} (counted, not listed: --list-public lists them).`
            ),
            table(
                columns('via:Object permission from', 'users:Users'),
                [
                    ...pub.byProfile.map((p) => ({ via: `profile ${p.name}`, users: String(p.users) })),
                    ...pub.byPermissionSet.map((p) => ({ via: `permission set ${p.name}`, users: String(p.users) }))
                ]
            )
        );
    }
    const next: string[] = [];
    if (shownTo < answer.total) next.push(`Next page: --offset ${shownTo} --limit ${answer.limit}`);
    const warnings = evidenceWarnings(snapshot);
    if (answer.uncertain)
        warnings.push(
            `Some answers are uncertain: ${answer.uncertainties.slice(0, 3).join('; ') || 'evidence for some users is missing or doubtful'}.`
        );
    if (next.length) blocks.push(text(...next));
    const csv = (): string =>
        toCsv(
            ['User ID', 'Name', 'Username', 'Access', 'Through', 'Ways in', 'Why', 'Uncertain', ...(input.options.withPaths ? ['Grant paths'] : [])],
            answer.users.map((u) => [
                u.userId,
                u.userName,
                u.username ?? '',
                u.maxAccessLevel,
                layerTitle(u.topMechanism),
                u.mechanisms.map((m) => layerTitle(m)).join('; '),
                u.topReason,
                u.uncertain ? 'yes' : 'no',
                ...(input.options.withPaths ? [u.paths.map((p: GrantPath) => p.summary).join(' | ')] : [])
            ])
        );
    return { result, blocks, markdown: markdown(blocks), warnings, csv };
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
    input: { users: string[]; recordId: string; where?: string }
): CommandOutput<CompareResult> {
    if (input.users.length !== 2)
        throw new InputError(`compare needs exactly two --user flags (got ${input.users.length}).`, [], 'UsageError');
    const [ua, ub] = input.users.map((u) => resolveUser(snapshot, u, input.where)) as [string, string];
    checkRecordInSnapshot(snapshot, input.recordId);
    const a = runExplain(snapshot, ua, input.recordId);
    const b = runExplain(snapshot, ub, input.recordId);
    const comparison = compareExplanations(a, b);
    const rows = [
        { layer: 'Access', a: a.maxAccessLevel, b: b.maxAccessLevel },
        ...comparison.rows
            .filter((r) => r.differs)
            .map((r) => ({ layer: r.a.title, a: `${r.a.status}: ${r.a.reason}`, b: `${r.b.status}: ${r.b.reason}` }))
    ];
    const blocks: Block[] = [
        header(`${a.userName} vs ${b.userName} on ${a.objectApiName} ${a.recordName}`),
        text(comparison.summary),
        table([{ key: 'layer', name: 'Layer' }, { key: 'a', name: a.userName }, { key: 'b', name: b.userName }], rows)
    ];
    if (!comparison.differingLayers.length) blocks.push(text('No layer differs.'));
    return { result: { a, b, comparison }, blocks, markdown: markdown(blocks), warnings: evidenceWarnings(snapshot) };
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
    input: { user: string; recordId: string; flag: WhatIfFlag; operation?: Operation; where?: string }
): CommandOutput<WhatIfResult> {
    const userId = resolveUser(snapshot, input.user, input.where);
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
    const description = describeWhatIf(snapshot, change);
    const verb = (list: Operation[]): string => (list.length ? list.join(', ') : 'nothing');
    const lines = [
        `Before: ${before.maxAccessLevel} — ${before.summary}`,
        `After:  ${after.maxAccessLevel} — ${after.summary}`,
        `It would grant: ${verb(gained)}${lost.length ? `; and remove: ${verb(lost)}` : ''}`
    ];
    if (input.operation) {
        lines.push(
            `${input.operation}: ${before.access[input.operation] ? 'allowed' : 'denied'} → ${after.access[input.operation] ? 'allowed' : 'denied'}`
        );
    }
    const blocks: Block[] = [header(`What if we ${description}?`), text(...lines)];
    if (newPaths.length) blocks.push(text('New ways in:', ...newPaths.map((p) => `  ${p.summary}`)));
    if (changedLayers.length) blocks.push(text(`Layers that change: ${changedLayers.map(layerTitle).join(', ')}`));
    if (after.uncertain) blocks.push(text(`Uncertain after the change: ${after.uncertainties.join('; ')}`));
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
        blocks,
        markdown: markdown(blocks),
        warnings: evidenceWarnings(snapshot)
    };
}

// ---------------------------------------------------------------------------
// list users / list records (to find whom and what to explain)
// ---------------------------------------------------------------------------

export interface UserListEntry {
    id: string;
    name: string;
    username: string;
    userType: string;
    profile: string;
    role: string;
    isActive: boolean;
}

export interface UserListResult {
    total: number;
    users: UserListEntry[];
}

export function userListEntry(u: Row, profiles: Map<string, string>, roles: Map<string, string>): UserListEntry {
    const profile = u.Profile as { Name?: unknown } | undefined;
    const role = u.UserRole as { Name?: unknown } | undefined;
    return {
        id: str(u.Id),
        name: str(u.Name),
        username: str(u.Username),
        userType: str(u.UserType),
        profile: str(profile?.Name) || profiles.get(str(u.ProfileId).slice(0, 15)) || '',
        role: str(role?.Name) || roles.get(str(u.UserRoleId).slice(0, 15)) || '',
        isActive: u.IsActive !== false
    };
}

function matchesSearch(values: string[], search: string | undefined): boolean {
    if (!search) return true;
    const s = search.toLowerCase();
    return values.some((v) => v.toLowerCase().includes(s));
}

export function userListOutput(result: UserListResult, where: string): CommandOutput<UserListResult> {
    const rows = result.users.map((u) => ({
        name: u.name,
        username: u.username,
        id: u.id,
        type: u.userType,
        profile: u.profile,
        role: u.role,
        active: u.isActive ? 'yes' : 'no'
    }));
    const blocks: Block[] = [
        header(`Users in ${where}`),
        table(
            columns('name:Name', 'username:Username', 'id:Id', 'type:User type', 'profile:Profile', 'role:Role', 'active:Active'),
            rows
        ),
        text(`${result.users.length} of ${result.total} user${result.total === 1 ? '' : 's'} shown.`)
    ];
    return { result, blocks, markdown: markdown(blocks), warnings: [] };
}

export function listUsersCommand(
    snapshot: Snapshot,
    input: { search?: string; userTypes?: string[]; limit: number }
): CommandOutput<UserListResult> {
    const profiles = new Map(tableRows(snapshot, 'Profile').map((p) => [str(p.Id).slice(0, 15), str(p.Name)]));
    const roles = new Map(tableRows(snapshot, 'UserRole').map((r) => [str(r.Id).slice(0, 15), str(r.Name)]));
    const all = tableRows(snapshot, 'User')
        .map((u) => userListEntry(u, profiles, roles))
        .filter((u) => matchesSearch([u.name, u.username], input.search))
        .filter((u) => !input.userTypes?.length || input.userTypes.some((t) => t.toLowerCase() === u.userType.toLowerCase()))
        .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    return userListOutput({ total: all.length, users: all.slice(0, input.limit) }, 'the snapshot');
}

export interface RecordListEntry {
    id: string;
    object: string;
    name: string;
    ownerId: string;
    owner: string;
}

export interface RecordListResult {
    total: number;
    records: RecordListEntry[];
}

/** Objects whose rows are records people explain (not setup, sharing or permission tables). */
const NOT_RECORDS = new Set([
    'Organization',
    'EntityDefinition',
    'UserLicense',
    'Profile',
    'PermissionSet',
    'PermissionSetGroup',
    'PermissionSetGroupComponent',
    'MutingPermissionSet',
    'ObjectPermissions',
    'FieldPermissions',
    'User',
    'PermissionSetAssignment',
    'UserRole',
    'Group',
    'GroupMember',
    'QueueSobject',
    'Territory2Type',
    'Territory2Model',
    'Territory2',
    'UserTerritory2Association',
    'ObjectTerritory2Association',
    'CaseTeamRole',
    'CaseTeamMember',
    'OpportunityTeamMember',
    'AccountTeamMember',
    'Network',
    'ExternalAccountHierarchy',
    'UserRecordAccess'
]);

export function recordObjects(snapshot: Snapshot): string[] {
    return Object.keys(snapshot.tables).filter((t) => !NOT_RECORDS.has(t) && !t.endsWith('Share'));
}

export function recordName(row: Row): string {
    return str(row.Name) || str(row.CaseNumber) || str(row.Subject) || str(row.Title) || str(row.Id);
}

export function recordListOutput(result: RecordListResult, where: string): CommandOutput<RecordListResult> {
    const blocks: Block[] = [
        header(`Records in ${where}`),
        table(
            columns('object:Object', 'name:Name', 'id:Id', 'owner:Owner'),
            result.records.map((r) => ({ object: r.object, name: r.name, id: r.id, owner: r.owner || r.ownerId }))
        ),
        text(`${result.records.length} of ${result.total} record${result.total === 1 ? '' : 's'} shown.`)
    ];
    return { result, blocks, markdown: markdown(blocks), warnings: [] };
}

export function listRecordsCommand(
    snapshot: Snapshot,
    input: { objects?: string[]; search?: string; limit: number }
): CommandOutput<RecordListResult> {
    const available = recordObjects(snapshot);
    const objects = input.objects?.length ? input.objects : available;
    for (const o of objects) {
        if (!available.some((a) => a.toLowerCase() === o.toLowerCase()))
            throw new InputError(
                `The snapshot has no ${o} records. It has: ${available.join(', ')}.`,
                [],
                'UnknownObject'
            );
    }
    const owners = new Map<string, string>();
    for (const u of tableRows(snapshot, 'User')) owners.set(str(u.Id).slice(0, 15), str(u.Name));
    for (const g of tableRows(snapshot, 'Group')) owners.set(str(g.Id).slice(0, 15), str(g.Name));
    const all: RecordListEntry[] = [];
    for (const o of available.filter((a) => objects.some((x) => x.toLowerCase() === a.toLowerCase()))) {
        for (const row of tableRows(snapshot, o)) {
            const entry = {
                id: str(row.Id),
                object: o,
                name: recordName(row),
                ownerId: str(row.OwnerId),
                owner: owners.get(str(row.OwnerId).slice(0, 15)) ?? ''
            };
            if (matchesSearch([entry.name, entry.id], input.search)) all.push(entry);
        }
    }
    return recordListOutput({ total: all.length, records: all.slice(0, input.limit) }, 'the snapshot');
}
