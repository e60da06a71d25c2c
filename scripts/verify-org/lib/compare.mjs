// What verify:org checks on each collected snapshot: the engine's verdict against the documented
// one (docs/demo-org.md, data/demo-org.scenarios.json) and against UserRecordAccess in the same
// snapshot, the collector's own health (no evidence service failed), and — when the CLI collector
// ran on the same org — whether both collectors read the same rows and ran the same evidence plan
// steps (the same query shapes, the same rows per step).
import { layerDoes, layerName } from '../../demo-org/verdictWords.mjs';

/** meta.unavailable entries that mean a service failed ("… evidence could not be read: …"). */
export function failedEvidence(snapshot) {
    return (snapshot.meta?.unavailable ?? []).filter((u) => /evidence could not be read/.test(String(u.reason ?? '')));
}

/** The engine on one snapshot, checked against the scenario. */
export function checkVerdict(engine, snapshot, scenario, userId, recordId) {
    const explanation = engine.explain(engine.loadSnapshot(snapshot), { userId, recordId });
    const decider = explanation.layers.find((l) => l.id === scenario.expected.decidingLayer);
    const problems = [];
    if (explanation.maxAccessLevel !== scenario.expected.maxAccessLevel) {
        problems.push(`verdict ${explanation.maxAccessLevel}, documented ${scenario.expected.maxAccessLevel}`);
    }
    if (decider?.status !== scenario.expected.decidingStatus) {
        problems.push(
            decider
                ? `${layerDoes(decider.id, decider.status, decider.title)}; documented: ${layerDoes(scenario.expected.decidingLayer, scenario.expected.decidingStatus)}`
                : `no ${layerName(scenario.expected.decidingLayer)} layer in the explanation`
        );
    }
    const reconciliation = explanation.reconciliation?.status ?? 'missing';
    if (reconciliation !== scenario.expected.reconciliation) {
        problems.push(`UserRecordAccess ${reconciliation}, documented ${scenario.expected.reconciliation}`);
    }
    const platform = explanation.reconciliation?.platform?.maxAccessLevel ?? null;
    if (scenario.platformMaxAccessLevel && platform !== scenario.platformMaxAccessLevel) {
        problems.push(`the org's UserRecordAccess says ${platform ?? 'nothing'}, the demo documents ${scenario.platformMaxAccessLevel}`);
    }
    return {
        ok: problems.length === 0,
        problems,
        verdict: explanation.maxAccessLevel,
        reconciliation,
        platform,
        uncertain: explanation.uncertain === true,
        summary: explanation.summary
    };
}

/** table → set of row keys (Id, or the row itself for rows without one). */
function rowKeys(snapshot) {
    const out = new Map();
    for (const [table, rows] of Object.entries(snapshot.tables ?? {})) {
        out.set(table, new Set(rows.map((r) => r.Id ?? JSON.stringify(Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'attributes').sort())))));
    }
    return out;
}

/** Rows read by one collector and not the other, per table. */
export function compareRows(apexSnapshot, cliSnapshot) {
    const apex = rowKeys(apexSnapshot);
    const cli = rowKeys(cliSnapshot);
    const differences = [];
    for (const table of [...new Set([...apex.keys(), ...cli.keys()])].sort()) {
        const a = apex.get(table) ?? new Set();
        const c = cli.get(table) ?? new Set();
        const onlyApex = [...a].filter((k) => !c.has(k));
        const onlyCli = [...c].filter((k) => !a.has(k));
        if (!apex.has(table) || !cli.has(table) || onlyApex.length || onlyCli.length) {
            differences.push({ table, apex: apex.has(table) ? a.size : null, cli: cli.has(table) ? c.size : null, onlyApex: onlyApex.slice(0, 5), onlyCli: onlyCli.slice(0, 5) });
        }
    }
    return differences;
}

/**
 * The shape of a SOQL text, as the CLI's contract test compares queries (cli/src/collect/soql.ts
 * shapeOf): literal strings and lists, and :binds, as `?`; whitespace collapsed; the row bound the
 * in-org collector adds (LIMIT) left out.
 */
export function shapeOf(soql) {
    return String(soql)
        .replace(/ LIMIT \d+$/, '')
        .replace(/'(?:[^'\\]|\\.)*'/g, '?')
        .replace(/\(\s*\?(?:\s*,\s*\?)*\s*\)/g, '?')
        .replace(/:[A-Za-z]\w*/g, '?')
        .replace(/\s+/g, ' ')
        .trim();
}

/**
 * The evidence plan steps one collector ran and the other did not, round by round
 * (docs/evidence-plan.md "How the two collectors are kept the same"): each step as
 * `step | shape | rows`, the shape from FROM on for the steps whose fields come from the describe
 * (every scalar field: the CLI reads a long describe in field groups). The CLI splits an id list
 * longer than 200 into several queries and Apex does not: the demo org has none that long.
 * @param {{ step: string, soql: string, rows: number }[]} apexSteps AccessXRayCollector.lastTrace
 * @param {{ step: string, soql: string, rows: number }[]} cliSteps the CLI collector's trace (collect --json steps)
 * @param {{ steps: { id: string, round: number, fields: string[] }[] }} plan docs/evidence-plan.json
 * @returns {{ round: number, onlyApex: string[], onlyCli: string[] }[]}
 */
