/**
 * Run `access-xray …` (the alias of `sf xray`, built by `npm run build`) as a user would, with a
 * throwaway HOME so no real `sf` logins or config are read or written, and log that HOME in to a
 * fake org through `@salesforce/core` (AuthInfo + alias): with an access token (the files
 * `sf org login access-token` writes) or with a refresh token (what `sf org login web` /
 * `sfdx-url` logins hold, so the connection can renew its session).
 *
 * `runCli` runs the command in one Node process per test file that has oclif loaded already
 * (helpers/cliWorker.mjs: the same oclif run, error handler and exit codes as the bin, a fresh
 * environment, HOME, working folder and @salesforce/core state per command), so a test pays
 * Node's and oclif's start-up once, not per command. `spawnCli` spawns bin/access-xray.js as its
 * own process, for what only a real process shows (the bin itself, the Node version check, exit
 * codes as the shell sees them); tests/cli/cliHarness.test.ts checks both give the same result.
 */
import { execFile, fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './engine';

export const BIN = join(ROOT, 'bin', 'access-xray.js');
export const FIXTURE = join(ROOT, 'tests', 'cli', 'fixtures', 'mini-org.snapshot.json');

export interface CliRun {
    code: number | null;
    stdout: string;
    stderr: string;
}

export function freshHome(): string {
    return mkdtempSync(join(tmpdir(), 'axr-home-'));
}

function childEnv(home: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    return {
        PATH: process.env.PATH ?? '',
        HOME: home,
        USERPROFILE: home,
        SF_DISABLE_TELEMETRY: 'true',
        SF_DISABLE_AUTOUPDATE: 'true',
        SF_USE_GENERIC_UNIX_KEYCHAIN: 'true',
        SFDX_USE_GENERIC_UNIX_KEYCHAIN: 'true',
        SF_SKIP_NEW_VERSION_CHECK: 'true',
        SF_AUTOUPDATE_DISABLE: 'true',
        // Progress bars and spinners draw only for people; tests read plain lines.
        SF_USE_PROGRESS_BAR: 'false',
        // The fake org is plain http on loopback: silence Node's "insecure protocol" warning.
        NODE_NO_WARNINGS: '1',
        ...extra
    };
}

/** Run a program asynchronously (an in-process fake org keeps serving meanwhile). */
export function runProgram(
    program: string,
    args: string[],
    opts: { home?: string; env?: Record<string, string>; cwd?: string } = {}
): Promise<CliRun> {
    const home = opts.home ?? freshHome();
    return new Promise((resolve, reject) => {
        const child = spawn(program, args, { cwd: opts.cwd ?? ROOT, env: childEnv(home, opts.env) });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
}

/** Spawn `node bin/access-xray.js <args>` (the same as `sf xray <args>`) with the test's Node, as its own process. */
export function spawnCli(
    args: string[],
    opts: { home?: string; env?: Record<string, string>; cwd?: string } = {}
): Promise<CliRun> {
    return runProgram(process.execPath, [BIN, ...args], opts);
}

const WORKER = join(ROOT, 'tests', 'cli', 'helpers', 'cliWorker.mjs');

interface Pending {
    resolve: (run: CliRun) => void;
    reject: (err: Error) => void;
}

/** The test file's command runner process: started on first use, stopped after the file's tests. */
class CliWorker {
    private readonly child: ChildProcess;
    private readonly pending = new Map<number, Pending>();
    private readonly ready: Promise<void>;
    private nextId = 1;
    private output = '';

    constructor() {
        this.child = fork(WORKER, [], {
            cwd: ROOT,
            env: childEnv(freshHome()),
            execArgv: [],
            stdio: ['ignore', 'pipe', 'pipe', 'ipc']
        });
        // Whatever the worker prints outside a command (it should print nothing): kept for the error message.
        const keep = (d: Buffer): void => {
            this.output = `${this.output}${d.toString()}`.slice(-4000);
        };
        this.child.stdout?.on('data', keep);
        this.child.stderr?.on('data', keep);
        this.ready = new Promise((resolve, reject) => {
            this.child.once('message', () => resolve());
            this.child.once('exit', (code) => reject(new Error(`the CLI worker exited (${String(code)}) before it was ready: ${this.output}`)));
        });
        this.child.on('message', (message: CliRun & { id?: number; failure?: string }) => {
            const waiting = message.id === undefined ? undefined : this.pending.get(message.id);
            if (!waiting || message.id === undefined) return;
            this.pending.delete(message.id);
            if (message.failure) waiting.reject(new Error(`the CLI worker failed: ${message.failure}`));
            else waiting.resolve({ code: message.code, stdout: message.stdout, stderr: message.stderr });
        });
        this.child.on('exit', (code) => {
            for (const waiting of this.pending.values()) waiting.reject(new Error(`the CLI worker exited (${String(code)}): ${this.output}`));
            this.pending.clear();
            if (worker === this) worker = undefined;
        });
    }

    async run(args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<CliRun> {
        await this.ready;
        const id = this.nextId++;
        return new Promise((resolve, reject) => {
            this.pending.set(id, { resolve, reject });
            this.child.send({ id, args, env, cwd });
        });
    }

    stop(): void {
        this.child.kill();
    }
}

let worker: CliWorker | undefined;

// One worker per test file (Jest gives each file its own module registry): stop it after the file.
afterAll(() => {
    worker?.stop();
    worker = undefined;
});

/**
 * Run `access-xray <args>` (the same as `sf xray <args>`): a fresh environment with `home` as
 * HOME, `cwd` as the working folder; its exit code, stdout and stderr, as a spawned process gives them.
 */
export function runCli(
    args: string[],
    opts: { home?: string; env?: Record<string, string>; cwd?: string } = {}
): Promise<CliRun> {
    worker ??= new CliWorker();
    return worker.run(args, childEnv(opts.home ?? freshHome(), opts.env), opts.cwd ?? ROOT);
}

/** Store an access-token login for `alias` in `home`, pointing at the fake org. */
export function loginToFakeOrg(home: string, alias: string, instanceUrl: string, accessToken: string): Promise<void> {
    const script = `import { AuthInfo, StateAggregator } from '@salesforce/core';
const auth = await AuthInfo.create({ accessTokenOptions: { accessToken: ${JSON.stringify(accessToken)}, instanceUrl: ${JSON.stringify(instanceUrl)}, loginUrl: ${JSON.stringify(instanceUrl)} } });
await auth.save();
const state = await StateAggregator.getInstance();
await state.aliases.setAndSave(${JSON.stringify(alias)}, auth.getUsername());`;
    return new Promise((resolve, reject) => {
        execFile(
            process.execPath,
            ['--input-type=module', '-e', script],
            { cwd: ROOT, env: childEnv(home) },
            (err, _stdout, stderr) =>
                err ? reject(new Error(`fake login failed: ${stderr || err.message}`)) : resolve()
        );
    });
}

/**
 * Store a refresh-token login for `alias` in `home`: `AuthInfo` runs the OAuth refresh-token
 * flow against `loginUrl` (the fake org's front door), as `sf org login sfdx-url` does.
 */
export function loginWithRefreshToken(home: string, alias: string, loginUrl: string, refreshToken: string): Promise<void> {
    const script = `import { AuthInfo, StateAggregator } from '@salesforce/core';
const auth = await AuthInfo.create({ oauth2Options: { refreshToken: ${JSON.stringify(refreshToken)}, loginUrl: ${JSON.stringify(loginUrl)}, clientId: 'PlatformCLI' } });
await auth.save();
const state = await StateAggregator.getInstance();
await state.aliases.setAndSave(${JSON.stringify(alias)}, auth.getUsername());`;
    return new Promise((resolve, reject) => {
        execFile(
            process.execPath,
            ['--input-type=module', '-e', script],
            { cwd: ROOT, env: childEnv(home) },
            (err, _stdout, stderr) =>
                err ? reject(new Error(`refresh-token login failed: ${stderr || err.message}`)) : resolve()
        );
    });
}
