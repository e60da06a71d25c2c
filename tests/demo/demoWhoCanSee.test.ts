/** @jest-environment node */
/**
 * "Who can see case 00001001?" on the demo org — the record of the headline scenario — worked
 * out by hand from the rulebook and checked against the engine's whoCanSee (through its Node
 * bundle dist/engine/accessXrayEngine.mjs, `npm run build`):
 *
 * - Ada Kowalski — All: System Administrator, Modify All Data (seed 001 layer 10).
 * - Tara Nguyen — All: member of the owning queue EMEA Support Queue (seed 000, queues; seed 001 layer 3).
 * - Sofia Santos — All: VP Customer Support is above Tara and the queue has Grant Access Using
 *   Hierarchies (Group.DoesIncludeBosses; access-semantics §3); her profile has full Case access.
 * - Emma Eriksen — Read: she owns the account Nordlicht Partners GmbH and her role gives account
 *   owners Read on the account's cases (UserRole.CaseAccessForAccountOwner; seed 002 child implicit).
 * - Victor Vance, Cora Chen — Read: above Emma (child implicit access rolls up the hierarchy) and,
 *   for Cora, above Tara too; but the Kestrel Sales User profile has only Read on Case.
 * - Otto Lindqvist — Read: View All Data (seed 001 layer 10).
 * Nobody else: Pat Partner (scenario 1) and the other Nordlicht users sit below Emma, not above;
 * the case contact is not a site user, so no "related cases" access.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AccessLevel, Row, Snapshot } from '../../lwc-src/lwc/accessXrayEngine/types';

const root = join(__dirname, '..', '..');
const snapshotPath = join(root, 'data', 'demo-org.snapshot.json');
const snap = JSON.parse(readFileSync(snapshotPath, 'utf8')) as Snapshot;
const caseRow = (snap.tables.Case ?? []).find((c: Row) => c.CaseNumber === '00001001');

interface WhoCanSee {
    total: number;
    users: { userId: string; userName: string; maxAccessLevel: AccessLevel; uncertain: boolean }[];
}

function whoCanSee(recordId: string): WhoCanSee {
    const engine = pathToFileURL(join(root, 'dist', 'engine', 'accessXrayEngine.mjs')).href;
    const script = `import * as engine from ${JSON.stringify(engine)}; import { readFileSync } from 'node:fs';
const snapshot = engine.loadSnapshot(JSON.parse(readFileSync(${JSON.stringify(snapshotPath)}, 'utf8')));
process.stdout.write(JSON.stringify(engine.whoCanSee(snapshot, ${JSON.stringify(recordId)})));`;
    return JSON.parse(
        execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })
    ) as WhoCanSee;
}

describe('demo org: who can see case 00001001 (headline record)', () => {
    it('lists exactly the users the rulebook gives access, at the documented levels, none uncertain', () => {
        expect(caseRow).toBeDefined();
        const result = whoCanSee(String(caseRow?.Id));
        const got = result.users
            .map((u) => `${u.userName}: ${u.maxAccessLevel}${u.uncertain ? ' (uncertain)' : ''}`)
            .sort();
        expect(got).toEqual(
            [
                'Ada Kowalski: All',
                'Cora Chen: Read',
                'Emma Eriksen: Read',
                'Otto Lindqvist: Read',
                'Sofia Santos: All',
                'Tara Nguyen: All',
                'Victor Vance: Read'
            ].sort()
        );
        expect(result.total).toBe(7);
    });
});

/*
 * "Who can see the deal registration of Nordlicht Partners Austria GmbH?" — the child account of
 * the external account hierarchy (scenarios 29–31), worked out by hand:
 * - Tobias Wagner — All: owner (Partner Community profile: Opportunity create/read/edit/delete).
 * - Paula Petersen — All: Nordlicht's top role, which the Austrian top role reports to (Object
 *   Reference "ExternalAccountHierarchy": "works like a role-based hierarchy").
 * - Emma Eriksen, Victor Vance, Cora Chen — All: above Paula's role (EMEA Sales Manager → VP Sales →
 *   CEO); the Kestrel Sales User profile has full Opportunity rights.
 * - Ada Kowalski — All (Modify All Data); Otto Lindqvist — Read (View All Data).
 * Nobody else: not Pat Partner or Piet Janssen (below Nordlicht's top role — "Child account data is
 * shared with the highest role at each level"), not Ana Alves, the child account's internal owner
 * ("Internal owners of child accounts … lose access to the records owned by those users"; her role
 * gives account owners no opportunity access), not Elio Russo (her peer).
 */
describe('demo org: who can see the Nordlicht Austria deal registration (external account hierarchy)', () => {
    it('lists the owner, the parent account’s top role and the internal roles above it, not the parent’s manager or the child’s internal owner', () => {
        const opp = (snap.tables.Opportunity ?? []).find((o: Row) => String(o.Name).includes('TU Wien'));
        expect(opp).toBeDefined();
        const result = whoCanSee(String(opp?.Id));
        const got = result.users
            .map((u) => `${u.userName}: ${u.maxAccessLevel}${u.uncertain ? ' (uncertain)' : ''}`)
            .sort();
        expect(got).toEqual(
            [
                'Ada Kowalski: All',
                'Cora Chen: All',
                'Emma Eriksen: All',
                'Otto Lindqvist: Read',
                'Paula Petersen: All',
                'Tobias Wagner: All',
                'Victor Vance: All'
            ].sort()
        );
    });
});
