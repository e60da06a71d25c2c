#!/usr/bin/env node
// `npm run verify:org`: proves the in-org path end to end on a real org, step by step.
//
//   npm run verify:org -- --target-dev-hub <alias>   create a scratch org from config/ and use it
//   npm run verify:org -- --target-org <alias>       use an org you already have (a sandbox, a scratch org)
//   npm run verify:org -- --dry-run [...]            print every step, its expectation and command; touch no org
//
// Steps: build and offline checks; the org; deploy the package source (force-app, what a plain
// `sf project deploy start` deploys) and the demo metadata; seed the demo org (records, users,
// memberships, the site); assign Access_XRay_Admin; run every Apex test with coverage; call the
// real AccessXRayController.collect for every demo scenario (anonymous Apex, as the panel calls
// it) and run the engine on the snapshot it returns; compare with the documented verdict and
// with UserRecordAccess; run the CLI collector on the same org and compare the rows both read;
// call the real AccessXRayController.collectWhoCanSee on the scenarios' records (following the
// background job and reading its pages when the answer is too large for one request), merge the
// pages' answers as the panel does and compare with the CLI's `who-can-see` on the same org;
// write a Markdown + JSON report under artifacts/verify-org/<time>/. Every step prints what it
// expects, the command it runs and, when it fails, what to do. Exit code 0 when every required
// step passed, 1 otherwise, 2 for bad arguments.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expectedWords } from '../demo-org/verdictWords.mjs';
import { displayCommand, parseArgs, sfCommand } from '../package/lib/sf.mjs';
import { collectScript, parseCollectLog, whoCanSeeJobScript, whoCanSeeScript, whoCanSeeSizingScript } from './lib/apexScript.mjs';
import { checkVerdict, comparePublicCounts, compareRows, compareSteps, compareWhoCanSee, failedEvidence, mergedWhoCanSee } from './lib/compare.mjs';
import { markdownReport } from './lib/report.mjs';
import { loadScenarios, lookupOf, pickScenarios } from './lib/scenarios.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const USAGE = `Usage: npm run verify:org -- (--target-dev-hub <alias> | --target-org <alias>) [options]

