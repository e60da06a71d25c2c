// Shared helpers of the packaging scripts: argument parsing, running the Salesforce CLI with
// --json, and the Dev Hub check every org-touching step starts with.
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** A failure the user can fix; the scripts print its message (never a stack trace) and exit 1. */
export class PackagingError extends Error {}

/**
 * Parses `--name value` and `--flag` options. `spec` maps each option to 'value' or 'flag';
 * unknown options and missing values are errors with the usage text.
 */
export function parseArgs(argv, spec, usage) {
    const opts = {};
    for (let i = 0; i < argv.length; i += 1) {
        const arg = argv[i];
        if (arg === '--help' || arg === '-h') {
            opts.help = true;
            continue;
        }
        const [name, inline] = arg.startsWith('--') ? arg.slice(2).split(/=(.*)/s) : [arg, undefined];
        const kind = spec[name];
        if (!kind) throw new PackagingError(`Unknown option ${arg}.\n${usage}`);
        if (kind === 'flag') opts[name] = true;
        else {
            const value = inline ?? argv[i + 1];
            if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new PackagingError(`Option --${name} needs a value.\n${usage}`);
            opts[name] = value;
            if (inline === undefined) i += 1;
        }
    }
    return opts;
}

/** The Salesforce CLI to run: $SF_BIN, else the project's own @salesforce/cli, else `sf` on PATH. */
export function sfCommand(root) {
    if (process.env.SF_BIN) return process.env.SF_BIN;
    const local = join(root, 'node_modules', '.bin', 'sf');
    return existsSync(local) ? local : 'sf';
}

/** Quotes an argument for display (the commands are printed exactly as run). */
export function shellQuote(arg) {
    return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${String(arg).replace(/'/g, `'\\''`)}'`;
}

/** The command line as a user would type it. */
export function displayCommand(args) {
    return ['sf', ...args].map(shellQuote).join(' ');
}

/**
 * Runs `sf <args> --json` and returns the parsed result. A non-zero status becomes a
 * PackagingError carrying the CLI's own message (and its suggested actions).
 */
export function runSf(root, args, { spinnerText } = {}) {
    if (spinnerText) process.stderr.write(`${spinnerText}\n`);
    const res = spawnSync(sfCommand(root), [...args, '--json'], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, FORCE_COLOR: '0', SF_AUTOUPDATE_DISABLE: 'true' },
        maxBuffer: 64 * 1024 * 1024
    });
    if (res.error) {
        throw new PackagingError(
            `Could not run the Salesforce CLI (${res.error.message}). Install it (npm ci installs @salesforce/cli) or set SF_BIN to its path.`
        );
    }
    let json;
    try {
        json = JSON.parse(res.stdout);
    } catch {
        throw new PackagingError(`${displayCommand(args)} did not return JSON (exit ${res.status}):\n${(res.stdout + res.stderr).trim()}`);
    }
    if (res.status !== 0 || json.status !== 0) {
        const actions = Array.isArray(json.actions) && json.actions.length > 0 ? `\nSuggested: ${json.actions.join(' ')}` : '';
        throw new PackagingError(`${displayCommand(args)} failed: ${json.message ?? json.name ?? `exit ${res.status}`}${actions}`);
    }
    return json.result;
}

const LOGIN_HINT = 'Authorise one with:  sf org login web --set-default-dev-hub --alias devhub  (a Dev Hub is a production or Developer Edition org with Dev Hub enabled in Setup > Dev Hub).';

/**
 * Resolves the Dev Hub to use: `requested` (alias or username), else the CLI's target-dev-hub.
 * Fails with a clear message when no Dev Hub is authorised, the requested one is not a Dev Hub
 * this CLI knows, or its authorisation has expired. Returns the username to pass to sf.
 */
export function requireDevHub(root, requested) {
    const list = runSf(root, ['org', 'list']);
    const hubs = Array.isArray(list?.devHubs) ? list.devHubs : [];
    if (hubs.length === 0) {
        throw new PackagingError(`No Dev Hub is authorised for the Salesforce CLI on this machine, so no package can be created.\n${LOGIN_HINT}`);
    }
    let target = requested;
    if (!target) {
        const config = runSf(root, ['config', 'get', 'target-dev-hub']);
        target = Array.isArray(config) ? config.find((c) => c.name === 'target-dev-hub' && c.value)?.value : undefined;
    }
    if (!target) {
        const names = hubs.map((h) => h.alias || h.username).join(', ');
        throw new PackagingError(`No Dev Hub chosen. Pass --target-dev-hub <alias> (authorised Dev Hubs: ${names}) or set a default: sf config set target-dev-hub <alias>`);
    }
    const hub = hubs.find((h) => [h.alias, h.username, ...(Array.isArray(h.aliases) ? h.aliases : [])].filter(Boolean).includes(target));
    if (!hub) {
        const names = hubs.map((h) => h.alias || h.username).join(', ');
        throw new PackagingError(`"${target}" is not an authorised Dev Hub (authorised Dev Hubs: ${names}).\n${LOGIN_HINT}`);
    }
    if (hub.connectedStatus && hub.connectedStatus !== 'Connected') {
        throw new PackagingError(`The Dev Hub "${target}" is authorised but not connected (${hub.connectedStatus}). Log in again: sf org login web --alias ${hub.alias || 'devhub'} --set-default-dev-hub`);
    }
    return hub.username;
}

/** sfdx-project.json of `root` and its packaged directory. */
export function readPackageDefinition(root) {
    const file = join(root, 'sfdx-project.json');
    if (!existsSync(file)) throw new PackagingError(`No sfdx-project.json in ${root}`);
    const project = JSON.parse(readFileSync(file, 'utf8'));
    const dir = (project.packageDirectories ?? []).find((d) => d.package);
    if (!dir) throw new PackagingError('sfdx-project.json has no package directory with a "package" name');
    return { project, dir, packageName: dir.package };
}

/** Prints the namespace reminder: `axray` is a placeholder until a registered namespace replaces it. */
export function namespaceNotice(project) {
    if (project.namespace === 'axray') {
        return 'Note: sfdx-project.json uses the placeholder namespace "axray". Package creation succeeds only if "axray" is the namespace you registered and linked to this Dev Hub (Setup > Dev Hub > Namespace Registries); otherwise put your own namespace in sfdx-project.json first.';
    }
    return null;
}

/** Runs `main` and turns a PackagingError into a message and exit code 1 (other errors: 2). */
export async function runMain(main) {
    try {
        await main();
    } catch (error) {
        if (error instanceof PackagingError) {
            console.error(`✖ ${error.message}`);
            process.exit(1);
        }
        console.error(`✖ Unexpected error: ${error?.message ?? error}`);
        process.exit(2);
    }
}
