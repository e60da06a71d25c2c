/** @jest-environment node */
/**
 * The collector reads the Experience Cloud external account hierarchy (evidence plan steps
 * above.hierarchyNodes / above.hierarchyParents / above.portalRoles, docs/evidence-plan.md) against
 * the fake org, through a real jsforce Connection: the nodes of the portal accounts the question
 * meets and their parents up to the root, never the whole table.
 *
 * Sources:
 * - Object Reference "ExternalAccountHierarchy" (API 49.0+): "works like a role-based hierarchy";
 *   fields AccountId, ParentId (the parent node), HierarchyType (Partner / CustomerPortal),
 *   IsActive, IsAccessibleToParent; Special Access Rules: "You must have a Partner or Customer
 *   Community Plus license".
 * - REST API Developer Guide "Status Codes and Error Responses": INVALID_TYPE for an sObject the
 *   org doesn't have (the feature is off), INSUFFICIENT_ACCESS for one the user may not read.
 * Data: tests/cli/fixtures/mini-org.snapshot.json plus a three-level partner hierarchy built below
 * (ids are illustrative; the 0Xh prefix is not the platform's).
 */
import { Connection } from 'jsforce';
import { collect } from '../../cli/src/collector';
import { startFakeOrg, type FakeOrg } from '../../cli/src/fakeOrg/server';
import { jsforceTransport, type JsforceLikeConnection } from '../../cli/src/transport';
import type { Explanation, Row, Snapshot } from '../../lwc-src/lwc/accessXrayEngine/types';
import fixture from './fixtures/mini-org.snapshot.json';
import { withEngine } from './helpers/engine';

const PAT = '005000000000005AAA';
const CASE = '500000000000001AAA';
const GLOBEX_PARTNERS = '001000000000002AAA';
const GLOBEX_HOLDING = '001000000000003AAA';
const GLOBEX_SOUTH = '001000000000004AAA';

const EAH_SELECT = 'SELECT Id, Name, AccountId, ParentId, HierarchyType, IsActive, IsAccessibleToParent FROM ExternalAccountHierarchy';
const EAH_FIELDS = ['Id', 'Name', 'AccountId', 'ParentId', 'HierarchyType', 'IsActive', 'IsAccessibleToParent'];

function mini(): Snapshot {
    return JSON.parse(JSON.stringify(fixture)) as Snapshot;
}

function role(id: string, name: string, account: string, portalRole: string): Row {
    return {
        attributes: { type: 'UserRole' },
        Id: id,
        Name: name,
        DeveloperName: name.replace(/\W/g, ''),
        ParentRoleId: '00E000000000003AAA',
        PortalType: 'Partner',
        PortalRole: portalRole,
        PortalAccountId: account,
        CaseAccessForAccountOwner: 'Edit',
        ContactAccessForAccountOwner: 'Edit',
        OpportunityAccessForAccountOwner: 'Edit'
    };
}

function node(n: number, name: string, account: string, parent: string | null, isActive = true): Row {
    return {
        attributes: { type: 'ExternalAccountHierarchy' },
        Id: `0Xh00000000000${n}AAA`,
        Name: name,
        AccountId: account,
        ParentId: parent,
        HierarchyType: 'Partner',
        IsActive: isActive,
        IsAccessibleToParent: true,
        Description: 'not collected'
    };
}

/**
 * The fixture org with a partner hierarchy Globex Holding ← Globex Partners (Pat's account) ← Globex
 * South, the last node inactive, and a partner role for each new account.
 */
function withHierarchy(): Snapshot {
    const s = mini();
    (s.tables.Account as Row[]).push(
        { attributes: { type: 'Account' }, Id: GLOBEX_HOLDING, Name: 'Globex Holding', OwnerId: '005000000000002AAA' },
        { attributes: { type: 'Account' }, Id: GLOBEX_SOUTH, Name: 'Globex South', OwnerId: '005000000000002AAA' }
    );
    (s.tables.UserRole as Row[]).push(
        role('00E000000000006AAA', 'Globex Holding Partner Executive', GLOBEX_HOLDING, 'Executive'),
        role('00E000000000007AAA', 'Globex South Partner User', GLOBEX_SOUTH, 'User')
    );
    s.tables.ExternalAccountHierarchy = [
        node(1, 'Globex Holding', GLOBEX_HOLDING, null),
        node(2, 'Globex Partners', GLOBEX_PARTNERS, '0Xh000000000001AAA'),
        node(3, 'Globex South', GLOBEX_SOUTH, '0Xh000000000002AAA', false)
    ];
    return s;
}

