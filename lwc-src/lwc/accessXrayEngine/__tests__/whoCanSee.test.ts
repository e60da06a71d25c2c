/**
 * The who-can-see answer an admin pages through: public-default users counted per profile and
 * permission set (Salesforce Help "View Which Users Have Access to Your Records": the Sharing
 * Hierarchy leaves out users whose access comes only from the org-wide default), totals per
 * mechanism and access level, search, mechanism filter, sorting, paging, paths and top reasons
 * capped by object permissions (access-semantics.md §1: object permissions gate every grant),
 * restriction rules (Restriction Rules Developer Guide: they filter what sharing grants), doubts,
 * and the errors for bad options and for snapshots collected for other questions.
 */
import { ExplainError, explain, loadSnapshot, whoCanSee, whoCanSeePaths, type Snapshot } from 'c/accessXrayEngine';
import { baseOrg, SnapshotBuilder } from './snapshotBuilder';

function invoiceOrg(owd: 'Private' | 'Read' | 'ReadWrite' = 'Private') {
    const { b, ids } = baseOrg();
    b.owd('Invoice__c', owd);
    b.setting('grantAccessUsingHierarchies.Invoice__c', true, 'admin');
    const reader = b.profile('Invoice Reader', { objects: { Invoice__c: 'R' } });
    const rita = b.user('Rita Reader', { profileId: reader });
    const editor = b.permissionSet('Invoice Editor', { objects: { Invoice__c: 'RE' } });
    b.assign(rita, editor, { ExpirationDate: '2020-01-01T00:00:00.000Z' });
    const eddie = b.user('Eddie Émile', { profileId: reader });
    b.assign(eddie, editor);
    const invoice = b.record('Invoice__c', { Name: 'INV-1', OwnerId: ids.rep, Status__c: 'Open' });
    return { b, ids: { ...ids, rita, eddie, editor, reader }, invoice };
}

describe('public org-wide defaults: counted per profile and permission set, listed on request', () => {
    it('Public Read/Write: the owner and managers are listed; everyone else is counted with the level their object permissions allow', () => {
        const { b, ids, invoice } = invoiceOrg('ReadWrite');
        const snap = loadSnapshot(b.build());
        const answer = whoCanSee(snap, invoice);
        expect(answer.users.map((u) => [u.userName, u.maxAccessLevel])).toEqual([
            ['Ana Rep', 'All'],
            ['Cora CEO', 'All'],
            ['Vic VP', 'All']
        ]);
        expect(answer.publicAccess).toHaveLength(1);
        const pub = answer.publicAccess?.[0];
        // Ben, Sam, Olga (Standard User: Edit); Rita (Read: her Invoice Editor assignment expired); Eddie (Edit through Invoice Editor).
        expect(pub).toMatchObject({ side: 'internal', model: 'Public Read/Write', users: 5, byAccess: { Edit: 4, Read: 1 } });
        expect(pub?.byProfile).toEqual([
            { id: ids.standard, name: 'Standard User', users: 3 },
            { id: ids.reader, name: 'Invoice Reader', users: 2 }
        ]);
        expect(pub?.byPermissionSet).toEqual([{ id: ids.editor, name: 'Invoice Editor', users: 1 }]);
        const all = whoCanSee(snap, invoice, { listPublic: true });
        expect(all.total).toBe(8);
        expect(all.totalsByMechanism).toEqual({ orgWideDefaults: 8, ownership: 1, roleHierarchy: 2 });
        expect(all.totalsByAccess).toEqual({ All: 3, Edit: 4, Read: 1 });
        const rita = all.users.find((u) => u.userName === 'Rita Reader');
        expect(rita).toMatchObject({ maxAccessLevel: 'Read', topMechanism: 'orgWideDefaults', mechanisms: ['orgWideDefaults'] });
        expect(rita?.topReason).toBe('org-wide default Public Read/Write — Edit capped at Read by object permissions on Invoice__c (Read only)');
    });

    it('Private: nobody is counted under a default and publicAccess is absent', () => {
        const { b, invoice } = invoiceOrg('Private');
        expect(whoCanSee(loadSnapshot(b.build()), invoice).publicAccess).toBeUndefined();
    });
});

