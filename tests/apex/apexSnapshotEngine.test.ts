/** @jest-environment node */
/**
 * A snapshot in exactly the shape AccessXRayController.collect returns (rows keyed by API field
 * names without `attributes`, nested relationships, lower-case describe types, `{ table, reason, fix }`
 * unavailable entries from an unauthorised org connection, `meta.scope` for the pair and the
 * server-written `meta.auditId`) goes through the real engine
 * (dist/engine, built by `npm run build`). The fixture is checked against the evidence plan steps
 * the Apex selectors build their queries from first, so it cannot drift from what the Apex reads.
 *
 * Scenario: Ana (role Sales Manager) on account Acme, owned by Raj (role Sales Rep, below hers),
 * Account OWD Private, a sharing rule sharing Acme Read with the public group EMEA Sales, which
 * contains the Role-and-Subordinates group of Sales Manager.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { withEngine } from '../cli/helpers/engine';
import type { Explanation, Snapshot } from '../../lwc-src/lwc/accessXrayEngine/types';

const ROOT = join(__dirname, '..', '..');
const CLASSES = join(ROOT, 'force-app', 'main', 'default', 'classes');
const snapshot = JSON.parse(
    readFileSync(join(__dirname, 'fixtures', 'apexCollectorSnapshot.json'), 'utf8')
) as Snapshot;
const ANA = '005000000000001AAA';
const ACME = '001000000000001AAA';

function walk(dir: string): string[] {
    return readdirSync(dir).flatMap((name) =>
        statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]
    );
}
const apexSource = walk(CLASSES)
    .filter((p) => p.endsWith('.cls') && !p.includes(join('classes', 'tests')))
    .map((p) => readFileSync(p, 'utf8').replace(/\/\*[\s\S]*?\*\//g, ''));

const plan = JSON.parse(readFileSync(join(ROOT, 'docs', 'evidence-plan.json'), 'utf8')) as {
    steps: { id: string; object: string; fields: string[] }[];
};

/**
 * Columns per table as the Apex reads them: the fields of every evidence plan step an Apex selector builds a query
 * from (`AccessXRayQuery.ofStep('<id>', …)`) whose object is fixed, first path segment, and the columns added to
 * every row (`.withConstant('X', …)`, e.g. UserRecordAccess.UserId, which may not be selected).
 */
function selectedFields(): Map<string, Set<string>> {
    const byTable = new Map<string, Set<string>>();
    for (const source of apexSource) {
        for (const m of source.matchAll(/AccessXRayQuery\.ofStep\(\s*'([\w.]+)'/g)) {
            const step = plan.steps.find((s) => s.id === m[1]);
            if (!step || step.object.startsWith('{')) continue;
            const set = byTable.get(step.object) ?? new Set<string>();
            step.fields.filter((f) => !f.startsWith('{')).forEach((f) => set.add(f.split('.')[0]!));
            const statement = source.slice(m.index, source.indexOf(';', m.index));
            for (const c of statement.matchAll(/\.withConstant\(\s*'(\w+)'/g)) set.add(c[1]!);
            byTable.set(step.object, set);
        }
    }
    return byTable;
}

describe('the fixture is what the Apex collector produces', () => {
    const fields = selectedFields();
    // The record (Account) and share tables select every field of the object (describe-driven), so
    // only tables with a fixed field list in a selector are compared.
    const fixedTables = Object.keys(snapshot.tables).filter(
        (t) => (fields.get(t)?.size ?? 0) > 0 && t !== 'Account' && !t.endsWith('Share')
    );

    test('the fixed-column tables of the fixture all have an Apex selector', () => {
        expect([...fixedTables].sort()).toEqual(
            [
                'AccountTeamMember',
                'EntityDefinition',
                'FieldPermissions',
                'Group',
                'GroupMember',
                'ObjectPermissions',
                'Organization',
                'PermissionSet',
                'PermissionSetAssignment',
                'Profile',
                'Territory2Model',
                'User',
                'UserRecordAccess',
                'UserRole'
            ].sort()
        );
    });

    test.each(fixedTables)('table %s: every column is one the Apex selects', (table) => {
        const selected = fields.get(table)!;
        const extra = snapshot.tables[table]!.flatMap((row) =>
            Object.keys(row).filter((k) => k !== 'attributes' && !selected.has(k))
        );
        expect({ table, extra }).toEqual({ table, extra: [] });
    });

    test('unavailable setup metadata uses the names the Apex writes', () => {
        const evidence = apexSource
            .filter((s) => s.includes('class AccessXRaySetupMetadataEvidence') || s.includes('class AccessXRaySubjectEvidence'))
            .join('\n');
        for (const name of snapshot.meta.unavailable!.map((u) => u.table)) {
            expect(evidence).toContain(`'${name}'`);
        }
    });

    test('the scope is the one the Apex writes: the pair, the plan explain/1', () => {
        expect(snapshot.meta.scope).toEqual({ kind: 'pairs', plan: 'explain/1', pairs: [{ userId: ANA, recordId: ACME }], capsReached: [] });
    });
});

describe('the engine explains an Apex-collected snapshot', () => {
    let explanation: Explanation;
    beforeAll(() => {
        explanation = withEngine<Explanation>(
            snapshot,
            `const loaded = engine.loadSnapshot(snapshot); return engine.explain(loaded, { userId: '${ANA}', recordId: '${ACME}' });`
        );
    });

    test('a manager above the owner gets the owner’s access (seed 001 layer 4: role hierarchy)', () => {
        expect(explanation.access).toEqual({ read: true, edit: true, delete: true, transfer: true, share: true });
        expect(explanation.layers.find((l) => l.id === 'roleHierarchy')?.status).toBe('grants');
    });

    test('a sharing rule reaches her through a group containing her role-and-subordinates group (seed 000 step 7)', () => {
        expect(explanation.layers.find((l) => l.id === 'sharingRules')?.status).toBe('grants');
        expect(explanation.paths.some((p) => p.layer === 'sharingRules' && p.summary.includes('EMEA Sales'))).toBe(
            true
        );
    });

    test('restriction rules the connection could not read make the verdict uncertain, with the collector’s reason (issue 5: never silently skipped)', () => {
        const layer = explanation.layers.find((l) => l.id === 'restrictionRules');
        expect(layer?.status).toBe('uncertain');
        expect(layer?.reason).toContain('HTTP 401');
        expect(explanation.uncertain).toBe(true);
    });

    test('the verdict reconciles with the UserRecordAccess row the Apex reads (Object Reference "UserRecordAccess")', () => {
        expect(explanation.reconciliation.status).toBe('agrees');
        expect(explanation.reconciliation.platform?.maxAccessLevel).toBe('All');
    });

    test('a truncation entry as the Apex writes it ({ table, limit, reason }) is accepted', () => {
        const truncated = JSON.parse(JSON.stringify(snapshot)) as Snapshot;
        truncated.meta.truncated = [
            { table: 'GroupMember', limit: 3, reason: 'Group nesting deeper than the levels read' }
        ];
        const result = withEngine<{ uncertain: boolean; read: boolean }>(
            truncated,
            `const e = engine.explain(engine.loadSnapshot(snapshot), { userId: '${ANA}', recordId: '${ACME}' }); return { uncertain: e.uncertain, read: e.access.read };`
        );
        expect(result).toEqual({ uncertain: true, read: true });
    });
});