Proves the Access X-Ray in-org path on a real org and writes a report to paste into an issue.
  --target-dev-hub <alias>  create a scratch org from config/project-scratch-def.json (deleted at the end unless --keep)
  --target-org <alias>      use this org instead (a sandbox or an existing scratch org; never deleted)
  --alias <name>            alias of the scratch org to create (default axr-verify-<time>)
  --namespace <ns>          the package's namespace when it is installed as a managed package (prefixes the Apex class names)
  --scenarios <list>        only these demo scenarios (numbers or keys, comma-separated)
  --skip-seed               the org is already seeded (scripts/scratch-org/seed.sh or an earlier run); also --suffix
  --suffix <text>           the username suffix the seed used (default: a new one, or any when --skip-seed)
  --skip-build              the sources are already built (npm run build) and checked (npm test)
  --skip-tests              do not run the Apex tests
  --skip-cli                do not run the CLI collector for the comparison
  --keep                    keep the scratch org
  --output-dir <dir>        where the report goes (default artifacts/verify-org/<time>)
  --dry-run                 print each step, what it expects and its command; touch no org
  --help                    this text`;

/** Setup steps no API can do (docs/demo-org.md); the report lists them with the scenarios. */
const MANUAL_STEPS = [
    'Territory Models > FY27 Sales Territories > Activate (FY26 stays archived/planning).',
    'Sharing Settings > Edit > Compensation Plan: untick "Grant Access Using Hierarchies".',
    'Sharing Settings > Other Settings: tick "Grant site users access to related cases".',
    'Queues > EMEA Support Queue: tick "Grant Access Using Hierarchies".',
    'Digital Experiences > Settings: partner roles = 3, customer roles = 2 (before seeding users).',
    'Org connection for setup metadata (admin guide § 5): without it restriction rules, sharing rule names, sharing sets and layouts are listed unavailable and the engine says uncertain for them.'
];

class StepError extends Error {
    constructor(message, { command, fix } = {}) {
        super(message);
        this.command = command;
        this.fix = fix;
    }
}

/** `sf <args> --json`, parsed whatever the exit code (failing tests and deploys still return JSON). */
function sfJson(args) {
    const res = spawnSync(sfCommand(ROOT), [...args, '--json'], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, FORCE_COLOR: '0', SF_AUTOUPDATE_DISABLE: 'true' },
        maxBuffer: 512 * 1024 * 1024
    });
    if (res.error) {
        throw new StepError(`Could not run the Salesforce CLI (${res.error.message}). Run npm ci (it installs @salesforce/cli) or set SF_BIN.`, { command: displayCommand(args) });
    }
    try {
        return { status: res.status, json: JSON.parse(res.stdout) };
    } catch {
        throw new StepError(`${displayCommand(args)} did not answer JSON (exit ${res.status}): ${(res.stdout + res.stderr).trim().split('\n').slice(0, 3).join(' ')}`, { command: displayCommand(args) });
    }
}

/** Component failures of a deploy result, one line each. */
function componentFailures(result) {
    const failures = result?.details?.componentFailures ?? result?.files?.filter((f) => f.state === 'Failed') ?? [];
    return (Array.isArray(failures) ? failures : [failures]).map((f) => `${f.fileName ?? f.filePath ?? f.fullName}: ${f.problem ?? f.error}`);
}

function sf(args) {
    const { status, json } = sfJson(args);
    if (status !== 0 || json.status !== 0) {
        const failures = componentFailures(json.result ?? json.data);
        const actions = Array.isArray(json.actions) && json.actions.length ? ` Suggested: ${json.actions.join(' ')}` : '';
        throw new StepError(`${json.message ?? json.name ?? `exit ${status}`}${failures.length ? `\n    ${failures.join('\n    ')}` : ''}${actions}`, { command: displayCommand(args) });
    }
    return json.result;
}

function query(org, soql) {
    const result = sf(['data', 'query', '--query', soql, '--target-org', org]);
    return result?.records ?? [];
}

/** `sf apex run` of a script with __SUFFIX__ replaced; returns the debug log. */
function anonymousApex(org, text, label) {
    const dir = mkdtempSync(join(tmpdir(), 'axr-verify-'));
    const file = join(dir, `${label.replace(/\.apex$/, '')}.apex`);
    writeFileSync(file, text);
    try {
        const { json } = sfJson(['apex', 'run', '--file', file, '--target-org', org]);
        const result = json.result ?? json.data ?? {};
        if (json.status !== 0 && !result.logs && !result.compileProblem && !result.exceptionMessage) {
            throw new StepError(`${label}: ${json.message ?? 'sf apex run failed'}`, { command: displayCommand(['apex', 'run', '--file', `<${label}.apex>`, '--target-org', org]) });
        }
        if (result?.success === false || result?.compiled === false) {
            throw new StepError(
                `${label}: ${result.compileProblem || result.exceptionMessage || 'anonymous Apex failed'}${result.exceptionStackTrace ? ` (${result.exceptionStackTrace.split('\n')[0]})` : ''}`,
                { command: displayCommand(['apex', 'run', '--file', `<${label}.apex>`, '--target-org', org]) }
            );
        }
        return result?.logs ?? '';
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

function node(args) {
    const res = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    return { ok: res.status === 0, status: res.status, stdout: res.stdout ?? '', stderr: res.stderr ?? '' };
}

function git(args) {
    const res = spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' });
    return res.status === 0 ? res.stdout.trim() : null;
}

/** The steps, in order. Each: title, what it expects, the commands it runs (for the dry run and the report), what to do when it fails. */
function steps(opts, ctx) {
    const org = () => ctx.org?.username ?? opts['target-org'] ?? '<scratch org username>';
    const suffix = () => ctx.suffix;
    const seedApex = (n) => `scripts/scratch-org/apex/${n}`;
    const seeding = !opts['skip-seed'];
    return [
        {
            id: 'build',
            title: 'Build and offline checks',
            expect: 'the LWC bundles, the engine and the CLI build; the deploy/package checks find nothing (every bundle has its js-meta.xml, object flags, permission dependencies, description lengths, no ancestor before the first version, only force-app in packageDirectories)',
            commands: ['node scripts/build.mjs --quiet', 'node scripts/gates.mjs --only deploy-package'],
            fix: 'Run npm test and fix what it reports before trying an org.',
            required: true,
            skip: opts['skip-build'] && 'skipped (--skip-build)',
            run: () => {
                const build = node([join(ROOT, 'scripts', 'build.mjs'), '--quiet']);
                if (!build.ok) throw new StepError(`build failed: ${(build.stderr || build.stdout).trim().split('\n').slice(-5).join(' ')}`, { command: 'node scripts/build.mjs --quiet' });
                const gate = node([join(ROOT, 'scripts', 'gates.mjs'), '--only', 'deploy-package']);
                if (!gate.ok) throw new StepError(gate.stdout.trim().split('\n').filter((l) => l.startsWith('[')).join(' '), { command: 'node scripts/gates.mjs --only deploy-package' });
                return 'built; 0 deploy/package findings';
            }
        },
        opts['target-org']
            ? {
                  id: 'org',
                  title: `Use the org ${opts['target-org']}`,
                  expect: 'the CLI is authorised for the org and it is connected',
                  commands: [displayCommand(['org', 'display', '--target-org', opts['target-org'], '--json'])],
                  fix: `Log in again: sf org login web --alias ${opts['target-org']} (add --instance-url https://test.salesforce.com for a sandbox).`,
                  required: true,
                  run: () => {
                      const info = sf(['org', 'display', '--target-org', opts['target-org']]);
                      if (info?.connectedStatus && !/Connected|Unknown/.test(info.connectedStatus)) {
                          throw new StepError(`the org is ${info.connectedStatus}`);
                      }
                      ctx.org = { username: info.username, orgId: info.id, instanceUrl: info.instanceUrl };
                      return `${info.username} (${info.id})`;
                  }
              }
            : {
                  id: 'org',
                  title: 'Create a scratch org from config/project-scratch-def.json',
                  expect: 'a scratch org with Experience Cloud, Enterprise Territory Management, account and opportunity teams, external account hierarchies (the features the demo scenarios use); no namespace',
                  commands: [
                      displayCommand(['org', 'create', 'scratch', '--definition-file', 'config/project-scratch-def.json', '--alias', ctx.alias, '--duration-days', '1', '--wait', '20', '--no-namespace', '--target-dev-hub', opts['target-dev-hub'] ?? '<dev hub>', '--json'])
                  ],
                  fix: 'Check the Dev Hub (sf org list), its daily scratch-org limit, and that the features in config/project-scratch-def.json are available to it; the error above names the setting it rejects.',
                  required: true,
                  run: () => {
                      const created = sf(['org', 'create', 'scratch', '--definition-file', 'config/project-scratch-def.json', '--alias', ctx.alias, '--duration-days', '1', '--wait', '20', '--no-namespace', '--target-dev-hub', opts['target-dev-hub']]);
                      ctx.createdOrg = true;
                      const info = sf(['org', 'display', '--target-org', ctx.alias]);
                      ctx.org = { username: created?.username ?? info.username, orgId: created?.orgId ?? info.id, instanceUrl: info.instanceUrl };
                      return `${ctx.org.username} (${ctx.org.orgId})`;
                  }
              },
        {
            id: 'deployPackage',
            title: 'Deploy the package source (force-app)',
            expect: 'every component deploys (the LWC bundles including the engine, the Apex, the audit object, the permission sets, the named and external credentials); this is also what a plain `sf project deploy start` deploys',
            commands: [displayCommand(['project', 'deploy', 'start', '--source-dir', 'force-app', '--target-org', org(), '--wait', '30', '--json'])],
            fix: 'The component errors above name the file and the rule; fix it, add the rule to scripts/package/lib/deployChecks.js so the gate catches it offline next time, and open an issue with this report.',
            required: true,
            run: () => {
                const result = sf(['project', 'deploy', 'start', '--source-dir', 'force-app', '--target-org', org(), '--wait', '30']);
                return `${result?.status ?? 'Succeeded'}: ${result?.numberComponentsDeployed ?? result?.files?.length ?? '?'} components`;
            }
        },
        {
            id: 'deployDemo',
            title: 'Deploy the demo metadata (unpackaged/main/demo/core)',
            expect: 'the demo objects, roles, groups, queues, permission sets, sharing rules, restriction rule and territory models deploy (never part of the package)',
            commands: [displayCommand(['project', 'deploy', 'start', '--source-dir', 'unpackaged/main/demo/core', '--target-org', org(), '--wait', '30', '--json'])],
            fix: 'The demo metadata needs the features of config/project-scratch-def.json; on a sandbox, enable them or run with --skip-seed on an org seeded by hand.',
            required: seeding,
            skip: !seeding && 'skipped (--skip-seed)',
            run: () => {
                sf(['project', 'deploy', 'start', '--source-dir', 'unpackaged/main/demo/core', '--target-org', org(), '--wait', '30']);
                return 'deployed';
            }
        },
        {
            id: 'seed',
            title: 'Seed the demo org: records, users, owners, the site, memberships, teams, territories, shares',
            expect: 'the records of data/tree, the demo users (usernames ending .<suffix>), the Kestrel Support site and the memberships and shares of scripts/scratch-org/apex/01-05 exist',
            commands: [
                displayCommand(['data', 'import', 'tree', '--plan', 'data/tree/demo-plan.json', '--target-org', org(), '--json']),
                ...['01-internal-users.apex', '02-owners.apex', '03-external-users.apex'].map((f) => displayCommand(['apex', 'run', '--file', `${seedApex(f)} (with __SUFFIX__ = ${suffix()})`, '--target-org', org(), '--json'])),
                displayCommand(['community', 'create', '--name', 'Kestrel Support', '--template-name', 'Customer Service', '--url-path-prefix', 'support', '--target-org', org(), '--json']),
                displayCommand(['community', 'publish', '--name', 'Kestrel Support', '--target-org', org(), '--json']),
                displayCommand(['project', 'deploy', 'start', '--source-dir', 'unpackaged/main/demo/site', '--target-org', org(), '--wait', '30', '--json']),
                ...['04-memberships.apex', '05-record-access.apex'].map((f) => displayCommand(['apex', 'run', '--file', `${seedApex(f)} (with __SUFFIX__ = ${suffix()})`, '--target-org', org(), '--json']))
            ],
            fix: 'The failing command is named above; scripts/scratch-org/seed.sh runs the same steps one by one if you want to retry by hand, then rerun with --skip-seed --suffix <suffix>.',
            required: seeding,
            skip: !seeding && 'skipped (--skip-seed)',
            run: () => {
                sf(['data', 'import', 'tree', '--plan', 'data/tree/demo-plan.json', '--target-org', org()]);
                const apexFile = (f) => readFileSync(join(ROOT, seedApex(f)), 'utf8').replace(/__SUFFIX__/g, suffix());
                for (const f of ['01-internal-users.apex', '02-owners.apex', '03-external-users.apex']) anonymousApex(org(), apexFile(f), f);
                const notes = [];
                try {
                    sf(['community', 'create', '--name', 'Kestrel Support', '--template-name', 'Customer Service', '--url-path-prefix', 'support', '--description', 'Access X-Ray demo site', '--target-org', org()]);
                    waitForSite(org());
                    sf(['community', 'publish', '--name', 'Kestrel Support', '--target-org', org()]);
                } catch (error) {
                    notes.push(`site: ${error.message.split('\n')[0]}`);
                }
                sf(['project', 'deploy', 'start', '--source-dir', 'unpackaged/main/demo/site', '--target-org', org(), '--wait', '30']);
                for (const f of ['04-memberships.apex', '05-record-access.apex']) anonymousApex(org(), apexFile(f), f);
                return `seeded with suffix ${suffix()}${notes.length ? `; ${notes.join('; ')}` : ''}`;
            }
        },
        {
            id: 'permissions',
            title: 'Assign Access_XRay_Admin to the org user that runs the checks',
            expect: 'the CLI user (a System Administrator, who holds View All Data) has the admin permission set: an Access X-Ray admin',
            commands: [displayCommand(['org', 'assign', 'permset', '--name', 'Access_XRay_Admin', '--target-org', org(), '--json'])],
            fix: 'Assign the permission set in Setup > Permission Sets > Access X-Ray Admin > Manage Assignments, then rerun.',
            required: true,
            run: () => {
                try {
                    sf(['org', 'assign', 'permset', '--name', 'Access_XRay_Admin', '--target-org', org()]);
                    return 'assigned';
                } catch (error) {
                    if (/duplicate|already/i.test(error.message)) return 'already assigned';
                    throw error;
                }
            }
        },
        {
            id: 'apexTests',
            title: 'Run every Apex test with coverage',
            expect: 'every test passes (they run as least-privileged users: no Modify/View All Data unless a test gives it), org-wide coverage at least 75 % (sf package version create --code-coverage needs it)',
            commands: [displayCommand(['apex', 'run', 'test', '--test-level', 'RunLocalTests', '--code-coverage', '--result-format', 'json', '--wait', '60', '--target-org', org(), '--json'])],
            fix: 'Each failing test is listed with its message below; a test asserts documented platform behaviour, so a failure is either a bug in the Apex or a platform behaviour to write down (docs/apex.md, "Not verified in a real org"). Open an issue with this report.',
            required: !opts['skip-tests'],
            skip: opts['skip-tests'] && 'skipped (--skip-tests)',
            run: () => {
                const args = ['apex', 'run', 'test', '--test-level', 'RunLocalTests', '--code-coverage', '--result-format', 'json', '--wait', '60', '--target-org', org()];
                const { json } = sfJson(args);
                // Failing tests make the command exit non-zero; its JSON still holds the results.
                const result = json.result ?? json.data;
                if (!result?.summary) throw new StepError(json.message ?? 'no test result', { command: displayCommand(args) });
                const summary = result.summary ?? {};
                const failures = (result.tests ?? []).filter((t) => t.Outcome !== 'Pass').map((t) => ({ name: t.FullName ?? `${t.ApexClass?.Name}.${t.MethodName}`, message: String(t.Message ?? '').split('\n')[0] }));
                const lowCoverage = (result.coverage?.coverage ?? []).filter((c) => Number(c.coveredPercent) < 75).map((c) => ({ name: c.name, coverage: `${c.coveredPercent} %` }));
                ctx.apexTests = { passing: Number(summary.passing ?? 0), failing: Number(summary.failing ?? failures.length), coverage: summary.orgWideCoverage ?? summary.testRunCoverage, failures, lowCoverage };
                const coverage = parseInt(String(ctx.apexTests.coverage ?? '0'), 10);
                if (failures.length || coverage < 75) {
                    throw new StepError(`${failures.length} test(s) failed; org-wide coverage ${ctx.apexTests.coverage ?? '?'}`);
                }
                return `${ctx.apexTests.passing} passed, coverage ${ctx.apexTests.coverage}`;
            }
        },
        {
            id: 'scenarios',
            title: 'Call the real AccessXRayController.collect for every demo scenario and explain the snapshot',
            expect: 'for each scenario: the snapshot comes back audited (meta.auditId), no evidence service failed, the UserRecordAccess row of the record is present, and the engine gives the documented verdict, deciding layer and reconciliation with UserRecordAccess',
            commands: [
                `for each scenario: ${displayCommand(['data', 'query', '--query', '<find the user by username, the record by name>', '--target-org', org(), '--json'])}`,
                `then: ${displayCommand(['apex', 'run', '--file', '<collect.apex: AccessXRayController.collect(recordId, userId), snapshot printed in base64 chunks>', '--target-org', org(), '--json'])}`,
                'then: the engine (dist/engine) explains it and the result is compared with data/demo-org.scenarios.json'
            ],
            fix: 'A scenario that differs names what differs: first check the Setup steps the script cannot do (listed at the end), then open an issue with this report and the snapshot file (snapshots/<n>-apex.json) attached.',
            required: true,
            run: () => runScenarios(opts, ctx, org())
        },
        {
            id: 'collectors',
            title: 'Run the CLI collector on the same org and compare the rows both collectors read',
            expect: 'for each scenario the CLI collector (jsforce, through the same sf login) and the Apex collector read the same rows of every table, and ran the same evidence plan steps round by round: the same query shapes and the same rows per step (docs/evidence-plan.md)',
            commands: [`for each scenario: node bin/access-xray.js collect -o ${org()} -u <userId> -r <recordId> --output-file snapshots/<n>-cli.json --json`],
            fix: 'The tables and plan steps that differ are listed per scenario: a row only one collector reads, or a step only one runs, is a drift from the evidence plan; open an issue with this report (the step traces are in snapshots/<n>-apex-steps.json and <n>-cli-steps.json).',
            required: !opts['skip-cli'],
            skip: opts['skip-cli'] && 'skipped (--skip-cli)',
            run: () => runCliComparison(ctx, org())
        },
        {
            id: 'whoCanSee',
            title: 'Call the real AccessXRayController.collectWhoCanSee on the demo records and compare with the CLI\u2019s who-can-see',
            expect: `for each record of the picked scenarios (at most ${WHO_CAN_SEE_RECORDS}): the answer comes back audited (meta.auditId), scoped to the record (meta.scope kind records, plan whoCanSee/1) — or, when it is too large for one request, as a job that completes and whose every page loads; no evidence service failed; the engine's answer (pages merged as the panel merges them) lists the record's owner; and the CLI's who-can-see on the same org lists the same users with the same maximum access`,
            commands: [
                `for each record: ${displayCommand(['apex', 'run', '--file', '<who-can-see.apex: AccessXRayController.collectWhoCanSee(recordId), printed in base64 chunks>', '--target-org', org(), '--json'])}`,
                `when it returns a job: ${displayCommand(['apex', 'run', '--file', '<AccessXRayController.whoCanSeeJob(jobId), every 10 s until Completed; then whoCanSeePage(jobId, n) for each page>', '--target-org', org(), '--json'])}`,
                'then: the engine (dist/engine) answers each page; the answers are merged as the panel merges them (a user once, with the highest access)',
                `then: node bin/access-xray.js who-can-see -o ${org()} -r <recordId> --limit 1000 --json${opts['skip-cli'] ? ' (skipped: --skip-cli)' : ''}`
            ],
            fix: 'The records and users that differ are listed below (the pages are in snapshots/wcs-<n>-page-<k>.json, the CLI answer in wcs-<n>-cli.json): a user only one side lists is a drift between the two collectors of the plan whoCanSee/1 or a platform rule the engine misses; open an issue with this report.',
            required: true,
            run: () => runWhoCanSee(opts, ctx, org())
        },
        {
            id: 'whoCanSeeJob',
            title: 'Force the background who-can-see job on a demo record and compare its pages with the answer at once',
            expect: `the record with the most users among those the previous step answered at once is asked again with the running user's own settings at 0 users at once and about ${FORCED_JOB_PAGES} pages: the request starts a job, whose chain of queueable links completes (links counted from AsyncApexJob), every page loads, and the pages merged as the panel merges them list exactly the same users with the same maximum access, and count the same users through a public default, as the answer at once, no less certain; the user's settings are put back afterwards`,
            commands: [
                `${displayCommand(['apex', 'run', '--file', '<who-can-see-sizing.apex: Access_XRay_Settings__c of the running user, Who Can See Users At Once = 0, Who Can See Users Per Page = ⌈users ÷ ' + FORCED_JOB_PAGES + '⌉>', '--target-org', org(), '--json'])}`,
                `then: ${displayCommand(['apex', 'run', '--file', '<AccessXRayController.collectWhoCanSee(recordId), then whoCanSeeJob(jobId) every 10 s until Completed, then whoCanSeePage(jobId, n) for each page>', '--target-org', org(), '--json'])}`,
                `then: ${displayCommand(['data', 'query', '--query', "SELECT COUNT() FROM AsyncApexJob WHERE ApexClass.Name = 'AccessXRayWhoCanSeeJob' AND CreatedDate >= <start>", '--target-org', org(), '--json'])}`,
                `finally: ${displayCommand(['apex', 'run', '--file', "<who-can-see-sizing.apex: the user's settings as they were>", '--target-org', org(), '--json'])}`
            ],
            fix: "The pages are in snapshots/wcs-job-page-<k>.json: a user listed at once and not by the job (or with another access) is a drift between the job's pages and the answer at once (AccessXRayWhoCanSeeJob, AccessXRayWhoCanSeeCollector.slice); a job that failed names the limit it reached in its message. If the step stopped before putting the settings back, clear the two Who Can See fields of your user's row in Setup → Custom Settings → Access X-Ray Settings → Manage.",
            required: true,
            run: () => runWhoCanSeeJob(opts, ctx, org())
        },
        {
            id: 'cleanup',
            title: 'Delete the scratch org',
            expect: 'the scratch org created for this run is deleted (kept with --keep; an org given with --target-org is never deleted)',
            commands: opts['target-org'] ? [] : [displayCommand(['org', 'delete', 'scratch', '--target-org', ctx.alias, '--no-prompt', '--json'])],
            fix: `Delete it by hand: sf org delete scratch --target-org ${ctx.alias} --no-prompt`,
            required: false,
            skip: (opts['target-org'] || opts.keep) && (opts.keep ? 'kept (--keep)' : 'not a scratch org of this run'),
            run: () => {
                if (!ctx.createdOrg) return 'nothing to delete';
                sf(['org', 'delete', 'scratch', '--target-org', ctx.alias, '--no-prompt']);
                return 'deleted';
            },
            always: true
        }
    ];
}