function transportFor(org: FakeOrg, version = '62.0') {
    const conn = new Connection({ instanceUrl: org.url, accessToken: org.accessToken, version });
    return jsforceTransport(conn as unknown as JsforceLikeConnection, {
        orgLabel: 'fake-org',
        timeoutMs: 5000,
        retries: 1
    });
}

describe('collector: external account hierarchy (Object Reference "ExternalAccountHierarchy")', () => {
    let org: FakeOrg;
    afterEach(async () => {
        await org?.close();
    });

    it('reads the nodes of the portal accounts met and their parents up to the root (inactive ones too), with the seven fields, and every portal role of the chain accounts', async () => {
        org = await startFakeOrg({ snapshot: withHierarchy() });
        const { snapshot } = await collect(transportFor(org), { users: [PAT], recordId: CASE });
        const sent = org.requests.filter((r) => r.soql?.includes('FROM ExternalAccountHierarchy')).map((r) => r.soql);
        expect(sent).toEqual([`${EAH_SELECT} WHERE AccountId IN ('${GLOBEX_PARTNERS}')`, `${EAH_SELECT} WHERE Id IN ('0Xh000000000001AAA')`]);
        const rows = snapshot.tables.ExternalAccountHierarchy ?? [];
        expect(rows.map((r) => r.Id)).toEqual(['0Xh000000000001AAA', '0Xh000000000002AAA']);
        for (const r of rows) expect(Object.keys(r).filter((k) => k !== 'attributes')).toEqual(EAH_FIELDS);
        // Globex South is below Pat's account, and nothing in the question names its users: not read.
        expect(rows.map((r) => r.AccountId)).not.toContain(GLOBEX_SOUTH);
        const portal = org.requests.filter((r) => r.soql?.includes('FROM UserRole WHERE PortalAccountId IN'));
        expect(portal).toHaveLength(1);
        expect(portal[0]?.soql).toContain(`('${GLOBEX_PARTNERS}', '${GLOBEX_HOLDING}')`);
        expect(snapshot.tables.UserRole?.find((r) => r.Id === '00E000000000006AAA')).toMatchObject({ PortalType: 'Partner', PortalRole: 'Executive', PortalAccountId: GLOBEX_HOLDING });
        expect(snapshot.tables.UserRole?.map((r) => r.Id)).not.toContain('00E000000000007AAA');
        expect(snapshot.meta.unavailable?.map((u) => u.table)).not.toContain('ExternalAccountHierarchy');
        expect(withEngine<boolean>(snapshot, 'engine.loadSnapshot(snapshot); return true;')).toBe(true);
    });

    it("an inactive node below the user's account is read when the question names its users, and the engine then gives the same answer as on the whole org", async () => {
        const whole = withHierarchy();
        // A Globex South partner user owns the case.
        (whole.tables.User as Row[]).push({ ...(whole.tables.User as Row[]).find((u) => u.Id === PAT), Id: '005000000000006AAA', Name: 'Sid South', Username: 'sid@south.example', UserRoleId: '00E000000000007AAA', AccountId: GLOBEX_SOUTH, ContactId: null });
        (whole.tables.Case as Row[])[0] = { ...(whole.tables.Case as Row[])[0], OwnerId: '005000000000006AAA' };
        org = await startFakeOrg({ snapshot: whole });
        const { snapshot } = await collect(transportFor(org), { users: [PAT], recordId: CASE });
        expect((snapshot.tables.ExternalAccountHierarchy ?? []).map((r) => r.Id).sort()).toEqual(['0Xh000000000001AAA', '0Xh000000000002AAA', '0Xh000000000003AAA']);
        const explainPat = `return engine.explain(snapshot, { userId: '${PAT}', recordId: '${CASE}' });`;
        const fromOrg = withEngine<Explanation>({ ...snapshot, settings: whole.settings ?? {} }, explainPat);
        // The fake org serves no sharing sets, and the collector reads that list (Pat is an Experience Cloud user): the
        // org as a whole has none, which the whole snapshot says by an empty list rather than by leaving it out.
        expect(snapshot.metadata?.SharingSet).toEqual([]);
        const fromWhole = withEngine<Explanation>({ ...whole, metadata: { ...whole.metadata, SharingSet: whole.metadata?.SharingSet ?? [] } }, explainPat);
        expect(fromOrg.layers.map((l) => [l.id, l.status, l.access])).toEqual(fromWhole.layers.map((l) => [l.id, l.status, l.access]));
        expect(fromOrg.paths.map((p) => p.summary)).toEqual(fromWhole.paths.map((p) => p.summary));
    });

    it('asks nothing about hierarchies when the question meets no portal role and no external user', async () => {
        org = await startFakeOrg({ snapshot: withHierarchy() });
        // Sue Support's role has no role below it, and the case's owner and grantees are internal users.
        await collect(transportFor(org), { users: ['005000000000004AAA'], recordId: CASE });
        expect(org.requests.some((r) => r.soql?.includes('FROM ExternalAccountHierarchy'))).toBe(false);
    });

    it('leaves the table out, without a meta.unavailable entry, when the org answers INVALID_TYPE (external account hierarchies not enabled), after one query', async () => {
        org = await startFakeOrg({ snapshot: mini() });
        const { snapshot } = await collect(transportFor(org), { users: [PAT], recordId: CASE });
        const sent = org.requests.filter((r) => r.soql?.startsWith(EAH_SELECT));
        expect(sent.map((r) => r.status)).toEqual([400]);
        expect(snapshot.tables).not.toHaveProperty('ExternalAccountHierarchy');
        expect(snapshot.meta.unavailable?.map((u) => u.table)).not.toContain('ExternalAccountHierarchy');
    });

    it('also leaves it out when the fake org is told the object is unsupported (unsupportedObjects, as for Territory2Model)', async () => {
        org = await startFakeOrg({ snapshot: withHierarchy(), unsupportedObjects: ['ExternalAccountHierarchy'] });
        const { snapshot } = await collect(transportFor(org), { users: [PAT], recordId: CASE });
        expect(snapshot.tables).not.toHaveProperty('ExternalAccountHierarchy');
        expect(snapshot.meta.unavailable?.map((u) => u.table)).not.toContain('ExternalAccountHierarchy');
    });

    it('records INSUFFICIENT_ACCESS in meta.unavailable with a fix naming the licence and the read access it needs', async () => {
        org = await startFakeOrg({ snapshot: withHierarchy() });
        org.injectFault({ kind: 'noAccess', match: 'FROM ExternalAccountHierarchy' });
        const { snapshot } = await collect(transportFor(org), { users: [PAT], recordId: CASE });
        expect(snapshot.tables).not.toHaveProperty('ExternalAccountHierarchy');
        const entry = snapshot.meta.unavailable?.find((u) => u.table === 'ExternalAccountHierarchy');
        expect(entry).toEqual({
            table: 'ExternalAccountHierarchy',
            reason: expect.stringContaining('INSUFFICIENT_ACCESS'),
            fix: expect.stringContaining('Partner or Customer Community Plus')
        });
        expect(entry?.fix).toMatch(/read access/);
        expect(entry?.fix).toMatch(/System Administrator/);
    });

    it('below API 49.0 (the object does not exist yet) records it as unavailable instead of reading the feature as off', async () => {
        org = await startFakeOrg({ snapshot: withHierarchy() });
        const { snapshot } = await collect(transportFor(org, '48.0'), { users: [PAT], recordId: CASE });
        expect(org.requests.some((r) => r.soql?.includes('FROM ExternalAccountHierarchy'))).toBe(false);
        expect(snapshot.meta.unavailable).toEqual(
            expect.arrayContaining([
                expect.objectContaining({
                    table: 'ExternalAccountHierarchy',
                    fix: expect.stringContaining('--api-version 49.0')
                })
            ])
        );
    });
});
