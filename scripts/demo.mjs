#!/usr/bin/env node
// `npm run demo`: explains the headline scenarios of the bundled demo org (Kestrel Instruments,
// data/demo-org.snapshot.json) with the engine's own text rendering.
//
//   npm run demo                      the headline scenarios
//   npm run demo -- --all             every scenario
//   npm run demo -- --scenario 3      one scenario, by number or key (repeatable)
//   npm run demo -- --list            the scenario list with expected verdicts
//   npm run demo -- --all --summary   one line per scenario: verdict, deciding layer, check
//   npm run demo -- --all --json      machine-readable: each scenario with its Explanation
//
// The engine is imported from its Node bundle (dist/engine/accessXrayEngine.mjs), which
// `npm run build` writes. Exit codes: 0 ok, 1 engine verdict differs from the documented
// expectation or the bundle is missing, 2 bad arguments.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expectedWords, layerDoes, layerName, levelWords } from './demo-org/verdictWords.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const enginePath = join(root, 'dist', 'engine', 'accessXrayEngine.mjs');
const snapshotPath = join(root, 'data', 'demo-org.snapshot.json');
const scenariosPath = join(root, 'data', 'demo-org.scenarios.json');

const USAGE = `Usage: npm run demo -- [--all | --scenario <number|key> ... | --list]

Explains scenarios of the bundled demo org (Kestrel Instruments) with the Access X-Ray engine.
  (no option)         the headline scenarios
  --all               every scenario
  --scenario <n|key>  one scenario by number (see --list) or key; repeatable
  --list              list the scenarios and their expected verdicts
  --summary           one line per scenario instead of the full explanation
  --json              print {scenarios: [{n, key, title, expected, matches, source, explanation, text}]}
  --help              this text`;

function fail(code, message) {
    process.stderr.write(`demo: ${message}\n`);
    process.exit(code);
}

function parseArgs(argv) {
    const opts = { all: false, list: false, help: false, json: false, summary: false, picks: [] };
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === '--all') opts.all = true;
        else if (arg === '--list') opts.list = true;
        else if (arg === '--json') opts.json = true;
        else if (arg === '--summary') opts.summary = true;
        else if (arg === '--help' || arg === '-h') opts.help = true;
        else if (arg === '--scenario' || arg === '-s') {
            const value = argv[++i];
            if (!value || value.startsWith('-'))
                fail(2, '--scenario needs a scenario number or key (npm run demo -- --list)');
            opts.picks.push(value);
        } else if (arg.startsWith('--scenario=')) opts.picks.push(arg.slice('--scenario='.length));
        else fail(2, `unknown option "${arg}" (npm run demo -- --help)`);
    }
    if (opts.all && opts.picks.length) fail(2, '--all and --scenario cannot be combined');
    if ([opts.json, opts.list, opts.summary].filter(Boolean).length > 1)
        fail(2, '--json, --list and --summary cannot be combined');
    return opts;
}

// `npm run demo | head` closes the pipe early: stop quietly instead of crashing on EPIPE.
process.stdout.on('error', (err) => {
    if (err && err.code === 'EPIPE') process.exit(0);
    throw err;
});

const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code, text) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
const bold = (t) => paint('1', t);
const dim = (t) => paint('2', t);
const green = (t) => paint('32', t);
const red = (t) => paint('31', t);

