/**
 * Broken or partial evidence gives a clear error (the JSON path of the problem) or an answer
 * marked uncertain — never a confident answer, never a crash. Includes the regression case the
 * property "the verdict never depends on row order" found with a random seed (group nesting cycle).
 */
import type { Row, Snapshot } from '../../../types';
import { baseOrg, type SnapshotBuilder } from '../../snapshotBuilder';
import type { CorpusCase } from './corpusCase';

const BRIEF = 'brief: broken or partial evidence gives a clear error or an answer marked uncertain, never a confident one';
const GROUP_MEMBER = 'Object Reference "GroupMember" (a group contains the members of the groups nested in it); Object Reference "Group" (DoesIncludeBosses)';

/**
 * Found by `npm run test:fuzz` (seed 22, group nesting property): groups A ∋ B and B ∋ A, Sam in A,
 * A shared Read and B shared Edit; the manager above Sam must get Edit whatever the order of the
 * GroupMember rows (a partial member set cached as a cycle guard gave Read for one order).
 */
function nestingCycle(reverse: boolean): { snapshot: Snapshot; userId: string; recordId: string } {
    const { b, ids } = baseOrg();
    const a = b.group('Group A', { doesIncludeBosses: true });
    const g = b.group('Group B', { doesIncludeBosses: true });
    const rows: [string, string][] = [
        [g, a],
        [a, g],
        [a, ids.rep]
    ];
    for (const [group, member] of reverse ? rows.reverse() : rows) {
        b.addMember(group, member);
    }
    const inv = b.record('Invoice__c', { Name: 'INV-1', OwnerId: ids.support });
    b.share('Invoice__c', inv, a, 'Read', 'Rule');
    b.share('Invoice__c', inv, g, 'Edit', 'Rule');
    return { snapshot: b.build(), userId: ids.vp, recordId: inv };
}

/** Build, then let a case break one thing the way a hand-edited snapshot would. */
function broken(edit: (snapshot: Snapshot, b: SnapshotBuilder, ids: ReturnType<typeof baseOrg>['ids'], acc: string) => void): () => { snapshot: Snapshot; userId: string; recordId: string } {
    return () => {
        const { b, ids } = baseOrg();
        const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
        const snapshot = b.build();
        edit(snapshot, b, ids, acc);
        return { snapshot, userId: ids.vp, recordId: acc };
    };
}

const rowOf = (snapshot: Snapshot, table: string, id: string): Row => (snapshot.tables[table] ?? []).find((r) => r.Id === id) as Row;

