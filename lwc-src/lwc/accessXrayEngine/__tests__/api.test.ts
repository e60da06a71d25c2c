/**
 * Public API: loader validation messages, id normalisation, errors, gates, next steps,
 * reconciliation, renderers, whoCanSee, compareExplanations.
 * Sources cited per test: access-semantics.md §0, §11, §14; seed 001 "After Record Access".
 */
import { compareExplanations, explain, ExplainError, loadSnapshot, renderMarkdown, renderText, SnapshotError, toId18, whoCanSee, type Snapshot } from 'c/accessXrayEngine';
import { baseOrg } from './snapshotBuilder';

function minimal(): Snapshot {
    const { b, ids } = baseOrg();
    b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
    return b.build();
}

function messageOf(input: unknown): string {
    try {
        loadSnapshot(input);
    } catch (e) {
        expect(e).toBeInstanceOf(SnapshotError);
        return (e as Error).message;
    }
    throw new Error('expected loadSnapshot to throw');
}

describe('loadSnapshot validation (messages name the JSON path and the problem)', () => {
    it('rejects a non-object', () => {
        expect(messageOf(42)).toBe('a snapshot must be a JSON object with schemaVersion, meta and tables, got 42');
        expect(messageOf(null)).toContain('got null');
    });

    it('rejects an unknown schema version', () => {
        expect(messageOf({ ...minimal(), schemaVersion: 2 })).toBe('schemaVersion: expected 1 (the only snapshot format this engine reads), got 2');
    });

    it('rejects missing meta and bad collectedAt / source', () => {
        const s = minimal() as unknown as Record<string, unknown>;
        expect(messageOf({ ...s, meta: undefined })).toContain('meta: expected an object');
        expect(messageOf({ ...s, meta: { collectedAt: 'yesterday', source: 'org' } })).toBe('meta.collectedAt: expected an ISO date-time string, got "yesterday"');
        expect(messageOf({ ...s, meta: { collectedAt: '2026-01-01T00:00:00Z', source: 'moon' } })).toContain('meta.source: expected one of org, demo, synthetic, fixture, admin, got "moon"');
    });

    it('names the row and column of a bad id (tables.AccountShare[3].UserOrGroupId)', () => {
        const s = minimal();
        const acc = s.tables.Account?.[0]?.Id as string;
        s.tables.AccountShare = [0, 1, 2, 3].map((i) => ({ AccountId: acc, UserOrGroupId: i === 3 ? 42 : toId18('005000000000001'), AccountAccessLevel: 'Read', RowCause: 'Manual' }));
        expect(messageOf(s)).toBe('tables.AccountShare[3].UserOrGroupId: expected an 18- or 15-character Salesforce id, got 42');
    });

    it('rejects a table that is not an array, a row that is not an object, a non-boolean permission', () => {
        expect(messageOf({ ...minimal(), tables: { User: {} } })).toBe('tables.User: expected an array of rows, got an object');
        expect(messageOf({ ...minimal(), tables: { User: ['x'] } })).toBe('tables.User[0]: expected a row object, got "x"');
        const s = minimal();
        (s.tables.ObjectPermissions?.[0] as Record<string, unknown>).PermissionsRead = 'yes';
        expect(messageOf(s)).toBe('tables.ObjectPermissions[0].PermissionsRead: expected true or false, got "yes"');
    });

    it('rejects bad settings, describe, metadata and subjects', () => {
        expect(messageOf({ ...minimal(), settings: { 'grantAccessUsingHierarchies.X__c': { value: true, provenance: 'guess' } } })).toBe('settings["grantAccessUsingHierarchies.X__c"].provenance: expected one of org, assumed, admin, got "guess"');
        expect(messageOf({ ...minimal(), describe: { Account: { name: 'Account', fields: [{ name: 'Name' }] } } })).toBe('describe.Account.fields[0]: expected { name, type }, got an object');
        expect(messageOf({ ...minimal(), metadata: { SharingRules: [{ object: 'Account', fullName: 'Account.X', kind: 'criteria', accessLevel: 'Read' }] } })).toBe('metadata.SharingRules[0].sharedTo: expected an object, got undefined');
        expect(messageOf({ ...minimal(), subjects: [{ userId: 'abc', recordId: toId18('001000000000001') }] })).toBe('subjects[0].userId: expected an 18- or 15-character Salesforce id, got "abc"');
    });

    it('normalises 15-character ids to 18 without mutating the input', () => {
        const s = minimal();
        const user = s.tables.User?.[0] as Record<string, unknown>;
        const id18 = user.Id as string;
        user.Id = id18.slice(0, 15);
        const loaded = loadSnapshot(s);
        expect(loaded.snapshot.tables.User?.[0]?.Id).toBe(id18);
        expect(user.Id).toBe(id18.slice(0, 15));
        // 15-character ids are case-sensitive: the suffix tells them apart.
        expect(toId18('001A00000000001')).not.toBe(toId18('001a00000000001'));
    });
});

