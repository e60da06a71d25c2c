// Error panel: plain-language messages from the shared describeErrors helper, announced with
// role=alert; technical details folded under "Details"; "Try again" only where retrying helps.
import { flushPromises, label, resetDom } from '../../accessXray/__tests__/axrTestSupport';
import { createElement } from 'lwc';
import AccessXrayErrorPanel from 'c/accessXrayErrorPanel';

function mount(props: Record<string, unknown>): HTMLElement {
    const element = createElement('c-access-xray-error-panel', { is: AccessXrayErrorPanel });
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}

describe('c-access-xray-error-panel', () => {
    afterEach(resetDom);

    it('renders nothing without errors', async () => {
        const element = mount({ errors: [] });
        await flushPromises();
        expect(element.shadowRoot?.querySelector('[data-id="error-panel"]')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('shows an Apex AuraHandledException body as text under the default heading', async () => {
        const element = mount({
            errors: { body: { message: 'You do not have the Access X-Ray permission.' }, status: 500 }
        });
        await flushPromises();
        const panel = element.shadowRoot?.querySelector('[data-id="error-panel"]') as HTMLElement;
        expect(panel.getAttribute('role')).toBe('alert');
        expect(panel.querySelector('h2')?.textContent).toBe(label('AXR_ErrorTitle'));
        expect(Array.from(panel.querySelectorAll('[data-id="error-message"]')).map((li) => li.textContent)).toEqual([
            'You do not have the Access X-Ray permission.'
        ]);
        expect(panel.querySelector('[data-id="retry"]')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('offers a retry that fires the retry event when retrying can help (a network failure)', async () => {
        const element = mount({ errors: ['Network unavailable'], showRetry: true, heading: 'Custom heading' });
        await flushPromises();
        const handler = jest.fn();
        element.addEventListener('retry', handler);
        expect(element.shadowRoot?.querySelector('h2')?.textContent).toBe('Custom heading');
        (element.shadowRoot?.querySelector('[data-id="retry"]') as HTMLElement).click();
        expect(handler).toHaveBeenCalledTimes(1);
        await expect(element).toBeAccessible();
    });

    it('never offers "Try again" for a missing permission, even when the caller could retry', async () => {
        const element = mount({ errors: { body: { message: 'You do not have the Access X-Ray permission.' } }, showRetry: true });
        await flushPromises();
        expect(element.shadowRoot?.querySelector('[data-id="retry"]')).toBeNull();
    });

    it('folds technical details (a JSON path) under Details, the message stays plain', async () => {
        const element = mount({
            errors: Object.assign(new Error('x'), { name: 'SnapshotError', path: 'tables.User[0].Id', problem: 'expected an id' })
        });
        await flushPromises();
        const message = element.shadowRoot?.querySelector('[data-id="error-message"]')?.textContent ?? '';
        expect(message).toBe(label('AXR_ErrorEvidenceDamaged'));
        const details = element.shadowRoot?.querySelector('details[data-id="error-details"]') as HTMLDetailsElement;
        expect(details.open).toBe(false);
        expect(details.querySelector('summary')?.textContent).toBe(label('AXR_ErrorDetails'));
        expect(details.textContent).toContain('tables.User[0].Id');
        expect(element.shadowRoot?.querySelector('[data-id="retry"]')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('its icon is decorative: the heading says it is an error (no repeated alternative text)', async () => {
        const element = mount({ errors: ['x'] });
        await flushPromises();
        const icon = element.shadowRoot?.querySelector('lightning-icon') as HTMLElement & { alternativeText?: string };
        expect(icon.alternativeText).toBeFalsy();
    });
});