export const cases: CorpusCase[] = [
    {
        name: 'group nesting cycle (regression, GroupMember rows in one order): the manager above a member gets the Edit shared to the other group of the cycle',
        source: GROUP_MEMBER,
        build: () => nestingCycle(false),
        expect: { maxAccessLevel: 'Edit', layer: 'roleHierarchy', status: 'grants', access: { edit: true } }
    },
    {
        name: 'group nesting cycle (regression, the same rows in the other order): the same verdict',
        source: GROUP_MEMBER,
        build: () => nestingCycle(true),
        expect: { maxAccessLevel: 'Edit', layer: 'roleHierarchy', status: 'grants', access: { edit: true } }
    },
    {
        name: 'a manual share whose access level is not a Salesforce value makes the layer uncertain instead of being dropped',
        source: `Object Reference "AccountShare" (AccountAccessLevel: Read, Edit, All); ${BRIEF}`,
        build: broken((snapshot, b, ids, acc) => {
            snapshot.tables.AccountShare = [{ Id: b.id('00r'), AccountId: acc, UserOrGroupId: ids.vp, AccountAccessLevel: 'Owner', RowCause: 'Manual' }];
        }),
        // The VP is above the owner anyway: the verdict stands, the doubt about the odd row is said.
        expect: { maxAccessLevel: 'All', layer: 'manualShares', status: 'uncertain', uncertain: true, uncertaintyIncludes: 'has the access level "Owner", which is not a Salesforce value' }
    },
    {
        name: "a sharing-rule share to the user's group with an unknown level: the sharing-rules layer is uncertain, the verdict not confident",
        source: `Object Reference "AccountShare" (AccountAccessLevel); ${BRIEF}`,
        build() {
            const { b, ids } = baseOrg();
            const g = b.group('Deal Desk', { members: [ids.support] });
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            b.share('Account', acc, g, 'Superuser' as 'Read', 'Rule');
            return { snapshot: b.build(), userId: ids.support, recordId: acc };
        },
        expect: { maxAccessLevel: 'None', layer: 'sharingRules', status: 'uncertain', uncertain: true }
    },
    {
        name: 'two user rows with one Id that disagree are refused, naming the JSON path',
        source: BRIEF,
        build: broken((snapshot, _b, ids) => {
            const copy = { ...rowOf(snapshot, 'User', ids.rep), Name: 'Someone Else' };
            snapshot.tables.User?.push(copy);
        }),
        expect: { rejects: { path: 'tables.User[6].Name', problemIncludes: 'duplicate id' } }
    },
    {
        name: 'one Id in two tables is refused, naming the JSON path',
        source: BRIEF,
        build: broken((snapshot, _b, _ids, acc) => {
            snapshot.tables.Contact = [{ Id: acc, LastName: 'Lee', AccountId: acc }];
        }),
        expect: { rejects: { path: 'tables.Contact[0].Id', problemIncludes: 'in table Account' } }
    },
    {
        name: 'the same row collected twice is one record, not an error',
        source: 'brief: clear errors only for what is actually wrong; Object Reference "User"',
        build() {
            const { b, ids } = baseOrg();
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            const snapshot = b.build();
            snapshot.tables.User?.push({ Id: ids.rep, Name: 'Ana Rep' });
            return { snapshot, userId: ids.vp, recordId: acc };
        },
        expect: { maxAccessLevel: 'All', layer: 'roleHierarchy', status: 'grants' }
    },
    {
        name: 'a role hierarchy that loops is refused, naming the role and the loop',
        source: `Object Reference "UserRole" (ParentRoleId); ${BRIEF}`,
        build: broken((snapshot, _b, ids) => {
            rowOf(snapshot, 'UserRole', ids.ceoRole).ParentRoleId = ids.repRole;
        }),
        expect: { rejects: { path: 'tables.UserRole[0].ParentRoleId', problemIncludes: 'the role hierarchy loops (CEO → Sales Rep → VP Sales → CEO)' } }
    },
    {
        name: 'a territory hierarchy that loops is refused',
        source: `Object Reference "Territory2" (ParentTerritory2Id); ${BRIEF}`,
        build: broken((snapshot, b) => {
            const t1 = b.id('Territory2');
            const t2 = b.id('Territory2');
            snapshot.tables.Territory2 = [
                { Id: t1, Name: 'North', ParentTerritory2Id: t2 },
                { Id: t2, Name: 'South', ParentTerritory2Id: t1 }
            ];
        }),
        expect: { rejects: { path: 'tables.Territory2[0].ParentTerritory2Id', problemIncludes: 'territory hierarchy loops' } }
    },
    {
        name: 'a record without OwnerId whose object has owners: ownership is uncertain, not "not applicable"',
        source: `Object Reference "Account" (OwnerId); ${BRIEF}`,
        build() {
            const { b, ids } = baseOrg();
            b.describe('Account', { name: 'Account', fields: [{ name: 'Name', type: 'string' }, { name: 'OwnerId', type: 'reference', referenceTo: ['User'] }] });
            const acc = b.record('Account', { Name: 'Acme' });
            return { snapshot: b.build(), userId: ids.vp, recordId: acc };
        },
        expect: { maxAccessLevel: 'None', layer: 'ownership', status: 'uncertain', uncertain: true, uncertaintyIncludes: 'no OwnerId' }
    },
    {
        name: 'an owner missing from the snapshot: ownership and the hierarchy are uncertain',
        source: BRIEF,
        build: broken((snapshot, b, _ids, acc) => {
            rowOf(snapshot, 'Account', acc).OwnerId = b.id('User');
        }),
        expect: { maxAccessLevel: 'None', layer: 'ownership', status: 'uncertain', uncertain: true, alsoLayers: { roleHierarchy: 'uncertain' } }
    },
    {
        name: 'attributes.type "constructor" is refused with its JSON path (never reaches Object.prototype)',
        source: BRIEF,
        build: broken((snapshot, _b, _ids, acc) => {
            rowOf(snapshot, 'Account', acc).attributes = { type: 'constructor' };
        }),
        expect: { rejects: { path: 'tables.Account[0].attributes.type', problemIncludes: 'expected an sObject API name' } }
    },
    {
        name: 'attributes.type that is a number is refused with its JSON path',
        source: BRIEF,
        build: broken((snapshot, _b, _ids, acc) => {
            rowOf(snapshot, 'Account', acc).attributes = { type: 42 as unknown as string };
        }),
        expect: { rejects: { path: 'tables.Account[0].attributes.type', problemIncludes: 'got 42' } }
    },
    {
        name: 'a table named __proto__ is refused',
        source: BRIEF,
        build: broken((snapshot) => {
            Object.defineProperty(snapshot.tables, '__proto__', { value: [], enumerable: true, configurable: true, writable: true });
        }),
        expect: { rejects: { path: 'tables.__proto__', problemIncludes: 'is not a valid table name' } }
    },
    {
        name: 'a setting named constructor is refused',
        source: BRIEF,
        build: broken((snapshot) => {
            Object.defineProperty(snapshot.settings, 'constructor', { value: { value: true, provenance: 'admin' }, enumerable: true, configurable: true, writable: true });
        }),
        expect: { rejects: { path: 'settings.constructor', problemIncludes: 'is not a valid setting name' } }
    },
    {
        name: 'a share row with RowCause "constructor" is an explicit share with an unknown cause, not a crash',
        source: 'Object Reference "AccountShare" (RowCause); rowCauses.ts (undocumented causes are explicit shares)',
        build() {
            const { b, ids } = baseOrg();
            const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
            b.share('Account', acc, ids.support, 'Read', 'constructor');
            return { snapshot: b.build(), userId: ids.support, recordId: acc };
        },
        expect: { maxAccessLevel: 'Read', layer: 'manualShares', status: 'grants', reasonIncludes: 'undocumented cause "constructor"' }
    },
    {
        name: 'a restriction rule nested thousands of levels deep is a syntax error that makes the layer uncertain, not a stack overflow',
        source: 'Restriction Rules Developer Guide "RestrictionRule" (criteria); brief: never a crash',
        build() {
            const { b, ids } = baseOrg();
            const deep = `${'('.repeat(5000)}Region__c = 'EMEA'${')'.repeat(5000)}`;
            b.metadataList('RestrictionRule', [{ DeveloperName: 'Deep', MasterLabel: 'Deep', EnforcementType: 'Restrict', TargetEntity: 'Invoice__c', UserCriteria: '$User.IsActive = true', RecordFilter: deep, IsActive: true }]);
            const inv = b.record('Invoice__c', { Name: 'INV-1', OwnerId: ids.rep, Region__c: 'AMER' });
            return { snapshot: b.build(), userId: ids.vp, recordId: inv };
        },
        expect: { maxAccessLevel: 'All', layer: 'restrictionRules', status: 'uncertain', uncertain: true, reasonIncludes: 'nested more than 64 levels deep' }
    },
    {
        name: 'a redacted master (Id and OwnerId only): the detail keeps the verdict the owner gives and is marked uncertain',
        source: 'docs/snapshot.md "Redacted rows" (in-org collector: unreadable parents kept as Id + OwnerId, __redacted: true)',
        build() {
            const { b, ids } = baseOrg({ objects: { Invoice__c: 'CRED', Line__c: 'CRED' } });
            b.owd('Line__c', 'ControlledByParent');
            b.describe('Line__c', { name: 'Line__c', fields: [{ name: 'Invoice__c', type: 'reference', referenceTo: ['Invoice__c'], cascadeDelete: true, nillable: false, writeRequiresMasterRead: false }] });
            const inv = b.record('Invoice__c', { OwnerId: ids.rep, __redacted: true });
            b.share('Invoice__c', inv, ids.support, 'Read', 'Manual');
            const line = b.record('Line__c', { Name: 'L-1', Invoice__c: inv });
            const snapshot = b.build();
            snapshot.meta.unavailable = [{ table: 'Invoice__c', recordId: inv, reason: 'the collecting user cannot read this record' }];
            return { snapshot, userId: ids.support, recordId: line };
        },
        expect: { maxAccessLevel: 'Read', layer: 'orgWideDefaults', status: 'grants', uncertain: true, uncertaintyIncludes: 'could not be read by the user who collected the evidence' }
    },
    {
        name: "a redacted master owned by the user: the owner's Full Access doesn't depend on the unreadable fields, no doubt",
        source: 'docs/snapshot.md "Redacted rows"; Apex Developer Guide "Understanding Sharing" (record ownership)',
        build() {
            const { b, ids } = baseOrg({ objects: { Invoice__c: 'CRED', Line__c: 'CRED' } });
            b.owd('Line__c', 'ControlledByParent');
            b.describe('Line__c', { name: 'Line__c', fields: [{ name: 'Invoice__c', type: 'reference', referenceTo: ['Invoice__c'], cascadeDelete: true, nillable: false, writeRequiresMasterRead: false }] });
            const inv = b.record('Invoice__c', { OwnerId: ids.support, __redacted: true });
            const line = b.record('Line__c', { Name: 'L-1', Invoice__c: inv });
            return { snapshot: b.build(), userId: ids.support, recordId: line };
        },
        expect: { maxAccessLevel: 'All', layer: 'orgWideDefaults', status: 'grants', uncertain: false }
    },
    {
        name: 'a meta.unavailable entry for one record must carry a record id',
        source: 'docs/snapshot.md "Redacted rows"',
        build: broken((snapshot) => {
            snapshot.meta.unavailable = [{ table: 'Account', recordId: 'not-an-id', reason: 'unreadable' }];
        }),
        expect: { rejects: { path: 'meta.unavailable[0].recordId', problemIncludes: 'expected an 18- or 15-character Salesforce id' } }
    },
    {
        name: '__redacted must be true or false',
        source: 'docs/snapshot.md "Redacted rows"',
        build: broken((snapshot, _b, _ids, acc) => {
            rowOf(snapshot, 'Account', acc).__redacted = 'yes' as unknown as boolean;
        }),
        expect: { rejects: { path: 'tables.Account[0].__redacted', problemIncludes: 'expected true or false' } }
    }
];
