// Layer list: every layer in the engine's order (seed 001, "the 10 layers", plus Experience
// Cloud and restriction rules — access-semantics.md §12–13), status badges, blocking highlight,
// expandable evidence with aria-expanded / aria-controls, keyboard-operable native buttons.
import { flushPromises, label, resetDom } from '../../accessXray/__tests__/axrTestSupport';
import { createElement } from 'lwc';
import AccessXrayLayerList from 'c/accessXrayLayerList';
import type { LayerResult } from 'c/accessXrayEngine';
import { partnerDenied, restrictedMismatch } from '../../accessXray/__tests__/axrFixtures';

function mount(
    layers: LayerResult[] | undefined,
    blockingLayer?: string
): HTMLElement & { expandLayer(id: string): void } {
    const element = createElement('c-access-xray-layer-list', { is: AccessXrayLayerList });
    Object.assign(element, { layers, blockingLayer });
    document.body.appendChild(element);
    return element as HTMLElement & { expandLayer(id: string): void };
}

function items(element: HTMLElement): HTMLElement[] {
    return Array.from(element.shadowRoot?.querySelectorAll<HTMLElement>('[data-id="layer"]') ?? []);
}

describe('c-access-xray-layer-list', () => {
    afterEach(resetDom);

    it('renders an empty list accessibly when there are no layers', async () => {
        const element = mount([]);
        await flushPromises();
        expect(items(element)).toHaveLength(0);
        await expect(element).toBeAccessible();
    });

    it('lists all twelve layers in the given order with status badges (seed 001 layer order)', async () => {
        const e = partnerDenied();
        const element = mount(e.layers, 'orgWideDefaults');
        await flushPromises();
        const rows = items(element);
        expect(rows.map((r) => r.dataset.layerId)).toEqual(e.layers.map((l) => l.id));
        const badges = rows.map((r) => r.querySelector('[data-id="status-badge"]')?.textContent);
        expect(badges[0]).toBe(label('AXR_StatusGrants'));
        expect(badges[1]).toBe(label('AXR_StatusNeutral'));
        expect(badges[5]).toBe(label('AXR_StatusNotApplicable'));
        expect(rows[0]?.querySelector('[data-id="layer-reason"]')?.textContent).toBe(
            'Profile Partner Community User grants Read, Create, Edit on Case.'
        );
        await expect(element).toBeAccessible();
    });

    it('highlights and badges only the blocking layer', async () => {
        const e = restrictedMismatch();
        const element = mount(e.layers, 'restrictionRules');
        await flushPromises();
        const blocking = items(element).filter((r) => r.querySelector('[data-id="blocking-badge"]'));
        expect(blocking.map((r) => r.dataset.layerId)).toEqual(['restrictionRules']);
        expect(blocking[0]?.className).toContain('layer_blocking');
        expect(blocking[0]?.querySelector('[data-id="status-badge"]')?.textContent).toBe(label('AXR_StatusBlocks'));
        await expect(element).toBeAccessible();
    });

    it('expands a layer on click: aria-expanded flips and next steps and evidence show', async () => {
        const e = partnerDenied();
        const element = mount(e.layers, 'orgWideDefaults');
        await flushPromises();
        const owd = items(element)[1] as HTMLElement;
        const button = owd.querySelector('button') as HTMLButtonElement;
        const body = owd.querySelector('[data-id="layer-body"]') as HTMLElement;
        expect(button.getAttribute('aria-expanded')).toBe('false');
        expect(body.hidden).toBe(true);
        expect(button.getAttribute('aria-controls')).toBe(body.id);

        const toggled = jest.fn();
        element.addEventListener('togglelayer', toggled);
        button.click();
        await flushPromises();
        expect(button.getAttribute('aria-expanded')).toBe('true');
        expect(body.hidden).toBe(false);
        expect(body.querySelector('[data-id="next-steps"]')?.textContent).toContain(
            'Share case 00001001 with Pat Partner (Read).'
        );
        expect(body.querySelector('[data-id="next-steps"]')?.textContent).toContain('Affects this record only.');
        expect(body.querySelector('[data-id="evidence"]')?.textContent).toContain('EntityDefinition:Case');
        expect((toggled.mock.calls[0][0] as CustomEvent).detail).toEqual({
            layerId: 'orgWideDefaults',
            expanded: true
        });
        await expect(element).toBeAccessible();

        button.click();
        await flushPromises();
        expect(button.getAttribute('aria-expanded')).toBe('false');
        expect(body.hidden).toBe(true);
    });

    it('lists what the layer allows, or "nothing"', async () => {
        const e = partnerDenied();
        const element = mount(e.layers);
        await flushPromises();
        const [objectPerms, owd] = items(element) as [HTMLElement, HTMLElement];
        (objectPerms.querySelector('button') as HTMLButtonElement).click();
        (owd.querySelector('button') as HTMLButtonElement).click();
        await flushPromises();
        expect(objectPerms.querySelector('[data-id="layer-body"]')?.textContent).toContain('Read, Edit, Delete');
        expect(owd.querySelector('[data-id="layer-body"]')?.textContent).toContain(label('AXR_LayerAccessNone'));
        const ownership = items(element)[2] as HTMLElement;
        (ownership.querySelector('button') as HTMLButtonElement).click();
        await flushPromises();
        expect(ownership.querySelector('[data-id="layer-body"]')?.textContent).toContain('Case:500000000000001AAA');
    });

    it('expandLayer() opens the layer and moves focus to its toggle (keyboard users land on it)', async () => {
        const e = partnerDenied();
        const element = mount(e.layers, 'orgWideDefaults');
        await flushPromises();
        element.expandLayer('orgWideDefaults');
        await flushPromises();
        const owd = items(element)[1] as HTMLElement;
        const button = owd.querySelector('button') as HTMLButtonElement;
        expect(button.getAttribute('aria-expanded')).toBe('true');
        expect(element.shadowRoot?.activeElement).toBe(button);
    });
});