function waitForSite(org) {
    for (let i = 0; i < 12; i++) {
        const rows = query(org, "SELECT Id, Status FROM Network WHERE Name = 'Kestrel Support'");
        if (rows.length) return;
        spawnSync('sleep', ['10']);
    }
    throw new StepError('the Kestrel Support site was not created within two minutes');
}

async function runScenarios(opts, ctx, org) {
    const engine = await import(pathToFileURL(join(ROOT, 'dist', 'engine', 'accessXrayEngine.mjs')).href);
    mkdirSync(join(ctx.outputDir, 'snapshots'), { recursive: true });
    for (const scenario of ctx.picked) {
        const entry = { n: scenario.n, key: scenario.key, title: scenario.title };
        ctx.scenarios.push(entry);
        try {
            const find = (demoId) => {
                const lookup = lookupOf(ctx.demo, demoId);
                let soql = lookup.soql;
                if (lookup.table === 'User' && ctx.suffix !== '%') soql = soql.replace(".%'", `.${ctx.suffix}'`);
                const rows = query(org, soql);
                if (!rows.length) throw new StepError(`${lookup.label} is not in the org (${soql}); was the org seeded?`);
                return rows[0].Id;
            };
            entry.userId = find(scenario.userId);
            entry.recordId = find(scenario.recordId);
            const log = anonymousApex(org, collectScript({ recordId: entry.recordId, userId: entry.userId, namespace: opts.namespace }), `collect-${scenario.n}`);
            const { snapshot, limits, steps } = parseCollectLog(log);
            entry.limits = limits;
            writeFileSync(join(ctx.outputDir, 'snapshots', `${scenario.n}-apex.json`), `${JSON.stringify(snapshot, null, 2)}\n`);
            if (steps) writeFileSync(join(ctx.outputDir, 'snapshots', `${scenario.n}-apex-steps.json`), `${JSON.stringify(steps, null, 2)}\n`);
            const problems = [];
            if (!snapshot.meta?.auditId) problems.push('no meta.auditId: the request was not audited');
            for (const u of failedEvidence(snapshot)) problems.push(`${u.table}: ${u.reason}`);
            if (!(snapshot.tables?.UserRecordAccess ?? []).some((r) => r.RecordId === entry.recordId && r.UserId === entry.userId)) {
                problems.push('no UserRecordAccess row for the record and user');
            }
            const verdict = checkVerdict(engine, snapshot, scenario, entry.userId, entry.recordId);
            Object.assign(entry, verdict, { problems: [...problems, ...verdict.problems], ok: problems.length === 0 && verdict.ok });
        } catch (error) {
            entry.ok = false;
            entry.error = error.message.split('\n')[0];
            entry.problems = [entry.error];
        }
        process.stdout.write(`    ${entry.ok ? '✔' : '✖'} ${scenario.n} ${scenario.title}${entry.ok ? '' : ` — ${entry.problems.join('; ')}`}\n`);
    }
    const bad = ctx.scenarios.filter((s) => !s.ok);
    if (bad.length) throw new StepError(`${bad.length} of ${ctx.scenarios.length} scenario(s) differ: ${bad.map((s) => s.n).join(', ')}`);
    return `${ctx.scenarios.length} scenario(s) as documented`;
}

