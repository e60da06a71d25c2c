/**
 * Typed CLI errors. Every failure the user can cause or meet ends as one of these, with a
 * one-line actionable message and the exit code documented in docs/cli.md:
 *   1 = usage or input error (bad flag, unknown user/record, malformed snapshot)
 *   2 = org, authentication or network error (unknown alias, expired session, API limit, timeout)
 *   70 = internal error (a bug: please report it with --debug output)
 */
export const EXIT_OK = 0;
export const EXIT_USAGE = 1;
export const EXIT_ORG = 2;
export const EXIT_INTERNAL = 70;

export class CliError extends Error {
    constructor(
        message: string,
        public readonly exitCode: number,
        /** sf-style error name, shown in --json output. */
        public readonly errorName: string,
        /** What to do about it (shown after the message). */
        public readonly actions: string[] = []
    ) {
        super(message);
        this.name = errorName;
    }
}

export class UsageError extends CliError {
    constructor(message: string, actions: string[] = []) {
        super(message, EXIT_USAGE, 'UsageError', actions);
    }
}

/** Input that parses but names something that doesn't exist or has the wrong shape. */
export class InputError extends CliError {
    constructor(message: string, actions: string[] = [], name = 'InputError') {
        super(message, EXIT_USAGE, name, actions);
    }
}

export class OrgError extends CliError {
    constructor(message: string, name = 'OrgError', actions: string[] = []) {
        super(message, EXIT_ORG, name, actions);
    }
}
