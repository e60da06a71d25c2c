/**
 * Typed errors of the `sf xray` commands. Each is an `SfError` (name, one actionable message,
 * `actions`, exit code), so `SfCommand` prints it the way every `sf` command does and puts it
 * in the standard `--json` error envelope. Exit codes stay inside the Salesforce CLI's table
 * (Salesforce CLI Plugin Developer Guide, "Common Coding Patterns": 0 success, 1 failure,
 * 2 flag errors, 10 TypeErrors, 20 Salesforce server errors, 68 partial success,
 * 69 request timed out, 130 interrupted); docs/cli.md lists which error gives which.
 */
import { SfError } from '@salesforce/core';

export const EXIT_OK = 0;
/** The command didn't run: unknown user or record, malformed snapshot, org login or API problem. */
export const EXIT_FAILED = 1;
/** Flag errors (oclif's own code): a flag combination or value that can't work. */
export const EXIT_USAGE = 2;
/** Salesforce returned an internal server error ("GACK"). */
export const EXIT_SERVER = 20;
/** Partial success: the sweep stopped part-way (its progress file lets it resume). */
export const EXIT_PARTIAL = 68;
/** A request to the org timed out. */
export const EXIT_TIMEOUT = 69;

export class CliError extends SfError {
    /** The error's name ("UnknownUser"), as in the `--json` envelope (an own property: set in the constructor). */
    public declare readonly errorName: string;

    constructor(message: string, exitCode: number, name: string, actions: string[] = []) {
        super(message, name, actions.length ? actions : undefined, exitCode);
        Object.defineProperty(this, 'errorName', { value: name, enumerable: false });
    }

    /** What to do about it (empty when there is nothing to add to the message). */
    get actionList(): string[] {
        return this.actions ?? [];
    }
}

/** A flag value or combination that can't work (what oclif reports for its own flag checks). */
export class UsageError extends CliError {
    constructor(message: string, actions: string[] = []) {
        super(message, EXIT_USAGE, 'UsageError', actions);
    }
}

/** Input that parses but names something that doesn't exist or has the wrong shape. */
export class InputError extends CliError {
    constructor(message: string, actions: string[] = [], name = 'InputError') {
        super(message, EXIT_FAILED, name, actions);
    }
}

/** The org, the login or the network failed; the message says what to try. */
export class OrgError extends CliError {
    constructor(message: string, name = 'OrgError', actions: string[] = [], exitCode = EXIT_FAILED) {
        super(message, exitCode, name, actions);
    }
}