function runCliComparison(ctx, org) {
    const plan = JSON.parse(readFileSync(join(ROOT, 'docs', 'evidence-plan.json'), 'utf8'));
    let differing = 0;
    for (const entry of ctx.scenarios.filter((s) => s.userId && s.recordId)) {
        const file = join(ctx.outputDir, 'snapshots', `${entry.n}-cli.json`);
        const res = node([join(ROOT, 'bin', 'access-xray.js'), 'collect', '-o', org, '-u', entry.userId, '-r', entry.recordId, '--output-file', file, '--json']);
        if (!res.ok || !existsSync(file)) {
            entry.rows = [{ table: '(CLI collector failed)', apex: null, cli: null, onlyApex: [], onlyCli: [(res.stderr || res.stdout).trim().split('\n')[0]] }];
            differing++;
            continue;
        }
        const apex = JSON.parse(readFileSync(join(ctx.outputDir, 'snapshots', `${entry.n}-apex.json`), 'utf8'));
        entry.rows = compareRows(apex, JSON.parse(readFileSync(file, 'utf8')));
        const apexStepsFile = join(ctx.outputDir, 'snapshots', `${entry.n}-apex-steps.json`);
        let cliSteps = [];
        try {
            cliSteps = JSON.parse(res.stdout).result?.steps ?? [];
        } catch {
            cliSteps = [];
        }
        writeFileSync(join(ctx.outputDir, 'snapshots', `${entry.n}-cli-steps.json`), `${JSON.stringify(cliSteps, null, 2)}\n`);
        entry.steps = existsSync(apexStepsFile)
            ? compareSteps(JSON.parse(readFileSync(apexStepsFile, 'utf8')), cliSteps, plan)
            : [{ round: 0, onlyApex: [], onlyCli: ['(the in-org collector printed no step trace: deploy the current package)'] }];
        if (entry.rows.length || entry.steps.length) differing++;
    }
    if (differing) throw new StepError(`${differing} scenario(s) where the two collectors read different rows or ran different plan steps`);
    return 'both collectors read the same rows and ran the same plan steps in every scenario';
}

