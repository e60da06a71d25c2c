/**
 * `access-xray` entry point: parse flags, get the evidence (a snapshot file, the demo org,
 * or an org through `@salesforce/core` + the collector), run the pure command, print human
 * output or the `--json` envelope, and exit with the documented code (docs/cli.md).
 * Errors are one line on stderr (no stack trace unless --debug); nothing is written half-way.
 */
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
    loadSnapshot,
    SnapshotError,
    type Operation,
    type Snapshot
} from '../../lwc-src/lwc/accessXrayEngine/accessXrayEngine';
import { COMMANDS, helpText, outputPreferences, parseArgs, type ParsedArgs } from './args';
import { collect, type CollectRequest } from './collector';
import {
    checkRecordId,
    checkUserRef,
    compareCommand,
    explainCommand,
    whatIfCommand,
    whoCanSeeCommand,
    type CommandOutput,
    type OutputFormat,
    type WhatIfFlag
} from './commands';
import { connect } from './connection';
import { CliError, EXIT_INTERNAL, EXIT_OK, InputError, UsageError } from './errors';
import { CLI_VERSION } from './version';

export const DEFAULT_API_VERSION = '62.0';

/** Package root: this file is cli/src/main.ts in the sources and dist/cli/access-xray.mjs when bundled. */
function packageRoot(): string {
    return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
}

export function demoSnapshotPath(): string {
    return join(packageRoot(), 'data', 'demo-org.snapshot.json');
}

export interface Io {
    stdout: (text: string) => void;
    stderr: (text: string) => void;
    /** Is stderr a terminal (progress bar)? */
    stderrIsTty: boolean;
}

const defaultIo: Io = {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    stderrIsTty: !!process.stderr.isTTY || process.env.ACCESS_XRAY_PROGRESS === '1'
};

/** Read and validate a snapshot file (or `demo`); every failure is one InputError line. */
export function readSnapshot(source: string): Snapshot {
    const path = source === 'demo' ? demoSnapshotPath() : resolve(source);
    const label = source === 'demo' ? `the demo snapshot (${path})` : path;
    if (!existsSync(path)) throw new InputError(`No snapshot file at ${label}.`, [], 'SnapshotNotFound');
    if (statSync(path).isDirectory())
        throw new InputError(`${label} is a directory, not a snapshot file.`, [], 'SnapshotNotFound');
    let raw: unknown;
    try {
        raw = JSON.parse(readFileSync(path, 'utf8'));
    } catch (err) {
        throw new InputError(
            `${label} is not valid JSON: ${(err as Error).message.split('\n')[0]}`,
            [],
            'MalformedSnapshot'
        );
    }
    validateSnapshot(raw, label);
    return raw as Snapshot;
}

function validateSnapshot(raw: unknown, label: string): void {
    try {
        loadSnapshot(raw);
    } catch (err) {
        if (err instanceof SnapshotError)
            throw new InputError(`${label} is not a valid snapshot: ${err.message}`, [], 'MalformedSnapshot');
        throw err;
    }
}

/** Write a file atomically: a temporary file next to it, then a rename. */
export function writeAtomically(file: string, content: string): string {
    const target = resolve(file);
    const dir = dirname(target);
    if (!existsSync(dir) || !statSync(dir).isDirectory())
        throw new InputError(`Can't write ${file}: the folder ${dir} does not exist.`, [], 'BadOutputFile');
    if (existsSync(target) && statSync(target).isDirectory())
        throw new InputError(`Can't write ${file}: it is a directory.`, [], 'BadOutputFile');
    const temp = join(dir, `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
    try {
        writeFileSync(temp, content, { encoding: 'utf8', mode: 0o600 });
        renameSync(temp, target);
    } catch (err) {
        rmSync(temp, { force: true });
        throw new InputError(`Can't write ${file}: ${(err as Error).message.split('\n')[0]}`, [], 'BadOutputFile');
    }
    return target;
}

function progressBar(io: Io, label: string): (done: number, total: number) => void {
    return (done, total) => {
        if (!io.stderrIsTty || total === 0) return;
        const width = 24;
        const filled = Math.round((done / total) * width);
        io.stderr(
            `\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`
        );
    };
}

