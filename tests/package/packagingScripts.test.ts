/** @jest-environment node */
/**
 * scripts/package/*.mjs (issue 9): create the package, create a version, promote it — run by a
 * user who has a Dev Hub, failing with a clear message when none is authorised.
 * Commands and flags as documented by `sf package create --help`, `sf package version create
 * --help` and `sf package version promote --help` (@salesforce/cli 2.150): a managed package needs
 * --package-type Managed; promotion needs a version built with --code-coverage that passed the
 * 75 % check (ISVforce Guide, "Release a Second-Generation Managed Package").
 * A fake `sf` (SF_BIN) answers from a scenario and logs every call, so the tests assert the exact
 * commands; one test runs the real CLI with an empty HOME to prove the "no Dev Hub" path for real.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLEAN_FILES, makeProject, removeProject } from './fixtureProject';

const REPO = join(__dirname, '..', '..');
const SCRIPTS = join(REPO, 'scripts', 'package');

interface Scenario {
    [command: string]: { status: number; result?: unknown; message?: string };
}

const FAKE_SF = `
const { appendFileSync } = require('node:fs');
const args = process.argv.slice(2).filter((a) => a !== '--json');
appendFileSync(process.env.FAKE_SF_LOG, JSON.stringify(process.argv.slice(2)) + '\\n');
const scenario = JSON.parse(process.env.FAKE_SF_SCENARIO);
const key = Object.keys(scenario).find((k) => args.join(' ').startsWith(k));
const answer = key ? scenario[key] : { status: 1, message: 'fake sf: no answer for ' + args.join(' ') };
process.stdout.write(JSON.stringify({ status: answer.status, result: answer.result, message: answer.message, name: 'FakeError' }));
process.exit(answer.status);
`;

const HUB = { alias: 'devhub', username: 'admin@acme-devhub.example', connectedStatus: 'Connected', isDevHub: true };

let work = '';
let project = '';
beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'axr-sf-'));
    writeFileSync(join(work, 'fake-sf.js'), FAKE_SF);
    writeFileSync(join(work, 'sf'), `#!/bin/sh\nexec "${process.execPath}" "${join(work, 'fake-sf.js')}" "$@"\n`);
    chmodSync(join(work, 'sf'), 0o755);
    project = makeProject();
});
afterEach(() => {
    rmSync(work, { recursive: true, force: true });
    removeProject(project);
});

function run(script: string, args: string[], scenario: Scenario, env: Record<string, string> = {}) {
    const log = join(work, 'calls.log');
    rmSync(log, { force: true });
    const res = spawnSync(process.execPath, [join(SCRIPTS, script), '--project-dir', project, ...args], {
        encoding: 'utf8',
        env: { ...process.env, SF_BIN: join(work, 'sf'), FAKE_SF_LOG: log, FAKE_SF_SCENARIO: JSON.stringify(scenario), ...env }
    });
    const calls = existsSync(log)
        ? readFileSync(log, 'utf8')
              .trim()
              .split('\n')
              .map((l) => JSON.parse(l) as string[])
        : [];
    return { status: res.status, out: `${res.stdout}${res.stderr}`, calls };
}

const withAlias = (aliases: Record<string, string>) => {
    const json = JSON.parse(String(CLEAN_FILES['sfdx-project.json']));
    json.packageAliases = aliases;
    writeFileSync(join(project, 'sfdx-project.json'), JSON.stringify(json, null, 2));
};

describe('Dev Hub check (every org-touching script starts with it)', () => {
    it.each(['create-package.mjs', 'create-version.mjs', 'promote-version.mjs'])('%s: no Dev Hub authorised → exit 1 with how to authorise one', (script) => {
        const extra = script === 'promote-version.mjs' ? ['--package', '04t000000000001AAA'] : script === 'create-version.mjs' ? ['--skip-preflight'] : [];
        const res = run(script, extra, { 'org list': { status: 0, result: { devHubs: [], nonScratchOrgs: [] } } });
        expect(res.status).toBe(1);
        expect(res.out).toContain('No Dev Hub is authorised for the Salesforce CLI on this machine');
        expect(res.out).toContain('sf org login web --set-default-dev-hub --alias devhub');
        expect(res.out).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack trace
        expect(res.calls.map((c) => c.slice(0, 2).join(' '))).toEqual(['org list']);
    });

    it('a --target-dev-hub that is not an authorised Dev Hub is named, with the ones that are', () => {
        const res = run('create-package.mjs', ['--target-dev-hub', 'prod'], { 'org list': { status: 0, result: { devHubs: [HUB] } } });
        expect(res.status).toBe(1);
        expect(res.out).toContain('"prod" is not an authorised Dev Hub (authorised Dev Hubs: devhub)');
    });

    it('no --target-dev-hub and no default: asks for one', () => {
        const res = run('create-package.mjs', [], {
            'org list': { status: 0, result: { devHubs: [HUB] } },
            'config get target-dev-hub': { status: 0, result: [{ name: 'target-dev-hub', key: 'target-dev-hub', success: true }] }
        });
        expect(res.status).toBe(1);
        expect(res.out).toContain('No Dev Hub chosen. Pass --target-dev-hub <alias> (authorised Dev Hubs: devhub)');
    });

    it('an expired Dev Hub authorisation says to log in again', () => {
        const res = run('create-package.mjs', ['--target-dev-hub', 'devhub'], {
            'org list': { status: 0, result: { devHubs: [{ ...HUB, connectedStatus: 'RefreshTokenAuthError' }] } }
        });
        expect(res.status).toBe(1);
        expect(res.out).toContain('is authorised but not connected (RefreshTokenAuthError). Log in again: sf org login web --alias devhub --set-default-dev-hub');
    });

    it('the real Salesforce CLI with an empty HOME (no auth files) takes the "no Dev Hub" path', () => {
        const home = mkdtempSync(join(tmpdir(), 'axr-home-'));
        try {
            const res = spawnSync(process.execPath, [join(SCRIPTS, 'create-package.mjs'), '--project-dir', project], {
                encoding: 'utf8',
                env: { ...process.env, SF_BIN: '', HOME: home, SF_DISABLE_TELEMETRY: 'true', SF_AUTOUPDATE_DISABLE: 'true', SF_SKIP_NEW_VERSION_CHECK: 'true' }
            });
            expect(`${res.stdout}${res.stderr}`).toContain('No Dev Hub is authorised for the Salesforce CLI on this machine');
            expect(res.status).toBe(1);
        } finally {
            rmSync(home, { recursive: true, force: true });
        }
    }, 60000);
});

describe('create-package.mjs', () => {
    it('runs sf package create for a Managed package of force-app on the chosen Dev Hub', () => {
        const res = run('create-package.mjs', ['--target-dev-hub', 'devhub'], {
            'org list': { status: 0, result: { devHubs: [HUB] } },
            'package create': { status: 0, result: { Id: '0Ho000000000001AAA' } }
        });
        expect(res.out).toContain('Created the managed package "Access X-Ray" (0Ho000000000001AAA)');
        expect(res.status).toBe(0);
        expect(res.calls[1]).toEqual([
            'package',
            'create',
            '--name',
            'Access X-Ray',
            '--package-type',
            'Managed',
            '--path',
            'force-app',
            '--description',
            'Access X-Ray',
            '--target-dev-hub',
            HUB.username,
            '--json'
        ]);
        expect(res.out).toContain('placeholder namespace "axray"');
    });

    it('refuses when the package already exists in packageAliases', () => {
        withAlias({ 'Access X-Ray': '0Ho000000000001AAA' });
        const res = run('create-package.mjs', ['--target-dev-hub', 'devhub'], { 'org list': { status: 0, result: { devHubs: [HUB] } } });
        expect(res.status).toBe(1);
        expect(res.out).toContain('already exists (0Ho000000000001AAA');
        expect(res.calls).toEqual([]);
    });

    it('--dry-run prints the exact command and touches no org', () => {
        const res = run('create-package.mjs', ['--dry-run'], {});
        expect(res.status).toBe(0);
        expect(res.out).toContain("sf package create --name 'Access X-Ray' --package-type Managed --path force-app --description 'Access X-Ray' --target-dev-hub '<dev-hub>' --json");
        expect(res.calls).toEqual([]);
    });
});

describe('create-version.mjs', () => {
    const SCENARIO: Scenario = {
        'org list': { status: 0, result: { devHubs: [HUB] } },
        'package version create': { status: 0, result: { Status: 'Success', SubscriberPackageVersionId: '04t000000000001AAA' } }
    };

    it('pre-flight runs the package-content rules and the API surface check before any org call', () => {
        // The fixture has no recorded surface yet: pre-flight must stop before the Dev Hub check.
        const res = run('create-version.mjs', ['--target-dev-hub', 'devhub'], SCENARIO);
        expect(res.status).toBe(1);
        expect(res.out).toContain('Pre-flight found 1 problem(s); no version was created');
        expect(res.out).toContain('docs/apex-api-surface.json is missing');
        expect(res.calls).toEqual([]);
    });

    it('needs the package to exist first', () => {
        const res = run('create-version.mjs', ['--target-dev-hub', 'devhub', '--skip-preflight'], SCENARIO);
        expect(res.status).toBe(1);
        expect(res.out).toContain('is not in sfdx-project.json packageAliases yet. Create it once first: node scripts/package/create-package.mjs');
    });

    it('builds with code coverage and the installation-key choice, then records the API surface of the version', () => {
        withAlias({ 'Access X-Ray': '0Ho000000000001AAA' });
        const first = run('create-version.mjs', ['--target-dev-hub', 'devhub', '--skip-preflight', '--installation-key', 's3cret', '--wait', '30'], SCENARIO);
        expect(first.out).toContain('Created Access X-Ray version 04t000000000001AAA');
        expect(first.status).toBe(0);
        expect(first.calls[1]).toEqual([
            'package',
            'version',
            'create',
            '--package',
            'Access X-Ray',
            '--code-coverage',
            '--installation-key',
            's3cret',
            '--wait',
            '30',
            '--target-dev-hub',
            HUB.username,
            '--json'
        ]);
        const surface = JSON.parse(readFileSync(join(project, 'docs', 'apex-api-surface.json'), 'utf8')) as { signatures: Record<string, string> };
        expect(surface.signatures['AccessXRayController#explain(Id,Id)']).toBe('public static @AuraEnabled String explain(Id,Id)');
        // With the surface recorded, the full pre-flight now passes and the default is --installation-key-bypass.
        const second = run('create-version.mjs', ['--target-dev-hub', 'devhub'], SCENARIO);
        expect(second.out).toContain('Pre-flight: package content rules and Apex API surface pass');
        expect(second.status).toBe(0);
        expect(second.calls[1]).toContain('--installation-key-bypass');
    });

    it('a failed build reports the CLI message, not a stack trace', () => {
        withAlias({ 'Access X-Ray': '0Ho000000000001AAA' });
        const res = run('create-version.mjs', ['--target-dev-hub', 'devhub', '--skip-preflight'], {
            ...SCENARIO,
            'package version create': { status: 1, message: 'Apex Test Failure: AccessXRayControllerTest.refusesWithoutPermission' }
        });
        expect(res.status).toBe(1);
        expect(res.out).toContain('failed: Apex Test Failure: AccessXRayControllerTest.refusesWithoutPermission');
        expect(res.out).not.toMatch(/\n\s+at .+:\d+:\d+/);
    });

    it('rejects contradictory or malformed options with the usage', () => {
        expect(run('create-version.mjs', ['--installation-key', 'k', '--installation-key-bypass'], {}).out).toContain('Use either --installation-key or --installation-key-bypass');
        expect(run('create-version.mjs', ['--wait', 'soon'], {}).out).toContain('--wait takes a number of minutes');
        expect(run('create-version.mjs', ['--bogus'], {}).out).toContain('Unknown option --bogus');
    });
});

describe('promote-version.mjs', () => {
    const report = (overrides: Record<string, unknown>) => ({
        status: 0,
        result: { Version: '1.0.0.1', IsReleased: false, HasPassedCodeCoverageCheck: true, CodeCoverage: { apexCodeCoveragePercentage: 91 }, ...overrides }
    });

    it('refuses a version that did not pass the 75 % code coverage check', () => {
        const res = run('promote-version.mjs', ['--package', '04t000000000001AAA', '--target-dev-hub', 'devhub'], {
            'org list': { status: 0, result: { devHubs: [HUB] } },
            'package version report': report({ HasPassedCodeCoverageCheck: false })
        });
        expect(res.status).toBe(1);
        expect(res.out).toContain('did not pass the 75 % Apex code coverage check');
        expect(res.calls.some((c) => c.join(' ').startsWith('package version promote'))).toBe(false);
    });

    it('refuses without a CHANGELOG section for the version', () => {
        const res = run('promote-version.mjs', ['--package', '04t000000000001AAA', '--target-dev-hub', 'devhub'], {
            'org list': { status: 0, result: { devHubs: [HUB] } },
            'package version report': report({})
        });
        expect(res.status).toBe(1);
        expect(res.out).toContain('CHANGELOG.md has no "## [1.0.0]" section');
    });

    it('promotes an alias from packageAliases with --no-prompt once coverage and CHANGELOG are in order', () => {
        withAlias({ 'Access X-Ray': '0Ho000000000001AAA', 'Access X-Ray@1.0.0-1': '04t000000000001AAA' });
        writeFileSync(join(project, 'CHANGELOG.md'), '# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2026-11-23\n\n- First release.\n');
        const res = run('promote-version.mjs', ['--package', 'Access X-Ray@1.0.0-1', '--target-dev-hub', 'devhub'], {
            'org list': { status: 0, result: { devHubs: [HUB] } },
            'package version report': report({}),
            'package version promote': { status: 0, result: { id: '04t000000000001AAA', success: true } }
        });
        expect(res.out).toContain('Promoted Access X-Ray@1.0.0-1 (1.0.0.1) to released');
        expect(res.status).toBe(0);
        expect(res.calls[2]).toEqual(['package', 'version', 'promote', '--package', '04t000000000001AAA', '--no-prompt', '--target-dev-hub', HUB.username, '--json']);
    });

    it('needs --package', () => {
        const res = run('promote-version.mjs', [], {});
        expect(res.status).toBe(1);
        expect(res.out).toContain('Say which version to promote with --package');
    });
});
