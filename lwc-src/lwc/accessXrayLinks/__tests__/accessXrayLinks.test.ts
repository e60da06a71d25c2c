// One-click links on the demo org (data/demo-org.snapshot.json): every evidence id and next step
// that Salesforce has a page for becomes a documented page reference (LWC Developer Guide,
// "PageReference Types": standard__recordPage for records, standard__webPage for Setup pages).
import { fill, label } from '../../accessXray/__tests__/axrTestSupport';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EvidenceLookup, buildLinks, fixKey, stepKey, targetForEvidence, targetForId, targetForStep } from 'c/accessXrayLinks';
import type { Explanation } from 'c/accessXrayEngine';
import { partnerDenied } from '../../accessXray/__tests__/axrFixtures';

const DEMO = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'data', 'demo-org.snapshot.json'), 'utf8')) as unknown;
const lookup = new EvidenceLookup(DEMO);

const CASE_00001001 = '500Kx0000000001IAA';
const PAT = '005Kx0000000016IAA';
const EMEA_SUPPORT_QUEUE = '00GKx0000000045MAA';
const GLOBAL_KEY_ACCOUNTS = '00GKx0000000041MAA';
const CEO_ROLE_GROUP = '00GKx0000000001MAA';
const CEO_ROLE = '00EKx0000000001MAA';
const GLOBAL_TERRITORY_GROUP = '00GKx0000000047MAA';
const GLOBAL_TERRITORY = '0MIKx0000000001OAA';
const PARTNER_PROFILE_SET = '0PSKx0000000007OAA';
const PARTNER_PROFILE = '00eKx0000000007IAA';
const INVOICE_VIEWER = '0PSKx0000000011OAA';

const web = (url: string) => ({ type: 'standard__webPage', attributes: { url } });
const setupItem = (node: string, address: string) => web(`/lightning/setup/${node}/page?address=${encodeURIComponent(address)}`);

describe('EvidenceLookup', () => {
    it('names rows as people know them and objects by their describe label', () => {
        expect(lookup.nameOf(CASE_00001001)).toBe('00001001');
        expect(lookup.nameOf(PAT)).toBe('Pat Partner');
        expect(lookup.nameOf('005000000000000XXX')).toBe('005000000000000XXX');
        expect(lookup.objectLabel('Case')).toBe('Case');
        expect(lookup.objectLabel('Invoice__c')).toBe('Invoice');
        expect(new EvidenceLookup({}).objectLabel('Billing_Item__c')).toBe('Billing Item');
        expect(new EvidenceLookup({}).objectLabel('axray__Audit_Entry__c')).toBe('Audit Entry');
        expect(new EvidenceLookup(null).find('x')).toBeUndefined();
    });
});

describe('links by id (Setup pages through standard__webPage, records through standard__recordPage)', () => {
    it('a record opens its record page', () => {
        expect(targetForId(lookup, CASE_00001001)).toEqual({
            text: fill(label('AXR_TargetRecord'), 'Case', '00001001'),
            pageReference: { type: 'standard__recordPage', attributes: { recordId: CASE_00001001, objectApiName: 'Case', actionName: 'view' } }
        });
    });

    it('a queue and a public group open their Setup pages', () => {
        expect(targetForId(lookup, EMEA_SUPPORT_QUEUE)).toEqual({
            text: fill(label('AXR_TargetQueue'), 'EMEA Support Queue'),
            pageReference: setupItem('Queues', `/p/own/Queue/d?id=${EMEA_SUPPORT_QUEUE}`)
        });
        expect(targetForId(lookup, GLOBAL_KEY_ACCOUNTS)?.pageReference).toEqual(
            setupItem('PublicGroups', `/setup/own/groupdetail.jsp?id=${GLOBAL_KEY_ACCOUNTS}`)
        );
    });

    it('role and territory groups open the role and the territory they follow (api-vocabulary §3: Group.RelatedId)', () => {
        expect(targetForId(lookup, CEO_ROLE_GROUP)).toEqual({
            text: fill(label('AXR_TargetRole'), 'CEO'),
            pageReference: setupItem('Roles', `/${CEO_ROLE}`)
        });
        expect(targetForId(lookup, GLOBAL_TERRITORY_GROUP)?.pageReference).toEqual({
            type: 'standard__recordPage',
            attributes: { recordId: GLOBAL_TERRITORY, objectApiName: 'Territory2', actionName: 'view' }
        });
    });

    it('a profile-owned permission set opens the profile; a permission set opens itself', () => {
        expect(targetForId(lookup, PARTNER_PROFILE_SET)).toEqual({
            text: fill(label('AXR_TargetProfile'), 'Partner Community User'),
            pageReference: setupItem('EnhancedProfiles', `/${PARTNER_PROFILE}`)
        });
        expect(targetForId(lookup, INVOICE_VIEWER)).toEqual({
            text: fill(label('AXR_TargetPermissionSet'), 'Invoice Viewer'),
            pageReference: setupItem('PermSets', `/${INVOICE_VIEWER}`)
        });
        expect(targetForId(lookup, '0PG000000000001AAA')?.pageReference).toEqual(setupItem('PermSetGroups', '/0PG000000000001AAA'));
    });

    it('a user opens their Setup user page (where roles, permission sets and groups are changed)', () => {
        expect(targetForId(lookup, PAT)).toEqual({
            text: fill(label('AXR_TargetUser'), 'Pat Partner'),
            pageReference: setupItem('ManageUsers', `/${PAT}?noredirect=1&isUserEntityOverride=1`)
        });
    });

    it('ids the evidence does not hold link only when their key prefix names a Setup item', () => {
        expect(targetForId(lookup, '00E000000000009AAA')?.pageReference).toEqual(setupItem('Roles', '/00E000000000009AAA'));
        expect(targetForId(lookup, '001000000000009AAA')).toBeUndefined();
    });
});

