'use strict';
// The Salesforce Code Analyzer AppExchange rules for everything that is not Apex: metadata XML
// (AppExchange_xml), the shipped LWC JavaScript (AppExchange_javascript) and HTML templates
// (AppExchange_html), run with the PMD engine bundled in @salesforce/code-analyzer-pmd-engine.
// (Apex is scanned by the `apex-pmd` gate of scripts/lib/gates.mjs with category/apex/security.xml
// and AppExchange_apex.xml.) A finding can only be accepted through the suppression file, each
// entry naming the rule, the file and a justification; PMD processing errors (a file PMD could not
// parse, so it was not scanned) always fail.
const { spawnSync } = require('node:child_process');
const { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join, relative, sep } = require('node:path');
const { listFiles, packagedDirectories, readProject } = require('./sources.js');

const SUPPRESSIONS_FILE = 'scripts/package/appexchange-suppressions.json';

const RULESETS = ['sfca/rulesets/AppExchange_xml.xml', 'sfca/rulesets/AppExchange_javascript.xml', 'sfca/rulesets/AppExchange_html.xml'];

/** The files each language scans: metadata XML of the package, the shipped LWC JS and HTML. */
function filesToScan(root) {
    const { packagedPath } = packagedDirectories(readProject(root));
    const all = listFiles(root, packagedPath);
    const abs = (f) => join(root, f);
    return {
        xml: all.filter((f) => f.endsWith('-meta.xml')).map(abs),
        ecmascript: all.filter((f) => f.split('/').includes('lwc') && f.endsWith('.js')).map(abs),
        html: all.filter((f) => f.split('/').includes('lwc') && f.endsWith('.html')).map(abs)
    };
}

/** Reads the suppression list: [{ rule, file, justification }]. */
function readSuppressions(root) {
    const file = join(root, SUPPRESSIONS_FILE);
    if (!existsSync(file)) return [];
    const list = JSON.parse(readFileSync(file, 'utf8')).suppressions;
    if (!Array.isArray(list)) throw new Error(`${SUPPRESSIONS_FILE} must hold { "suppressions": [...] }`);
    for (const s of list) {
        if (!s.rule || !s.file || !s.justification || String(s.justification).trim().length < 20) {
            throw new Error(`${SUPPRESSIONS_FILE}: every suppression needs rule, file and a real justification (got ${JSON.stringify(s)})`);
        }
    }
    return list;
}

/**
 * Runs the scan. Returns { ok, scanned, findings, suppressed, errors, output } where findings are
 * the unsuppressed violations ("file:line rule: message").
 */
function runAppExchangeScan(root, javaLibDir = join(root, 'node_modules', '@salesforce', 'code-analyzer-pmd-engine', 'dist', 'java-lib')) {
    const files = filesToScan(root);
    const runData = Object.fromEntries(Object.entries(files).filter(([, list]) => list.length > 0).map(([lang, list]) => [lang, { filesToScan: list }]));
    const scanned = Object.values(files).reduce((n, list) => n + list.length, 0);
    if (scanned === 0) return { ok: true, scanned, findings: [], suppressed: [], errors: [], output: 'nothing to scan' };
    const work = mkdtempSync(join(tmpdir(), 'axr-appx-'));
    try {
        const ruleset = join(work, 'rules.xml');
        writeFileSync(
            ruleset,
            `<?xml version="1.0" encoding="UTF-8"?>\n<ruleset name="Access X-Ray AppExchange (non-Apex)" xmlns="http://pmd.sourceforge.net/ruleset/2.0.0">\n  <description>Salesforce Code Analyzer AppExchange rules for XML, JavaScript and HTML.</description>\n${RULESETS.map((r) => `  <rule ref="${r}"/>`).join('\n')}\n</ruleset>\n`
        );
        const input = join(work, 'input.json');
        const output = join(work, 'results.json');
        writeFileSync(input, JSON.stringify({ ruleSetInputFile: ruleset, runDataPerLanguage: runData }));
        const res = spawnSync('java', ['-cp', join(javaLibDir, '*'), 'com.salesforce.sfca.pmdwrapper.PmdWrapper', 'run', input, output], {
            cwd: root,
            encoding: 'utf8',
            maxBuffer: 64 * 1024 * 1024
        });
        if (!existsSync(output)) {
            return { ok: false, scanned, findings: [], suppressed: [], errors: [`PMD did not run: ${res.error ? res.error.message : ''}${res.stderr || ''}`], output: '' };
        }
        const results = JSON.parse(readFileSync(output, 'utf8'));
        const rel = (f) => relative(root, f).split(sep).join('/');
        const suppressions = readSuppressions(root);
        const findings = [];
        const suppressed = [];
        for (const v of results.violations) {
            const file = rel(v.codeLocation.file);
            const line = `${file}:${v.codeLocation.startLine} ${v.rule}: ${v.message}`;
            const s = suppressions.find((x) => x.rule === v.rule && x.file === file);
            if (s) suppressed.push({ finding: line, justification: s.justification });
            else findings.push(line);
        }
        const hint = (e) =>
            /CatchClause/.test(String(e.detail || ''))
                ? ' — the JavaScript parser of PMD cannot parse this catch clause without a binding: write `catch (error)` instead of `catch {`'
                : '';
        const errors = results.processingErrors.map(
            (e) => `${rel(e.file || '')}: PMD could not parse the file, so it was not scanned (${String(e.message).split('\n')[0]})${hint(e)}`
        );
        return { ok: findings.length === 0 && errors.length === 0, scanned, findings, suppressed, errors, output: res.stdout };
    } finally {
        rmSync(work, { recursive: true, force: true });
    }
}

module.exports = { RULESETS, SUPPRESSIONS_FILE, filesToScan, readSuppressions, runAppExchangeScan };
