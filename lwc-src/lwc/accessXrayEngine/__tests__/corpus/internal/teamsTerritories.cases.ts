/** Territories and teams. */
import { baseOrg, SnapshotBuilder } from '../../snapshotBuilder';
import type { CorpusCase } from './corpusCase';

function territoryOrg(state = 'Active') {
    const { b, ids } = baseOrg();
    const model = b.row('Territory2Model', { Name: 'FY26', State: state });
    const emea = b.row('Territory2', { Name: 'EMEA', Territory2ModelId: model, AccountAccessLevel: 'Edit', OpportunityAccessLevel: 'Edit', CaseAccessLevel: 'Read', ContactAccessLevel: 'Read' });
    const dach = b.row('Territory2', { Name: 'DACH', Territory2ModelId: model, ParentTerritory2Id: emea, AccountAccessLevel: 'Read', OpportunityAccessLevel: 'Read', CaseAccessLevel: 'None', ContactAccessLevel: 'Read' });
    const acc = b.record('Account', { Name: 'Bosch', OwnerId: ids.rep });
    b.row('ObjectTerritory2Association', { ObjectId: acc, Territory2Id: dach, AssociationCause: 'Territory2Manual' });
    return { b, ids, emea, dach, acc };
}

export const cases: CorpusCase[] = [
    {
        name: 'user in the territory of the account gets its AccountAccessLevel',
        source: 'seed 001 layer 6 (Territory Management); Object Reference "Territory2" (AccountAccessLevel)',
        build() {
            const { b, ids, dach, acc } = territoryOrg();
            b.row('UserTerritory2Association', { UserId: ids.support, Territory2Id: dach, IsActive: true });
            return { snapshot: b.build(), userId: ids.support, recordId: acc };
        },
        expect: { maxAccessLevel: 'Read', layer: 'territories', status: 'grants', reasonIncludes: 'DACH' }
    },
    {
        name: 'user in a parent territory sees the records of child territories',
        source: 'seed 001 layer 6 ("Territory hierarchies also allow users to see records in child territories")',
        build() {
            const { b, ids, emea, acc } = territoryOrg();
            b.row('UserTerritory2Association', { UserId: ids.support, Territory2Id: emea, IsActive: true });
            return { snapshot: b.build(), userId: ids.support, recordId: acc };
        },
        expect: { maxAccessLevel: 'Read', layer: 'territories', status: 'grants', pathIncludes: 'territory EMEA' }
    },
    {
        name: 'territories of a model that is not Active give nothing',
        source: 'access-semantics.md §6 ("only the model with State = \'Active\' counts")',
        build() {
            const { b, ids, dach, acc } = territoryOrg('Planning');
            b.row('UserTerritory2Association', { UserId: ids.support, Territory2Id: dach, IsActive: true });
            return { snapshot: b.build(), userId: ids.support, recordId: acc };
        },
        expect: { maxAccessLevel: 'None', layer: 'territories', status: 'neutral', reasonIncludes: 'Active' }
    },
    {
        name: 'territory OpportunityAccessLevel opens the account\u2019s opportunities (level of the territory holding the account)',
        source: 'access-semantics.md §6 (Territory2.OpportunityAccessLevel)',
        build() {
            const { b, ids, emea, acc } = territoryOrg();
            b.row('UserTerritory2Association', { UserId: ids.support, Territory2Id: emea, IsActive: true });
            const opp = b.record('Opportunity', { Name: 'Bosch renewal', AccountId: acc, OwnerId: ids.rep });
            return { snapshot: b.build(), userId: ids.support, recordId: opp };
        },
        expect: { maxAccessLevel: 'Read', layer: 'territories', status: 'grants', reasonIncludes: 'OpportunityAccessLevel' }
    },
    {
        name: 'no Territory2Model rows: territories not applicable',
        source: 'seed 001 layer 6 ("Territory management (if enabled)")',
        build() {
            const { b, ids } = baseOrg();
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            return { snapshot: b.build(), userId: ids.support, recordId: acc };
        },
        expect: { maxAccessLevel: 'None', layer: 'territories', status: 'notApplicable' }
    },
    {
        name: 'account team member gets the team AccountAccessLevel',
        source: 'seed 001 layer 7 (Teams); Object Reference "AccountTeamMember"',
        build() {
            const { b, ids } = baseOrg();
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            b.row('AccountTeamMember', { AccountId: acc, UserId: ids.support, TeamMemberRole: 'Sales Engineer', AccountAccessLevel: 'Edit', CaseAccessLevel: 'Read', OpportunityAccessLevel: 'None', ContactAccessLevel: 'Read' });
            return { snapshot: b.build(), userId: ids.support, recordId: acc };
        },
        expect: { maxAccessLevel: 'Edit', layer: 'teams', status: 'grants', reasonIncludes: 'Sales Engineer' }
    },
    {
        name: 'opportunity team member gets OpportunityAccessLevel',
        source: 'Object Reference "OpportunityTeamMember" (OpportunityAccessLevel)',
        build() {
            const { b, ids } = baseOrg();
            const opp = b.record('Opportunity', { Name: 'Big Deal', OwnerId: ids.rep });
            b.row('OpportunityTeamMember', { OpportunityId: opp, UserId: ids.support, OpportunityAccessLevel: 'Read' });
            return { snapshot: b.build(), userId: ids.support, recordId: opp };
        },
        expect: { maxAccessLevel: 'Read', layer: 'teams', status: 'grants' }
    },
    {
        name: 'case team member gets the level of their CaseTeamRole',
        source: 'Object Reference "CaseTeamMember" and "CaseTeamRole" (AccessLevel)',
        build() {
            const { b, ids } = baseOrg();
            const c = b.record('Case', { CaseNumber: '00001030', OwnerId: ids.rep });
            const role = b.row('CaseTeamRole', { Name: 'Escalation Engineer', AccessLevel: 'Edit' });
            b.row('CaseTeamMember', { ParentId: c, MemberId: ids.other, TeamRoleId: role });
            return { snapshot: b.build(), userId: ids.other, recordId: c };
        },
        expect: { maxAccessLevel: 'Edit', layer: 'teams', status: 'grants', reasonIncludes: 'Escalation Engineer' }
    },
    {
        name: 'predefined case team gives its members the role level',
        source: 'Object Reference "CaseTeamTemplateMember", "CaseTeamTemplateRecord"',
        build() {
            const { b, ids } = baseOrg();
            const c = b.record('Case', { CaseNumber: '00001031', OwnerId: ids.rep });
            const role = b.row('CaseTeamRole', { Name: 'Observer', AccessLevel: 'Read' });
            const tpl = b.row('CaseTeamTemplate', { Name: 'Major Incident' });
            b.row('CaseTeamTemplateMember', { TeamTemplateId: tpl, MemberId: ids.other, TeamRoleId: role });
            b.row('CaseTeamTemplateRecord', { ParentId: c, TeamTemplateId: tpl });
            return { snapshot: b.build(), userId: ids.other, recordId: c };
        },
        expect: { maxAccessLevel: 'Read', layer: 'teams', status: 'grants', reasonIncludes: 'Major Incident' }
    },
    {
        name: 'account team CaseAccessLevel opens the account\u2019s cases',
        source: 'Object Reference "AccountTeamMember" (CaseAccessLevel)',
        build() {
            const { b, ids } = baseOrg();
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            b.row('AccountTeamMember', { AccountId: acc, UserId: ids.support, AccountAccessLevel: 'Read', CaseAccessLevel: 'Edit', OpportunityAccessLevel: 'None', ContactAccessLevel: 'Read' });
            const c = b.record('Case', { CaseNumber: '00001032', AccountId: acc, OwnerId: ids.rep });
            return { snapshot: b.build(), userId: ids.support, recordId: c };
        },
        expect: { maxAccessLevel: 'Edit', layer: 'teams', status: 'grants' }
    },
    {
        name: 'account team OpportunityAccessLevel None gives no opportunity access',
        source: 'Object Reference "AccountTeamMember" (OpportunityAccessLevel None)',
        build() {
            const { b, ids } = baseOrg();
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            b.row('AccountTeamMember', { AccountId: acc, UserId: ids.support, AccountAccessLevel: 'Read', CaseAccessLevel: 'Edit', OpportunityAccessLevel: 'None', ContactAccessLevel: 'Read' });
            const opp = b.record('Opportunity', { Name: 'Deal', AccountId: acc, OwnerId: ids.rep });
            return { snapshot: b.build(), userId: ids.support, recordId: opp };
        },
        expect: { maxAccessLevel: 'None', layer: 'teams', status: 'neutral' }
    },
    {
        name: 'a Customer Community Plus user on an account team is ignored',
        source: 'seed 000 step 10 (only partner users among external users can be on account/opportunity teams)',
        build() {
            const b = new SnapshotBuilder();
            const ccp = b.profile('Customer Community Plus User', { licence: 'Customer Community Plus', objects: { Account: 'RE' } });
            const internal = b.profile('Standard User', { objects: { Account: 'CRED' } });
            const owner = b.user('Olivia Owner', { profileId: internal });
            const cleo = b.user('Cleo Customer', { profileId: ccp, userType: 'PowerCustomerSuccess' });
            b.owd('Account', 'Private', 'Private');
            b.metadataList('RestrictionRule', []);
            const acc = b.record('Account', { Name: 'Globex', OwnerId: owner });
            b.row('AccountTeamMember', { AccountId: acc, UserId: cleo, AccountAccessLevel: 'Edit' });
            return { snapshot: b.build(), userId: cleo, recordId: acc };
        },
        expect: { maxAccessLevel: 'None', layer: 'teams', status: 'neutral', reasonIncludes: 'only internal and partner users can be on account teams' }
    },
    {
        name: 'teams do not exist on leads',
        source: 'seed 001 layer 7 (Account Teams, Opportunity Teams, and Case Teams)',
        build() {
            const { b, ids } = baseOrg();
            const lead = b.record('Lead', { Name: 'Lee Lead', OwnerId: ids.rep });
            return { snapshot: b.build(), userId: ids.support, recordId: lead };
        },
        expect: { maxAccessLevel: 'None', layer: 'teams', status: 'notApplicable' }
    }
];
