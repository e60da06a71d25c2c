/** Implicit sharing exactly as seed 002 describes it. */
import { baseOrg } from '../../snapshotBuilder';
import type { CorpusCase } from './corpusCase';

function privateChildren() {
    const o = baseOrg();
    o.b.owd('Contact', 'Private');
    return o;
}

export const cases: CorpusCase[] = [
    {
        name: 'owner of a contact (Contact OWD Private) gets Read on its account',
        source: 'seed 002 (Parent implicit: Contact — at least read access to a Contact gives access to its account)',
        build() {
            const { b, ids } = privateChildren();
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            b.record('Contact', { Name: 'Carl', AccountId: acc, OwnerId: ids.support });
            return { snapshot: b.build(), userId: ids.support, recordId: acc };
        },
        expect: { maxAccessLevel: 'Read', layer: 'implicitSharing', status: 'grants', access: { edit: false } }
    },
    {
        name: 'Read on an opportunity through a manual share gives Read on its account',
        source: 'seed 002 (Parent implicit: Opportunity)',
        build() {
            const { b, ids } = baseOrg();
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            const opp = b.record('Opportunity', { Name: 'Deal', AccountId: acc, OwnerId: ids.rep });
            b.share('Opportunity', opp, ids.support, 'Read', 'Manual');
            return { snapshot: b.build(), userId: ids.support, recordId: acc };
        },
        expect: { maxAccessLevel: 'Read', layer: 'implicitSharing', status: 'grants', pathIncludes: 'opportunity Deal' }
    },
    {
        name: 'owner of a case gets Read on its account',
        source: 'seed 002 (Parent implicit: Case)',
        build() {
            const { b, ids } = baseOrg();
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            b.record('Case', { CaseNumber: '00001040', AccountId: acc, OwnerId: ids.support });
            return { snapshot: b.build(), userId: ids.support, recordId: acc };
        },
        expect: { maxAccessLevel: 'Read', layer: 'implicitSharing', status: 'grants' }
    },
    {
        name: 'owner of a contract gets Read on its account',
        source: 'seed 002 (Parent implicit: Contract — the OWNER of a contract)',
        build() {
            const { b, ids } = baseOrg();
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            b.record('Contract', { ContractNumber: '00000100', Name: 'MSA', AccountId: acc, OwnerId: ids.support });
            return { snapshot: b.build(), userId: ids.support, recordId: acc };
        },
        expect: { maxAccessLevel: 'Read', layer: 'implicitSharing', status: 'grants', reasonIncludes: 'contract' }
    },
    {
        name: 'owner of an order gets Read on its account',
        source: 'seed 002 (Parent implicit: Order — the OWNER of an order)',
        build() {
            const { b, ids } = baseOrg();
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            b.record('Order', { OrderNumber: '00000200', Name: 'PO-1', AccountId: acc, OwnerId: ids.support });
            return { snapshot: b.build(), userId: ids.support, recordId: acc };
        },
        expect: { maxAccessLevel: 'Read', layer: 'implicitSharing', status: 'grants', reasonIncludes: 'order' }
    },
    {
        name: 'a child visible only through View All gives no parent implicit access',
        source: 'access-semantics.md §9 ("Not granted when the child is visible only through View All")',
        build() {
            const { b, ids } = baseOrg();
            const viewAllOpps = b.permissionSet('View All Opportunities', { objects: { Opportunity: 'RV' } });
            b.assign(ids.support, viewAllOpps);
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            b.record('Opportunity', { Name: 'Deal', AccountId: acc, OwnerId: ids.rep });
            return { snapshot: b.build(), userId: ids.support, recordId: acc };
        },
        expect: { maxAccessLevel: 'None', layer: 'implicitSharing', status: 'neutral' }
    },
    {
        name: 'account owner gets child implicit access to opportunities per role (OpportunityAccessForAccountOwner)',
        source: 'seed 002 (Child implicit: per role, object by object)',
        build() {
            const { b, ids } = baseOrg();
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            const opp = b.record('Opportunity', { Name: 'Deal', AccountId: acc, OwnerId: ids.support });
            return { snapshot: b.build(), userId: ids.rep, recordId: opp };
        },
        expect: { maxAccessLevel: 'Edit', layer: 'implicitSharing', status: 'grants', reasonIncludes: 'Opportunity access for account owners of role Sales Rep' }
    },
    {
        name: 'role setting CaseAccessForAccountOwner None: the account owner gets no case access',
        source: 'seed 002 ("you actually have the ability to turn the object access on and off via your roles")',
        build() {
            const { b, ids } = baseOrg();
            const role = b.role('Inside Sales', ids.vpRole, { CaseAccessForAccountOwner: 'None' });
            const ian = b.user('Ian Inside', { profileId: ids.standard, roleId: role });
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ian });
            const c = b.record('Case', { CaseNumber: '00001041', AccountId: acc, OwnerId: ids.support });
            return { snapshot: b.build(), userId: ian, recordId: c };
        },
        expect: { maxAccessLevel: 'None', layer: 'implicitSharing', status: 'neutral' }
    },
    {
        name: 'child implicit sharing does not apply when the child is Controlled by Parent',
        source: 'seed 002 ("These child implicit shares only take place if you change ... OWD from Controlled By Parent")',
        build() {
            const { b, ids } = baseOrg();
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            const con = b.record('Contact', { Name: 'Carl', AccountId: acc, OwnerId: ids.support });
            return { snapshot: b.build(), userId: ids.rep, recordId: con };
        },
        expect: { maxAccessLevel: 'All', layer: 'implicitSharing', status: 'neutral', alsoLayers: { orgWideDefaults: 'grants' } }
    },
    {
        name: 'an ImplicitParent AccountShare row is honoured as platform evidence',
        source: 'Object Reference "AccountShare" (RowCause ImplicitParent); seed 002',
        build() {
            const { b, ids } = baseOrg();
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            b.share('Account', acc, ids.other, 'Read', 'ImplicitParent');
            return { snapshot: b.build(), userId: ids.other, recordId: acc };
        },
        expect: { maxAccessLevel: 'Read', layer: 'implicitSharing', status: 'grants', reasonIncludes: 'Associated record owner or sharing' }
    },
    {
        name: 'a user above the account owner inherits child implicit access',
        source: 'access-semantics.md §9 ("the Account owner (and, per role settings, users above)")',
        build() {
            const { b, ids } = baseOrg();
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            const c = b.record('Case', { CaseNumber: '00001042', AccountId: acc, OwnerId: ids.support });
            return { snapshot: b.build(), userId: ids.vp, recordId: c };
        },
        expect: { maxAccessLevel: 'Edit', layer: 'implicitSharing', status: 'grants' }
    },
    {
        name: 'implicit sharing does not involve leads',
        source: 'seed 002 ("ONLY relevant to Account, Case, Contact, Opportunity, Contract, and Order")',
        build() {
            const { b, ids } = baseOrg();
            const lead = b.record('Lead', { Name: 'Lee Lead', OwnerId: ids.rep });
            return { snapshot: b.build(), userId: ids.support, recordId: lead };
        },
        expect: { maxAccessLevel: 'None', layer: 'implicitSharing', status: 'notApplicable' }
    }
];