describe('links by evidence id', () => {
    it('a share row opens the record whose Sharing it is on', () => {
        expect(targetForEvidence(lookup, 'CaseShare:01nKx0000000001IAA')).toEqual({
            text: fill(label('AXR_TargetSharingOf'), fill(label('AXR_TargetRecord'), 'Case', '00001001')),
            pageReference: { type: 'standard__recordPage', attributes: { recordId: CASE_00001001, objectApiName: 'Case', actionName: 'view' } }
        });
        expect(targetForEvidence(lookup, 'Invoice__Share:02cKx0000000003IAA')?.pageReference.attributes).toMatchObject({
            recordId: 'a02Kx0000000001IAA',
            objectApiName: 'Invoice__c'
        });
    });

    it('object permissions, assignments and memberships open the permission set, profile or group behind them', () => {
        expect(targetForEvidence(lookup, 'ObjectPermissions:110Kx0000000040IAA')?.pageReference).toEqual(
            setupItem('EnhancedProfiles', `/${PARTNER_PROFILE}`)
        );
        expect(targetForEvidence(lookup, 'GroupMember:011Kx0000000001IAA')?.pageReference).toEqual(
            setupItem('PublicGroups', `/setup/own/groupdetail.jsp?id=${GLOBAL_KEY_ACCOUNTS}`)
        );
        expect(targetForEvidence(lookup, 'UserTerritory2Association:0R0Kx0000000001KAA')?.pageReference.attributes.recordId).toBe('0MIKx0000000003OAA');
        expect(targetForEvidence(lookup, 'CaseTeamMember:0B6Kx0000000001KAA')?.pageReference.attributes.recordId).toBe('500Kx0000000006IAA');
    });

    it('org-wide defaults, sharing rules and hierarchy settings open Setup > Sharing Settings', () => {
        const sharing = web('/lightning/setup/SecuritySharing/home');
        expect(targetForEvidence(lookup, 'EntityDefinition:Case.ExternalSharingModel')?.pageReference).toEqual(sharing);
        expect(targetForEvidence(lookup, 'metadata:SharingRules:Case.Partner_Portal_Cases')?.pageReference).toEqual(sharing);
        expect(targetForEvidence(lookup, 'settings:grantAccessUsingHierarchies.Invoice__c')?.pageReference).toEqual(sharing);
        expect(targetForEvidence(lookup, 'settings:experienceCloud.grantSiteUsersAccessToRelatedCases')?.pageReference).toEqual(sharing);
    });

    it('sharing sets open Digital Experiences settings; restriction rules open their object in Object Manager', () => {
        expect(targetForEvidence(lookup, 'metadata:SharingSet:Customer_Community')?.pageReference).toEqual(
            web('/lightning/setup/NetworkSettings/home')
        );
        expect(targetForEvidence(lookup, 'settings:experienceCloud.seeContactsNotEnabled')?.pageReference).toEqual(
            web('/lightning/setup/NetworkSettings/home')
        );
        expect(targetForEvidence(lookup, 'metadata:RestrictionRule:EMEA_Sales_See_EMEA_Invoices', 'Invoice__c')).toEqual({
            text: fill(label('AXR_TargetObjectManager'), 'Invoice'),
            pageReference: web('/lightning/setup/ObjectManager/Invoice__c/Details/view')
        });
    });

    it('evidence without a Salesforce page stays plain text', () => {
        expect(targetForEvidence(lookup, 'UserRecordAccess:x')).toBeUndefined();
        expect(targetForEvidence(lookup, 'settings:somethingElse')).toBeUndefined();
        expect(targetForEvidence(lookup, 'metadata:LayoutAssignment:x')).toBeUndefined();
        expect(targetForEvidence(lookup, 'Organization:00DKx0000000001MAA')).toBeUndefined();
    });
});

