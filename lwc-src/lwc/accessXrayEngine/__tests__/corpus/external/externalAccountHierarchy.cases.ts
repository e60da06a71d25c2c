/**
 * External account hierarchies (Experience Cloud, API 49.0+). Sources:
 * - OR: Object Reference "ExternalAccountHierarchy" — "works like a role-based hierarchy";
 *   IsActive ("when true, the hierarchy is turned on"), IsAccessibleToParent ("allows data to be
 *   shared with parent account"), HierarchyType Partner / CustomerPortal.
 * - CFG: Help "Configure an External Account Hierarchy" — "the record data owned by users
 *   associated with child accounts is shared with users in parent accounts".
 * - CON: Help "External Account Hierarchies Considerations" — "Child account data is shared with
 *   the highest role at each level"; Grant Access Using Hierarchies decides for custom objects;
 *   "Internal owners of child accounts … lose access to the records owned by those users".
 *
 * Fixture: Acme Corp (partner, roles Executive > Manager > User under Olivia's Channel Sales
 * Manager) gets a child partner account Acme West, owned by Ian (Support Agent), whose portal
 * roles were created under Ian's role — as the platform creates them when the account is
 * enabled — and a grandchild Acme West North. Wendy West (West Partner User) owns case 00003001;
 * Nick North (North Partner User) owns case 00003002.
 */
import { whoCanSee, loadSnapshot } from 'c/accessXrayEngine';
import type { AcmeOrg } from '../../external/acmeOrg';
import type { ExternalCase } from './caseTypes';

interface Options {
    west?: { IsActive?: boolean; IsAccessibleToParent?: boolean };
    root?: { IsActive?: boolean };
    /** Collected UserRole.ParentRoleId of West's top role already points at Acme's top role. */
    reparentedInData?: boolean;
    withNorth?: boolean;
}

function portalRoles(org: AcmeOrg, key: string, account: string, label: string, parentRoleId: string, type = 'Partner'): void {
    const levels: [string, string][] = type === 'Partner' ? [['Exec', 'Executive'], ['Manager', 'Manager'], ['User', 'User']] : [['Exec', 'Executive'], ['User', 'User']];
    let parent = parentRoleId;
    for (const [suffix, portalRole] of levels) {
        const name = `${label} ${type === 'Partner' ? 'Partner' : 'Customer'} ${portalRole}`;
        const rid = org.add('UserRole', { Name: name, DeveloperName: `${key}${suffix}`, ParentRoleId: parent, PortalType: type, PortalRole: portalRole, PortalAccountId: account });
        org.ids[`role.${key}${suffix}`] = rid;
        org.ids[`group.role.${key}${suffix}`] = org.add('Group', { Name: name, DeveloperName: `${key}${suffix}`, Type: 'Role', RelatedId: rid });
        org.ids[`group.roleSub.${key}${suffix}`] = org.add('Group', { Name: name, DeveloperName: `${key}${suffix}`, Type: 'RoleAndSubordinates', RelatedId: rid });
        parent = rid;
    }
}

function portalUser(org: AcmeOrg, key: string, name: string, like: string, account: string, roleKey: string): void {
    const template = org.row(org.ids[like] as string);
    org.ids[`user.${key}`] = org.add('User', { ...template, Id: undefined, Name: name, Username: `${key}@example.com`, AccountId: account, ContactId: null, UserRoleId: org.ids[`role.${roleKey}`] });
}

