/** @jest-environment node */
/**
 * The fake org's SOQL subset (cli/src/fakeOrg/soql.ts) answers the collector's queries the way
 * Salesforce does (SOQL and SOSL Reference: WHERE with =, !=, IN, NOT IN, semi-joins,
 * relationship paths, COUNT(), LIMIT/OFFSET; ids compare in 15/18-character form) and rejects
 * what it doesn't support with MALFORMED_QUERY / INVALID_TYPE instead of answering wrongly.
 * Data: tests/cli/fixtures/mini-org.snapshot.json.
 */
import { executeSoql, parseSoql, SoqlError } from '../../cli/src/fakeOrg/soql';
import fixture from './fixtures/mini-org.snapshot.json';
import type { Row } from '../../lwc-src/lwc/accessXrayEngine/types';

const data = fixture as unknown as { tables: Record<string, Row[]> };

describe('fake org SOQL subset', () => {
    it('selects fields and nested relationship paths as SOQL returns them', () => {
        const { records } = executeSoql(
            data,
            "SELECT Id, Name, Profile.Name, Profile.UserLicense.Name FROM User WHERE Username = 'pat@partner.example'"
        );
        expect(records).toHaveLength(1);
        expect(records[0]).toMatchObject({
            Id: '005000000000005AAA',
            Name: 'Pat Partner',
            Profile: { Name: 'Partner Community User', UserLicense: { Name: 'Partner Community' } }
        });
        expect(records[0]?.attributes?.type).toBe('User');
    });

    it('filters with IN lists, AND/OR, != and 15-character ids', () => {
        const ids = executeSoql(
            data,
            "SELECT Id FROM User WHERE Id IN ('005000000000001', '005000000000002AAA') OR Username = 'sue@fixture.example'"
        ).records.map((r) => r.Id);
        expect(ids).toEqual(['005000000000001AAA', '005000000000002AAA', '005000000000004AAA']);
        const notOwner = executeSoql(
            data,
            "SELECT Id FROM AccountShare WHERE AccountId = '001000000000001AAA' AND RowCause != 'Owner'"
        ).records;
        expect(notOwner.map((r) => r.Id)).toEqual(['00r000000000002AAA']);
    });

    it('follows a relationship in WHERE (GroupMember WHERE Group.Type IN …) and answers semi-joins', () => {
        const members = executeSoql(data, "SELECT Id, GroupId FROM GroupMember WHERE Group.Type IN ('Queue')").records;
        expect(members.map((r) => r.GroupId)).toEqual(['00G000000000002AAA']);
        const sets = executeSoql(
            data,
            "SELECT Id FROM PermissionSet WHERE Id IN (SELECT PermissionSetId FROM PermissionSetAssignment WHERE AssigneeId = '005000000000004AAA')"
        ).records;
        expect(sets.map((r) => r.Id)).toEqual(['0PS000000000002AAA']);
    });

    it('supports COUNT(), LIMIT, OFFSET and ORDER BY', () => {
        expect(executeSoql(data, 'SELECT COUNT() FROM User WHERE IsActive = true').totalSize).toBe(5);
        const page = executeSoql(
            data,
            'SELECT Id FROM User WHERE IsActive = true ORDER BY Id LIMIT 2 OFFSET 1'
        ).records.map((r) => r.Id);
        expect(page).toEqual(['005000000000002AAA', '005000000000003AAA']);
    });

    it('rejects unknown objects with INVALID_TYPE and unsupported syntax with MALFORMED_QUERY', () => {
        expect(() => executeSoql(data, 'SELECT Id FROM Territory2Model')).toThrow(
            expect.objectContaining({ errorCode: 'INVALID_TYPE' })
        );
        expect(() => parseSoql('SELECT Id FROM User GROUP BY Name')).toThrow(SoqlError);
        expect(() => parseSoql("SELECT Id FROM User WHERE Name = 'unterminated")).toThrow(/unterminated/);
    });

    it('answers ExternalAccountHierarchy when its data has the table and INVALID_TYPE when not (Object Reference "ExternalAccountHierarchy"; feature off)', () => {
        const soql =
            'SELECT Id, Name, AccountId, ParentId, HierarchyType, IsActive, IsAccessibleToParent FROM ExternalAccountHierarchy';
        expect(() => executeSoql(data, soql)).toThrow(
            expect.objectContaining({
                errorCode: 'INVALID_TYPE',
                message: "sObject type 'ExternalAccountHierarchy' is not supported."
            })
        );
        const node = {
            attributes: { type: 'ExternalAccountHierarchy' },
            Id: '0Xh000000000002AAA',
            Name: 'Globex Partners',
            AccountId: '001000000000002AAA',
            ParentId: '0Xh000000000001AAA',
            HierarchyType: 'Partner',
            IsActive: false,
            IsAccessibleToParent: true,
            Description: 'not selected'
        };
        const { records } = executeSoql({ tables: { ...data.tables, ExternalAccountHierarchy: [node] } }, soql);
        expect(records).toEqual([
            {
                attributes: {
                    type: 'ExternalAccountHierarchy',
                    url: '/services/data/v62.0/sobjects/ExternalAccountHierarchy/0Xh000000000002AAA'
                },
                Id: '0Xh000000000002AAA',
                Name: 'Globex Partners',
                AccountId: '001000000000002AAA',
                ParentId: '0Xh000000000001AAA',
                HierarchyType: 'Partner',
                IsActive: false,
                IsAccessibleToParent: true
            }
        ]);
    });
});