describe('links for next steps: where the admin carries the step out', () => {
    const ctx = { recordId: CASE_00001001, objectApiName: 'Case', userId: PAT };

    it('a manual share opens the record (its Sharing button, Help "Troubleshoot Missing Object or Record Access")', () => {
        expect(targetForStep(lookup, { action: 'Share it', kind: 'manualShare' }, ctx)).toEqual({
            text: fill(label('AXR_TargetShareRecord'), fill(label('AXR_TargetRecord'), 'Case', '00001001')),
            pageReference: { type: 'standard__recordPage', attributes: { recordId: CASE_00001001, objectApiName: 'Case', actionName: 'view' } }
        });
    });

    it('queue, group, role, territory and permission set steps open their target', () => {
        expect(targetForStep(lookup, { action: 'x', kind: 'addToQueue', targetIds: [EMEA_SUPPORT_QUEUE] }, ctx)?.text).toBe(
            fill(label('AXR_TargetQueue'), 'EMEA Support Queue')
        );
        expect(targetForStep(lookup, { action: 'x', kind: 'changeRole', targetIds: [CEO_ROLE] }, ctx)?.text).toBe(fill(label('AXR_TargetRole'), 'CEO'));
        expect(targetForStep(lookup, { action: 'x', kind: 'assignPermissionSet', targetIds: [INVOICE_VIEWER] }, ctx)?.text).toBe(
            fill(label('AXR_TargetPermissionSet'), 'Invoice Viewer')
        );
        expect(targetForStep(lookup, { action: 'x', kind: 'addToTerritory', targetIds: [GLOBAL_TERRITORY] }, ctx)?.text).toBe(
            fill(label('AXR_TargetTerritory'), 'Global')
        );
    });

    it('steps without a named target open the page where they are done', () => {
        expect(targetForStep(lookup, { action: 'x', kind: 'changeOwd' }, ctx)?.pageReference).toEqual(web('/lightning/setup/SecuritySharing/home'));
        expect(targetForStep(lookup, { action: 'x', kind: 'editSharingRule' }, ctx)?.text).toBe(label('AXR_TargetSharingSettings'));
        expect(targetForStep(lookup, { action: 'x', kind: 'editSharingSet' }, ctx)?.text).toBe(label('AXR_TargetDigitalExperiences'));
        expect(targetForStep(lookup, { action: 'x', kind: 'assignPermissionSet' }, ctx)?.text).toBe(fill(label('AXR_TargetUser'), 'Pat Partner'));
        expect(targetForStep(lookup, { action: 'x', kind: 'grantObjectPermission' }, ctx)?.pageReference).toEqual(web('/lightning/setup/PermSets/home'));
        expect(targetForStep(lookup, { action: 'x', kind: 'editRestrictionRule', targetIds: ['0RiKx0000000001KAA'] }, ctx)?.pageReference).toEqual(
            web('/lightning/setup/ObjectManager/Case/Details/view')
        );
        expect(targetForStep(lookup, { action: 'x', kind: 'addToTeam' }, ctx)?.text).toBe(
            fill(label('AXR_TargetTeamOf'), fill(label('AXR_TargetRecord'), 'Case', '00001001'))
        );
        expect(targetForStep(lookup, { action: 'x', kind: 'collectEvidence' }, ctx)).toBeUndefined();
    });
});

describe('buildLinks', () => {
    it('keys every linkable evidence id, next step and fix of an explanation', () => {
        const e: Explanation = {
            ...partnerDenied(),
            recordId: CASE_00001001,
            userId: PAT,
            objectApiName: 'Case'
        };
        e.layers = e.layers.map((l) =>
            (l.id === 'ownership' ? { ...l, evidence: [`Case:${CASE_00001001}`, `Group:${EMEA_SUPPORT_QUEUE}`], nextSteps: [{ action: 'Add to queue', kind: 'addToQueue', targetIds: [EMEA_SUPPORT_QUEUE] }] } : l)
        );
        e.paths = [{ id: 'p', layer: 'ownership', level: 'All', summary: '', steps: [{ kind: 'queue', label: 'EMEA Support Queue', id: EMEA_SUPPORT_QUEUE }] }];
        const links = buildLinks(DEMO, e);
        expect(links[`Case:${CASE_00001001}`]?.pageReference.type).toBe('standard__recordPage');
        expect(links[`Group:${EMEA_SUPPORT_QUEUE}`]?.text).toBe(fill(label('AXR_TargetQueue'), 'EMEA Support Queue'));
        expect(links[stepKey('ownership', 0)]?.text).toBe(fill(label('AXR_TargetQueue'), 'EMEA Support Queue'));
        expect(links[stepKey('orgWideDefaults', 0)]?.text).toContain('Case 00001001');
        expect(links[EMEA_SUPPORT_QUEUE]?.text).toBe(fill(label('AXR_TargetQueue'), 'EMEA Support Queue'));
        expect(links[fixKey('read')]?.pageReference.attributes.recordId).toBe(CASE_00001001);
        expect(links['EntityDefinition:Case']?.text).toBe(label('AXR_TargetSharingSettings'));
    });
});