function readJson(file) {
    try {
        return JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
        return fail(1, `cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
    }
}

async function main() {
    const opts = parseArgs(process.argv.slice(2));
    if (opts.help) {
        process.stdout.write(`${USAGE}\n`);
        return 0;
    }
    const { scenarios } = readJson(scenariosPath);
    if (opts.list) {
        for (const s of scenarios) {
            process.stdout.write(
                `${String(s.n).padStart(2)}  ${s.headline ? '*' : ' '} ${s.title}\n      ${dim(`${s.key} → ${expectedWords(s.expected)}`)}\n`
            );
        }
        process.stdout.write(dim('\n* = headline scenario (shown by `npm run demo`)\n'));
        return 0;
    }
    let chosen;
    if (opts.picks.length) {
        chosen = opts.picks.map((pick) => {
            const found = scenarios.find((s) => String(s.n) === pick || s.key === pick);
            if (!found)
                fail(
                    2,
                    `no scenario "${pick}": use a number from 1 to ${scenarios.length} or a key (npm run demo -- --list)`
                );
            return found;
        });
    } else {
        chosen = opts.all ? scenarios : scenarios.filter((s) => s.headline);
    }

    if (!existsSync(enginePath)) fail(1, `the engine bundle ${enginePath} is missing: run "npm run build" first`);
    const engine = await import(pathToFileURL(enginePath).href);
    const raw = readJson(snapshotPath);
    const snapshot = engine.loadSnapshot(raw);
    const orgName = raw.meta?.orgName ?? 'demo org';

    const matchesExpectation = (s, e) => {
        const decider = e.layers.find((l) => l.id === s.expected.decidingLayer);
        return {
            ok: e.maxAccessLevel === s.expected.maxAccessLevel && decider?.status === s.expected.decidingStatus,
            decider
        };
    };
    const results = chosen.map((s) => {
        const explanation = engine.explain(snapshot, { userId: s.userId, recordId: s.recordId });
        return { s, explanation, ...matchesExpectation(s, explanation) };
    });
    const mismatches = results.filter((r) => !r.ok).length;

    if (opts.json) {
        const scenariosOut = results.map(({ s, explanation, ok }) => ({
            n: s.n,
            key: s.key,
            title: s.title,
            expected: s.expected,
            matches: ok,
            source: s.source,
            explanation,
            text: engine.renderText(explanation)
        }));
        process.stdout.write(`${JSON.stringify({ scenarios: scenariosOut }, null, 2)}\n`);
        return mismatches ? 1 : 0;
    }

    if (opts.summary) {
        process.stdout.write(
            `${bold('Access X-Ray demo')} — ${orgName}: the engine's verdicts against the expected ones\n\n`
        );
        for (const { s, explanation: e, ok } of results) {
            const named = (status) => e.layers.filter((l) => l.status === status).map((l) => layerName(l.id, l.title));
            const grants = named('grants');
            const blocks = named('blocks');
            const level = levelWords(e.maxAccessLevel);
            const how = blocks.length
                ? `${level}: blocked by ${blocks.join(', ')}`
                : grants.length
                  ? `${level} through ${grants.join(', ')}`
                  : `${level}: nothing grants it`;
            process.stdout.write(
                `${ok ? green('✓') : red('✗')} ${String(s.n).padStart(2)}  ${e.maxAccessLevel.padEnd(8)} ${s.title}\n          ${dim(`${how}; UserRecordAccess ${e.reconciliation.status}`)}\n`
            );
        }
        process.stdout.write(`\n${results.length - mismatches} of ${results.length} match their expected verdicts\n`);
        return mismatches ? 1 : 0;
    }

    const rule = '─'.repeat(Math.min(process.stdout.columns || 80, 96));
    process.stdout.write(
        `${bold('Access X-Ray demo')} — ${orgName}, ${chosen.length} of ${scenarios.length} scenarios ${dim('(npm run demo -- --list)')}\n`
    );
    for (const { s, explanation: e, ok, decider } of results) {
        process.stdout.write(`\n${rule}\n${bold(`#${s.n}  ${s.title}`)}\n${rule}\n`);
        process.stdout.write(`${engine.renderText(e).trimEnd()}\n`);
        const expected = expectedWords(s.expected);
        const engineSays = decider
            ? `${levelWords(e.maxAccessLevel)}, and ${layerDoes(decider.id, decider.status, decider.title)}`
            : `${levelWords(e.maxAccessLevel)}, without ${layerName(s.expected.decidingLayer)}`;
        process.stdout.write(
            ok
                ? dim(`\n${green('✓')} as expected: ${expected}\n  Source: ${s.source}\n`)
                : `\n${red('✗')} not as expected: ${expected}; the engine gives ${engineSays}\n`
        );
    }
    if (mismatches) {
        process.stderr.write(`demo: ${mismatches} scenario(s) differ from their expected verdicts (npm run demo -- --list)\n`);
        return 1;
    }
    return 0;
}

main().then(
    (code) => {
        process.exitCode = code;
    },
    (err) => fail(1, err instanceof Error ? err.message : String(err))
);
