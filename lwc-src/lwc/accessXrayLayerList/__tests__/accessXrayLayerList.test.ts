// The layer strip: every layer in the engine's order (seed 001, "the 10 layers", plus Experience
// Cloud and restriction rules — access-semantics.md §12–13), one line each with its state in
// plain words; layers that grant, block, are uncertain or hold the near miss start open; native
// toggle buttons with aria-expanded / aria-controls; next steps and evidence link to Salesforce.
import { fill, flushPromises, label, resetDom } from '../../accessXray/__tests__/axrTestSupport';
import { createElement } from 'lwc';
import AccessXrayLayerList from 'c/accessXrayLayerList';
import type { LayerResult } from 'c/accessXrayEngine';
import type { LinkMap } from 'c/accessXrayLinks';
import { internalAllowed, nearMissDenied, partnerDenied, restrictedMismatch } from '../../accessXray/__tests__/axrFixtures';

type LayerListElement = HTMLElement & { expandLayer(id: string): void };

function mount(layers: LayerResult[] | undefined, props: Record<string, unknown> = {}): LayerListElement {
    const element = createElement('c-access-xray-layer-list', { is: AccessXrayLayerList });
    Object.assign(element, { layers, ...props });
    document.body.appendChild(element);
    return element as LayerListElement;
}

function items(element: HTMLElement): HTMLElement[] {
    return Array.from(element.shadowRoot?.querySelectorAll<HTMLElement>('[data-id="layer"]') ?? []);
}

function item(element: HTMLElement, id: string): HTMLElement {
    const found = items(element).find((r) => r.dataset.layerId === id);
    if (!found) throw new Error(`no layer ${id}`);
    return found;
}

const state = (row: HTMLElement) => row.querySelector('[data-id="layer-state"]')?.textContent;
const open = (row: HTMLElement) => row.querySelector('button')?.getAttribute('aria-expanded') === 'true';

