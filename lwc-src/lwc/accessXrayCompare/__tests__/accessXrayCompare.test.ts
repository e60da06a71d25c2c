// Compare two users on one record ("why can Ana see it and Ben not?"): both verdicts in equal
// columns, the operations that differ, and each layer in plain words for both — only the layers
// that differ by default; lists on small widths. Fixtures from seed 000 (partner, OWD Private)
// and seed 001 layer 5 (sharing rule).
import { fill, flushPromises, label, resetDom } from '../../accessXray/__tests__/axrTestSupport';
import { createElement } from 'lwc';
import AccessXrayCompare from 'c/accessXrayCompare';
import { comparisonOf, internalAllowed, partnerDenied } from '../../accessXray/__tests__/axrFixtures';

function mount(props: Record<string, unknown>): HTMLElement {
    const element = createElement('c-access-xray-compare', { is: AccessXrayCompare });
    Object.assign(element, { objectLabel: 'Case', ...props });
    document.body.appendChild(element);
    return element;
}

const all = (element: HTMLElement, id: string): HTMLElement[] =>
    Array.from(element.shadowRoot?.querySelectorAll<HTMLElement>(`[data-id="${id}"]`) ?? []);
const one = (element: HTMLElement, id: string): HTMLElement | null =>
    element.shadowRoot?.querySelector<HTMLElement>(`[data-id="${id}"]`) ?? null;

function pair() {
    const a = internalAllowed();
    const b = partnerDenied();
    return { left: a, right: b, comparison: comparisonOf(a, b), operation: 'read' };
}

describe('c-access-xray-compare', () => {
    afterEach(resetDom);

    it('asks for a second user, and renders no comparison until both explanations exist', async () => {
        const element = mount({ left: internalAllowed() });
        await flushPromises();
        expect(one(element, 'compare-empty')?.textContent).toBe(label('AXR_CompareEmpty'));
        expect(one(element, 'compare-table')).toBeNull();
        const picker = one(element, 'compare-picker') as HTMLElement & { objectApiName: string };
        expect(picker.objectApiName).toBe('User');
        await expect(element).toBeAccessible();
    });

    it('passes the picked user up (the parent collects and explains)', async () => {
        const element = mount({ left: internalAllowed() });
        await flushPromises();
        const handler = jest.fn();
        element.addEventListener('compareuserchange', handler);
        one(element, 'compare-picker')?.dispatchEvent(new CustomEvent('change', { detail: { recordId: '005X' } }));
        expect((handler.mock.calls[0][0] as CustomEvent).detail).toEqual({ recordId: '005X' });
    });

    it('shows loading, errors and the same-user note', async () => {
        const element = mount({ left: internalAllowed(), compareUserId: '005X', loading: true });
        await flushPromises();
        expect(one(element, 'compare-loading')).not.toBeNull();
        expect(one(element, 'compare-empty')).toBeNull();
        Object.assign(element, { loading: false, errors: new Error('Evidence for this user could not be read.'), sameUser: true });
        await flushPromises();
        expect(one(element, 'compare-errors')?.shadowRoot?.textContent).toContain('Evidence for this user could not be read.');
        expect(one(element, 'compare-same')?.textContent).toBe(label('AXR_CompareSameUser'));
        await expect(element).toBeAccessible();
    });

    it('both verdicts in equal columns, the operations that differ, and only the differing layer by default', async () => {
        const element = mount(pair());
        await flushPromises();
        expect(one(element, 'compare-left-verdict')?.textContent).toBe(fill(label('AXR_VerdictAllowed'), 'Ana Agent', 'read', 'case 00001001'));
        expect(one(element, 'compare-right-verdict')?.textContent).toBe(fill(label('AXR_VerdictDenied'), 'Pat Partner', 'read', 'case 00001001'));
        expect(one(element, 'compare-verdicts')?.className).toContain('compare__columns');
        expect(one(element, 'compare-summary')?.textContent).toBe(fill(label('AXR_CompareSummary'), '2', '1'));
        const ops = all(element, 'compare-operation');
        expect(ops.map((r) => r.dataset.operation)).toEqual(['read', 'edit', 'delete', 'transfer', 'share']);
        expect(ops.filter((r) => r.querySelector('[data-id="differs-badge"]')).map((r) => r.dataset.operation)).toEqual(['read', 'edit']);
        const rows = all(element, 'compare-row');
        expect(rows.map((r) => r.dataset.layer)).toEqual(['sharingRules']);
        expect(rows[0]?.querySelector('[data-id="compare-a-state"]')?.textContent).toBe(fill(label('AXR_StateGives'), 'Read, Edit'));
        expect(rows[0]?.querySelector('[data-id="compare-b-state"]')?.textContent).toBe(label('AXR_StateNothing'));
        await expect(element).toBeAccessible();
    });

    it('"Show every layer" lists all twelve, the differing one still marked', async () => {
        const element = mount(pair());
        await flushPromises();
        const toggle = one(element, 'show-all-layers') as HTMLElement;
        toggle.dispatchEvent(new CustomEvent('change', { detail: { checked: true } }));
        await flushPromises();
        const rows = all(element, 'compare-row');
        expect(rows).toHaveLength(12);
        expect(rows.filter((r) => r.className.includes('compare__row_differs')).map((r) => r.dataset.layer)).toEqual(['sharingRules']);
    });

    it('two users with the same result: says so and lists every layer', async () => {
        const a = internalAllowed();
        const b = { ...internalAllowed(), userId: '005000000000OTHAAA', userName: 'Ben Agent' };
        const element = mount({ left: a, right: b, comparison: comparisonOf(a, b) });
        await flushPromises();
        expect(one(element, 'compare-summary')?.textContent).toBe(label('AXR_CompareNoDifferences'));
        expect(one(element, 'show-all-layers')).toBeNull();
        expect(all(element, 'compare-row')).toHaveLength(12);
    });

    it('compact (sidebar, phone): lists instead of tables', async () => {
        const element = mount({ ...pair(), compact: true });
        await flushPromises();
        expect(one(element, 'compare-table')).toBeNull();
        expect(element.shadowRoot?.querySelector('table')).toBeNull();
        expect(one(element, 'compare-layers')?.tagName).toBe('UL');
        expect(all(element, 'compare-row')[0]?.textContent).toContain('Ana Agent');
        await expect(element).toBeAccessible();
    });
});