/** Records of the picked scenarios whose who-can-see answer is checked (each takes a few anonymous Apex runs). */
const WHO_CAN_SEE_RECORDS = 3;
/** How long verify:org follows a who-can-see job before it gives up. */
const WHO_CAN_SEE_JOB_WAIT_MS = 10 * 60 * 1000;

/** The in-org who-can-see evidence of one record: the snapshot, or every page of the job it started. */
function whoCanSeePages(opts, org, recordId, label) {
    const { snapshot: first, limits } = parseCollectLog(anonymousApex(org, whoCanSeeScript({ recordId, namespace: opts.namespace }), `${label}`));
    if (!first.jobId || first.tables) return { pages: [first], limits, job: null };
    const started = Date.now();
    let status;
    for (;;) {
        status = parseCollectLog(anonymousApex(org, whoCanSeeJobScript({ jobId: first.jobId, namespace: opts.namespace }), `${label}-job`)).snapshot;
        if (status.status === 'Completed') break;
        if (['Failed', 'Aborted'].includes(status.status)) throw new StepError(`who-can-see job ${first.jobId} ${status.status}: ${status.message}`);
        if (Date.now() - started > WHO_CAN_SEE_JOB_WAIT_MS) throw new StepError(`who-can-see job ${first.jobId} still ${status.status} after ${WHO_CAN_SEE_JOB_WAIT_MS / 60000} minutes (${status.processed}/${status.total} users)`);
        spawnSync('sleep', ['10']);
    }
    const pages = [];
    for (let page = 0; page < status.pages; page++) {
        pages.push(parseCollectLog(anonymousApex(org, whoCanSeeJobScript({ jobId: first.jobId, page, namespace: opts.namespace }), `${label}-page-${page}`)).snapshot);
    }
    return { pages, limits, job: { jobId: first.jobId, ...status } };
}

