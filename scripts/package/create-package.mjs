#!/usr/bin/env node
// One-time: registers the Access X-Ray managed package in your Dev Hub.
//
//   node scripts/package/create-package.mjs [--target-dev-hub <alias|username>] [--dry-run]
//
// Runs exactly:
//   sf package create --name "Access X-Ray" --package-type Managed --path force-app \
//      --description "<versionDescription>" --target-dev-hub <hub> --json
// The CLI then writes "Access X-Ray": "0Ho…" into packageAliases of sfdx-project.json: commit it.
// The package is tied to the namespace in sfdx-project.json, which must be registered and linked
// to the Dev Hub ("axray" is a placeholder). The package type cannot be changed afterwards.
import { PackagingError, REPO_ROOT, displayCommand, namespaceNotice, parseArgs, readPackageDefinition, requireDevHub, runMain, runSf } from './lib/sf.mjs';

const USAGE = 'Usage: node scripts/package/create-package.mjs [--target-dev-hub <alias|username>] [--project-dir <dir>] [--dry-run]';

export function createPackageArgs(dir, hub) {
    return [
        'package',
        'create',
        '--name',
        dir.package,
        '--package-type',
        'Managed',
        '--path',
        dir.path,
        '--description',
        dir.versionDescription ?? dir.package,
        '--target-dev-hub',
        hub
    ];
}

await runMain(async () => {
    const opts = parseArgs(process.argv.slice(2), { 'target-dev-hub': 'value', 'project-dir': 'value', 'dry-run': 'flag' }, USAGE);
    if (opts.help) return console.log(USAGE);
    const root = opts['project-dir'] ?? REPO_ROOT;
    const { project, dir, packageName } = readPackageDefinition(root);
    const notice = namespaceNotice(project);
    if (opts['dry-run']) {
        console.log(displayCommand([...createPackageArgs(dir, opts['target-dev-hub'] ?? '<dev-hub>'), '--json']));
        if (notice) console.log(notice);
        return undefined;
    }
    if (project.packageAliases?.[packageName]) {
        throw new PackagingError(`The package "${packageName}" already exists (${project.packageAliases[packageName]} in sfdx-project.json packageAliases). Create a version instead: node scripts/package/create-version.mjs`);
    }
    const hub = requireDevHub(root, opts['target-dev-hub']);
    if (notice) console.log(notice);
    const args = createPackageArgs(dir, hub);
    console.log(`Running: ${displayCommand([...args, '--json'])}`);
    const result = runSf(root, args);
    console.log(`✔ Created the managed package "${packageName}" (${result?.Id ?? 'id in sfdx-project.json'}). Commit sfdx-project.json (packageAliases), then run: node scripts/package/create-version.mjs`);
    return undefined;
});