/** Acme Corp ← Acme West (← Acme West North) in one partner external account hierarchy. */
function westUnderAcme(opts: Options = {}) {
    return (org: AcmeOrg): void => {
        const west = org.add('Account', { Name: 'Acme West', IsPartner: true, OwnerId: org.ids['user.ian'] });
        org.ids['account.west'] = west;
        portalRoles(org, 'west', west, 'Acme West', opts.reparentedInData ? (org.ids['role.acmeExec'] as string) : (org.ids['role.support'] as string));
        portalUser(org, 'wes', 'Wes West', 'user.eve', west, 'westExec');
        portalUser(org, 'wendy', 'Wendy West', 'user.pat', west, 'westUser');
        org.ids['case.west'] = org.add('Case', { CaseNumber: '00003001', Subject: 'West case', AccountId: west, ContactId: null, OwnerId: org.ids['user.wendy'], Status: 'New' });
        org.ids['invoice.west'] = org.add('Invoice__c', { Name: 'INV-W', Account__c: west, Contact__c: null, OwnerId: org.ids['user.wendy'] });
        const root = org.add('ExternalAccountHierarchy', { Name: 'Acme', AccountId: org.ids['account.acme'], ParentId: null, HierarchyType: 'Partner', IsActive: opts.root?.IsActive ?? true, IsAccessibleToParent: true });
        org.ids['eah.root'] = root;
        org.ids['eah.west'] = org.add('ExternalAccountHierarchy', {
            Name: 'Acme West',
            AccountId: west,
            ParentId: root,
            HierarchyType: 'Partner',
            IsActive: opts.west?.IsActive ?? true,
            IsAccessibleToParent: opts.west?.IsAccessibleToParent ?? true
        });
        if (opts.withNorth) {
            const north = org.add('Account', { Name: 'Acme West North', IsPartner: true, OwnerId: org.ids['user.ian'] });
            portalRoles(org, 'north', north, 'Acme West North', org.ids['role.support'] as string);
            portalUser(org, 'nick', 'Nick North', 'user.pat', north, 'northUser');
            org.ids['case.north'] = org.add('Case', { CaseNumber: '00003002', Subject: 'North case', AccountId: north, ContactId: null, OwnerId: org.ids['user.nick'], Status: 'New' });
            org.add('ExternalAccountHierarchy', { Name: 'Acme West North', AccountId: north, ParentId: org.ids['eah.west'], HierarchyType: 'Partner', IsActive: true, IsAccessibleToParent: true });
        }
    };
}

/** Globex (customer) ← Globex East in a CustomerPortal hierarchy; Cora East (CC+ user) owns case 00004001. */
function eastUnderGlobex(org: AcmeOrg): void {
    const east = org.add('Account', { Name: 'Globex East', IsCustomerPortal: true, OwnerId: org.ids['user.ian'] });
    portalRoles(org, 'east', east, 'Globex East', org.ids['role.support'] as string, 'CustomerPortal');
    portalUser(org, 'cora', 'Cora East', 'user.cleo', east, 'eastUser');
    org.ids['case.east'] = org.add('Case', { CaseNumber: '00004001', Subject: 'East case', AccountId: east, ContactId: null, OwnerId: org.ids['user.cora'], Status: 'New' });
    const root = org.add('ExternalAccountHierarchy', { Name: 'Globex', AccountId: org.ids['account.globex'], ParentId: null, HierarchyType: 'CustomerPortal', IsActive: true, IsAccessibleToParent: true });
    org.add('ExternalAccountHierarchy', { Name: 'Globex East', AccountId: east, ParentId: root, HierarchyType: 'CustomerPortal', IsActive: true, IsAccessibleToParent: true });
}

