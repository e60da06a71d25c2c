// The demo scenarios (data/demo-org.scenarios.json) and how to find their users and records in
// a seeded org: demo ids differ from org ids, so each is found by what the seed wrote — users by
// username (the demo username + "." + the seed's suffix), records by name (cases by subject).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function loadScenarios(root) {
    const { scenarios } = JSON.parse(readFileSync(join(root, 'data', 'demo-org.scenarios.json'), 'utf8'));
    const snapshot = JSON.parse(readFileSync(join(root, 'data', 'demo-org.snapshot.json'), 'utf8'));
    return { scenarios, snapshot };
}

const soqlString = (value) => `'${String(value).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** Where a demo id lives and the SOQL that finds the same row in the org. */
export function lookupOf(snapshot, demoId) {
    for (const [table, rows] of Object.entries(snapshot.tables)) {
        const row = rows.find((r) => r.Id === demoId);
        if (!row) continue;
        if (table === 'User') {
            return {
                table,
                label: row.Name,
                soql: `SELECT Id, Username FROM User WHERE Username LIKE ${soqlString(`${row.Username}.%`)} ORDER BY CreatedDate DESC LIMIT 1`
            };
        }
        if (table === 'Case') {
            return { table, label: `case ${row.CaseNumber ?? row.Subject}`, soql: `SELECT Id FROM Case WHERE Subject = ${soqlString(row.Subject)} ORDER BY CreatedDate DESC LIMIT 1` };
        }
        return { table, label: `${table} ${row.Name}`, soql: `SELECT Id FROM ${table} WHERE Name = ${soqlString(row.Name)} ORDER BY CreatedDate DESC LIMIT 1` };
    }
    throw new Error(`demo id ${demoId} is not in data/demo-org.snapshot.json`);
}

/** Picks scenarios by number or key ("1,22,pat-case-1001"); all when none given. */
export function pickScenarios(scenarios, picks) {
    if (!picks || picks.length === 0) return scenarios;
    return picks.map((p) => {
        const s = scenarios.find((x) => String(x.n) === String(p) || x.key === p);
        if (!s) throw new Error(`no scenario ${p} (numbers 1-${scenarios.length} or keys in data/demo-org.scenarios.json)`);
        return s;
    });
}
