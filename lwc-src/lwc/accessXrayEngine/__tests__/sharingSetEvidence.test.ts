/**
 * Missing sharing-set evidence is never a confident "nothing here" (Salesforce Help "Sharing
 * Sets": sharing-set access is computed from setup metadata, never stored as share rows; Help
 * "Use Share Groups to Share Records Owned by High-Volume Experience Cloud Site Users": share
 * group members — internal users too — can access the records the sharing set's high-volume
 * users own). When `metadata.SharingSet` was not collected, is listed in `meta.unavailable`,
 * or was cut short (`meta.truncated`):
 * - an external user of a licence sharing sets apply to gets an uncertain Experience Cloud layer;
 * - any user, internal ones included, gets an uncertain Experience Cloud layer on a record a
 *   high-volume user owns (a share group could list them);
 * - who-can-see says so in its doubts, and still lists the same users explain says can read.
 * The demo's Sofia Santos (internal, in the Customer Success share group) on Case 00001009
 * (owned by the high-volume user Hugo Hall) is the case a sweep answered confidently before.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { explain, loadSnapshot, whoCanSee, type Snapshot } from 'c/accessXrayEngine';
import { SnapshotBuilder } from './snapshotBuilder';

interface Org {
    b: SnapshotBuilder;
    ids: { agent: string; outsider: string; owner: string; hugo: string; hana: string; kase: string; team: string };
}

/** A case owned by a high-volume customer user; a sharing set for their profile with a share group holding the Support Team group. */
function org(): Org {
    const b = new SnapshotBuilder();
    const internal = b.profile('Support', { objects: { Case: 'RE', Account: 'R', Contact: 'R' } });
    const customer = b.profile('Customer Community User', { objects: { Case: 'RE', Account: 'R', Contact: 'R' }, licence: 'Customer Community' });
    const agent = b.user('Ada Agent', { profileId: internal });
    const outsider = b.user('Otto Outsider', { profileId: internal });
    const owner = b.user('Olga Owner', { profileId: internal, roleId: b.role('Account Manager', null, { CaseAccessForAccountOwner: 'Read', ContactAccessForAccountOwner: 'Read' }) });
    const team = b.group('Support Team', { members: [agent] });
    const account = b.record('Account', { Name: 'Lumen Labs', OwnerId: owner });
    const hugoContact = b.record('Contact', { Name: 'Hugo Hall', AccountId: account, OwnerId: owner });
    const hanaContact = b.record('Contact', { Name: 'Hana Hill', AccountId: account, OwnerId: owner });
    const hugo = b.user('Hugo Hall', { profileId: customer, userType: 'CspLitePortal', contactId: hugoContact, accountId: account });
    const hana = b.user('Hana Hill', { profileId: customer, userType: 'CspLitePortal', contactId: hanaContact, accountId: account });
    b.owd('Case', 'Private', 'Private');
    b.owd('Account', 'Private', 'Private');
    b.owd('Contact', 'Private', 'Private');
    const kase = b.record('Case', { CaseNumber: '00001009', Subject: 'Export fails', AccountId: account, ContactId: hugoContact, OwnerId: hugo });
    b.metadataList('RestrictionRule', []);
    return { b, ids: { agent, outsider, owner, hugo, hana, kase, team } };
}

function withSharingSet(b: SnapshotBuilder, team: string): SnapshotBuilder {
    return b.metadataList('SharingSet', [
        {
            fullName: 'Customer_Account_Cases',
            name: 'Customer cases of my account',
            profiles: ['Customer Community User'],
            accessMappings: [{ accessLevel: 'Read', object: 'Case', objectField: 'Account', userField: 'Account' }],
            shareGroupMembers: [team]
        }
    ]);
}

function layer(snapshot: Snapshot, userId: string, recordId: string): { status: string; reason: string; uncertain: boolean; level: string } {
    const e = explain(loadSnapshot(snapshot), { userId, recordId });
    const l = e.layers.find((x) => x.id === 'experienceCloud');
    return { status: String(l?.status), reason: String(l?.reason), uncertain: e.uncertain, level: e.maxAccessLevel };
}

describe('sharing sets not collected (Help "Sharing Sets")', () => {
    it('an internal user on a record a high-volume user owns: the share-group check is uncertain, not "doesn\'t apply"', () => {
        const { b, ids } = org();
        const got = layer(b.build(), ids.agent, ids.kase);
        expect(got).toMatchObject({ status: 'uncertain', uncertain: true, level: 'None' });
        expect(got.reason).toContain('the record is owned by the high-volume user Hugo Hall, but sharing sets were not collected');
        expect(got.reason).toContain('share group');
    });

    it('with the sharing sets collected, the answer is confident both ways: the share-group member reads, the outsider does not', () => {
        const { b, ids } = org();
        const snapshot = withSharingSet(b, ids.team).build();
        expect(layer(snapshot, ids.agent, ids.kase)).toMatchObject({ status: 'grants', uncertain: false, level: 'Read' });
        expect(layer(snapshot, ids.outsider, ids.kase)).toMatchObject({ status: 'notApplicable', uncertain: false, level: 'None' });
    });

    it('sets read through the Metadata API carry no share-group members (SharingSet has no such field): the share-group check is uncertain, an empty list is a confident no', () => {
        const { b, ids } = org();
        const snapshot = withSharingSet(b, ids.team).build();
        const set = snapshot.metadata!.SharingSet![0]!;
        delete set.shareGroupMembers;
        const unknown = layer(snapshot, ids.agent, ids.kase);
        expect(unknown).toMatchObject({ status: 'uncertain', uncertain: true, level: 'None' });
        expect(unknown.reason).toContain('share group whose members were not collected');
        set.shareGroupMembers = [];
        expect(layer(snapshot, ids.outsider, ids.kase)).toMatchObject({ status: 'notApplicable', uncertain: false, level: 'None' });
    });

    it('an internal user on a record an internal user owns: share groups can\'t reach it, so nothing is uncertain', () => {
        const { b, ids } = org();
        const snapshot = b.build();
        (snapshot.tables.Case ?? [])[0]!.OwnerId = ids.outsider;
        expect(layer(snapshot, ids.agent, ids.kase)).toMatchObject({ status: 'notApplicable', uncertain: false });
    });

    it('an external user of a licence sharing sets apply to: the Experience Cloud layer is uncertain', () => {
        const { b, ids } = org();
        const got = layer(b.build(), ids.hana, ids.kase);
        expect(got).toMatchObject({ status: 'uncertain', uncertain: true, level: 'None' });
        expect(got.reason).toContain('sharing sets were not collected');
    });
});

