/**
 * Argument parsing with the Salesforce CLI's conventions: `--flag value`, `--flag=value`,
 * short aliases (`-o`), repeatable flags (`--user A --user B`), boolean flags, and a usage
 * error naming the flag for anything unknown or missing. Pure: argv in, parsed command out.
 */
import { UsageError } from './errors';

export type CommandName = 'explain' | 'collect' | 'who-can-see' | 'compare' | 'what-if' | 'help';

export interface FlagSpec {
    name: string;
    char?: string;
    kind: 'string' | 'boolean';
    multiple?: boolean;
    description: string;
    options?: readonly string[];
}

const SOURCE_FLAGS: FlagSpec[] = [
    {
        name: 'target-org',
        char: 'o',
        kind: 'string',
        description:
            'Alias or username of an org you logged in to with `sf org login` (default: the target-org config value).'
    },
    {
        name: 'snapshot',
        char: 's',
        kind: 'string',
        description: 'Read the evidence from a snapshot file instead of an org; `demo` = the bundled demo org.'
    },
    { name: 'api-version', kind: 'string', description: 'API version for org calls (default 62.0).' },
    { name: 'timeout', kind: 'string', description: 'Seconds to wait for each org request (default 60).' },
    {
        name: 'max-rows',
        kind: 'string',
        description: 'Row cap of each evidence step (default: the plan\'s caps, 2000 rows for most; docs/evidence-plan.md); who-can-see pages: row bound of the org-wide tables (default 50000).'
    }
];

const OUTPUT_FLAGS: FlagSpec[] = [
    {
        name: 'format',
        kind: 'string',
        options: ['text', 'markdown'],
        description: 'Human output as plain text (default) or Markdown for pasting into a Case.'
    }
];

const COMMON_FLAGS: FlagSpec[] = [
    {
        name: 'json',
        kind: 'boolean',
        description: 'Print one JSON object: { status: 0, result } or { status, name, message, exitCode }.'
    },
    { name: 'debug', kind: 'boolean', description: 'Show stack traces of unexpected errors.' },
    { name: 'help', char: 'h', kind: 'boolean', description: 'Show help for the command.' }
];

const RECORD: FlagSpec = {
    name: 'record',
    char: 'r',
    kind: 'string',
    description: 'Id of the record (15 or 18 characters).'
};
const USER: FlagSpec = { name: 'user', char: 'u', kind: 'string', description: 'User Id (005…) or Username.' };
const OPERATION: FlagSpec = {
    name: 'operation',
    kind: 'string',
    options: ['read', 'edit', 'delete', 'transfer', 'share'],
    description: 'The operation to answer for: read, edit, delete, transfer or share.'
};

export interface CommandSpec {
    name: CommandName;
    summary: string;
    usage: string;
    flags: FlagSpec[];
    required: string[];
    examples: string[];
}