export const externalAccountHierarchyCases: ExternalCase[] = [
    {
        id: 'EXT-EAH-01',
        title: "The parent account's top role sees a case owned by a child account's user: role hierarchy grants, naming the hierarchy link",
        source: 'OR "works like a role-based hierarchy"; CFG "record data owned by users associated with child accounts is shared with users in parent accounts"',
        arrange: westUnderAcme(),
        user: 'user.eve',
        record: 'case.west',
        expect: {
            access: { read: true, edit: true },
            layers: { roleHierarchy: 'grants' },
            reasons: { roleHierarchy: ['external account hierarchy', "acme west's top role", "acme corp's top role acme corp partner executive"] },
            uncertain: false
        },
        check: (e, org) => {
            expect(e.layers.find((l) => l.id === 'roleHierarchy')?.evidence).toEqual(expect.arrayContaining([`ExternalAccountHierarchy:${org.ids['eah.west']}`]));
            const path = e.paths.find((p) => p.layer === 'roleHierarchy');
            expect(path?.steps.some((s) => s.label.includes('external account hierarchy Acme Corp ← Acme West'))).toBe(true);
        }
    },
    {
        id: 'EXT-EAH-02',
        title: 'The UserRole.ParentRoleId as collected still points at the child account owner: the reason says the hierarchy decides',
        source: 'OR "works like a role-based hierarchy"; CON (internal owners of child accounts lose access, so the child top role no longer reports to them)',
        arrange: westUnderAcme(),
        user: 'user.eve',
        record: 'case.west',
        expect: { access: { read: true }, reasons: { roleHierarchy: ['as collected points to support agent, the hierarchy decides'] } }
    },
    {
        id: 'EXT-EAH-03',
        title: 'Collected roles already re-parented under the parent account: the same verdict, without the "as collected" note',
        source: 'OR "works like a role-based hierarchy"',
        arrange: westUnderAcme({ reparentedInData: true }),
        user: 'user.eve',
        record: 'case.west',
        expect: { access: { read: true }, layers: { roleHierarchy: 'grants' } },
        check: (e) => {
            expect(e.layers.find((l) => l.id === 'roleHierarchy')?.reason).not.toContain('as collected');
        }
    },
    {
        id: 'EXT-EAH-04',
        title: "A manager in the parent account is not the highest role: child account data doesn't reach them",
        source: 'CON "Child account data is shared with the highest role at each level"',
        arrange: westUnderAcme(),
        user: 'user.max',
        record: 'case.west',
        expect: { access: { read: false }, layers: { roleHierarchy: 'neutral' }, reasons: { roleHierarchy: ['highest role at each level', 'acme corp partner executive'] }, uncertain: false },
        check: (e) => {
            const steps = e.layers.find((l) => l.id === 'roleHierarchy')?.nextSteps ?? [];
            expect(steps[0]?.action).toBe('Give Max Manager the role Acme Corp Partner Executive, the role of Acme Corp that child account data rolls up to');
        }
    },
    {
        id: 'EXT-EAH-05',
        title: "IsAccessibleToParent off on the child node: the parent's top role gets nothing, and the reason says so",
        source: 'OR IsAccessibleToParent "allows data to be shared with parent account"',
        arrange: westUnderAcme({ west: { IsAccessibleToParent: false } }),
        user: 'user.eve',
        record: 'case.west',
        expect: { access: { read: false }, layers: { roleHierarchy: 'neutral', experienceCloud: 'neutral' }, reasons: { roleHierarchy: ['isaccessibletoparent false'] }, uncertain: false },
        check: (e, org) => {
            const steps = e.layers.find((l) => l.id === 'roleHierarchy')?.nextSteps ?? [];
            expect(steps[0]).toEqual(expect.objectContaining({ action: 'Check "Is Accessible to Parent" on the external account hierarchy node "Acme West"', targetIds: [org.ids['eah.west']] }));
        }
    },
    {
        id: 'EXT-EAH-06',
        title: "An inactive child node doesn't link upwards",
        source: 'OR IsActive "when true, the hierarchy is turned on"',
        arrange: westUnderAcme({ west: { IsActive: false } }),
        user: 'user.eve',
        record: 'case.west',
        expect: { access: { read: false }, layers: { roleHierarchy: 'neutral' }, reasons: { roleHierarchy: ['isactive false'] } }
    },
    {
        id: 'EXT-EAH-07',
        title: "Three levels: the grandparent account's top role sees the grandchild's case (Acme ← West ← North)",
        source: 'OR "works like a role-based hierarchy" (access rolls up every level); CON "shared with the highest role at each level"',
        arrange: westUnderAcme({ withNorth: true }),
        user: 'user.eve',
        record: 'case.north',
        expect: { access: { read: true }, layers: { roleHierarchy: 'grants' }, reasons: { roleHierarchy: ['acme west north', 'acme west'] } },
        check: (e) => {
            const path = e.paths.find((p) => p.layer === 'roleHierarchy');
            expect(path?.steps.filter((s) => s.label.startsWith('external account hierarchy')).length).toBe(2);
        }
    },
    {
        id: 'EXT-EAH-08',
        title: 'An inactive root turns the whole hierarchy off: the middle account no longer sees the grandchild',
        source: 'OR IsActive "when true, the hierarchy is turned on" (a node below an inactive one does not link)',
        arrange: westUnderAcme({ withNorth: true, root: { IsActive: false } }),
        user: 'user.wes',
        record: 'case.north',
        expect: { access: { read: false }, layers: { roleHierarchy: 'neutral' }, reasons: { roleHierarchy: ['node above it is inactive'] } },
        check: (e, org) => {
            const steps = e.layers.find((l) => l.id === 'roleHierarchy')?.nextSteps ?? [];
            expect(steps[0]).toEqual(expect.objectContaining({ action: 'Check "Is Hierarchy Active" on the external account hierarchy node "Acme"', targetIds: [org.ids['eah.root']] }));
        }
    },
    {
        id: 'EXT-EAH-09',
        title: "The child account's internal owner loses access to records its partner users own",
        source: 'CON "Internal owners of child accounts that participate in an external account hierarchy … lose access to the records owned by those users"',
        arrange: westUnderAcme(),
        user: 'user.ian',
        record: 'case.west',
        expect: { access: { read: false }, layers: { roleHierarchy: 'neutral' }, reasons: { roleHierarchy: ['internal owners of child accounts', 'lose access'] } }
    },
    {
        id: 'EXT-EAH-10',
        title: "The parent account's internal owner's role (above Acme's executive) now sees the child account's records",
        source: 'OR "works like a role-based hierarchy" (the role above the top of the hierarchy inherits what rolls up to it)',
        arrange: westUnderAcme(),
        user: 'user.olivia',
        record: 'case.west',
        expect: { access: { read: true }, layers: { roleHierarchy: 'grants' }, reasons: { roleHierarchy: ['external account hierarchy'] } }
    },
    {
        id: 'EXT-EAH-11',
        title: 'Custom object with Grant Access Using Hierarchies off: the hierarchy gives the parent nothing',
        source: 'CON "If Grant Access Using Hierarchies is disabled, data shared with or owned by a user isn\'t visible to users in roles above them"',
        arrange: (org) => {
            westUnderAcme()(org);
            org.setting('grantAccessUsingHierarchies.Invoice__c', false);
        },
        user: 'user.eve',
        record: 'invoice.west',
        expect: { access: { read: false }, layers: { roleHierarchy: 'neutral' }, reasons: { roleHierarchy: ['grant access using hierarchies is off'] } }
    },
    {
        id: 'EXT-EAH-12',
        title: 'Custom object with Grant Access Using Hierarchies on: the parent top role sees the child user\'s invoice',
        source: 'CON "If Grant Access Using Hierarchies is enabled on a custom object, data shared with or owned by users is visible to the roles above those users"',
        arrange: (org) => {
            westUnderAcme()(org);
            org.setting('grantAccessUsingHierarchies.Invoice__c', true);
        },
        user: 'user.eve',
        record: 'invoice.west',
        expect: { access: { read: true }, layers: { roleHierarchy: 'grants' }, reasons: { roleHierarchy: ['external account hierarchy'] } }
    },
    {
        id: 'EXT-EAH-13',
        title: 'A share to a child account user rolls up to the parent top role like any role-hierarchy share',
        source: 'CON "data shared with or owned by users is visible to the roles above those users"',
        arrange: (org) => {
            westUnderAcme()(org);
            org.share('CaseShare', org.ids['case.c1001'] as string, org.ids['user.wendy'] as string, 'Read', 'Manual');
        },
        user: 'user.eve',
        record: 'case.c1001',
        expect: { access: { read: true, edit: false }, layers: { roleHierarchy: 'grants' }, reasons: { roleHierarchy: ['wendy west', 'external account hierarchy'] } }
    },
    {
        id: 'EXT-EAH-14',
        title: 'Customer hierarchy (HierarchyType CustomerPortal): the parent customer account\'s top role sees the child CC+ user\'s case',
        source: 'OR HierarchyType CustomerPortal; CFG (partner and customer users share data with the accounts below theirs)',
        arrange: eastUnderGlobex,
        user: 'user.gus',
        record: 'case.east',
        expect: { access: { read: true }, layers: { roleHierarchy: 'grants' }, reasons: { roleHierarchy: ['globex east', 'globex customer executive'] } }
    },
    {
        id: 'EXT-EAH-15',
        title: 'ExternalAccountHierarchy could not be read: the role hierarchy is uncertain for a user of another account, never a confident no',
        source: 'OR (object readable only with a Partner or Customer Community Plus licence in the org); developers guide: missing evidence → uncertain',
        arrange: (org) => {
            westUnderAcme()(org);
            delete org.snapshot.tables.ExternalAccountHierarchy;
            org.snapshot.meta.unavailable = [{ table: 'ExternalAccountHierarchy', reason: 'INSUFFICIENT_ACCESS: no access to ExternalAccountHierarchy' }];
        },
        user: 'user.eve',
        record: 'case.west',
        expect: { access: { read: false }, layers: { roleHierarchy: 'uncertain' }, reasons: { roleHierarchy: ['could not be read', 'acme west'] }, uncertain: true }
    },
    {
        id: 'EXT-EAH-16',
        title: 'Who can see the child account case lists the parent top role and the parent owner, not the parent manager or the child internal owner',
        source: 'CON (highest role at each level; internal owners of child accounts lose access); OR "works like a role-based hierarchy"',
        arrange: westUnderAcme(),
        user: 'user.eve',
        record: 'case.west',
        expect: { access: { read: true } },
        check: (_e, org) => {
            const result = whoCanSee(loadSnapshot(org.snapshot), org.ids['case.west'] as string, { limit: 500 });
            const names = result.users.map((u) => u.userName);
            expect(names).toEqual(expect.arrayContaining(['Eve Exec', 'Olivia Owner', 'Wes West', 'Wendy West']));
            expect(names).not.toContain('Max Manager');
            expect(names).not.toContain('Ian Internal');
        }
    },
    {
        id: 'EXT-EAH-17',
        title: "An account in the middle of the chain that the collector didn't read is named by its hierarchy node, never by a bare id",
        source: 'OR ExternalAccountHierarchy Name / AccountId; project rule (no silent or unreadable answer)',
        arrange: (org) => {
            westUnderAcme({ withNorth: true })(org);
            const accounts = org.snapshot.tables.Account ?? [];
            org.snapshot.tables.Account = accounts.filter((a) => a.Id !== org.ids['account.west']);
        },
        user: 'user.eve',
        record: 'case.north',
        expect: { access: { read: true }, layers: { roleHierarchy: 'grants' }, reasons: { roleHierarchy: ['(hierarchy node "acme west")'] } }
    },
    {
        id: 'EXT-EAH-18',
        title: "The child account's internal owner whose role gives account owners Read on cases: child implicit access is shown but uncertain, since Help says such owners lose access to their partner users' records",
        source: 'CON "Internal owners of child accounts … lose access to the records owned by those users"; seed 002 (child implicit sharing for the account owner)',
        arrange: (org) => {
            westUnderAcme()(org);
            org.row(org.ids['role.support'] as string).CaseAccessForAccountOwner = 'Read';
        },
        user: 'user.ian',
        record: 'case.west',
        expect: { access: { read: true }, layers: { implicitSharing: 'grants', roleHierarchy: 'neutral' }, uncertain: true },
        check: (e) => {
            expect(e.uncertainties.join(' ')).toContain('internal owners of child accounts lose access to the records owned by those users');
        }
    },
    {
        id: 'EXT-EAH-19',
        title: "The child account's internal owner whose role gives account owners no case access: the implicit layer says she owns the account but the role gives owners nothing",
        source: 'seed 002 (UserRole.CaseAccessForAccountOwner decides child implicit access); CON (internal owners of child accounts lose access)',
        arrange: westUnderAcme(),
        user: 'user.ian',
        record: 'case.west',
        expect: {
            access: { read: false },
            layers: { implicitSharing: 'neutral' },
            reasons: { implicitSharing: ['ian internal owns the account acme west, but the owner\'s role support agent gives account owners no access'] },
            uncertain: false
        }
    }
];
