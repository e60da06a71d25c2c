// Grant chain: each GrantPath drawn user → role/group → rule → record (seed 001 layer 5,
// sharing rules to "role and subordinates"), with the hop ("via") on each connector.
import { fill, flushPromises, label, resetDom } from '../../accessXray/__tests__/axrTestSupport';
import { createElement } from 'lwc';
import AccessXrayGrantChain from 'c/accessXrayGrantChain';
import type { Explanation } from 'c/accessXrayEngine';
import type { LinkMap } from 'c/accessXrayLinks';
import { internalAllowed, partnerDenied } from '../../accessXray/__tests__/axrFixtures';

function mount(e: Explanation, links?: LinkMap): HTMLElement {
    const element = createElement('c-access-xray-grant-chain', { is: AccessXrayGrantChain });
    Object.assign(element, { paths: e.paths, layers: e.layers, links });
    document.body.appendChild(element);
    return element;
}

describe('c-access-xray-grant-chain', () => {
    afterEach(resetDom);

    it('says no path grants access when there is none (partner user, seed 000)', async () => {
        const element = mount(partnerDenied());
        await flushPromises();
        expect(element.shadowRoot?.querySelector('[data-id="paths-empty"]')?.textContent).toBe(label('AXR_PathsEmpty'));
        expect(element.shadowRoot?.querySelectorAll('[data-id="path"]')).toHaveLength(0);
        await expect(element).toBeAccessible();
    });

    it('draws the sharing-rule chain in order with kinds, labels and hops', async () => {
        const element = mount(internalAllowed());
        await flushPromises();
        const paths = element.shadowRoot?.querySelectorAll('[data-id="path"]') ?? [];
        expect(paths).toHaveLength(1);
        const path = paths[0] as HTMLElement;
        expect(path.querySelector('[data-id="path-heading"]')?.textContent).toBe(
            fill(label('AXR_PathLevel'), 'Edit', 'Sharing rules')
        );
        const steps = Array.from(path.querySelectorAll('[data-id="path-step"]')).map((s) => [
            s.querySelector('[data-id="step-kind"]')?.textContent,
            s.querySelector('[data-id="step-label"]')?.textContent,
            s.querySelector('[data-id="step-via"]')?.textContent
        ]);
        expect(steps).toEqual([
            [label('AXR_StepUser'), 'Ana Agent', 'holds role'],
            [label('AXR_StepRole'), 'EMEA Support', 'shared with by'],
            [label('AXR_StepRule'), 'EMEA Cases', 'grants Edit on'],
            [label('AXR_StepRecord'), 'case 00001001', undefined]
        ]);
        expect(path.querySelector('ol')?.getAttribute('aria-label')).toBe(
            'Ana Agent → role EMEA Support → rule EMEA Cases → case 00001001 (Edit)'
        );
        await expect(element).toBeAccessible();
    });

    it('a step Salesforce has a page for is a link (the user’s Setup page, the record)', async () => {
        const e = internalAllowed();
        const links: LinkMap = {
            [e.userId]: { text: 'User Ana Agent in Setup', pageReference: { type: 'standard__webPage', attributes: { url: '/lightning/setup/ManageUsers/home' } } }
        };
        const element = mount(e, links);
        await flushPromises();
        const steps = Array.from(element.shadowRoot?.querySelectorAll('[data-id="path-step"]') ?? []);
        const link = steps[0]?.querySelector('c-access-xray-nav-link') as HTMLElement & { label: string; description: string };
        expect(link.label).toBe('Ana Agent');
        expect(link.description).toBe('User Ana Agent in Setup');
        expect(steps[1]?.querySelector('c-access-xray-nav-link')).toBeNull();
        await expect(element).toBeAccessible();
    });
});