export const COMMANDS: Record<Exclude<CommandName, 'help'>, CommandSpec> = {
    explain: {
        name: 'explain',
        summary: "Explain, layer by layer, why a user can or can't read/edit/delete/transfer/share a record.",
        usage: 'access-xray explain --record <Id> --user <Id|Username> [--operation read|edit|delete|transfer|share] (--target-org <alias> | --snapshot <file|demo>)',
        flags: [RECORD, USER, OPERATION, ...SOURCE_FLAGS, ...OUTPUT_FLAGS, ...COMMON_FLAGS],
        required: ['record', 'user'],
        examples: [
            'access-xray explain --snapshot demo --user 005Kx0000000016IAA --record 500Kx0000000001IAA',
            'access-xray explain -o my-sandbox -u pat@partner.example -r 500Kx0000000001IAA --operation edit --format markdown'
        ]
    },
    collect: {
        name: 'collect',
        summary:
            'Read the evidence for users and a record from an org and write it as a snapshot file the engine and the panel can replay.',
        usage: 'access-xray collect --record <Id> --user <Id|Username> [--user …] --output-file <snap.json> [--target-org <alias>]',
        flags: [
            RECORD,
            { ...USER, multiple: true },
            {
                name: 'output-file',
                char: 'f',
                kind: 'string',
                description: 'Where to write the snapshot (written atomically; never contains tokens).'
            },
            {
                name: 'add-permission-set',
                kind: 'string',
                multiple: true,
                description: 'Also read these permission sets (Ids), for later what-if replays.'
            },
            ...SOURCE_FLAGS.filter((f) => f.name !== 'snapshot'),
            ...COMMON_FLAGS
        ],
        required: ['record', 'user', 'output-file'],
        examples: [
            'access-xray collect -o my-sandbox --user pat@partner.example --record 500Kx0000000001IAA --output-file pat-case.json'
        ]
    },
    'who-can-see': {
        name: 'who-can-see',
        summary: 'List every user with access to a record and how they get it (paged).',
        usage: 'access-xray who-can-see --record <Id> [--limit 50] [--offset 0 | --after <UserId>] [--verify] (--target-org <alias> | --snapshot <file|demo>)',
        flags: [
            RECORD,
            { name: 'limit', kind: 'string', description: 'Users per page (default 50, at most 1000).' },
            {
                name: 'offset',
                kind: 'string',
                description: 'Users to skip (default 0; at most 2000 with --target-org, a SOQL limit).'
            },
            {
                name: 'after',
                kind: 'string',
                description:
                    'With --target-org: read the users whose Id comes after this one (the next-page hint prints it).'
            },
            {
                name: 'verify',
                kind: 'boolean',
                description:
                    'With --target-org: also ask UserRecordAccess for each user of the page (one query per user, progress on stderr).'
            },
            ...SOURCE_FLAGS,
            ...OUTPUT_FLAGS,
            ...COMMON_FLAGS
        ],
        required: ['record'],
        examples: [
            'access-xray who-can-see --snapshot demo --record 500Kx0000000001IAA',
            'access-xray who-can-see -o my-sandbox -r 001Kx0000000001IAA --limit 200 --offset 200'
        ]
    },
    compare: {
        name: 'compare',
        summary: 'Compare two users on the same record, layer by layer.',
        usage: 'access-xray compare --user <A> --user <B> --record <Id> (--target-org <alias> | --snapshot <file|demo>)',
        flags: [{ ...USER, multiple: true }, RECORD, ...SOURCE_FLAGS, ...OUTPUT_FLAGS, ...COMMON_FLAGS],
        required: ['user', 'record'],
        examples: [
            'access-xray compare --snapshot demo --user 005Kx0000000016IAA --user 005Kx0000000015IAA --record 500Kx0000000001IAA'
        ]
    },
    'what-if': {
        name: 'what-if',
        summary:
            'Replay the evidence with one change (permission set, group or queue, manual share) and show what it would grant.',
        usage: 'access-xray what-if --record <Id> --user <Id|Username> (--add-permission-set <Id|Name> | --add-to-group <Id|DeveloperName> | --share Read|Edit) (--target-org <alias> | --snapshot <file|demo>)',
        flags: [
            RECORD,
            USER,
            {
                name: 'add-permission-set',
                kind: 'string',
                description: 'Assign this permission set (or permission set group).'
            },
            { name: 'add-to-group', kind: 'string', description: 'Add the user to this public group or queue.' },
            {
                name: 'share',
                kind: 'string',
                options: ['Read', 'Edit'],
                description: 'Share the record manually with the user at this level.'
            },
            OPERATION,
            ...SOURCE_FLAGS,
            ...OUTPUT_FLAGS,
            ...COMMON_FLAGS
        ],
        required: ['record', 'user'],
        examples: [
            'access-xray what-if --snapshot demo --user 005Kx0000000016IAA --record 500Kx0000000001IAA --share Read'
        ]
    }
};

export interface ParsedArgs {
    command: CommandName;
    /** `help` for a specific command. */
    helpFor?: Exclude<CommandName, 'help'>;
    flags: Record<string, string | boolean | string[]>;
    json: boolean;
    debug: boolean;
}

/** Reads `--json`/`--debug` even from argv that fails to parse, so errors can honour them. */
export function outputPreferences(argv: string[]): { json: boolean; debug: boolean } {
    return { json: argv.includes('--json'), debug: argv.includes('--debug') };
}