function str(flags: ParsedArgs['flags'], name: string): string | undefined {
    const v = flags[name];
    return typeof v === 'string' ? v : undefined;
}

function list(flags: ParsedArgs['flags'], name: string): string[] {
    const v = flags[name];
    return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
}

function positiveInt(flags: ParsedArgs['flags'], name: string, fallback: number, max: number): number {
    const v = str(flags, name);
    if (v === undefined) return fallback;
    if (!/^\d+$/.test(v) || Number(v) > max)
        throw new UsageError(`--${name} must be a whole number from 0 to ${max} (got "${v}").`);
    return Number(v);
}

interface Source {
    snapshot: Snapshot;
    /** Set when the evidence came from an org. */
    collected?: { queries: number; requests: number; rows: number; totalUsers?: number; userIds: string[] };
}

async function evidence(args: ParsedArgs, request: Omit<CollectRequest, 'maxRows'>): Promise<Source> {
    const snapshotFlag = str(args.flags, 'snapshot');
    const targetOrg = str(args.flags, 'target-org');
    if (snapshotFlag && targetOrg) throw new UsageError('Give either --target-org or --snapshot, not both.');
    if (snapshotFlag) return { snapshot: readSnapshot(snapshotFlag) };
    const timeout = positiveInt(args.flags, 'timeout', 60, 3600);
    const transport = await connect({
        ...(targetOrg ? { targetOrg } : {}),
        apiVersion: str(args.flags, 'api-version') ?? DEFAULT_API_VERSION,
        timeoutMs: Math.max(1, timeout) * 1000
    });
    // --max-rows: the row cap of each step of the evidence plan (default: the plan's own caps).
    const collected = await collect(transport, {
        ...request,
        ...(args.flags['max-rows'] !== undefined ? { maxRows: positiveInt(args.flags, 'max-rows', 50_000, 1_000_000) } : {})
    });
    validateSnapshot(collected.snapshot, 'the collected snapshot');
    return {
        snapshot: collected.snapshot,
        collected: {
            ...collected.stats,
            userIds: collected.userIds,
            ...(collected.totalUsers !== undefined ? { totalUsers: collected.totalUsers } : {})
        }
    };
}

function format(args: ParsedArgs): OutputFormat {
    return str(args.flags, 'format') === 'markdown' ? 'markdown' : 'text';
}

function whatIfFlag(args: ParsedArgs): WhatIfFlag {
    const given = (['add-permission-set', 'add-to-group', 'share'] as const).filter((f) => args.flags[f] !== undefined);
    if (given.length !== 1) {
        throw new UsageError(
            `what-if needs exactly one of --add-permission-set, --add-to-group or --share (got ${given.length ? given.map((g) => `--${g}`).join(' and ') : 'none'}).`
        );
    }
    const ps = str(args.flags, 'add-permission-set');
    const group = str(args.flags, 'add-to-group');
    if (ps) return { addPermissionSet: ps };
    if (group) return { addToGroup: group };
    return { share: str(args.flags, 'share') as 'Read' | 'Edit' };
}

type Outcome = CommandOutput<unknown> & { collected?: Source['collected'] };

