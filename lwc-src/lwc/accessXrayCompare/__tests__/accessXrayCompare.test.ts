// Compare two users on one record: the layers whose result differs are highlighted (issue 6,
// "why can Ana see it and Ben not?"); fixtures from seed 000 (partner, OWD Private) and seed 001
// layer 5 (sharing rule).
import { fill, flushPromises, label, resetDom } from '../../accessXray/__tests__/axrTestSupport';
import { createElement } from 'lwc';
import AccessXrayCompare from 'c/accessXrayCompare';
import { comparisonOf, internalAllowed, partnerDenied } from '../../accessXray/__tests__/axrFixtures';

function mount(props: Record<string, unknown>): HTMLElement {
    const element = createElement('c-access-xray-compare', { is: AccessXrayCompare });
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}

describe('c-access-xray-compare', () => {
    afterEach(resetDom);

    it('renders nothing until both explanations and the comparison exist', async () => {
        const element = mount({ left: internalAllowed() });
        await flushPromises();
        expect(element.shadowRoot?.querySelector('[data-id="compare-table"]')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('shows both verdicts and highlights exactly the differing layer', async () => {
        const a = internalAllowed();
        const b = partnerDenied();
        const element = mount({ left: a, right: b, comparison: comparisonOf(a, b), operation: 'read' });
        await flushPromises();
        const root = element.shadowRoot as ShadowRoot;
        expect(root.querySelector('[data-id="compare-left-verdict"]')?.textContent).toBe(
            fill(label('AXR_VerdictAllowed'), 'Ana Agent', 'read', 'case 00001001')
        );
        expect(root.querySelector('[data-id="compare-right-verdict"]')?.textContent).toBe(
            fill(label('AXR_VerdictDenied'), 'Pat Partner', 'read', 'case 00001001')
        );
        const rows = Array.from(root.querySelectorAll<HTMLElement>('[data-id="compare-row"]'));
        expect(rows).toHaveLength(12);
        const differing = rows.filter((r) => r.querySelector('[data-id="differs-badge"]'));
        expect(differing.map((r) => r.dataset.layer)).toEqual(['sharingRules']);
        expect(differing[0]?.className).toContain('compare__row_differs');
        expect(differing[0]?.textContent).toContain('Criteria sharing rule EMEA Cases');
        expect(root.querySelector('[data-id="compare-summary"]')?.textContent).toBe(
            'Ana Agent and Pat Partner differ on: Sharing rules.'
        );
        await expect(element).toBeAccessible();
    });

    it('filters to the differing layers with the toggle', async () => {
        const a = internalAllowed();
        const b = partnerDenied();
        const element = mount({ left: a, right: b, comparison: comparisonOf(a, b) });
        await flushPromises();
        const toggle = element.shadowRoot?.querySelector('[data-id="only-differing"]') as HTMLElement;
        toggle.dispatchEvent(new CustomEvent('change', { detail: { checked: true } }));
        await flushPromises();
        const rows = Array.from(element.shadowRoot?.querySelectorAll<HTMLElement>('[data-id="compare-row"]') ?? []);
        expect(rows.map((r) => r.dataset.layer)).toEqual(['sharingRules']);
        await expect(element).toBeAccessible();
    });

    it('says so when no layer differs', async () => {
        const a = partnerDenied();
        const b = { ...partnerDenied(), userId: '005000000000BENAAA', userName: 'Ben Partner' };
        const element = mount({ left: a, right: b, comparison: comparisonOf(a, b) });
        await flushPromises();
        expect(element.shadowRoot?.querySelector('[data-id="compare-no-differences"]')?.textContent).toBe(
            label('AXR_CompareNoDifferences')
        );
        expect(element.shadowRoot?.querySelector('[data-id="only-differing"]')).toBeNull();
        await expect(element).toBeAccessible();
    });
});