export function parseArgs(argv: string[]): ParsedArgs {
    const prefs = outputPreferences(argv);
    const [first, ...rest] = argv;
    if (!first || first === '--help' || first === '-h' || first === 'help') {
        const target = first === 'help' ? rest[0] : undefined;
        if (target && !(target in COMMANDS))
            throw new UsageError(`Unknown command "${target}". Commands: ${Object.keys(COMMANDS).join(', ')}.`);
        return {
            command: 'help',
            ...(target ? { helpFor: target as Exclude<CommandName, 'help'> } : {}),
            flags: {},
            ...prefs
        };
    }
    if (first === '--version' || first === '-v') return { command: 'help', flags: { version: true }, ...prefs };
    if (!(first in COMMANDS)) {
        throw new UsageError(
            `Unknown command "${first}". Commands: ${Object.keys(COMMANDS).join(', ')}. Run access-xray --help.`
        );
    }
    const spec = COMMANDS[first as Exclude<CommandName, 'help'>];
    const flags: Record<string, string | boolean | string[]> = {};
    for (let i = 0; i < rest.length; i++) {
        const arg = rest[i] as string;
        let name: string;
        let inline: string | undefined;
        if (arg.startsWith('--')) {
            const eq = arg.indexOf('=');
            name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
            inline = eq > 0 ? arg.slice(eq + 1) : undefined;
        } else if (/^-[A-Za-z]$/.test(arg)) {
            const found = spec.flags.find((f) => f.char === arg.slice(1));
            if (!found)
                throw new UsageError(`Unknown flag ${arg} for ${spec.name}. Run access-xray ${spec.name} --help.`);
            name = found.name;
        } else {
            throw new UsageError(
                `Unexpected argument "${arg}" for ${spec.name}: values go after a flag (e.g. --record ${arg}).`
            );
        }
        const flag = spec.flags.find((f) => f.name === name);
        if (!flag)
            throw new UsageError(`Unknown flag --${name} for ${spec.name}. Run access-xray ${spec.name} --help.`);
        if (flag.kind === 'boolean') {
            if (inline !== undefined) throw new UsageError(`--${name} takes no value.`);
            flags[name] = true;
            continue;
        }
        const value = inline ?? rest[++i];
        if (
            value === undefined ||
            (inline === undefined && value.startsWith('-') && value.length > 1 && !/^-\d/.test(value))
        ) {
            throw new UsageError(`--${name} needs a value.`);
        }
        if (value === '') throw new UsageError(`--${name} needs a non-empty value.`);
        if (flag.options) {
            const match = flag.options.find((o) => o.toLowerCase() === value.toLowerCase());
            if (!match) throw new UsageError(`--${name} must be one of ${flag.options.join(', ')} (got "${value}").`);
            setValue(flags, flag, match);
        } else {
            setValue(flags, flag, value);
        }
    }
    if (flags.help) return { command: 'help', helpFor: spec.name as Exclude<CommandName, 'help'>, flags: {}, ...prefs };
    for (const req of spec.required) {
        if (flags[req] === undefined) throw new UsageError(`Missing --${req} for ${spec.name}. Usage: ${spec.usage}`);
    }
    return { command: spec.name, flags, ...prefs };
}

function setValue(flags: ParsedArgs['flags'], flag: FlagSpec, value: string): void {
    if (flag.multiple) {
        const list = (flags[flag.name] as string[] | undefined) ?? [];
        flags[flag.name] = [...list, value];
    } else {
        if (flags[flag.name] !== undefined) throw new UsageError(`--${flag.name} was given twice.`);
        flags[flag.name] = value;
    }
}

export function helpText(command?: Exclude<CommandName, 'help'>): string {
    if (!command) {
        const lines = [
            'access-xray — explain why a Salesforce user can or cannot access a record, layer by layer.',
            '',
            'Usage: access-xray <command> [flags]',
            '',
            'Commands:'
        ];
        for (const spec of Object.values(COMMANDS)) lines.push(`  ${spec.name.padEnd(12)} ${spec.summary}`);
        lines.push(
            '',
            'Every command takes --json. Run access-xray <command> --help for its flags. Exit codes: 0 ok, 1 usage/input error, 2 org/network error.'
        );
        return lines.join('\n');
    }
    const spec = COMMANDS[command];
    const lines = [spec.summary, '', `Usage: ${spec.usage}`, '', 'Flags:'];
    for (const f of spec.flags) {
        const names = `${f.char ? `-${f.char}, ` : '    '}--${f.name}${f.kind === 'string' ? ' <value>' : ''}`;
        lines.push(`  ${names.padEnd(34)} ${f.description}${f.multiple ? ' (repeatable)' : ''}`);
    }
    lines.push('', 'Examples:', ...spec.examples.map((e) => `  ${e}`));
    return lines.join('\n');
}
