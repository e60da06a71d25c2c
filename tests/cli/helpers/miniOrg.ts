/**
 * The mini fixture org (tests/cli/fixtures/mini-org.snapshot.json) for the collector tests, the
 * bigger variants they serve from the fake org, and a jsforce transport to it.
 */
import { Connection } from 'jsforce';
import type { FakeOrg } from '../../../cli/src/fakeOrg/server';
import { jsforceTransport, type JsforceLikeConnection } from '../../../cli/src/transport';
import type { Row, Snapshot } from '../../../lwc-src/lwc/accessXrayEngine/types';
import fixture from '../fixtures/mini-org.snapshot.json';

export const SUE = '005000000000004AAA';
export const MIA = '005000000000003AAA';
export const CASE = '500000000000001AAA';

export function mini(): Snapshot {
    return JSON.parse(JSON.stringify(fixture)) as Snapshot;
}

export function transportFor(org: FakeOrg, opts: { timeoutMs?: number; accessToken?: string; retries?: number } = {}) {
    const conn = new Connection({
        instanceUrl: org.url,
        accessToken: opts.accessToken ?? org.accessToken,
        version: '62.0'
    });
    return jsforceTransport(conn as unknown as JsforceLikeConnection, {
        orgLabel: 'fake-org',
        timeoutMs: opts.timeoutMs ?? 5000,
        retries: opts.retries ?? 1
    });
}

/** The fixture org with `extra` more users, groups and group members (to show the query count doesn't grow). */
export function biggerOrg(extra: number): Snapshot {
    const s = mini();
    const users = s.tables.User as Row[];
    const groups = s.tables.Group as Row[];
    const members = s.tables.GroupMember as Row[];
    for (let i = 0; i < extra; i++) {
        const n = String(100 + i).padStart(9, '0');
        users.push({
            ...(users[3] as Row),
            Id: `005000${n}AAA`,
            Name: `Extra User ${i}`,
            Username: `extra${i}@fixture.example`
        });
        groups.push({
            attributes: { type: 'Group' },
            Id: `00G000${n}AAA`,
            Name: `Extra Group ${i}`,
            DeveloperName: `Extra_${i}`,
            Type: 'Regular',
            RelatedId: null,
            DoesIncludeBosses: true
        });
        members.push({
            attributes: { type: 'GroupMember' },
            Id: `011000${n}AAA`,
            GroupId: `00G000${n}AAA`,
            UserOrGroupId: `005000${n}AAA`
        });
    }
    return s;
}

/** The fixture org with `extra` more users, each given a manual Read share on the case (a record shared widely). */
export function sharedWith(extra: number): Snapshot {
    const s = biggerOrg(extra);
    const shares = s.tables.CaseShare as Row[];
    for (let i = 0; i < extra; i++) {
        const n = String(100 + i).padStart(9, '0');
        shares.push({ attributes: { type: 'CaseShare' }, Id: `01o000${n}AAA`, CaseId: CASE, UserOrGroupId: `005000${n}AAA`, CaseAccessLevel: 'Read', RowCause: 'Manual' });
    }
    return s;
}

