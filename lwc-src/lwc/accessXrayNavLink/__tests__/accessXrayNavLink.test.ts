// A link through lightning/navigation (LWC Developer Guide, "Navigate to Pages, Records, and
// Lists"): the href comes from GenerateUrl, a click navigates with Navigate; modified clicks are
// left to the browser so "open in new tab" works on the generated URL.
import { flushPromises, resetDom } from '../../accessXray/__tests__/axrTestSupport';
import { createElement } from 'lwc';
import AccessXrayNavLink from 'c/accessXrayNavLink';

const mockNavigate = jest.fn();
const mockGenerateUrl = jest.fn();

jest.mock('lightning/navigation', () => {
    const Navigate = Symbol('Navigate');
    const GenerateUrl = Symbol('GenerateUrl');
    const mixin = (Base: new () => object) =>
        class extends Base {
            [Navigate](ref: unknown): void {
                mockNavigate(ref);
            }
            [GenerateUrl](ref: unknown): Promise<string> {
                return mockGenerateUrl(ref) as Promise<string>;
            }
        };
    return { NavigationMixin: Object.assign(mixin, { Navigate, GenerateUrl }) };
});

const QUEUE = {
    type: 'standard__webPage',
    attributes: { url: '/lightning/setup/Queues/page?address=%2Fp%2Fown%2FQueue%2Fd%3Fid%3D00G1' }
};

function mount(props: Record<string, unknown>): HTMLElement {
    const element = createElement('c-access-xray-nav-link', { is: AccessXrayNavLink });
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}

describe('c-access-xray-nav-link', () => {
    beforeEach(() => mockGenerateUrl.mockImplementation((ref: { attributes: { url: string } }) => Promise.resolve(ref.attributes.url)));
    afterEach(() => {
        resetDom();
        jest.clearAllMocks();
    });

    it('renders the destination as link text with the generated URL as href', async () => {
        const element = mount({ label: 'Queue EMEA Support Queue', pageReference: QUEUE });
        await flushPromises();
        const a = element.shadowRoot?.querySelector('a') as HTMLAnchorElement;
        expect(a.textContent).toBe('Queue EMEA Support Queue');
        expect(a.getAttribute('href')).toBe(QUEUE.attributes.url);
        expect(mockGenerateUrl).toHaveBeenCalledWith(QUEUE);
        await expect(element).toBeAccessible();
    });

    it('a click navigates with the page reference and says so', async () => {
        const element = mount({ label: 'Queue EMEA Support Queue', pageReference: QUEUE });
        await flushPromises();
        const handler = jest.fn();
        element.addEventListener('navigate', handler);
        (element.shadowRoot?.querySelector('a') as HTMLAnchorElement).click();
        expect(mockNavigate).toHaveBeenCalledWith(QUEUE);
        expect((handler.mock.calls[0][0] as CustomEvent).detail).toEqual({ pageReference: QUEUE });
    });

    it('a ctrl/cmd-click is left to the browser (new tab on the generated URL)', async () => {
        const element = mount({ label: 'x', pageReference: QUEUE });
        await flushPromises();
        const a = element.shadowRoot?.querySelector('a') as HTMLAnchorElement;
        let leftToBrowser = false;
        // jsdom can't open tabs: record that the component left the default action alone, then stop it.
        a.addEventListener('click', (event) => {
            leftToBrowser = !event.defaultPrevented;
            event.preventDefault();
        });
        a.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, ctrlKey: true }));
        expect(mockNavigate).not.toHaveBeenCalled();
        expect(leftToBrowser).toBe(true);
    });

    it('still navigates when no URL can be generated', async () => {
        mockGenerateUrl.mockRejectedValue(new Error('unsupported'));
        const element = mount({ label: 'x', pageReference: QUEUE });
        await flushPromises();
        const a = element.shadowRoot?.querySelector('a') as HTMLAnchorElement;
        expect(a.getAttribute('href')).toBe('#');
        a.click();
        expect(mockNavigate).toHaveBeenCalledWith(QUEUE);
    });

    it('a later page reference wins over a slower earlier one', async () => {
        let release: (url: string) => void = () => undefined;
        mockGenerateUrl.mockImplementationOnce(() => new Promise((resolve) => (release = resolve)));
        const element = mount({ label: 'x', pageReference: QUEUE });
        Object.assign(element, { pageReference: { type: 'standard__webPage', attributes: { url: '/second' } } });
        await flushPromises();
        release('/first');
        await flushPromises();
        expect(element.shadowRoot?.querySelector('a')?.getAttribute('href')).toBe('/second');
    });
});
