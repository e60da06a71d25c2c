/**
 * Restriction rules and the objects they are documented for.
 *
 * Source for every test here: Restriction Rules Developer Guide, "Restriction Rules" and
 * "Considerations" > Available Objects
 * (https://developer.salesforce.com/docs/atlas.en-us.restriction_rules.meta/restriction_rules/restriction_rules_considerations.htm):
 * "Restriction rules are available for custom objects, external objects, contracts, events,
 * tasks, time sheets, and time sheet entries." Older releases (API 236.0) excluded external
 * objects; Salesforce Help "Restriction Rules" gives today's list.
 *
 * The layer tests run the TypeScript sources (not the compiled bundle), so they need no build.
 */
import { explain } from '../explain';
import { loadSnapshot } from '../loadSnapshot';
import { restrictionRuleSupport, RESTRICTION_RULE_STANDARD_OBJECTS, supportsRestrictionRules } from '../restrictionRuleObjects';
import type { Explanation, RestrictionRuleDefinition } from '../types';
import { acmeOrg, type AcmeOrg } from './external/acmeOrg';

const GUIDE = 'Restriction Rules Developer Guide, "Considerations" > Available Objects';

describe(`restrictionRuleSupport: the documented object list (${GUIDE})`, () => {
    test.each(['Invoice__c', 'Confidential_Doc__c', 'My_Long_Object_Name__c', 'invoice__C'])('custom object %s is supported ("custom objects")', (name) => {
        expect(restrictionRuleSupport(name)).toMatchObject({ supported: true, kind: 'custom' });
    });

    test.each(['acme__Invoice__c', 'kx_fin__Payment_Plan__c'])('namespaced custom object %s is supported (a managed package object is a custom object)', (name) => {
        expect(restrictionRuleSupport(name)).toMatchObject({ supported: true, kind: 'custom', objectApiName: name });
    });

    test.each(['PurchaseOrder__x', 'erp__Order_Line__x'])('external object %s is supported ("external objects"; guide example "Allow Users to See an External Object\'s Records" uses PurchaseOrder__x)', (name) => {
        expect(restrictionRuleSupport(name)).toMatchObject({ supported: true, kind: 'external' });
    });

    test('the standard objects are exactly Contract, Event, Task, TimeSheet, TimeSheetEntry ("contracts, events, tasks, time sheets, and time sheet entries")', () => {
        expect([...RESTRICTION_RULE_STANDARD_OBJECTS].sort()).toEqual(['Contract', 'Event', 'Task', 'TimeSheet', 'TimeSheetEntry']);
        for (const name of RESTRICTION_RULE_STANDARD_OBJECTS) {
            expect(restrictionRuleSupport(name)).toEqual({ supported: true, kind: 'standard', objectApiName: name });
        }
    });

    test('TimeSheetEntry and Contract are supported whatever the case (API names are case-insensitive)', () => {
        expect(restrictionRuleSupport('timesheetentry')).toEqual({ supported: true, kind: 'standard', objectApiName: 'TimeSheetEntry' });
        expect(restrictionRuleSupport('CONTRACT')).toEqual({ supported: true, kind: 'standard', objectApiName: 'Contract' });
        expect(supportsRestrictionRules('Task')).toBe(true);
        expect(supportsRestrictionRules('Event')).toBe(true);
    });

    test.each(['Account', 'Case', 'Contact', 'Opportunity', 'Lead', 'Order', 'User', 'TimeSheetEntryItem', 'ContractLineItem'])(
        'standard object %s is not on the list',
        (name) => {
            expect(supportsRestrictionRules(name)).toBe(false);
        }
    );

    test.each([
        ['Settings__mdt', 'custom metadata type'],
        ['ns__Settings__mdt', 'namespaced custom metadata type'],
        ['Order_Placed__e', 'platform event'],
        ['Archive__b', 'big object'],
        ['Knowledge__kav', 'knowledge article version'],
        ['Invoice__Share', 'share table'],
        ['Invoice__History', 'field history'],
        ['Invoice__Feed', 'feed'],
        ['Invoice__ChangeEvent', 'change event'],
        ['Invoice__c__History', 'not an API name'],
        ['__c', 'no name'],
        ['', 'empty'],
        ['a__b__Obj__c', 'two namespaces']
    ])('%s (%s) is not a custom object for restriction rules', (name) => {
        expect(supportsRestrictionRules(name)).toBe(false);
    });

    test('Quote is not on the Considerations list; the answer says the newer guide overview mentions quotes', () => {
        const support = restrictionRuleSupport('Quote');
        expect(support.supported).toBe(false);
        expect(!support.supported && support.note).toContain('quotes');
    });
});