describe('explain errors', () => {
    it('unknown user and record give ExplainError with a clear message', () => {
        const s = minimal();
        const acc = s.tables.Account?.[0]?.Id as string;
        const user = s.tables.User?.[0]?.Id as string;
        expect(() => explain(s, { userId: toId18('005999999999999'), recordId: acc })).toThrow(ExplainError);
        expect(() => explain(s, { userId: toId18('005999999999999'), recordId: acc })).toThrow(/not in the snapshot's User table/);
        expect(() => explain(s, { userId: user, recordId: toId18('001999999999999') })).toThrow(/Record .* is not in the snapshot/);
        expect(() => explain(s, { userId: 'nope', recordId: acc })).toThrow(/userId must be a 15- or 18-character Salesforce id/);
    });

    it('accepts a 15-character id in the request', () => {
        const s = minimal();
        const acc = s.tables.Account?.[0]?.Id as string;
        const owner = s.tables.Account?.[0]?.OwnerId as string;
        expect(explain(s, { userId: owner.slice(0, 15), recordId: acc.slice(0, 15) }).maxAccessLevel).toBe('All');
    });
});

describe('explanation content', () => {
    it('gates: FLS per field with the granting permission set, hidden fields, record type and layout (seed 001 "After Record Access")', () => {
        const { b, ids } = baseOrg();
        const ps = b.permissionSet('Finance Fields', {});
        b.assign(ids.rep, ps);
        b.fieldPerms(b.profileSet(ids.standard), 'Account', 'Industry', true, false);
        b.fieldPerms(ps, 'Account', 'AnnualRevenue', true, true);
        const rt = b.row('RecordType', { Name: 'Customer', DeveloperName: 'Customer', SobjectType: 'Account' });
        b.describe('Account', {
            name: 'Account',
            fields: [
                { name: 'Id', type: 'id', permissionable: false },
                { name: 'Name', type: 'string', permissionable: false, nillable: false },
                { name: 'Industry', type: 'picklist', permissionable: true },
                { name: 'AnnualRevenue', type: 'currency', permissionable: true },
                { name: 'Secret__c', type: 'string', permissionable: true }
            ]
        });
        b.metadataList('RecordTypeVisibility', [{ parentId: ids.standard, recordTypeId: rt, visible: true }]);
        b.metadataList('LayoutAssignment', [{ profileId: ids.standard, recordTypeId: rt, layoutName: 'Account-Customer Layout', fields: ['Name', 'Industry'] }]);
        const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep, RecordTypeId: rt });
        const e = explain(b.build(), { userId: ids.rep, recordId: acc });
        const f = (name: string) => e.gates.fields.find((x) => x.field === name);
        expect(f('Industry')).toMatchObject({ readable: true, editable: false, readVia: ['profile Standard User'] });
        expect(f('AnnualRevenue')).toMatchObject({ readable: true, editable: true, editVia: ['permission set Finance Fields'], onLayout: false });
        expect(f('Secret__c')).toMatchObject({ readable: false, editable: false });
        expect(f('Name')?.readable).toBe(true);
        expect(e.gates.recordType).toMatchObject({ recordTypeId: rt, name: 'Customer', available: true });
        expect(e.gates.layout?.name).toBe('Account-Customer Layout');
        expect(e.gates.layout?.missingFields).toEqual(['AnnualRevenue']);
    });

    it('next steps carry a blast radius: joining the group also grants its other records (access-semantics.md §0)', () => {
        const { b, ids } = baseOrg();
        const g = b.group('EMEA Sales', { members: [ids.rep2] });
        const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
        const other1 = b.record('Account', { Name: 'Bosch', OwnerId: ids.rep });
        const other2 = b.record('Opportunity', { Name: 'Deal', OwnerId: ids.rep });
        b.share('Account', acc, g, 'Read', 'Rule');
        b.share('Account', other1, g, 'Read', 'Rule');
        b.share('Opportunity', other2, g, 'Edit', 'Rule');
        const e = explain(b.build(), { userId: ids.support, recordId: acc });
        const step = e.layers.find((l) => l.id === 'sharingRules')?.nextSteps[0];
        expect(step?.kind).toBe('addToGroup');
        expect(step?.targetIds).toEqual([g]);
        expect(step?.blastRadius).toContain('1 other Account record(s), 1 other Opportunity record(s)');
        const why = e.whyNot.find((w) => w.operation === 'read');
        expect(why?.cheapestFix?.kind).toBe('manualShare');
    });

    it('settingsUsed records an assumed Grant Access Using Hierarchies with its provenance (access-semantics.md §4)', () => {
        const { b, ids } = baseOrg();
        const inv = b.record('Invoice__c', { Name: 'INV-1', OwnerId: ids.rep });
        const e = explain(b.build(), { userId: ids.vp, recordId: inv });
        expect(e.settingsUsed).toEqual([{ key: 'grantAccessUsingHierarchies.Invoice__c', label: 'Grant Access Using Hierarchies for Invoice__c (Sharing Settings)', setting: expect.objectContaining({ value: true, provenance: 'assumed' }) }]);
        expect(e.uncertain).toBe(true);
    });

    it('reconciliation names a restriction rule when UserRecordAccess grants what the rule blocks (access-semantics.md §13–14)', () => {
        const { b, ids } = baseOrg();
        const inv = b.record('Invoice__c', { Name: 'INV-1', OwnerId: ids.rep, Region__c: 'EMEA' });
        b.share('Invoice__c', inv, ids.support, 'Read', 'Manual');
        b.ura(ids.support, inv, 'Read');
        b.metadataList('RestrictionRule', [
            { DeveloperName: 'Only_US', MasterLabel: 'Only US invoices', EnforcementType: 'Restrict', TargetEntity: 'Invoice__c', UserCriteria: `$User.ProfileId = '${ids.standard}'`, RecordFilter: "Region__c = 'US'", IsActive: true }
        ]);
        const e = explain(b.build(), { userId: ids.support, recordId: inv });
        expect(e.layers.find((l) => l.id === 'restrictionRules')?.status).toBe('blocks');
        expect(e.access.read).toBe(false);
        expect(e.reconciliation.status).toBe('disagrees');
        expect(e.reconciliation.explanations.join(' ')).toContain('UserRecordAccess ignores restriction rules');
        // Issue 10: "UserRecordAccess grants Read; rule X blocks it (UserRecordAccess ignores restriction rules)",
        // and nothing that contradicts it (the grant is explained, not "unexplained").
        expect(e.reconciliation.explanations).toEqual([
            'UserRecordAccess grants Read; restriction rule "Only US invoices" (Only_US) blocks it (UserRecordAccess ignores restriction rules).'
        ]);
        expect(e.whyNot.find((w) => w.operation === 'read')?.blockingLayer).toBe('restrictionRules');
    });

    it('a custom field named like a standard boolean (HasDiscount__c) is not held to boolean (records carry every readable field)', () => {
        const { b, ids } = baseOrg();
        const acct = b.record('Account', { Name: 'Custom fields', OwnerId: ids.rep, HasDiscount__c: 'Gold', IsPriority__c: 3 });
        expect(explain(b.build(), { userId: ids.rep, recordId: acct }).access.read).toBe(true);
        const bad = b.build();
        (bad.tables.Account?.[0] as Record<string, unknown>).IsDeleted = 'no';
        expect(() => loadSnapshot(bad)).toThrow(/tables\.Account\[0\]\.IsDeleted: expected true or false/);
    });

    it('share is "can share the record": an owner with only object Read can share but not edit, delete or transfer; max level stays Read (Object Reference "UserRecordAccess": HasAllAccess "indicates whether a user can share the record")', () => {
        const { b, ids } = baseOrg({ objects: { Account: 'R' } });
        const acct = b.record('Account', { Name: 'Read-only owner', OwnerId: ids.rep });
        const e = explain(b.build(), { userId: ids.rep, recordId: acct });
        expect(e.layers.find((l) => l.id === 'ownership')?.status).toBe('grants');
        expect(e.access).toEqual({ read: true, edit: false, delete: false, transfer: false, share: true });
        expect(e.maxAccessLevel).toBe('Read');
    });

    it('the summary is one sentence naming the user, the record and the reason', () => {
        const { b, ids } = baseOrg();
        const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
        const e = explain(b.build(), { userId: ids.vp, recordId: acc });
        expect(e.summary).toMatch(/^Vic VP can read, edit, delete, transfer and share Account Acme: .*VP Sales.*\.$/);
        const denied = explain(b.build(), { userId: ids.rep2, recordId: acc });
        expect(denied.summary).toMatch(/^Ben Rep can't read Account Acme: /);
    });
});