async function runWhoCanSee(opts, ctx, org) {
    const engine = await import(pathToFileURL(join(ROOT, 'dist', 'engine', 'accessXrayEngine.mjs')).href);
    const records = [...new Set(ctx.scenarios.map((s) => s.recordId).filter(Boolean))].slice(0, WHO_CAN_SEE_RECORDS);
    if (!records.length) throw new StepError('no demo record was found in the org (see the scenarios step)');
    mkdirSync(join(ctx.outputDir, 'snapshots'), { recursive: true });
    ctx.whoCanSee = [];
    for (const [i, recordId] of records.entries()) {
        const entry = { n: i + 1, recordId, problems: [] };
        ctx.whoCanSee.push(entry);
        try {
            const { pages, limits, job } = whoCanSeePages(opts, org, recordId, `who-can-see-${i + 1}`);
            entry.limits = limits;
            entry.pages = pages.length;
            entry.job = job ? job.jobId : null;
            pages.forEach((page, k) => writeFileSync(join(ctx.outputDir, 'snapshots', `wcs-${i + 1}-page-${k}.json`), `${JSON.stringify(page, null, 2)}\n`));
            if (!job && !pages[0].meta?.auditId) entry.problems.push('no meta.auditId: the request was not audited');
            for (const page of pages) {
                const scope = page.meta?.scope;
                if (scope?.kind !== 'records' || scope?.plan !== 'whoCanSee/1') entry.problems.push(`a page's meta.scope is ${JSON.stringify(scope ?? null)}, not { kind: 'records', plan: 'whoCanSee/1' }`);
                for (const u of failedEvidence(page)) entry.problems.push(`${u.table}: ${u.reason}`);
            }
            const merged = mergedWhoCanSee(engine, pages, recordId);
            entry.users = merged.users.size;
            entry.uncertain = merged.uncertain;
            // Not in the report: the answer the next step compares the forced job with.
            Object.defineProperty(entry, 'answer', { value: merged, enumerable: false });
            const ownerId = Object.values(pages[0].tables ?? {})
                .flat()
                .find((r) => String(r.Id ?? '').slice(0, 15) === recordId.slice(0, 15))?.OwnerId;
            if (String(ownerId ?? '').startsWith('005') && ![...merged.users.keys()].some((id) => id.slice(0, 15) === String(ownerId).slice(0, 15))) {
                entry.problems.push(`the record's owner ${ownerId} is not among the users who can see it`);
            }
            if (!opts['skip-cli']) {
                const file = join(ctx.outputDir, 'snapshots', `wcs-${i + 1}-cli.json`);
                const res = node([join(ROOT, 'bin', 'access-xray.js'), 'who-can-see', '-o', org, '-r', recordId, '--limit', '1000', '--json']);
                let cli;
                try {
                    cli = JSON.parse(res.stdout).result;
                } catch {
                    cli = null;
                }
                if (!res.ok || !cli) {
                    entry.problems.push(`the CLI's who-can-see failed: ${(res.stderr || res.stdout).trim().split('\n')[0]}`);
                } else {
                    writeFileSync(file, `${JSON.stringify(cli, null, 2)}\n`);
                    entry.cliUsers = cli.total;
                    if ((cli.total ?? 0) > (cli.users ?? []).length) {
                        entry.problems.push(`the CLI lists ${cli.users.length} of ${cli.total} users (--limit 1000): only the totals are compared`);
                        if (cli.total !== merged.users.size) entry.problems.push(`the CLI counts ${cli.total} users, the in-org answer ${merged.users.size}`);
                    } else {
                        entry.differences = compareWhoCanSee(merged.users, cli.users ?? []);
                        for (const d of entry.differences.slice(0, 10)) entry.problems.push(`user ${d.userId}: in-org ${d.apex ?? 'not listed'}, CLI ${d.cli ?? 'not listed'}`);
                        if (entry.differences.length > 10) entry.problems.push(`and ${entry.differences.length - 10} more users`);
                    }
                }
            }
        } catch (error) {
            entry.problems.push(error.message.split('\n')[0]);
        }
        entry.ok = entry.problems.length === 0;
        process.stdout.write(`    ${entry.ok ? '✔' : '✖'} record ${recordId}: ${entry.users ?? '?'} user(s) in ${entry.pages ?? '?'} page(s)${entry.job ? ` (job ${entry.job})` : ''}${entry.ok ? '' : ` — ${entry.problems.join('; ')}`}\n`);
    }
    const bad = ctx.whoCanSee.filter((e) => !e.ok);
    if (bad.length) throw new StepError(`${bad.length} of ${ctx.whoCanSee.length} who-can-see answer(s) differ or failed`);
    return `${ctx.whoCanSee.length} record(s): the in-org who-can-see answered${opts['skip-cli'] ? '' : ' as the CLI does'}`;
}