describe('c-access-xray-layer-list', () => {
    afterEach(resetDom);

    it('renders an empty list accessibly when there are no layers', async () => {
        const element = mount([]);
        await flushPromises();
        expect(items(element)).toHaveLength(0);
        await expect(element).toBeAccessible();
    });

    it('lists the twelve layers in order, each with its state in plain words (no enum names)', async () => {
        const e = internalAllowed();
        const element = mount(e.layers);
        await flushPromises();
        const rows = items(element);
        expect(rows.map((r) => r.dataset.layerId)).toEqual(e.layers.map((l) => l.id));
        expect(state(item(element, 'objectPermissions'))).toBe(fill(label('AXR_StateAllows'), 'Read, Edit, Delete'));
        expect(state(item(element, 'sharingRules'))).toBe(fill(label('AXR_StateGives'), 'Read, Edit'));
        expect(state(item(element, 'orgWideDefaults'))).toBe(label('AXR_StateNothing'));
        expect(state(item(element, 'territories'))).toBe(label('AXR_StateNotApplicable'));
        expect(rows.map(state).join(' ')).not.toMatch(/neutral|notApplicable|Blocking/);
        await expect(element).toBeAccessible();
    });

    it('opens only the layers that grant, block, are uncertain or hold the near miss; the rest are one line', async () => {
        const element = mount(restrictedMismatch().layers);
        await flushPromises();
        const opened = items(element).filter(open).map((r) => r.dataset.layerId);
        expect(opened).toEqual(['objectPermissions', 'sharingRules', 'restrictionRules']);
        expect(state(item(element, 'restrictionRules'))).toBe(label('AXR_StateBlocks'));
        expect((item(element, 'orgWideDefaults').querySelector('[data-id="layer-body"]') as HTMLElement).hidden).toBe(true);

        const nearMiss = nearMissDenied();
        Object.assign(element, { layers: nearMiss.layers, nearMissLayer: 'roleHierarchy' });
        await flushPromises();
        expect(items(element).filter(open).map((r) => r.dataset.layerId)).toEqual(['objectPermissions', 'roleHierarchy']);
        await expect(element).toBeAccessible();
    });

    it('outlines the layer the verdict points at and tells assistive technology why, without a second state', async () => {
        const element = mount(partnerDenied().layers, { decidingLayer: 'orgWideDefaults' });
        await flushPromises();
        const owd = item(element, 'orgWideDefaults');
        expect(owd.className).toContain('layer_deciding');
        expect(owd.querySelector('[data-id="deciding"]')?.textContent).toBe(label('AXR_DecidesVerdict'));
        expect(state(owd)).toBe(label('AXR_StateNothing'));
        expect(items(element).filter((r) => r.querySelector('[data-id="deciding"]'))).toHaveLength(1);
    });

    it('a click opens a layer: reason, next steps with their side effect and link, evidence as links', async () => {
        const e = partnerDenied();
        const links: LinkMap = {
            'step:orgWideDefaults:0': { text: 'Open Case 00001001 and use Sharing', pageReference: { type: 'standard__recordPage', attributes: { recordId: e.recordId, objectApiName: 'Case', actionName: 'view' } } },
            'EntityDefinition:Case': { text: 'Sharing Settings in Setup', pageReference: { type: 'standard__webPage', attributes: { url: '/lightning/setup/SecuritySharing/home' } } }
        };
        const element = mount(e.layers, { links });
        await flushPromises();
        const owd = item(element, 'orgWideDefaults');
        const button = owd.querySelector('button') as HTMLButtonElement;
        const body = owd.querySelector('[data-id="layer-body"]') as HTMLElement;
        expect(button.getAttribute('aria-controls')).toBe(body.id);
        expect(open(owd)).toBe(false);
        const toggled = jest.fn();
        element.addEventListener('togglelayer', toggled);
        button.click();
        await flushPromises();
        expect(open(owd)).toBe(true);
        expect(body.hidden).toBe(false);
        expect(body.querySelector('[data-id="layer-reason"]')?.textContent).toBe('External org-wide default for Case is Private.');
        const steps = body.querySelector('[data-id="next-steps"]') as HTMLElement;
        expect(steps.textContent).toContain('Share case 00001001 with Pat Partner (Read).');
        expect(steps.textContent).toContain(fill(label('AXR_BlastRadius'), 'Affects this record only.'));
        expect((steps.querySelector('[data-id="step-link"]') as HTMLElement & { label: string }).label).toBe('Open Case 00001001 and use Sharing');
        const evidence = body.querySelector('[data-id="evidence"]') as HTMLElement;
        expect((evidence.querySelector('[data-id="evidence-link"]') as HTMLElement & { label: string }).label).toBe('Sharing Settings in Setup');
        expect(evidence.textContent).toContain('EntityDefinition:Case');
        expect((toggled.mock.calls[0][0] as CustomEvent).detail).toEqual({ layerId: 'orgWideDefaults', expanded: true });
        await expect(element).toBeAccessible();

        button.click();
        await flushPromises();
        expect(open(owd)).toBe(false);
        expect(body.hidden).toBe(true);
    });

    it('evidence with no Salesforce page stays a plain id; sources fold under "Sources"', async () => {
        const element = mount(nearMissDenied().layers, { nearMissLayer: 'roleHierarchy' });
        await flushPromises();
        const role = item(element, 'roleHierarchy');
        expect(role.querySelector('[data-id="evidence-link"]')).toBeNull();
        expect(role.querySelector('[data-id="evidence"]')?.textContent).toContain('UserRole:00E000000000002AAA');
        const sources = role.querySelector('[data-id="layer-sources"]') as HTMLDetailsElement;
        expect(sources.querySelector('summary')?.textContent).toBe(label('AXR_Sources'));
        expect(sources.textContent).toContain('Help: Controlling Access Using Hierarchies');
        expect(sources.querySelector('a')?.getAttribute('href')).toContain('help.salesforce.com');
        await expect(element).toBeAccessible();
    });

    it('a new explanation starts from the default open layers', async () => {
        const e = partnerDenied();
        const element = mount(e.layers);
        await flushPromises();
        (item(element, 'ownership').querySelector('button') as HTMLButtonElement).click();
        await flushPromises();
        expect(open(item(element, 'ownership'))).toBe(true);
        Object.assign(element, { layers: partnerDenied().layers });
        await flushPromises();
        expect(open(item(element, 'ownership'))).toBe(false);
    });

    it('expandLayer() opens the layer and moves focus to its toggle (keyboard users land on it)', async () => {
        const element = mount(partnerDenied().layers, { decidingLayer: 'orgWideDefaults' });
        await flushPromises();
        element.expandLayer('orgWideDefaults');
        await flushPromises();
        const button = item(element, 'orgWideDefaults').querySelector('button') as HTMLButtonElement;
        expect(button.getAttribute('aria-expanded')).toBe('true');
        expect(element.shadowRoot?.activeElement).toBe(button);
    });

    it('status icons are decorative: the state words are the text', async () => {
        const element = mount(partnerDenied().layers);
        await flushPromises();
        const icons = Array.from(element.shadowRoot?.querySelectorAll<HTMLElement & { alternativeText?: string }>('lightning-icon') ?? []);
        expect(icons.length).toBeGreaterThan(0);
        expect(icons.every((i) => !i.alternativeText)).toBe(true);
    });
});
