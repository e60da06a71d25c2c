/**
 * `sf xray list users|records` against an org: one bounded query for the page and one COUNT()
 * for the total, with search words passed as SOQL string literals (quotes escaped; LIKE
 * wildcards removed from what was typed).
 */
import type { Row } from '../../lwc-src/lwc/accessXrayEngine/types';
import { soqlString } from './collector';
import { recordName, type RecordListResult, type UserListResult, userListEntry } from './commands';
import { InputError } from './errors';
import type { OrgTransport } from './transport';

interface QueryPage {
    totalSize: number;
    records?: Row[];
}

async function query(transport: OrgTransport, soql: string): Promise<QueryPage> {
    return transport.get<QueryPage>(`/services/data/v${transport.apiVersion}/query?q=${encodeURIComponent(soql)}`);
}

function likeValue(search: string): string {
    return soqlString(`%${search.replace(/[%_\\]/g, '')}%`);
}

export async function listOrgUsers(
    transport: OrgTransport,
    input: { search?: string; userTypes?: string[]; limit: number }
): Promise<UserListResult> {
    const where = [
        input.search ? `(Name LIKE ${likeValue(input.search)} OR Username LIKE ${likeValue(input.search)})` : '',
        input.userTypes?.length ? `UserType IN (${input.userTypes.map(soqlString).join(', ')})` : ''
    ].filter(Boolean);
    const filter = where.length ? ` WHERE ${where.join(' AND ')}` : '';
    const count = await query(transport, `SELECT COUNT() FROM User${filter}`);
    const page = await query(
        transport,
        `SELECT Id, Name, Username, UserType, IsActive, ProfileId, Profile.Name, UserRoleId, UserRole.Name FROM User${filter} ORDER BY Name LIMIT ${input.limit}`
    );
    const users = (page.records ?? []).map((u) => userListEntry(u, new Map(), new Map()));
    return { total: count.totalSize, users: users.sort((a, b) => a.name.localeCompare(b.name)) };
}

interface Describe {
    fields?: { name: string; nameField?: boolean }[];
}

export async function listOrgRecords(
    transport: OrgTransport,
    input: { objects: string[]; search?: string; limit: number }
): Promise<RecordListResult> {
    const records: RecordListResult['records'] = [];
    let total = 0;
    for (const object of input.objects) {
        if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(object))
            throw new InputError(`--object ${object} is not an object API name.`, [], 'UnknownObject');
        let describe: Describe;
        try {
            describe = await transport.get<Describe>(`/services/data/v${transport.apiVersion}/sobjects/${object}/describe`);
        } catch (err) {
            throw new InputError(
                `${transport.orgLabel} has no object ${object} the logged-in user can describe (${(err as Error).message}).`,
                [],
                'UnknownObject'
            );
        }
        const fields = describe.fields ?? [];
        const nameField =
            fields.find((f) => f.nameField)?.name ??
            ['Name', 'CaseNumber', 'Subject'].find((n) => fields.some((f) => f.name === n)) ??
            'Id';
        const owner = fields.some((f) => f.name === 'OwnerId') ? ', OwnerId' : '';
        const filter = input.search ? ` WHERE ${nameField} LIKE ${likeValue(input.search)}` : '';
        const count = await query(transport, `SELECT COUNT() FROM ${object}${filter}`);
        total += count.totalSize;
        const page = await query(
            transport,
            `SELECT Id${nameField === 'Id' ? '' : `, ${nameField}`}${owner} FROM ${object}${filter} ORDER BY LastModifiedDate DESC LIMIT ${input.limit}`
        );
        for (const r of page.records ?? [])
            records.push({
                id: String(r.Id),
                object,
                name: recordName(r),
                ownerId: typeof r.OwnerId === 'string' ? r.OwnerId : '',
                owner: ''
            });
    }
    return { total, records: records.slice(0, input.limit) };
}
