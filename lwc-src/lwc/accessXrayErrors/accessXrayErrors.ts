/**
 * The one error helper of the panel (reduceErrors-style, as in lwc-recipes): turns whatever
 * was thrown or rejected — Apex `AuraHandledException` bodies, UI API errors, page/field
 * errors, the engine's `SnapshotError` / `ExplainError`, plain `Error`s, strings, arrays of
 * any of these — into a list of readable, de-duplicated messages. Never returns a stack trace
 * and never an empty list for a real error.
 */
import { LABELS, format } from 'c/accessXrayLabels';

type Bag = Record<string, unknown>;

function isBag(value: unknown): value is Bag {
    return typeof value === 'object' && value !== null;
}

function text(value: unknown): string | undefined {
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Messages from one Apex / UI API error body. */
function fromBody(body: unknown): string[] {
    if (Array.isArray(body)) {
        return body.flatMap((item) => fromBody(item));
    }
    if (!isBag(body)) {
        const message = text(body);
        return message ? [message] : [];
    }
    const out: string[] = [];
    // UI API DML errors: body.output.errors[] and body.output.fieldErrors{field: []}
    const output = body.output;
    if (isBag(output)) {
        if (Array.isArray(output.errors)) {
            out.push(...output.errors.flatMap((e) => fromBody(e)));
        }
        if (isBag(output.fieldErrors)) {
            out.push(...Object.values(output.fieldErrors).flatMap((e) => fromBody(e)));
        }
    }
    // Apex DML: pageErrors[] / fieldErrors{}
    if (Array.isArray(body.pageErrors)) {
        out.push(...body.pageErrors.flatMap((e) => fromBody(e)));
    }
    if (isBag(body.fieldErrors)) {
        out.push(...Object.values(body.fieldErrors).flatMap((e) => fromBody(e)));
    }
    const message = text(body.message);
    if (message) {
        out.push(message);
    }
    return out;
}

/** Messages from one thrown value. */
function fromOne(error: unknown): string[] {
    if (error === null || error === undefined) {
        return [];
    }
    const plain = text(error);
    if (plain) {
        return [plain];
    }
    if (!isBag(error)) {
        return [String(error)];
    }
    // Apex / wire errors carry a body (object or array).
    if ('body' in error && error.body !== undefined && error.body !== null) {
        const fromApex = fromBody(error.body);
        if (fromApex.length > 0) {
            return fromApex;
        }
    }
    // The engine's SnapshotError names the JSON path and the problem.
    const path = text(error.path);
    const problem = text(error.problem);
    if (error.name === 'SnapshotError' && path && problem) {
        return [format(LABELS.errorSnapshot, path, problem)];
    }
    const message = text(error.message);
    if (message) {
        return [message];
    }
    const statusText = text(error.statusText);
    if (statusText) {
        return [statusText];
    }
    return [];
}

/**
 * Readable messages for any error (or list of errors). Unknown shapes yield the generic
 * "unknown error" label rather than nothing, so a failure is never silent.
 */
export function reduceErrors(errors: unknown): string[] {
    const list = Array.isArray(errors) ? errors : [errors];
    const messages = list.flatMap((error) => fromOne(error));
    const unique = [...new Set(messages)];
    if (unique.length === 0 && list.some((error) => error !== null && error !== undefined)) {
        return [LABELS.errorUnknown];
    }
    return unique;
}

/** One error as the panel shows it: a plain sentence, what to do, technical details kept apart. */
export interface ReadableError {
    /** Plain language: no JSON paths, no stack. */
    message: string;
    /** Technical details (JSON path, ids) shown only when the reader expands them. */
    details: string[];
    /** True when trying the same thing again can help (timeouts, network, row locks, stale evidence). */
    retryable: boolean;
}

/** JSON paths inside an engine message ("(tables.UserRole)", "tables.User[3].Id: …"). */
const JSON_PATH = /\s*\((?:tables|meta|metadata|settings|describe|subjects)(?:\.[\w$]+|\[\d+\])+\)|(?:tables|meta|metadata|settings|describe)(?:\.[\w$]+|\[\d+\])+:\s*/g;

/** Transient failures: trying again can help. */
const TRANSIENT =
    /time(?:d)?\s*out|timeout|unable to lock row|UNABLE_TO_LOCK_ROW|disconnected|network|failed to fetch|ECONNRESET|service unavailable|REQUEST_LIMIT_EXCEEDED|concurrent|try again/i;

function withoutJsonPaths(message: string): { message: string; details: string[] } {
    const paths = message.match(JSON_PATH)?.map((m) => m.replace(/^[\s(]+|[\s):]+$/g, '')) ?? [];
    const stripped = message
        .replace(JSON_PATH, ' ')
        .replace(/\s+([.,;:])/g, '$1')
        .replace(/\s{2,}/g, ' ')
        .trim();
    return paths.length > 0 && stripped ? { message: stripped, details: [message] } : { message, details: [] };
}

function describeOne(error: unknown): ReadableError[] {
    if (isBag(error) && error.name === 'SnapshotError') {
        // Malformed evidence: a defect to report, not something a retry fixes.
        return [
            {
                message: LABELS.errorEvidenceDamaged,
                details: reduceErrors(error),
                retryable: false
            }
        ];
    }
    if (isBag(error) && error.name === 'ExplainError') {
        const technical = text(error.message) ?? '';
        switch (error.code) {
            case 'unknownUser':
                return [{ message: LABELS.errorUnknownUser, details: [technical], retryable: false }];
            case 'unknownRecord':
                return [{ message: LABELS.errorUnknownRecord, details: [technical], retryable: false }];
            case 'outOfScope':
                return [{ message: LABELS.errorOutOfScope, details: [technical], retryable: true }];
            default:
                break;
        }
    }
    const status = isBag(error) && typeof error.status === 'number' ? error.status : undefined;
    const network = status === 0 || status === 503 || status === 504;
    return reduceErrors(error).map((message) => {
        const p = withoutJsonPaths(message);
        return { ...p, retryable: network || TRANSIENT.test(message) };
    });
}

/**
 * The errors as the panel shows them: each a plain sentence (JSON paths moved to the details),
 * with whether retrying can help. Never empty for a real error.
 */
export function describeErrors(errors: unknown): ReadableError[] {
    const list = Array.isArray(errors) ? errors : [errors];
    const out: ReadableError[] = [];
    for (const error of list) {
        for (const item of describeOne(error)) {
            if (!out.some((o) => o.message === item.message)) {
                out.push(item);
            }
        }
    }
    if (out.length === 0 && list.some((e) => e !== null && e !== undefined)) {
        return [{ message: LABELS.errorUnknown, details: [], retryable: true }];
    }
    return out;
}