// --- The layer -----------------------------------------------------------------------------

const DOC_RULE: RestrictionRuleDefinition = {
    Id: '0RR000000000001AAA',
    DeveloperName: 'Partners_See_Public_Docs',
    MasterLabel: 'Partners see public docs',
    EnforcementType: 'Restrict',
    TargetEntity: 'Confidential_Doc__c',
    UserCriteria: "$User.UserType = 'PowerPartner'",
    RecordFilter: "Sensitivity__c = 'Public'",
    IsActive: true
};

/** A restriction rule on Account, which the guide doesn't list: Pat Partner would only see Globex. */
const ACCOUNT_RULE: RestrictionRuleDefinition = {
    Id: '0RR000000000009AAA',
    DeveloperName: 'Partners_See_Globex',
    MasterLabel: 'Partners see Globex',
    EnforcementType: 'Restrict',
    TargetEntity: 'Account',
    UserCriteria: "$User.UserType = 'PowerPartner'",
    RecordFilter: "Name = 'Globex'",
    IsActive: true
};

function withRules(org: AcmeOrg, ...rules: RestrictionRuleDefinition[]): void {
    // Every other layer grants Read through manual shares, so the rule alone decides.
    for (const doc of ['doc.public', 'doc.secret']) {
        for (const user of ['user.pat', 'user.olivia']) {
            org.add('Confidential_Doc__Share', { ParentId: org.ids[doc], UserOrGroupId: org.ids[user], AccessLevel: 'Read', RowCause: 'Manual' });
        }
    }
    org.share('AccountShare', org.ids['account.acme'] as string, org.ids['user.pat'] as string, 'Read', 'Manual', {
        OpportunityAccessLevel: 'None',
        CaseAccessLevel: 'None',
        ContactAccessLevel: 'None'
    });
    org.snapshot.metadata = { ...(org.snapshot.metadata ?? {}), RestrictionRule: rules };
}

function run(arrange: (org: AcmeOrg) => void, user: string, record: string): { e: Explanation; org: AcmeOrg } {
    const org = acmeOrg();
    arrange(org);
    const e = explain(loadSnapshot(org.snapshot), { userId: org.ids[user] as string, recordId: org.ids[record] as string });
    return { e, org };
}

function rrLayer(e: Explanation) {
    const layer = e.layers.find((l) => l.id === 'restrictionRules');
    if (!layer) throw new Error('no restrictionRules layer');
    return layer;
}

describe(`restriction-rule layer on supported objects: unchanged (${GUIDE}: "custom objects")`, () => {
    test('custom object, rule applies and the record fails its criteria: blocks, names the rule, edit step (as EXT-RR-01)', () => {
        const { e } = run((org) => withRules(org, DOC_RULE), 'user.pat', 'doc.secret');
        const layer = rrLayer(e);
        expect(layer.status).toBe('blocks');
        expect(e.access.read).toBe(false);
        expect(layer.reason).toContain('"Partners see public docs" (Partners_See_Public_Docs)');
        expect(layer.reason).not.toContain("doesn't list");
        expect(layer.nextSteps[0]).toMatchObject({ kind: 'editRestrictionRule', targetIds: ['0RR000000000001AAA'] });
    });

    test('custom object, record meets the criteria: neutral, no unlisted-object note (as EXT-RR-02)', () => {
        const { e } = run((org) => withRules(org, DOC_RULE), 'user.pat', 'doc.public');
        expect(rrLayer(e).status).toBe('neutral');
        expect(e.access.read).toBe(true);
        expect(rrLayer(e).reason).not.toContain("doesn't list");
    });
});