/** Pages the forced job should write on the demo record (the job stops at 41). */
const FORCED_JOB_PAGES = 12;

/** The running user's who-can-see sizing set (or put back, or removed); returns what it held before. */
function setSizing(opts, org, sizing, label) {
    return parseCollectLog(anonymousApex(org, whoCanSeeSizingScript({ ...sizing, namespace: opts.namespace }), label)).snapshot;
}

async function runWhoCanSeeJob(opts, ctx, org) {
    const engine = await import(pathToFileURL(join(ROOT, 'dist', 'engine', 'accessXrayEngine.mjs')).href);
    const reference = (ctx.whoCanSee ?? []).filter((e) => e.ok && !e.job && e.answer).sort((a, b) => b.users - a.users)[0];
    if (!reference) {
        // Answers too large for one request already came through the job in the previous step.
        const jobs = (ctx.whoCanSee ?? []).filter((e) => e.ok && e.job);
        if (jobs.length) return `not forced: the previous step already followed ${jobs.length} job(s) to completion (${jobs.map((e) => e.job).join(', ')}); no answer at once to compare with`;
        throw new StepError('no record was answered at once by the previous step: its answer is what the job is compared with');
    }
    const usersPerPage = Math.max(1, Math.ceil(reference.users / FORCED_JOB_PAGES));
    const entry = { recordId: reference.recordId, usersPerPage, problems: [] };
    ctx.whoCanSeeJob = entry;
    const startedAt = new Date(Date.now() - 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const before = setSizing(opts, org, { usersAtOnce: 0, usersPerPage }, 'who-can-see-sizing');
    try {
        const { pages, job } = whoCanSeePages(opts, org, reference.recordId, 'who-can-see-job');
        if (!job) throw new StepError(`the request answered at once although the running user's settings ask for a job (Who Can See Users At Once = 0): AccessXRayWhoCanSeeSizing did not read them`);
        entry.job = job.jobId;
        entry.pages = pages.length;
        pages.forEach((page, k) => writeFileSync(join(ctx.outputDir, 'snapshots', `wcs-job-page-${k}.json`), `${JSON.stringify(page, null, 2)}\n`));
        for (const page of pages) for (const u of failedEvidence(page)) entry.problems.push(`${u.table}: ${u.reason}`);
        const merged = mergedWhoCanSee(engine, pages, reference.recordId);
        entry.users = merged.users.size;
        entry.uncertain = merged.uncertain;
        entry.links = Number(sf(['data', 'query', '--query', `SELECT COUNT() FROM AsyncApexJob WHERE ApexClass.Name = 'AccessXRayWhoCanSeeJob' AND CreatedDate >= ${startedAt}`, '--target-org', org])?.totalSize ?? 0);
        if (pages.length < 2) entry.problems.push(`the job wrote ${pages.length} page(s) at ${usersPerPage} user(s) per page: expected page 0 and at least one page of users`);
        if (merged.uncertain && !reference.answer.uncertain) entry.problems.push('the pages merged are uncertain where the answer at once is not');
        const differences = compareWhoCanSee(merged.users, [...reference.answer.users].map(([userId, maxAccessLevel]) => ({ userId, maxAccessLevel })));
        for (const d of differences.slice(0, 10)) entry.problems.push(`user ${d.userId}: job ${d.apex ?? 'not listed'}, at once ${d.cli ?? 'not listed'}`);
        if (differences.length > 10) entry.problems.push(`and ${differences.length - 10} more users`);
        for (const d of comparePublicCounts(merged.publicAccess, reference.answer.publicAccess)) entry.problems.push(`job vs at once: ${d}`);
    } finally {
        const restore = before?.existed ? { usersAtOnce: before.usersAtOnce ?? null, usersPerPage: before.usersPerPage ?? null } : { remove: true };
        setSizing(opts, org, restore, 'who-can-see-sizing-restore');
    }
    if (entry.problems.length) throw new StepError(`the job's answer on ${entry.recordId} differs or failed: ${entry.problems.join('; ')}`);
    return `job ${entry.job}: ${entry.pages} page(s) of ${usersPerPage} user(s) in ${entry.links} queueable link(s); the same ${entry.users} user(s) with the same access as the answer at once`;
}

async function main() {
    let opts;
    try {
        opts = parseArgs(process.argv.slice(2), {
            'target-dev-hub': 'value',
            'target-org': 'value',
            alias: 'value',
            namespace: 'value',
            scenarios: 'value',
            suffix: 'value',
            'output-dir': 'value',
            'skip-seed': 'flag',
            'skip-build': 'flag',
            'skip-tests': 'flag',
            'skip-cli': 'flag',
            keep: 'flag',
            'dry-run': 'flag'
        }, USAGE);
    } catch (error) {
        process.stderr.write(`verify:org: ${error.message}\n`);
        return 2;
    }
    if (opts.help) {
        process.stdout.write(`${USAGE}\n`);
        return 0;
    }
    if (opts['dry-run'] && !opts['target-dev-hub'] && !opts['target-org']) opts['target-dev-hub'] = '<dev hub alias>';
    if (!opts['target-dev-hub'] === !opts['target-org']) {
        process.stderr.write(`verify:org: give exactly one of --target-dev-hub (a new scratch org) or --target-org (an org you have).\n${USAGE}\n`);
        return 2;
    }
    const stamp = new Date().toISOString().replace(/[:.]/g, '-').replace('Z', '');
    const { scenarios, snapshot: demo } = loadScenarios(ROOT);
    let picked;
    try {
        picked = pickScenarios(scenarios, opts.scenarios ? opts.scenarios.split(',').map((s) => s.trim()) : []);
    } catch (error) {
        process.stderr.write(`verify:org: ${error.message}\n`);
        return 2;
    }
    const ctx = {
        alias: opts.alias ?? `axr-verify-${stamp.slice(0, 19)}`,
        suffix: opts.suffix ?? (opts['skip-seed'] ? '%' : `axr${Date.now().toString(36)}`),
        outputDir: opts['output-dir'] ?? join(ROOT, 'artifacts', 'verify-org', stamp),
        picked,
        demo,
        scenarios: []
    };
    const list = steps(opts, ctx);
    if (opts['dry-run']) {
        process.stdout.write(`Access X-Ray verify:org — dry run (no org is touched). ${picked.length} demo scenario(s); the report would go to ${relative(ROOT, ctx.outputDir)}/report.md\n\n`);
        list.forEach((s, i) => {
            process.stdout.write(`[${i + 1}/${list.length}] ${s.title}${s.skip ? ` — ${s.skip}` : ''}\n  expect: ${s.expect}\n`);
            for (const c of s.commands) process.stdout.write(`  $ ${c}\n`);
            process.stdout.write(`  if it fails: ${s.fix}\n\n`);
        });
        process.stdout.write('Scenarios:\n');
        for (const s of picked) {
            const u = lookupOf(demo, s.userId);
            const r = lookupOf(demo, s.recordId);
            process.stdout.write(`  ${String(s.n).padStart(2)} ${s.title}\n     user: ${u.soql}\n     record: ${r.soql}\n     expect: ${expectedWords(s.expected)}; UserRecordAccess ${s.expected.reconciliation}\n`);
        }
        process.stdout.write(`\nDry run: ${list.length} steps, ${picked.length} scenario(s), nothing run.\n`);
        return 0;
    }
    mkdirSync(ctx.outputDir, { recursive: true });
    const sfVersion = spawnSync(sfCommand(ROOT), ['--version'], { encoding: 'utf8' }).stdout?.trim().split('\n')[0];
    const run = { startedAt: new Date().toISOString(), mode: opts['target-org'] ? `existing org ${opts['target-org']}` : `scratch org from Dev Hub ${opts['target-dev-hub']}`, commit: git(['rev-parse', '--short', 'HEAD']), sfVersion, steps: [], manualSteps: MANUAL_STEPS, outputDir: relative(ROOT, ctx.outputDir) };
    let stopped = false;
    for (const [i, step] of list.entries()) {
        const record = { id: step.id, title: step.title, expect: step.expect, fix: step.fix, command: step.commands[0] ?? null };
        run.steps.push(record);
        process.stdout.write(`\n▶ [${i + 1}/${list.length}] ${step.title}\n  expect: ${step.expect}\n`);
        if (step.skip || (stopped && !step.always)) {
            record.status = 'skipped';
            record.found = step.skip || 'not run: an earlier required step failed';
            process.stdout.write(`  ⏭ ${record.found}\n`);
            continue;
        }
        for (const c of step.commands) process.stdout.write(`  $ ${c}\n`);
        try {
            record.found = await step.run();
            record.status = 'passed';
            process.stdout.write(`  ✔ ${record.found}\n`);
        } catch (error) {
            record.status = step.required ? 'failed' : 'warning';
            record.error = error.message;
            record.found = error.message.split('\n')[0];
            if (error.command) record.command = error.command;
            process.stdout.write(`  ✖ ${error.message}\n  what to do: ${step.fix}\n`);
            if (step.required && !['scenarios', 'collectors', 'apexTests', 'whoCanSee', 'whoCanSeeJob'].includes(step.id)) stopped = true;
        }
    }
    run.finishedAt = new Date().toISOString();
    run.org = ctx.org;
    run.apexTests = ctx.apexTests;
    run.scenarios = ctx.scenarios;
    run.whoCanSee = ctx.whoCanSee ?? [];
    if (ctx.whoCanSeeJob) run.whoCanSeeJob = ctx.whoCanSeeJob;
    run.ok = run.steps.every((s) => s.status !== 'failed');
    writeFileSync(join(ctx.outputDir, 'report.json'), `${JSON.stringify(run, null, 2)}\n`);
    writeFileSync(join(ctx.outputDir, 'report.md'), markdownReport(run));
    process.stdout.write(`\n${run.ok ? '✔ Every required step passed.' : '✖ Some steps failed.'} Report: ${relative(ROOT, join(ctx.outputDir, 'report.md'))} (paste it into an issue)\n`);
    return run.ok ? 0 : 1;
}

// exitCode, not exit(): let stdout drain into a pipe before the process ends.
main().then(
    (code) => {
        process.exitCode = code;
    },
    (error) => {
        process.stderr.write(`verify:org: unexpected error: ${error?.message ?? error}\n`);
        process.exitCode = 1;
    }
);
