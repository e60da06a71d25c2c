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
