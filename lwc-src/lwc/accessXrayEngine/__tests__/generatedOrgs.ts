/**
 * Generated orgs for the who-can-see property tests (fast-check arbitrary `spec`, `build` turns one
 * into a whole-org snapshot and the records to ask about): internal and external users (partner,
 * Customer Community Plus, high-volume), nested groups, queues, role groups, the org-wide group,
 * share rows of every kind, teams, territories, implicit parents and children, Controlled by
 * Parent and master-detail children, View All / Modify All, View All Data / Modify All Data,
 * permission set groups with muting, expired assignments, a restriction rule, a sharing set,
 * related cases, public and private defaults, sometimes a group of 70 users, transfer permissions.
 */
import fc from 'fast-check';
import type { Snapshot } from 'c/accessXrayEngine';
import { SnapshotBuilder, type PermLetters } from './snapshotBuilder';

type Kind = 'internal' | 'partner' | 'customerPlus' | 'highVolume';
type Level = 'Read' | 'Edit' | 'All';
type Model = 'Private' | 'Read' | 'ReadWrite';
type Transfer = 'none' | 'record' | 'cases' | 'leads';

export interface Spec {
    roleParents: number[];
    users: { kind: Kind; role: number; profile: number; contractor: boolean; manager: number | null; active: boolean }[];
    profiles: { account: PermLetters; kase: PermLetters; invoice: PermLetters; line: PermLetters; lead: PermLetters; mad: boolean; vad: boolean; transfer: Transfer }[];
    permissionSets: { letters: PermLetters; object: 'Account' | 'Case' | 'Invoice__c' | 'Lead'; user: number; inGroup: boolean; muted: boolean; expired: boolean; transfer: Transfer }[];
    groups: { members: number[]; nested: number[]; roleGroup: number | null; bosses: boolean }[];
    bigGroup: boolean;
    owd: { account: [Model, Model]; kase: [Model, Model]; invoice: [Model, Model]; lead: Model; contactCbp: boolean };
    accountOwner: number;
    caseOwner: number;
    caseByQueue: boolean;
    invoiceOwner: number;
    invoiceByQueue: boolean;
    invoiceStatusOpen: boolean;
    leadOwner: number;
    leadByQueue: boolean;
    /** The invoice lines' master-detail Sharing Setting: Read Only (true), Read/Write (false), not collected (undefined). */
    lineWriteRequiresMasterRead: boolean | undefined;
    hierarchies: boolean;
    /** The support queue's own Grant Access Using Hierarchies (null: not collected). */
    queueBosses: boolean | null;
    roleChildAccess: ('None' | 'Read' | 'Edit' | null)[];
    shares: { record: 'account' | 'case' | 'invoice' | 'portalCase' | 'lead'; to: 'user' | 'group' | 'roleGroup' | 'org'; target: number; level: Level; cause: 'Manual' | 'Rule' | 'Team' | 'Reason__c'; childLevel: 'None' | 'Read' | 'Edit' }[];
    teams: { user: number; level: Level; onOpportunity: boolean }[];
    territory: { user: number; onParent: boolean; level: Level } | null;
    restriction: boolean;
    sharingSet: boolean;
    relatedCases: boolean;
}

const model = fc.constantFrom<Model>('Private', 'Private', 'Read', 'ReadWrite');
const letters = fc.constantFrom<PermLetters>('', 'R', 'RE', 'RED', 'CRED', 'RV', 'REDVM');
const level = fc.constantFrom<Level>('Read', 'Edit', 'All');
const transfer = fc.constantFrom<Transfer>('none', 'none', 'record', 'cases', 'leads');