describe('sharing sets listed as unavailable or cut short (meta.unavailable, meta.truncated)', () => {
    it('meta.unavailable SharingSet (the in-org collector could not read them): uncertain, naming the reason', () => {
        const { b, ids } = org();
        const snapshot = b.build();
        snapshot.meta.unavailable = [{ table: 'SharingSet', reason: 'setup metadata is read for administrators only' }];
        const got = layer(snapshot, ids.agent, ids.kase);
        expect(got).toMatchObject({ status: 'uncertain', uncertain: true });
        expect(got.reason).toContain('sharing sets were not collected (setup metadata is read for administrators only)');
        expect(layer(snapshot, ids.hana, ids.kase)).toMatchObject({ status: 'uncertain', uncertain: true });
    });

    it('the CLI\'s own "metadata.SharingSet not read" entry counts until the metadata is added to the snapshot', () => {
        const { b, ids } = org();
        const missing = b.build();
        missing.meta.unavailable = [{ table: 'metadata.SharingSet', reason: 'The CLI collector does not read sharing sets (Metadata API only)' }];
        expect(layer(missing, ids.hana, ids.kase)).toMatchObject({ status: 'uncertain', uncertain: true });
        const added = withSharingSet(b, ids.team).build();
        added.meta.unavailable = [{ table: 'metadata.SharingSet', reason: 'The CLI collector does not read sharing sets (Metadata API only)' }];
        expect(layer(added, ids.hana, ids.kase)).toMatchObject({ status: 'grants', level: 'Read' });
    });

    it('a cut list: a set that matches still grants; no match proves nothing', () => {
        const { b, ids } = org();
        const snapshot = withSharingSet(b, ids.team).build();
        snapshot.meta.truncated = [{ table: 'SharingSet', limit: 1, reason: 'callout limit' }];
        expect(layer(snapshot, ids.hana, ids.kase)).toMatchObject({ status: 'grants', level: 'Read' });
        expect(layer(snapshot, ids.agent, ids.kase)).toMatchObject({ status: 'grants', level: 'Read' });
        const outsider = layer(snapshot, ids.outsider, ids.kase);
        expect(outsider).toMatchObject({ status: 'uncertain', uncertain: true, level: 'None' });
        expect(outsider.reason).toContain('only part of the sharing sets was collected');
    });
});

describe('who-can-see without sharing-set evidence (Help "Sharing Sets")', () => {
    it('says that external users and share-group members could also reach the record, and lists what explain lists', () => {
        const { b, ids } = org();
        const snap = loadSnapshot(b.build());
        const answer = whoCanSee(snap, ids.kase);
        expect(answer.uncertain).toBe(true);
        expect(answer.uncertainties.join('\n')).toContain('sharing sets were not collected');
        expect(answer.uncertainties.join('\n')).toContain('the owner Hugo Hall is a high-volume user, members of a share group (internal users too)');
        const readers = [ids.agent, ids.outsider, ids.owner, ids.hugo, ids.hana].filter((userId) => explain(snap, { userId, recordId: ids.kase }).access.read);
        expect(readers).toContain(ids.owner);
        expect(answer.users.map((u) => u.userId).sort()).toEqual(readers.sort());
    });
});

describe('the demo org: Sofia Santos on Case 00001009, owned by the high-volume user Hugo Hall', () => {
    const demo = (): Snapshot => JSON.parse(readFileSync(path.join(__dirname, '..', '..', '..', '..', 'data', 'demo-org.snapshot.json'), 'utf8')) as Snapshot;
    const sofia = '005Kx0000000008IAA';
    const kase = '500Kx0000000009IAA';

    it('with the sharing sets, the Experience Cloud answer is confident', () => {
        expect(layer(demo(), sofia, kase).status).not.toBe('uncertain');
    });

    it('without them (as a collector that does not read setup metadata leaves it), the Experience Cloud layer is uncertain', () => {
        const snapshot = demo();
        delete snapshot.metadata?.SharingSet;
        const got = layer(snapshot, sofia, kase);
        expect(got).toMatchObject({ status: 'uncertain', uncertain: true });
        expect(got.reason).toContain('the high-volume user Hugo Hall');
    });
});