async function runCommand(args: ParsedArgs, io: Io): Promise<Outcome> {
    const record = str(args.flags, 'record') as string;
    switch (args.command) {
        case 'explain': {
            const user = str(args.flags, 'user') as string;
            checkUserRef(user);
            checkRecordId(record);
            const src = await evidence(args, { users: [user], recordId: record });
            const userRef = src.collected ? (src.snapshot.subjects?.[0]?.userId ?? user) : user;
            const op = str(args.flags, 'operation') as Operation | undefined;
            return {
                ...explainCommand(src.snapshot, {
                    user: userRef,
                    recordId: record,
                    ...(op ? { operation: op } : {}),
                    format: format(args)
                }),
                ...(src.collected ? { collected: src.collected } : {})
            };
        }
        case 'compare': {
            const users = list(args.flags, 'user');
            if (users.length !== 2)
                throw new UsageError(`compare needs exactly two --user flags (got ${users.length}).`);
            users.forEach((u) => checkUserRef(u));
            checkRecordId(record);
            const src = await evidence(args, { users, recordId: record });
            const refs = src.collected ? (src.snapshot.subjects ?? []).map((s) => s.userId) : users;
            return {
                ...compareCommand(src.snapshot, {
                    users: refs.length === 2 ? refs : users,
                    recordId: record,
                    format: format(args)
                }),
                ...(src.collected ? { collected: src.collected } : {})
            };
        }
        case 'who-can-see': {
            checkRecordId(record);
            const limit = positiveInt(args.flags, 'limit', 50, 1000);
            const offset = positiveInt(args.flags, 'offset', 0, 10_000_000);
            if (limit === 0) throw new UsageError('--limit must be at least 1.');
            const fromOrg = !str(args.flags, 'snapshot');
            const after = str(args.flags, 'after');
            if (after !== undefined && !fromOrg)
                throw new UsageError("--after pages an org's users; with --snapshot use --offset.");
            if (after !== undefined && !/^005[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?$/.test(after)) {
                throw new UsageError(
                    `--after must be a User id (005…), the one printed as the next-page hint (got "${after}").`
                );
            }
            if (fromOrg && offset > 2000) {
                throw new UsageError(
                    "SOQL OFFSET stops at 2000: page the org's users with --after <last user id> (printed as the next-page hint)."
                );
            }
            const src = await evidence(args, {
                users: [],
                recordId: record,
                allUsers: { limit, offset, ...(after ? { after } : {}) },
                verifyEachUser: args.flags.verify === true,
                progress: progressBar(io, 'UserRecordAccess')
            });
            const page = src.collected?.userIds ?? [];
            const last = page[page.length - 1];
            // From an org the page of users was chosen by the query: every user of the snapshot is listed.
            const out = whoCanSeeCommand(src.snapshot, {
                recordId: record,
                limit: fromOrg ? Math.max(limit, (src.snapshot.tables.User ?? []).length) : limit,
                offset: fromOrg ? 0 : offset,
                format: format(args),
                ...(src.collected?.totalUsers !== undefined
                    ? {
                          orgPage: {
                              activeUsersInOrg: src.collected.totalUsers,
                              usersRead: page.length,
                              pageSize: limit,
                              ...(page.length === limit && last ? { nextAfter: last } : {})
                          }
                      }
                    : {})
            });
            return { ...out, ...(src.collected ? { collected: src.collected } : {}) };
        }
        case 'what-if': {
            const user = str(args.flags, 'user') as string;
            checkUserRef(user);
            checkRecordId(record);
            const flag = whatIfFlag(args);
            const extra: Partial<CollectRequest> =
                'addPermissionSet' in flag && /^0P[SG][a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?$/.test(flag.addPermissionSet)
                    ? { permissionSetIds: [flag.addPermissionSet] }
                    : 'addToGroup' in flag && /^00G[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?$/.test(flag.addToGroup)
                      ? { groupIds: [flag.addToGroup] }
                      : {};
            if (!str(args.flags, 'snapshot') && 'addPermissionSet' in flag && !extra.permissionSetIds) {
                throw new UsageError(
                    'With --target-org, give the permission set by Id (0PS… or 0PG…): names are resolved only in snapshots.'
                );
            }
            if (!str(args.flags, 'snapshot') && 'addToGroup' in flag && !extra.groupIds) {
                throw new UsageError(
                    'With --target-org, give the group or queue by Id (00G…): the collector reads only the groups the question names.'
                );
            }
            const src = await evidence(args, { users: [user], recordId: record, ...extra });
            const userRef = src.collected ? (src.snapshot.subjects?.[0]?.userId ?? user) : user;
            const op = str(args.flags, 'operation') as Operation | undefined;
            return {
                ...whatIfCommand(src.snapshot, {
                    user: userRef,
                    recordId: record,
                    flag,
                    ...(op ? { operation: op } : {}),
                    format: format(args)
                }),
                ...(src.collected ? { collected: src.collected } : {})
            };
        }
        case 'collect': {
            const users = list(args.flags, 'user');
            users.forEach((u) => checkUserRef(u));
            checkRecordId(record);
            const output = str(args.flags, 'output-file') as string;
            // Check the destination before spending API calls on it.
            const dir = dirname(resolve(output));
            if (!existsSync(dir))
                throw new InputError(`Can't write ${output}: the folder ${dir} does not exist.`, [], 'BadOutputFile');
            const src = await evidence(args, {
                users,
                recordId: record,
                permissionSetIds: list(args.flags, 'add-permission-set')
            });
            const path = writeAtomically(output, `${JSON.stringify(src.snapshot, null, 2)}\n`);
            const stats = src.collected ?? { queries: 0, requests: 0, rows: 0 };
            const unavailable = src.snapshot.meta.unavailable ?? [];
            const lines = [
                `Wrote ${path}`,
                `  ${Object.keys(src.snapshot.tables).length} tables, ${stats.rows} rows, ${stats.queries} queries (${stats.requests} API requests).`,
                ...unavailable.map((u) => `  Not read: ${u.table} — ${u.reason}`)
            ];
            return {
                result: {
                    path,
                    queries: stats.queries,
                    requests: stats.requests,
                    rows: stats.rows,
                    tables: Object.keys(src.snapshot.tables),
                    unavailable,
                    truncated: src.snapshot.meta.truncated ?? []
                },
                human: lines.join('\n'),
                warnings: (src.snapshot.meta.truncated ?? []).map(
                    (t) => `${t.table} was cut at ${t.limit} rows: ${t.reason}`
                ),
                ...(src.collected ? { collected: src.collected } : {})
            };
        }
        default:
            throw new UsageError(`Unknown command ${args.command}.`);
    }
}

function errorEnvelope(err: CliError, debug: boolean): Record<string, unknown> {
    return {
        status: err.exitCode,
        name: err.errorName,
        message: err.message,
        exitCode: err.exitCode,
        ...(err.actions.length ? { actions: err.actions } : {}),
        ...(debug && err.stack ? { stack: err.stack } : {})
    };
}

/** Run the CLI; returns the exit code (the caller sets it). */
export async function run(argv: string[], io: Io = defaultIo): Promise<number> {
    const prefs = outputPreferences(argv);
    try {
        const args = parseArgs(argv);
        if (args.command === 'help') {
            const text = args.flags.version ? `access-xray ${CLI_VERSION}` : helpText(args.helpFor);
            io.stdout(
                prefs.json
                    ? `${JSON.stringify({ status: 0, result: { help: text, commands: Object.keys(COMMANDS) } }, null, 2)}\n`
                    : `${text}\n`
            );
            return EXIT_OK;
        }
        const outcome = await runCommand(args, io);
        const collected = outcome.collected
            ? { queries: outcome.collected.queries, requests: outcome.collected.requests, rows: outcome.collected.rows }
            : undefined;
        if (args.json) {
            io.stdout(
                `${JSON.stringify({ status: 0, result: outcome.result, warnings: outcome.warnings, ...(collected ? { collected } : {}) }, null, 2)}\n`
            );
        } else {
            io.stdout(`${outcome.human.trimEnd()}\n`);
            for (const w of outcome.warnings) io.stderr(`Warning: ${w}\n`);
            if (collected && args.command !== 'collect')
                io.stderr(
                    `Collected with ${collected.queries} queries (${collected.requests} API requests, ${collected.rows} rows).\n`
                );
        }
        return EXIT_OK;
    } catch (raw) {
        const err =
            raw instanceof CliError
                ? raw
                : new CliError(
                      `internal error: ${(raw as Error)?.message?.split('\n')[0] ?? String(raw)} (run again with --debug and report it)`,
                      EXIT_INTERNAL,
                      'InternalError'
                  );
        if (raw !== err && raw instanceof Error && raw.stack) err.stack = raw.stack;
        if (prefs.json) {
            io.stdout(`${JSON.stringify(errorEnvelope(err, prefs.debug), null, 2)}\n`);
        } else {
            // One line: the message, then what to do about it.
            io.stderr(`Error (${err.errorName}): ${[err.message, ...err.actions].join(' ')}\n`);
            if (prefs.debug && err.stack) io.stderr(`${err.stack}\n`);
        }
        return err.exitCode;
    }
}