describe('search, mechanism filter, sorting and paging', () => {
    function sharedOrg() {
        const { b, ids, invoice } = invoiceOrg('Private');
        b.share('Invoice__c', invoice, ids.support, 'Edit', 'Manual');
        b.share('Invoice__c', invoice, ids.eddie, 'Read', 'Reason__c');
        return { snap: loadSnapshot(b.build()), ids, invoice };
    }

    it('sorts by name without case or accents by default, by access on request, and pages', () => {
        const { snap, invoice } = sharedOrg();
        const names = whoCanSee(snap, invoice).users.map((u) => u.userName);
        expect(names).toEqual(['Ana Rep', 'Cora CEO', 'Eddie Émile', 'Sam Support', 'Vic VP']);
        expect(whoCanSee(snap, invoice, { sort: 'access' }).users.map((u) => `${u.userName} ${u.maxAccessLevel}`)).toEqual([
            'Ana Rep All',
            'Cora CEO All',
            'Vic VP All',
            'Sam Support Edit',
            'Eddie Émile Read'
        ]);
        const page = whoCanSee(snap, invoice, { offset: 2, limit: 2 });
        expect(page).toMatchObject({ total: 5, offset: 2, limit: 2 });
        expect(page.users.map((u) => u.userName)).toEqual(['Eddie Émile', 'Sam Support']);
    });

    it('searches names and usernames (accents ignored) and filters by mechanism; totals stay those of every listed user', () => {
        const { snap, invoice } = sharedOrg();
        const emile = whoCanSee(snap, invoice, { search: 'emile' });
        expect(emile.users.map((u) => u.userName)).toEqual(['Eddie Émile']);
        expect(emile.total).toBe(1);
        expect(emile.totalsByAccess).toEqual({ All: 3, Edit: 1, Read: 1 });
        expect(whoCanSee(snap, invoice, { search: 'sam.support@' }).users.map((u) => u.userName)).toEqual(['Sam Support']);
        const manual = whoCanSee(snap, invoice, { mechanism: 'manualShares' });
        expect(manual.users.map((u) => [u.userName, u.topReason])).toEqual([
            ['Eddie Émile', 'Apex sharing reason Reason__c (Read Only) to Eddie Émile'],
            ['Sam Support', 'Manual Sharing (Read/Write) to Sam Support']
        ]);
        expect(manual.totalsByMechanism).toEqual({ ownership: 1, roleHierarchy: 2, manualShares: 2 });
    });
});

describe('capped by object permissions (access-semantics.md §1)', () => {
    it('an owner whose object permission stops at Read is listed with Read, and every path says the cap', () => {
        const { b, ids, invoice } = invoiceOrg('Private');
        const rows = b.rowsOf('Invoice__c');
        (rows[0] as { OwnerId: string }).OwnerId = ids.rita;
        const snap = loadSnapshot(b.build());
        const rita = whoCanSee(snap, invoice, { withPaths: true }).users.find((u) => u.userId === ids.rita);
        expect(rita).toMatchObject({ maxAccessLevel: 'Read', topMechanism: 'ownership', topReason: 'owner — All capped at Read by object permissions on Invoice__c (Read only)' });
        expect(rita?.paths.map((p) => [p.layer, p.level])).toEqual([['ownership', 'Read']]);
        expect(rita?.paths[0]?.summary).toMatch(/→ Read \(All capped at Read by object permissions on Invoice__c \(Read only\)\)$/);
        expect(whoCanSeePaths(snap, invoice, ids.rita)).toEqual(rita?.paths);
        expect(explain(snap, { userId: ids.rita, recordId: invoice }).maxAccessLevel).toBe('Read');
    });
});

describe('restriction rules (Restriction Rules Developer Guide: they filter what sharing grants)', () => {
    it('a user the rule applies to is not listed when the record fails its criteria; exempt and unaffected users are', () => {
        const { b, ids, invoice } = invoiceOrg('Private');
        for (const u of b.rowsOf('User')) {
            u.Department = u.Id === ids.vp ? 'Contractors' : 'Sales';
        }
        b.metadataList('RestrictionRule', [
            { DeveloperName: 'Contractors_Closed', MasterLabel: 'Contractors see closed invoices', EnforcementType: 'Restrict', TargetEntity: 'Invoice__c', UserCriteria: "$User.Department = 'Contractors'", RecordFilter: "Status__c = 'Closed'", IsActive: true }
        ]);
        const snap = loadSnapshot(b.build());
        const names = whoCanSee(snap, invoice).users.map((u) => u.userName);
        expect(names).toEqual(['Ana Rep', 'Cora CEO']);
        expect(explain(snap, { userId: ids.vp, recordId: invoice }).access.read).toBe(false);
    });

    it('restriction rules not collected: the answer is uncertain and says so', () => {
        const { b, invoice } = invoiceOrg('Private');
        const snap = b.build();
        delete snap.metadata?.RestrictionRule;
        const answer = whoCanSee(loadSnapshot(snap), invoice);
        expect(answer.uncertain).toBe(true);
        expect(answer.uncertainties.join(' ')).toContain('restriction rules were not collected');
        expect(answer.users.every((u) => u.uncertain)).toBe(true);
    });
});

