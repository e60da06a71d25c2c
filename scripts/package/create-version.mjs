#!/usr/bin/env node
// Builds a new (beta) version of the Access X-Ray managed package in your Dev Hub.
//
//   node scripts/package/create-version.mjs [--target-dev-hub <alias|username>]
//        [--installation-key <key> | --installation-key-bypass] [--wait <minutes>] [--dry-run] [--skip-preflight]
//
// 1. Offline pre-flight: the package-content rules (tests/package) and the Apex API surface check
//    (no public/global signature gone without a CHANGELOG note).
// 2. Dev Hub check: fails with a clear message when none is authorised.
// 3. Runs exactly:
//      sf package version create --package "Access X-Ray" --code-coverage --installation-key-bypass \
//         --wait 60 --target-dev-hub <hub> --json
//    Version number, ancestor (none for the first version, then the last released one), build-org definition, apexTestAccess and unpackaged metadata
//    come from sfdx-project.json. --code-coverage runs the Apex tests (≥ 75 % needed to promote).
// 4. Records the Apex API surface of this version in docs/apex-api-surface.json.
// The CLI adds "Access X-Ray@x.y.z-n": "04t…" to packageAliases: commit sfdx-project.json and the surface file.
import { PackagingError, REPO_ROOT, displayCommand, namespaceNotice, parseArgs, readPackageDefinition, requireDevHub, runMain, runSf } from './lib/sf.mjs';
import { preflightFindings } from './lib/preflight.mjs';
import { recordSurface } from './apex-api-surface.mjs';

const USAGE =
    'Usage: node scripts/package/create-version.mjs [--target-dev-hub <alias|username>] [--installation-key <key> | --installation-key-bypass] [--wait <minutes>] [--project-dir <dir>] [--skip-preflight] [--dry-run]';

export function createVersionArgs(packageName, hub, opts) {
    const key = opts['installation-key'] ? ['--installation-key', opts['installation-key']] : ['--installation-key-bypass'];
    return ['package', 'version', 'create', '--package', packageName, '--code-coverage', ...key, '--wait', String(opts.wait ?? 60), '--target-dev-hub', hub];
}

await runMain(async () => {
    const opts = parseArgs(
        process.argv.slice(2),
        {
            'target-dev-hub': 'value',
            'installation-key': 'value',
            'installation-key-bypass': 'flag',
            wait: 'value',
            'project-dir': 'value',
            'skip-preflight': 'flag',
            'dry-run': 'flag'
        },
        USAGE
    );
    if (opts.help) return console.log(USAGE);
    if (opts['installation-key'] && opts['installation-key-bypass']) throw new PackagingError(`Use either --installation-key or --installation-key-bypass, not both.\n${USAGE}`);
    if (opts.wait !== undefined && !/^\d+$/.test(opts.wait)) throw new PackagingError(`--wait takes a number of minutes, got "${opts.wait}".`);
    const root = opts['project-dir'] ?? REPO_ROOT;
    const { project, packageName } = readPackageDefinition(root);
    if (!opts['skip-preflight']) {
        const findings = preflightFindings(root);
        if (findings.length > 0) {
            throw new PackagingError(`Pre-flight found ${findings.length} problem(s); no version was created:\n${findings.map((f) => `  - ${f}`).join('\n')}`);
        }
        console.log('✔ Pre-flight: package content rules and Apex API surface pass');
    }
    if (opts['dry-run']) {
        console.log(displayCommand([...createVersionArgs(packageName, opts['target-dev-hub'] ?? '<dev-hub>', opts), '--json']));
        return undefined;
    }
    const hub = requireDevHub(root, opts['target-dev-hub']);
    if (!project.packageAliases?.[packageName]) {
        throw new PackagingError(`The package "${packageName}" is not in sfdx-project.json packageAliases yet. Create it once first: node scripts/package/create-package.mjs --target-dev-hub ${hub}`);
    }
    const notice = namespaceNotice(project);
    if (notice) console.log(notice);
    const args = createVersionArgs(packageName, hub, opts);
    console.log(`Running: ${displayCommand([...args, '--json'])}`);
    const result = runSf(root, args, { spinnerText: 'Building the package version and running its Apex tests (this takes several minutes)…' });
    const versionId = result?.SubscriberPackageVersionId;
    if (!versionId) throw new PackagingError(`The version request ended with status ${result?.Status ?? 'unknown'}: ${(result?.Error ?? []).join(' ') || 'no version id returned'}`);
    const count = recordSurface(root);
    console.log(`✔ Created ${packageName} version ${versionId}`);
    console.log(`  Install (sandbox or test org): https://test.salesforce.com/packaging/installPackage.apexp?p0=${versionId}`);
    console.log(`  Recorded ${count} Apex signature(s) in docs/apex-api-surface.json. Commit it with sfdx-project.json.`);
    console.log(`  Promote when it passed testing: node scripts/package/promote-version.mjs --package ${versionId}`);
    return undefined;
});