export const spec: fc.Arbitrary<Spec> = fc.record({
    roleParents: fc.array(fc.nat(6), { minLength: 1, maxLength: 6 }),
    users: fc.array(
        fc.record({
            kind: fc.constantFrom<Kind>('internal', 'internal', 'internal', 'partner', 'customerPlus', 'highVolume'),
            role: fc.nat(8),
            profile: fc.nat(3),
            contractor: fc.boolean(),
            manager: fc.option(fc.nat(8), { nil: null }),
            active: fc.constantFrom(true, true, true, false)
        }),
        { minLength: 2, maxLength: 9 }
    ),
    profiles: fc.array(fc.record({ account: letters, kase: letters, invoice: letters, line: letters, lead: letters, mad: fc.boolean(), vad: fc.boolean(), transfer }), {
        minLength: 1,
        maxLength: 3
    }),
    permissionSets: fc.array(
        fc.record({
            letters,
            object: fc.constantFrom<'Account' | 'Case' | 'Invoice__c' | 'Lead'>('Account', 'Case', 'Invoice__c', 'Lead'),
            user: fc.nat(8),
            inGroup: fc.boolean(),
            muted: fc.boolean(),
            expired: fc.boolean(),
            transfer
        }),
        { maxLength: 3 }
    ),
    groups: fc.array(fc.record({ members: fc.array(fc.nat(8), { maxLength: 3 }), nested: fc.array(fc.nat(3), { maxLength: 2 }), roleGroup: fc.option(fc.nat(5), { nil: null }), bosses: fc.boolean() }), {
        maxLength: 4
    }),
    bigGroup: fc.constantFrom(false, false, false, true),
    owd: fc.record({ account: fc.tuple(model, model), kase: fc.tuple(model, model), invoice: fc.tuple(model, model), lead: model, contactCbp: fc.boolean() }),
    accountOwner: fc.nat(8),
    caseOwner: fc.nat(8),
    caseByQueue: fc.boolean(),
    invoiceOwner: fc.nat(8),
    invoiceByQueue: fc.boolean(),
    invoiceStatusOpen: fc.boolean(),
    leadOwner: fc.nat(8),
    leadByQueue: fc.boolean(),
    lineWriteRequiresMasterRead: fc.constantFrom<boolean | undefined>(true, false, undefined),
    hierarchies: fc.boolean(),
    queueBosses: fc.constantFrom<boolean | null>(true, false, null),
    roleChildAccess: fc.array(fc.constantFrom<'None' | 'Read' | 'Edit' | null>('None', 'Read', 'Edit', null), { minLength: 6, maxLength: 6 }),
    shares: fc.array(
        fc.record({
            record: fc.constantFrom<'account' | 'case' | 'invoice' | 'portalCase' | 'lead'>('account', 'case', 'invoice', 'portalCase', 'lead'),
            to: fc.constantFrom<'user' | 'group' | 'roleGroup' | 'org'>('user', 'user', 'group', 'roleGroup', 'org'),
            target: fc.nat(8),
            level,
            cause: fc.constantFrom<'Manual' | 'Rule' | 'Team' | 'Reason__c'>('Manual', 'Rule', 'Team', 'Reason__c'),
            childLevel: fc.constantFrom<'None' | 'Read' | 'Edit'>('None', 'Read', 'Edit')
        }),
        { maxLength: 5 }
    ),
    teams: fc.array(fc.record({ user: fc.nat(8), level, onOpportunity: fc.boolean() }), { maxLength: 2 }),
    territory: fc.option(fc.record({ user: fc.nat(8), onParent: fc.boolean(), level }), { nil: null }),
    restriction: fc.boolean(),
    sharingSet: fc.boolean(),
    relatedCases: fc.boolean()
});

const LICENCE: Record<Kind, { userType: string; licence: string }> = {
    internal: { userType: 'Standard', licence: 'Salesforce' },
    partner: { userType: 'PowerPartner', licence: 'Partner Community' },
    customerPlus: { userType: 'PowerCustomerSuccess', licence: 'Customer Community Plus' },
    highVolume: { userType: 'CspLitePortal', licence: 'Customer Community' }
};

export interface Built {
    snapshot: Snapshot;
    records: string[];
}

/** The transfer permission a profile or permission set holds (Help "Transfer Records"). */
function transferPerms(t: Transfer): { transferRecord?: boolean; transferCases?: boolean; transferLeads?: boolean } {
    return t === 'record' ? { transferRecord: true } : t === 'cases' ? { transferCases: true } : t === 'leads' ? { transferLeads: true } : {};
}