describe('doubts and errors', () => {
    it('a truncated table makes the answer uncertain, naming the table and the limit', () => {
        const { b, invoice } = invoiceOrg('Private');
        const snap: Snapshot = b.build();
        snap.meta.truncated = [{ table: 'GroupMember', limit: 50000, reason: 'row limit' }];
        const answer = whoCanSee(loadSnapshot(snap), invoice);
        expect(answer.uncertain).toBe(true);
        expect(answer.uncertainties).toContain('GroupMember was cut at 50000 rows (row limit): users it would reach may be missing');
    });

    it('bad options are refused with what is expected', () => {
        const { b, invoice } = invoiceOrg('Private');
        const snap = loadSnapshot(b.build());
        expect(() => whoCanSee(snap, invoice, { limit: -1 })).toThrow(ExplainError);
        expect(() => whoCanSee(snap, invoice, { offset: 1.5 })).toThrow('offset must be a whole number of users, 0 or more; got 1.5');
        expect(() => whoCanSee(snap, invoice, { sort: 'size' as 'name' })).toThrow('sort must be "name" or "access"');
        expect(() => whoCanSee(snap, invoice, { mechanism: 'queues' as 'ownership' })).toThrow(/mechanism must be one of objectPermissions, orgWideDefaults/);
        expect(() => whoCanSee(snap, '001000000000000')).toThrow(ExplainError);
    });

    it('a snapshot collected to explain user/record pairs is refused: who-can-see needs every user (meta.scope)', () => {
        const { b, ids, invoice } = invoiceOrg('Private');
        const pairs: Snapshot = b.build();
        pairs.meta.scope = { kind: 'pairs', plan: 'explain/1', pairs: [{ userId: ids.rep, recordId: invoice }] };
        let error: unknown;
        try {
            whoCanSee(loadSnapshot(pairs), invoice);
        } catch (e) {
            error = e;
        }
        expect(error).toBeInstanceOf(ExplainError);
        expect((error as ExplainError).code).toBe('outOfScope');
        expect((error as ExplainError).message).toContain('holds the evidence for explaining Ana Rep on Invoice__c INV-1 only');
        expect((error as ExplainError).message).toContain('collect the who-can-see evidence for the record');
        const records: Snapshot = b.build();
        records.meta.scope = { kind: 'records', plan: 'whoCanSee/1', recordIds: [invoice] };
        expect(whoCanSee(loadSnapshot(records), invoice).total).toBe(3);
    });
});

describe('User records (seed 003: user sharing)', () => {
    it('the record user, managers above their role and Manage Users holders are listed; the internal Public Read Only default is counted', () => {
        const b = new SnapshotBuilder();
        const standard = b.profile('Standard', {});
        const admins = b.profile('Admins', { system: { manageUsers: true } });
        const top = b.role('Top');
        const low = b.role('Low', top);
        const boss = b.user('Bea Boss', { profileId: standard, roleId: top });
        const worker = b.user('Will Worker', { profileId: standard, roleId: low });
        b.user('Ada Admin', { profileId: admins });
        b.user('Pia Peer', { profileId: standard });
        b.owd('User', 'Read', 'Private');
        b.metadataList('RestrictionRule', []);
        b.metadataList('SharingSet', []);
        const answer = whoCanSee(loadSnapshot(b.build()), worker);
        expect(answer.users.map((u) => [u.userName, u.maxAccessLevel, u.topMechanism])).toEqual([
            ['Ada Admin', 'Edit', 'systemPermissions'],
            ['Bea Boss', 'Read', 'roleHierarchy'],
            ['Will Worker', 'Edit', 'ownership']
        ]);
        expect(answer.publicAccess?.[0]).toMatchObject({ side: 'internal', model: 'Public Read Only', users: 1 });
        expect(boss).toBeDefined();
    });
});
