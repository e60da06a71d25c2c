// What verify:org checks on each collected snapshot: the engine's verdict against the documented
// one (docs/demo-org.md, data/demo-org.scenarios.json) and against UserRecordAccess in the same
// snapshot, the collector's own health (no evidence service failed), and — when the CLI collector
// ran on the same org — whether both collectors read the same rows.

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
        problems.push(`${scenario.expected.decidingLayer} is ${decider?.status ?? 'missing'}, documented ${scenario.expected.decidingStatus}`);
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