describe(`restriction-rule layer on an object the guide doesn't list (${GUIDE})`, () => {
    test('a rule on Account that would block: uncertain, names the rule and the object, never blocks; the verdict is the other layers\'', () => {
        const { e } = run((org) => withRules(org, ACCOUNT_RULE), 'user.pat', 'account.acme');
        const layer = rrLayer(e);
        expect(layer.status).toBe('uncertain');
        expect(layer.reason).toContain('"Partners see Globex" (Partners_See_Globex)');
        expect(layer.reason).toContain('targets Account');
        expect(layer.reason).toContain("the Restriction Rules Developer Guide doesn't list");
        expect(layer.reason).toContain("Access X-Ray can't tell whether Salesforce enforces it");
        expect(layer.reason).toContain("the record doesn't meet its record criteria");
        expect(e.layers.some((l) => l.status === 'blocks')).toBe(false);
        expect(e.access.read).toBe(true);
        expect(e.uncertain).toBe(true);
        expect(e.uncertainties.some((u) => u.startsWith('Restriction rules:') && u.includes('Partners_See_Globex'))).toBe(true);
        expect(layer.nextSteps).toEqual([
            expect.objectContaining({ kind: 'other', targetIds: ['0RR000000000009AAA'], action: expect.stringContaining('Setup > Object Manager > Account > Restriction Rules') })
        ]);
        expect(layer.nextSteps[0]?.action).toContain('confirm with Salesforce');
    });

    test('UserRecordAccess grants Read and the unlisted rule would block: reconciliation agrees (no block was applied), the layer stays uncertain', () => {
        const { e } = run(
            (org) => {
                withRules(org, ACCOUNT_RULE);
                org.platform(org.ids['user.pat'] as string, org.ids['account.acme'] as string, 'Read');
            },
            'user.pat',
            'account.acme'
        );
        expect(e.reconciliation.status).toBe('agrees');
        expect(rrLayer(e).status).toBe('uncertain');
    });

    test('the same rule when the record meets its criteria: neutral, and the reason still names the unlisted object', () => {
        const { e } = run((org) => withRules(org, { ...ACCOUNT_RULE, RecordFilter: "Name = 'Acme Corp'" }), 'user.pat', 'account.acme');
        const layer = rrLayer(e);
        expect(layer.status).toBe('neutral');
        expect(layer.reason).toContain('Partners_See_Globex');
        expect(layer.reason).toContain("doesn't list");
        expect(layer.reason).toContain("Either way it doesn't change this verdict");
    });

    test('the rule does not apply to the user: neutral, the unlisted object is still said', () => {
        const { e } = run((org) => withRules(org, ACCOUNT_RULE), 'user.olivia', 'account.acme');
        const layer = rrLayer(e);
        expect(layer.status).toBe('neutral');
        expect(layer.reason).toContain("doesn't apply to Olivia Owner");
        expect(layer.reason).toContain("doesn't list");
    });

    test('a user exempt through View All Data: neutral with the exemption and the unlisted note', () => {
        const { e } = run((org) => withRules(org, { ...ACCOUNT_RULE, UserCriteria: '$User.IsActive = true' }), 'user.ada', 'account.acme');
        const layer = rrLayer(e);
        expect(layer.status).toBe('neutral');
        expect(layer.reason).toContain('View All Data');
        expect(layer.reason).toContain("doesn't list");
    });

    test('a field the filter needs is missing: uncertain, and the reason leads with the unlisted object', () => {
        const { e } = run((org) => withRules(org, { ...ACCOUNT_RULE, RecordFilter: "Region__c = 'EMEA'" }), 'user.pat', 'account.acme');
        const layer = rrLayer(e);
        expect(layer.status).toBe('uncertain');
        expect(layer.reason).toMatch(/^Restriction rule "Partners see Globex" \(Partners_See_Globex\) targets Account/);
        expect(layer.reason).toContain('Region__c is not in the snapshot');
        expect(layer.nextSteps[0]?.kind).toBe('other');
    });

    test('a scoping rule on an unlisted object stays list-view scoping, never access (scoping rules have their own list)', () => {
        const { e } = run((org) => withRules(org, { ...ACCOUNT_RULE, EnforcementType: 'Scoping' }), 'user.pat', 'account.acme');
        const layer = rrLayer(e);
        expect(layer.status).toBe('neutral');
        expect(layer.reason).toContain('list-view scoping, never access');
        expect(layer.reason).not.toContain("doesn't list");
    });

    test('an inactive rule on an unlisted object is ignored as before', () => {
        const { e } = run((org) => withRules(org, { ...ACCOUNT_RULE, IsActive: false }), 'user.pat', 'account.acme');
        expect(rrLayer(e).status).toBe('neutral');
        expect(rrLayer(e).reason).toContain('Inactive rule');
    });
});
