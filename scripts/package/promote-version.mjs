#!/usr/bin/env node
// Promotes a tested package version to "released" so customers can install it in production.
//
//   node scripts/package/promote-version.mjs --package <04t… | "Access X-Ray@x.y.z-n"> [--target-dev-hub <alias|username>] [--dry-run]
//
// 1. Dev Hub check (clear message when none is authorised).
// 2. sf package version report: refuses unless the version was built with code coverage and
//    passed the 75 % check, and CHANGELOG.md has a "## [x.y.z]" section for it.
// 3. Runs exactly:
//      sf package version promote --package <version> --no-prompt --target-dev-hub <hub> --json
// A released version is permanent: its global Apex signatures and packaged components can no
// longer be removed (they can be deprecated), which is why the API surface is checked on every build.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PackagingError, REPO_ROOT, displayCommand, parseArgs, readPackageDefinition, requireDevHub, runMain, runSf } from './lib/sf.mjs';

const USAGE = 'Usage: node scripts/package/promote-version.mjs --package <04t… | "Access X-Ray@x.y.z-n"> [--target-dev-hub <alias|username>] [--project-dir <dir>] [--dry-run]';

export function promoteArgs(version, hub) {
    return ['package', 'version', 'promote', '--package', version, '--no-prompt', '--target-dev-hub', hub];
}

/** Whether CHANGELOG.md has a release section for major.minor.patch. */
export function changelogHasVersion(root, version) {
    const file = join(root, 'CHANGELOG.md');
    if (!existsSync(file)) return false;
    const escaped = version.replace(/\./g, '\\.');
    return new RegExp(`^## \\[${escaped}\\]`, 'm').test(readFileSync(file, 'utf8'));
}

await runMain(async () => {
    const opts = parseArgs(process.argv.slice(2), { package: 'value', 'target-dev-hub': 'value', 'project-dir': 'value', 'dry-run': 'flag' }, USAGE);
    if (opts.help) return console.log(USAGE);
    if (!opts.package) throw new PackagingError(`Say which version to promote with --package (its 04t id or alias from sfdx-project.json).\n${USAGE}`);
    const root = opts['project-dir'] ?? REPO_ROOT;
    const { project } = readPackageDefinition(root);
    if (opts['dry-run']) {
        console.log(displayCommand(['package', 'version', 'report', '--package', opts.package, '--target-dev-hub', opts['target-dev-hub'] ?? '<dev-hub>', '--json']));
        console.log(displayCommand([...promoteArgs(opts.package, opts['target-dev-hub'] ?? '<dev-hub>'), '--json']));
        return undefined;
    }
    const hub = requireDevHub(root, opts['target-dev-hub']);
    const version = project.packageAliases?.[opts.package] ?? opts.package;
    if (!/^04t[A-Za-z0-9]{12}([A-Za-z0-9]{3})?$/.test(version)) {
        throw new PackagingError(`"${opts.package}" is neither a 04t package version id nor an alias in sfdx-project.json packageAliases.`);
    }
    const report = runSf(root, ['package', 'version', 'report', '--package', version, '--target-dev-hub', hub]);
    if (report?.IsReleased) throw new PackagingError(`${opts.package} (${report.Version}) is already released.`);
    if (report?.HasPassedCodeCoverageCheck !== true) {
        throw new PackagingError(
            `${opts.package} did not pass the 75 % Apex code coverage check (coverage: ${JSON.stringify(report?.CodeCoverage ?? 'not computed')}). Build a new version with --code-coverage (create-version.mjs does) and promote that one.`
        );
    }
    const semver = String(report?.Version ?? '').split('.').slice(0, 3).join('.');
    if (!changelogHasVersion(root, semver)) {
        throw new PackagingError(`CHANGELOG.md has no "## [${semver}]" section. Move the Unreleased notes under "## [${semver}] - <date>" and commit before promoting.`);
    }
    const args = promoteArgs(version, hub);
    console.log(`Running: ${displayCommand([...args, '--json'])}`);
    runSf(root, args);
    console.log(`✔ Promoted ${opts.package} (${report.Version}) to released. Install link for production: https://login.salesforce.com/packaging/installPackage.apexp?p0=${version}`);
    return undefined;
});