/** A generated org: every feature the spec names, built as a collector would dump it. */
export function build(s: Spec): Built {
    const b = new SnapshotBuilder();
    const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;
    // Internal roles, with the account-owner levels for child implicit sharing.
    const roles: string[] = [];
    s.roleParents.forEach((p, i) => {
        const access = s.roleChildAccess[i % s.roleChildAccess.length];
        const extra = access ? { CaseAccessForAccountOwner: access, OpportunityAccessForAccountOwner: access, ContactAccessForAccountOwner: access } : {};
        roles.push(b.role(`Role ${i}`, i === 0 ? null : (roles[p % i] ?? null), extra));
    });
    // The customer account, its portal roles under the account owner's role.
    const internalProfiles = s.profiles.map((p, i) =>
        b.profile(`Internal ${i}`, {
            objects: { Account: p.account, Case: p.kase, Invoice__c: p.invoice, Line__c: p.line, Lead: p.lead, Contact: 'RE', Opportunity: 'RED' },
            system: { modifyAllData: p.mad && i === 0, viewAllData: p.vad, ...transferPerms(p.transfer) }
        })
    );
    const externalProfiles: Record<Exclude<Kind, 'internal'>, string> = {
        partner: b.profile('Partner', { objects: { Account: 'RE', Case: 'RE', Invoice__c: 'RE', Line__c: 'R', Lead: 'RE', Contact: 'RE', Opportunity: 'RE' }, licence: LICENCE.partner.licence }),
        customerPlus: b.profile('Customer Plus', { objects: { Account: 'R', Case: 'RE', Invoice__c: 'R', Line__c: 'R', Contact: 'R' }, licence: LICENCE.customerPlus.licence }),
        highVolume: b.profile('Customer Community User', { objects: { Account: 'R', Case: 'RE', Invoice__c: 'R', Contact: 'R' }, licence: LICENCE.highVolume.licence })
    };
    const portalAccount = b.record('Account', { Name: 'Portal Co' });
    const portalOwnerRole = pick(roles, 0);
    const executive = b.role('Portal Co Executive', portalOwnerRole, { PortalType: 'CustomerPortal', PortalAccountId: portalAccount, PortalRole: 'Executive' });
    const worker = b.role('Portal Co User', executive, { PortalType: 'CustomerPortal', PortalAccountId: portalAccount, PortalRole: 'Worker' });
    // Users.
    const users: string[] = [];
    const contacts: string[] = [];
    s.users.forEach((u, i) => {
        const name = `User ${String.fromCharCode(65 + i)}`;
        if (u.kind === 'internal') {
            users.push(
                b.user(name, { profileId: pick(internalProfiles, u.profile), roleId: u.role % 4 === 3 ? undefined : pick(roles, u.role), isActive: u.active })
            );
        } else {
            const contact = b.record('Contact', { Name: `${name} Contact`, AccountId: portalAccount });
            contacts.push(contact);
            const roleId = u.kind === 'highVolume' ? undefined : u.role % 2 ? worker : executive;
            users.push(b.user(name, { profileId: externalProfiles[u.kind], roleId, userType: LICENCE[u.kind].userType, contactId: contact, accountId: portalAccount, isActive: u.active }));
        }
        b.rowsOf('User')[i]!.Department = u.contractor ? 'Contractors' : 'Sales';
    });
    s.users.forEach((u, i) => {
        if (u.manager !== null && u.manager % users.length !== i) {
            b.rowsOf('User')[i]!.ManagerId = pick(users, u.manager);
        }
    });
    // Enough users in one group for who-can-see to keep the group as a set rather than user by user.
    const crowd = s.bigGroup ? b.group('Crowd', { doesIncludeBosses: s.hierarchies }) : null;
    for (let i = 0; crowd && i < 70; i++) {
        b.addMember(crowd, b.user(`Crowd ${i}`, { profileId: pick(internalProfiles, i), roleId: pick(roles, i) }));
    }
    // Permission sets, groups of them with muting, expired assignments.
    s.permissionSets.forEach((p, i) => {
        const ps = b.permissionSet(`PS ${i}`, { objects: { [p.object]: p.letters }, system: transferPerms(p.transfer) });
        const user = pick(users, p.user);
        const extra = p.expired ? { ExpirationDate: '2020-01-01T00:00:00.000Z' } : {};
        if (p.inGroup) {
            const components = [ps, ...(p.muted ? [b.mutingSet(`Mute ${i}`, { objects: { [p.object]: 'EV' } })] : [])];
            b.assignGroup(user, b.permissionSetGroup(`PSG ${i}`, components), extra);
        } else {
            b.assign(user, ps, extra);
        }
    });
    // Public groups (nested; some holding a role group), the org-wide group.
    const groups: string[] = [];
    s.groups.forEach((g, i) => {
        const id = b.group(`Group ${i}`, { doesIncludeBosses: g.bosses });
        groups.push(id);
        g.members.forEach((m) => b.addMember(id, pick(users, m)));
        if (g.roleGroup !== null) {
            b.addMember(id, b.roleGroup(pick(roles, g.roleGroup), 'RoleAndSubordinatesInternal'));
        }
    });
    s.groups.forEach((g, i) => {
        for (const n of g.nested) {
            const inner = groups[n % groups.length] as string;
            if (inner !== groups[i]) {
                b.addMember(groups[i] as string, inner);
            }
        }
    });
    const queue = b.group('Support Queue', { type: 'Queue', doesIncludeBosses: s.queueBosses, members: [pick(users, 1)] });
    if (groups.length) {
        b.addMember(queue, groups[0] as string);
    }
    const orgGroup = b.orgGroup();
    // Org-wide defaults and settings.
    b.owd('Account', s.owd.account[0], s.owd.account[1]);
    b.owd('Case', s.owd.kase[0], s.owd.kase[1]);
    b.owd('Opportunity', 'Private', 'Private');
    b.owd('Invoice__c', s.owd.invoice[0], s.owd.invoice[1]);
    b.owd('Line__c', 'ControlledByParent');
    b.owd('Lead', s.owd.lead, 'Private');
    b.owd('Contact', s.owd.contactCbp ? 'ControlledByParent' : 'Private', s.owd.contactCbp ? 'ControlledByParent' : 'Private');
    const sharingSetting = s.lineWriteRequiresMasterRead === undefined ? {} : { writeRequiresMasterRead: s.lineWriteRequiresMasterRead };
    b.describe('Line__c', { name: 'Line__c', fields: [{ name: 'Invoice__c', type: 'reference', referenceTo: ['Invoice__c'], cascadeDelete: true, nillable: false, ...sharingSetting }] });
    b.setting('grantAccessUsingHierarchies.Invoice__c', s.hierarchies, 'admin');
    b.setting('experienceCloud.grantSiteUsersAccessToRelatedCases', s.relatedCases, 'admin');
    // Records.
    const account = b.record('Account', { Name: 'Acme', OwnerId: pick(users, s.accountOwner) });
    (b.rowsOf('Account').find((a) => a.Id === portalAccount) as { OwnerId?: string }).OwnerId = pick(users, s.accountOwner + 3);
    const contact = b.record('Contact', { Name: 'Carl Contact', AccountId: account, OwnerId: pick(users, s.accountOwner + 1) });
    const kase = b.record('Case', { CaseNumber: '00001001', AccountId: account, ContactId: contact, OwnerId: s.caseByQueue ? queue : pick(users, s.caseOwner) });
    const portalCase = b.record('Case', { CaseNumber: '00002001', AccountId: portalAccount, ContactId: contacts[0] ?? null, OwnerId: pick(users, s.caseOwner + 1) });
    const opportunity = b.record('Opportunity', { Name: 'Acme Deal', AccountId: account, OwnerId: pick(users, s.accountOwner + 2) });
    const invoice = b.record('Invoice__c', { Name: 'INV-1', Status__c: s.invoiceStatusOpen ? 'Open' : 'Closed', OwnerId: s.invoiceByQueue ? queue : pick(users, s.invoiceOwner) });
    const line = b.record('Line__c', { Name: 'L-1', Invoice__c: invoice });
    const lead = b.record('Lead', { Name: 'Lena Lead', Company: 'Lead Co', OwnerId: s.leadByQueue ? queue : pick(users, s.leadOwner) });
    // Shares: to a user, a public group, a role group, or every internal user.
    const recordOf = { account, case: kase, invoice, portalCase, lead } as const;
    for (const sh of s.shares) {
        const to =
            sh.to === 'user' || (sh.to === 'group' && !groups.length && !crowd)
                ? pick(users, sh.target)
                : sh.to === 'group'
                  ? crowd && (sh.target % 2 === 0 || !groups.length)
                      ? crowd
                      : pick(groups, sh.target)
                  : sh.to === 'roleGroup'
                    ? b.roleGroup(pick(roles, sh.target), sh.target % 2 ? 'RoleAndSubordinates' : 'Role')
                    : orgGroup;
        const object = sh.record === 'account' ? 'Account' : sh.record === 'invoice' ? 'Invoice__c' : sh.record === 'lead' ? 'Lead' : 'Case';
        const cause = sh.cause === 'Reason__c' && object !== 'Invoice__c' ? 'Manual' : sh.cause;
        const extra = object === 'Account' ? { CaseAccessLevel: sh.childLevel, OpportunityAccessLevel: sh.childLevel, ContactAccessLevel: sh.childLevel } : {};
        b.share(object, recordOf[sh.record], to, sh.level, cause, extra);
    }
    // Teams, a territory, a restriction rule, a sharing set.
    for (const t of s.teams) {
        if (t.onOpportunity) {
            b.row('OpportunityTeamMember', { OpportunityId: opportunity, UserId: pick(users, t.user), OpportunityAccessLevel: t.level === 'All' ? 'Edit' : t.level });
        } else {
            b.row('AccountTeamMember', { AccountId: account, UserId: pick(users, t.user), AccountAccessLevel: t.level === 'All' ? 'Edit' : t.level, CaseAccessLevel: 'Read', OpportunityAccessLevel: 'None', ContactAccessLevel: 'Read' });
        }
    }
    b.table('AccountTeamMember').table('OpportunityTeamMember').table('CaseTeamMember');
    if (s.territory) {
        const modelId = b.row('Territory2Model', { Name: 'FY', State: 'Active' });
        const parent = b.row('Territory2', { Name: 'EMEA', Territory2ModelId: modelId, AccountAccessLevel: 'Read', CaseAccessLevel: 'Read', OpportunityAccessLevel: 'Read' });
        const child = b.row('Territory2', { Name: 'DACH', Territory2ModelId: modelId, ParentTerritory2Id: parent, AccountAccessLevel: s.territory.level === 'All' ? 'Edit' : s.territory.level, CaseAccessLevel: 'Edit', OpportunityAccessLevel: 'None' });
        b.row('UserTerritory2Association', { UserId: pick(users, s.territory.user), Territory2Id: s.territory.onParent ? parent : child, IsActive: true });
        b.row('ObjectTerritory2Association', { ObjectId: account, Territory2Id: child });
    }
    b.metadataList(
        'RestrictionRule',
        s.restriction
            ? [{ DeveloperName: 'Contractors_Open_Invoices', MasterLabel: 'Contractors see open invoices', EnforcementType: 'Restrict', TargetEntity: 'Invoice__c', UserCriteria: "$User.Department = 'Contractors'", RecordFilter: "Status__c = 'Open'", IsActive: true }]
            : []
    );
    b.metadataList(
        'SharingSet',
        s.sharingSet ? [{ fullName: 'Customer_Cases', profiles: ['Customer Community User'], accessMappings: [{ accessLevel: 'Edit', object: 'Case', objectField: 'Account', userField: 'Account' }] }] : []
    );
    return { snapshot: b.build(), records: [account, portalAccount, contact, kase, portalCase, opportunity, invoice, line, lead] };
}
