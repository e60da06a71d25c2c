// On a phone (the Salesforce mobile app reports form factor Small) the panel uses its compact
// layout whatever region it sits in: actions in an overflow menu, operation as a combobox, the
// three primary tabs only.
import { flushPromises, resetDom } from './axrTestSupport';
import { createElement } from 'lwc';
import AccessXray from 'c/accessXray';
import { setupStatus } from 'c/accessXrayDataAdapter';

jest.mock('@salesforce/client/formFactor', () => ({ __esModule: true, default: 'Small' }), { virtual: true });
jest.mock('c/accessXrayDataAdapter', () => ({
    collect: jest.fn(),
    attachVerdict: jest.fn(),
    auditIdOf: () => '',
    setupStatus: jest.fn(),
    getCurrentUserId: jest.fn()
}));

afterEach(resetDom);

it('uses the compact layout on a phone (formFactor Small) even without a region width', async () => {
    (setupStatus as jest.Mock).mockResolvedValue({ hasPermission: true, canExplainAnyUser: true, setupConnectionReady: true, missing: [] });
    const element = createElement('c-access-xray', { is: AccessXray });
    Object.assign(element, { recordId: '500000000000001AAA', objectApiName: 'Case' });
    document.body.appendChild(element);
    await flushPromises();
    const root = element.shadowRoot as ShadowRoot;
    expect(root.querySelector('[data-id="actions-menu"]')).not.toBeNull();
    expect(root.querySelector('lightning-combobox[data-id="operation"]')).not.toBeNull();
    expect(root.querySelectorAll('lightning-tab')).toHaveLength(3);
    await expect(element).toBeAccessible();
});
