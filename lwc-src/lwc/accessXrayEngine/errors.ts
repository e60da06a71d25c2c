/**
 * Typed errors with actionable messages. The engine never lets a malformed snapshot reach
 * the layers: `loadSnapshot` throws `SnapshotError` naming the JSON path; `explain` throws
 * `ExplainError` for an unknown user or record.
 */

export class SnapshotError extends Error {
    /** JSON path of the offending value, e.g. `tables.AccountShare[3].UserOrGroupId`. */
    readonly path: string;
    /** What is wrong with it, e.g. `expected an 18- or 15-character Salesforce id, got 42`. */
    readonly problem: string;

    constructor(path: string, problem: string) {
        super(path ? `${path}: ${problem}` : problem);
        this.name = 'SnapshotError';
        this.path = path;
        this.problem = problem;
    }
}

export type ExplainErrorCode = 'unknownUser' | 'unknownRecord' | 'badRequest' | 'outOfScope';

export class ExplainError extends Error {
    readonly code: ExplainErrorCode;

    constructor(code: ExplainErrorCode, message: string) {
        super(message);
        this.name = 'ExplainError';
        this.code = code;
    }
}
