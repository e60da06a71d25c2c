/**
 * Spawn `bin/access-xray.js` as a user would (built by `npm run build`), with a throwaway
 * HOME so no real `sf` logins are read or written, and log that HOME in to a fake org with
 * an access token through `@salesforce/core` (AuthInfo + alias), exactly the files
 * `sf org login access-token` would write.
 */
import { execFile, spawn } from 'node:child_process';
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
        // The fake org is plain http on loopback: silence Node's "insecure protocol" warning.
        NODE_NO_WARNINGS: '1',
        ...extra
    };
}

/** Run the CLI asynchronously (an in-process fake org keeps serving meanwhile). */
export function runCli(
    args: string[],
    opts: { home?: string; env?: Record<string, string>; cwd?: string } = {}
): Promise<CliRun> {
    const home = opts.home ?? freshHome();
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? ROOT, env: childEnv(home, opts.env) });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
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
