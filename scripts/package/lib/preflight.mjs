// Offline checks run before a package version is built or promoted: the package-content rules
// (tests/package run the same rules in npm test), the deploy and package checks (the
// deploy-package gate) and the Apex API surface (upgrade safety).
import { createRequire } from 'node:module';
import { checkSurface } from '../apex-api-surface.mjs';

const require = createRequire(import.meta.url);
const { checkPackageContent } = require('./packageContent.js');
const { checkDeployment } = require('./deployChecks.js');

/** Every preflight problem as one line each ([] = ready). */
export function preflightFindings(root) {
    const findings = [];
    for (const [rule, ruleFindings] of Object.entries(checkPackageContent(root))) {
        for (const f of ruleFindings) findings.push(`[${rule}] ${f}`);
    }
    for (const [check, checkFindings] of Object.entries(checkDeployment(root))) {
        for (const f of checkFindings) findings.push(`[${check}] ${f}`);
    }
    const surface = checkSurface(root);
    if (!surface.ok) findings.push(`[Apex API surface] ${surface.message}`);
    return findings;
}