export function compareSteps(apexSteps, cliSteps, plan) {
    const stepOf = new Map(plan.steps.map((s) => [s.id, s]));
    const key = (entry) => {
        const step = stepOf.get(entry.step);
        const shape = shapeOf(entry.soql);
        const describeFields = (step?.fields ?? []).some((f) => ['{AllScalarFields}', '{RuleUserFields}', '{MasterField}'].includes(f));
        return `${entry.step} | ${describeFields ? `FROM ${shape.split(' FROM ').slice(1).join(' FROM ')}` : shape} | ${entry.rows}`;
    };
    const byRound = (steps) => {
        const out = new Map();
        for (const entry of steps) {
            const round = stepOf.get(entry.step)?.round ?? 0;
            if (!out.has(round)) out.set(round, []);
            out.get(round).push(key(entry));
        }
        return out;
    };
    const apex = byRound(apexSteps);
    const cli = byRound(cliSteps);
    const differences = [];
    for (const round of [...new Set([...apex.keys(), ...cli.keys()])].sort((a, b) => a - b)) {
        const a = [...(apex.get(round) ?? [])];
        const c = [...(cli.get(round) ?? [])];
        const onlyApex = [];
        for (const k of a) {
            const i = c.indexOf(k);
            if (i >= 0) c.splice(i, 1);
            else onlyApex.push(k);
        }
        if (onlyApex.length || c.length) differences.push({ round, onlyApex, onlyCli: c });
    }
    return differences;
}

/**
 * Who can see from the in-org evidence pages, as the panel reads them (accessXrayWhoCanSeeSource):
 * the engine answers each page and merges the answers (engine mergeWhoCanSeeAnswers: a user listed
 * by several pages counts once with their highest access; page 0's public counts less the users
 * the other pages list whom they include).
 * @returns {{ users: Map<string, string>, uncertain: boolean, publicAccess: object[] }}
 */
export function mergedWhoCanSee(engine, pages, recordId) {
    const loaded = pages.map((page) => engine.loadSnapshot(page));
    const answers = loaded.map((page) => engine.whoCanSee(page, recordId, {}));
    const merged = engine.mergeWhoCanSeeAnswers(answers, loaded.map((page) => page.snapshot.meta.scope?.page?.index ?? 0));
    return { users: new Map(merged.users.map((u) => [u.userId, u.maxAccessLevel])), uncertain: merged.uncertain === true, publicAccess: merged.publicAccess ?? [] };
}

/** The public-default counts of two answers that differ, in words (side, users, per profile and permission set). */
export function comparePublicCounts(a, b) {
    const summary = (list) =>
        Object.fromEntries(
            list.map((p) => [p.side, { users: p.users, byProfile: Object.fromEntries(p.byProfile.map((x) => [x.id.slice(0, 15), x.users])), byPermissionSet: Object.fromEntries(p.byPermissionSet.map((x) => [x.id.slice(0, 15), x.users])) }])
        );
    const left = summary(a);
    const right = summary(b);
    const differences = [];
    for (const side of [...new Set([...Object.keys(left), ...Object.keys(right)])].sort()) {
        if (JSON.stringify(left[side] ?? null) !== JSON.stringify(right[side] ?? null)) {
            differences.push(`${side} users counted through the public default: ${left[side]?.users ?? 0} vs ${right[side]?.users ?? 0}${left[side]?.users === right[side]?.users ? ' (per profile or permission set differ)' : ''}`);
        }
    }
    return differences;
}

/**
 * Users whose access differs between the in-org answer and the CLI's (`who-can-see --json`):
 * listed by one only, or with another maximum access. Ids compared by their first 15 characters.
 * @param {Map<string, string>} apexUsers userId → maxAccessLevel
 * @param {{ userId: string, maxAccessLevel: string }[]} cliUsers
 */
export function compareWhoCanSee(apexUsers, cliUsers) {
    const key = (id) => String(id).slice(0, 15);
    const apex = new Map([...apexUsers].map(([id, level]) => [key(id), { id, level }]));
    const cli = new Map(cliUsers.map((u) => [key(u.userId), { id: u.userId, level: u.maxAccessLevel }]));
    const differences = [];
    for (const k of [...new Set([...apex.keys(), ...cli.keys()])].sort()) {
        const a = apex.get(k);
        const c = cli.get(k);
        if (a?.level !== c?.level) differences.push({ userId: (a ?? c).id, apex: a?.level ?? null, cli: c?.level ?? null });
    }
    return differences;
}
