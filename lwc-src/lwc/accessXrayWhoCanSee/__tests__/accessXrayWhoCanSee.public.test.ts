// Users whose only way in is a public org-wide default are counted per profile and permission
// set (types.ts WhoCanSeePublicAccess), listed one by one on request, and an uncertain answer says
// what was missing. The who-can-see source is mocked so the result shape is exact.
import { fill, flushPromises, label, resetDom } from '../../accessXray/__tests__/axrTestSupport';
import { createElement } from 'lwc';
import AccessXrayWhoCanSee from 'c/accessXrayWhoCanSee';
import { collectWhoCanSee } from 'c/accessXrayDataAdapter';
import type { WhoCanSeeResult } from 'c/accessXrayEngine';

jest.mock('c/accessXrayDataAdapter', () => ({ collectWhoCanSee: jest.fn(), whoCanSeeJob: jest.fn(), whoCanSeePage: jest.fn() }));

const mockQuery = jest.fn();
jest.mock('c/accessXrayWhoCanSeeSource', () => ({
    WhoCanSeeSource: class {
        query(q: unknown): unknown {
            return mockQuery(q);
        }
    }
}));

function result(listPublic: boolean): WhoCanSeeResult {
    const owner = {
        userId: '005A',
        userName: 'Olivia Owner',
        maxAccessLevel: 'All' as const,
        topMechanism: 'ownership' as const,
        topReason: 'Olivia Owner → owner → Account Acme → All',
        mechanisms: ['ownership' as const],
        paths: [],
        uncertain: false
    };
    const reader = { ...owner, userId: '005B', userName: 'Rob Reader', maxAccessLevel: 'Read' as const, topMechanism: 'orgWideDefaults' as const, topReason: 'Rob Reader → org-wide default Public Read Only → Account Acme → Read', mechanisms: ['orgWideDefaults' as const] };
    return {
        recordId: '001A',
        objectApiName: 'Account',
        recordName: 'Acme',
        total: listPublic ? 2 : 1,
        totalsByMechanism: { ownership: 1 },
        totalsByAccess: { All: 1 },
        publicAccess: [
            {
                side: 'internal',
                model: 'Public Read Only',
                users: 240,
                byProfile: [{ id: '00e1', name: 'Standard User', users: 200 }],
                byPermissionSet: [{ id: '0PS1', name: 'Account Reader', users: 40 }]
            }
        ],
        offset: 0,
        limit: 25,
        users: listPublic ? [owner, reader] : [owner],
        uncertain: true,
        uncertainties: ['Territory membership was not collected.']
    };
}

afterEach(() => {
    resetDom();
    jest.clearAllMocks();
});

it('counts public-default users per profile and permission set, lists them on request, and says what was missing', async () => {
    (collectWhoCanSee as jest.Mock).mockResolvedValue({ kind: 'snapshot', snapshot: {} });
    mockQuery.mockImplementation((q: { listPublic: boolean }) => result(q.listPublic));
    const element = createElement('c-access-xray-who-can-see', { is: AccessXrayWhoCanSee });
    Object.assign(element, { recordId: '001A', recordLabel: 'Account Acme' });
    document.body.appendChild(element);
    await flushPromises();
    const root = element.shadowRoot as ShadowRoot;
    const pub = root.querySelector('[data-id="wcs-public"]') as HTMLElement;
    expect(pub.textContent).toContain(fill(label('AXR_WcsPublicInternal'), '240', 'Public Read Only'));
    expect(pub.textContent).toContain(fill(label('AXR_WcsPublicByProfile'), 'Standard User', '200'));
    expect(pub.textContent).toContain(fill(label('AXR_WcsPublicByPermissionSet'), 'Account Reader', '40'));
    expect(root.querySelector('[data-id="wcs-uncertain"]')?.textContent).toContain('Territory membership was not collected.');
    expect(root.querySelectorAll('[data-id="wcs-user"]')).toHaveLength(1);
    const list = root.querySelector('[data-id="wcs-list-public"]') as HTMLElement & { label: string };
    expect(list.label).toBe(label('AXR_WcsListPublic'));
    list.click();
    await flushPromises();
    expect(mockQuery).toHaveBeenLastCalledWith(expect.objectContaining({ listPublic: true, offset: 0 }));
    expect(root.querySelectorAll('[data-id="wcs-user"]')).toHaveLength(2);
    expect((root.querySelector('[data-id="wcs-list-public"]') as HTMLElement & { label: string }).label).toBe(label('AXR_WcsHidePublic'));
    await expect(element).toBeAccessible();
});