describe('renderers', () => {
    it('Markdown and text name every layer, the verdict and the next steps', () => {
        const { b, ids } = baseOrg();
        const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
        const e = explain(b.build(), { userId: ids.rep2, recordId: acc });
        const md = renderMarkdown(e);
        expect(md).toContain('## Access X-Ray: Ben Rep on Account Acme');
        expect(md).toContain('| Org-wide defaults | — |');
        expect(md).toContain('### Why not');
        expect(md).toContain('Share this record manually with Ben Rep');
        const text = renderText(e);
        expect(text).toContain(e.summary);
        for (const l of e.layers) {
            expect(text).toContain(l.title);
        }
    });
});

describe('whoCanSee and compareExplanations', () => {
    it('lists the owner, the managers above and the share recipients, sorted, with paging', () => {
        const { b, ids } = baseOrg();
        const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
        b.share('Account', acc, ids.support, 'Read', 'Manual');
        const snap = loadSnapshot(b.build());
        const all = whoCanSee(snap, acc);
        expect(all.users.map((u) => [u.userName, u.maxAccessLevel])).toEqual([
            ['Ana Rep', 'All'],
            ['Cora CEO', 'All'],
            ['Sam Support', 'Read'],
            ['Vic VP', 'All']
        ]);
        expect(all.total).toBe(4);
        const page = whoCanSee(snap, acc, { limit: 2, offset: 1 });
        expect(page.users.map((u) => u.userName)).toEqual(['Cora CEO', 'Sam Support']);
        expect(page.total).toBe(4);
    });

    it('a Controlled by Parent contact whose account is Public Read Only is open to every user: counted per profile, listed on request (seed 002; access-semantics.md §2)', () => {
        const { b, ids } = baseOrg();
        b.owd('Account', 'Read');
        const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
        const con = b.record('Contact', { Name: 'Carl Contact', AccountId: acc, OwnerId: ids.rep });
        const snap = loadSnapshot(b.build());
        const listed = whoCanSee(snap, con, { listPublic: true }).users.map((u) => u.userName);
        expect(listed).toEqual(['Ana Rep', 'Ben Rep', 'Cora CEO', 'Olga Norole', 'Sam Support', 'Vic VP']);
        expect(listed.length).toBe(snap.snapshot.tables.User?.length);
        // Without listPublic: the owner and the roles above are listed; everyone else is counted under the parent's default.
        const answer = whoCanSee(snap, con);
        expect(answer.users.map((u) => u.userName)).toEqual(['Ana Rep', 'Cora CEO', 'Vic VP']);
        expect(answer.publicAccess).toEqual([
            expect.objectContaining({ side: 'internal', model: 'Controlled by Parent: Account Acme Public Read Only', users: 3, byProfile: [expect.objectContaining({ name: 'Standard User', users: 3 })] })
        ]);
    });

    it('compare names the layers that differ between two users', () => {
        const { b, ids } = baseOrg();
        const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
        const snap = loadSnapshot(b.build());
        const a = explain(snap, { userId: ids.rep, recordId: acc });
        const c = explain(snap, { userId: ids.rep2, recordId: acc });
        const cmp = compareExplanations(a, c);
        expect(cmp.differingLayers).toContain('ownership');
        expect(cmp.differingLayers).not.toContain('objectPermissions');
        expect(cmp.summary).toContain('Ana Rep on Account Acme has read, edit, delete, transfer, share');
        expect(cmp.rows).toHaveLength(12);
    });
});
