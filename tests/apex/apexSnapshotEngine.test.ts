/** @jest-environment node */
/**
 * A snapshot in exactly the shape AccessXRayController.collect returns (rows keyed by API field
 * names without `attributes`, nested relationships, lower-case describe types, `{ table, reason, fix }`
 * unavailable entries from an unauthorised org connection, `meta.scope` for the pair and the
 * server-written `meta.auditId`) goes through the real engine
 * (dist/engine, built by `npm run build`). The fixture is checked against the Apex selectors
 * first, so it cannot drift from what the Apex reads.
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

/** Columns per table as the Apex selectors list them (constant lists and list literals), first path segment. */
function selectedFields(): Map<string, Set<string>> {
    const byTable = new Map<string, Set<string>>();
    for (const source of apexSource) {
        const constants = new Map<string, string[]>();
        for (const m of source.matchAll(/static final List<String> (\w+) = new List<String>\{([^}]*)\}/g)) {
            constants.set(
                m[1]!,
                [...m[2]!.matchAll(/'([\w.]+)'/g)].map((f) => f[1]!)
            );
        }
        for (const m of source.matchAll(/new AccessXRayQuery\(\s*'(\w+)',\s*(?:new List<String>\{([^}]*)\}|(\w+))/g)) {
            const fields =
                m[2] !== undefined ? [...m[2].matchAll(/'([\w.]+)'/g)].map((f) => f[1]!) : (constants.get(m[3]!) ?? []);
            const set = byTable.get(m[1]!) ?? new Set<string>();
            fields.forEach((f) => set.add(f.split('.')[0]!));
            // Columns added to every row by .withConstant('X', …) (e.g. UserRecordAccess.UserId, which may not be selected).
            const statement = source.slice(m.index, source.indexOf(';', m.index));
            for (const c of statement.matchAll(/\.withConstant\(\s*'(\w+)'/g)) set.add(c[1]!);
            byTable.set(m[1]!, set);
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
                'Territory2',
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
        const evidence = apexSource.find((s) => s.includes('class AccessXRaySetupMetadataEvidence'))!;
        for (const name of snapshot.meta.unavailable!.map((u) => u.table)) {
            expect(evidence).toContain(`'${name}'`);
        }
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
