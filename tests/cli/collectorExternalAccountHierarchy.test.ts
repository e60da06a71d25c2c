/** @jest-environment node */
/**
 * The collector reads the Experience Cloud external account hierarchy (cli/src/collector.ts, phase 6)
 * against the fake org, through a real jsforce Connection.
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
import { collect, hierarchyChainAccounts } from '../../cli/src/collector';
import { startFakeOrg, type FakeOrg } from '../../cli/src/fakeOrg/server';
import { jsforceTransport, type JsforceLikeConnection } from '../../cli/src/transport';
import type { Row, Snapshot } from '../../lwc-src/lwc/accessXrayEngine/types';
import fixture from './fixtures/mini-org.snapshot.json';
import { withEngine } from './helpers/engine';

const PAT = '005000000000005AAA';
const CASE = '500000000000001AAA';
const GLOBEX_PARTNERS = '001000000000002AAA';
const GLOBEX_HOLDING = '001000000000003AAA';
const GLOBEX_SOUTH = '001000000000004AAA';

const EAH_SOQL =
    'SELECT Id, Name, AccountId, ParentId, HierarchyType, IsActive, IsAccessibleToParent FROM ExternalAccountHierarchy';
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

    it('reads the whole ExternalAccountHierarchy table with Id, Name, AccountId, ParentId, HierarchyType, IsActive, IsAccessibleToParent — inactive nodes too', async () => {
        org = await startFakeOrg({ snapshot: withHierarchy() });
        const { snapshot } = await collect(transportFor(org), { users: [PAT], recordId: CASE });
        // One query, no WHERE: the table is small (at most five levels per hierarchy) and a node below an
        // inactive one doesn't link upwards, so the engine needs every node.
        expect(
            org.requests.filter((r) => r.soql?.includes('FROM ExternalAccountHierarchy')).map((r) => r.soql)
        ).toEqual([EAH_SOQL]);
        const rows = snapshot.tables.ExternalAccountHierarchy ?? [];
        expect(rows.map((r) => r.Id)).toEqual(['0Xh000000000001AAA', '0Xh000000000002AAA', '0Xh000000000003AAA']);
        for (const r of rows) expect(Object.keys(r).filter((k) => k !== 'attributes')).toEqual(EAH_FIELDS);
        expect(rows[2]).toMatchObject({
            AccountId: GLOBEX_SOUTH,
            ParentId: '0Xh000000000002AAA',
            HierarchyType: 'Partner',
            IsActive: false,
            IsAccessibleToParent: true
        });
        expect(snapshot.meta.unavailable?.map((u) => u.table)).not.toContain('ExternalAccountHierarchy');
        // UserRole is still read whole: the portal roles (PortalType, PortalRole, PortalAccountId) of every
        // account in the hierarchy are there, so the engine can re-parent the top portal roles.
        expect(snapshot.tables.UserRole?.map((r) => r.Id)).toEqual(
            expect.arrayContaining(['00E000000000005AAA', '00E000000000006AAA', '00E000000000007AAA'])
        );
        expect(snapshot.tables.UserRole?.find((r) => r.Id === '00E000000000006AAA')).toMatchObject({
            PortalType: 'Partner',
            PortalRole: 'Executive',
            PortalAccountId: GLOBEX_HOLDING
        });
        // The built engine loads the collected snapshot (the table passes snapshot validation).
        expect(withEngine<boolean>(snapshot, 'engine.loadSnapshot(snapshot); return true;')).toBe(true);
    });

    it('costs one query whether or not the org has the feature (the query count stays fixed by the plan)', async () => {
        org = await startFakeOrg({ snapshot: mini() });
        const without = await collect(transportFor(org), { users: [PAT], recordId: CASE });
        await org.close();
        org = await startFakeOrg({ snapshot: withHierarchy() });
        const withIt = await collect(transportFor(org), { users: [PAT], recordId: CASE });
        expect(withIt.stats.queries).toBe(without.stats.queries);
    });

    it('leaves the table out, without a meta.unavailable entry, when the org answers INVALID_TYPE (external account hierarchies not enabled)', async () => {
        org = await startFakeOrg({ snapshot: mini() });
        const { snapshot } = await collect(transportFor(org), { users: [PAT], recordId: CASE });
        const sent = org.requests.find((r) => r.soql === EAH_SOQL);
        expect(sent?.status).toBe(400);
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
        expect(entry?.fix).toMatch(/sf org login web/);
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

    it('when --max-rows cuts UserRole, still reads the portal roles of every account in the chain above the user (and owner) accounts', async () => {
        org = await startFakeOrg({ snapshot: withHierarchy() });
        const { snapshot } = await collect(transportFor(org), { users: [PAT], recordId: CASE, maxRows: 3 });
        // The cut is still reported: the rest of the role tree is incomplete.
        expect(snapshot.meta.truncated).toEqual(
            expect.arrayContaining([expect.objectContaining({ table: 'UserRole', limit: 3 })])
        );
        const extra = org.requests.filter((r) => r.soql?.includes('FROM UserRole WHERE PortalAccountId IN'));
        expect(extra).toHaveLength(1);
        expect(extra[0]?.soql).toContain(`('${GLOBEX_PARTNERS}', '${GLOBEX_HOLDING}')`);
        const ids = snapshot.tables.UserRole?.map((r) => r.Id);
        // Pat's account's role and its parent account's top role; Globex South is below Pat's account, not above.
        expect(ids).toEqual(expect.arrayContaining(['00E000000000005AAA', '00E000000000006AAA']));
        expect(ids).not.toContain('00E000000000007AAA');
        expect(new Set(ids).size).toBe(ids?.length);
    });

    it('does not add the chain query when UserRole was read whole', async () => {
        org = await startFakeOrg({ snapshot: withHierarchy() });
        await collect(transportFor(org), { users: [PAT], recordId: CASE });
        expect(org.requests.some((r) => r.soql?.includes('FROM UserRole WHERE'))).toBe(false);
    });
});

describe('hierarchyChainAccounts (ParentId is a self-reference to the parent node: Object Reference "ExternalAccountHierarchy")', () => {
    const nodes = withHierarchy().tables.ExternalAccountHierarchy as Row[];

    it('follows ParentId up to the root from each account, through inactive nodes, with 15- or 18-character ids', () => {
        expect(hierarchyChainAccounts(nodes, [GLOBEX_SOUTH.slice(0, 15)])).toEqual([
            GLOBEX_SOUTH,
            GLOBEX_PARTNERS,
            GLOBEX_HOLDING
        ]);
        expect(hierarchyChainAccounts(nodes, [GLOBEX_PARTNERS, GLOBEX_HOLDING, '']).sort()).toEqual([
            GLOBEX_PARTNERS,
            GLOBEX_HOLDING
        ]);
        expect(hierarchyChainAccounts(nodes, ['001000000000001AAA'])).toEqual([]);
    });

    it('stops on a cycle instead of looping', () => {
        const cyclic = [
            { ...node(1, 'A', GLOBEX_HOLDING, '0Xh000000000002AAA') },
            { ...node(2, 'B', GLOBEX_PARTNERS, '0Xh000000000001AAA') }
        ];
        expect(hierarchyChainAccounts(cyclic, [GLOBEX_PARTNERS])).toEqual([GLOBEX_PARTNERS, GLOBEX_HOLDING]);
    });
});
