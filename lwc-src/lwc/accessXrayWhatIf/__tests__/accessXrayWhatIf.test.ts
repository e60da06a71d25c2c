// What-if tab on the demo org with the real engine: a fix previewed from the verdict, a change
// picked by hand (search → pick → preview), a target collected with the snapshot when the
// evidence lacks it, and plain-language refusals. Only the data adapter is mocked (Apex).
import { fill, flushPromises, label, resetDom } from '../../accessXray/__tests__/axrTestSupport';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createElement } from 'lwc';
import AccessXrayWhatIf from 'c/accessXrayWhatIf';
import { collectWithTargets, searchSetupItems } from 'c/accessXrayDataAdapter';
import { explain, loadSnapshot } from 'c/accessXrayEngine';
import type { Explanation, Snapshot } from 'c/accessXrayEngine';

jest.mock('c/accessXrayDataAdapter', () => ({ collectWithTargets: jest.fn(), searchSetupItems: jest.fn() }));

const TEXT = readFileSync(join(__dirname, '..', '..', '..', '..', 'data', 'demo-org.snapshot.json'), 'utf8');
const demo = (): Snapshot => JSON.parse(TEXT) as Snapshot;
const CASE_00001001 = '500Kx0000000001IAA';
const PAT = '005Kx0000000016IAA';
const ANA = '005Kx0000000004IAA';
const EMEA_SUPPORT_QUEUE = '00GKx0000000045MAA';
const m = (fn: unknown) => fn as jest.Mock;

function mount(userId: string, props: Record<string, unknown> = {}, snapshot: Snapshot = demo()): HTMLElement {
    const explanation: Explanation = explain(loadSnapshot(snapshot), { userId, recordId: CASE_00001001 });
    const element = createElement('c-access-xray-what-if', { is: AccessXrayWhatIf });
    Object.assign(element, { explanation, snapshot, operation: 'read', objectLabel: 'Case', ...props });
    document.body.appendChild(element);
    return element;
}

const one = (element: HTMLElement, id: string): HTMLElement | null =>
    element.shadowRoot?.querySelector<HTMLElement>(`[data-id="${id}"]`) ?? null;
const text = (element: HTMLElement, id: string): string => one(element, id)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
/** Types into the what-if search box and waits for the debounce. */
async function type(element: HTMLElement, value: string): Promise<void> {
    (one(element, 'whatif-search') as HTMLElement).dispatchEvent(new CustomEvent('change', { detail: { value } }));
    await new Promise((resolve) => setTimeout(resolve, 350));
    await flushPromises();
}

beforeEach(() => {
    m(searchSetupItems).mockResolvedValue([
        { id: EMEA_SUPPORT_QUEUE, name: 'EMEA Support Queue', detail: 'EMEA_Support_Queue' },
        { id: '00GKx0000000046MAA', name: 'AMER Support Queue', detail: 'AMER_Support_Queue' }
    ]);
});

afterEach(() => {
    resetDom();
    jest.resetAllMocks();
});

describe('c-access-xray-what-if', () => {
    it('starts with the change picker and a disabled preview until something is picked', async () => {
        const element = mount(ANA);
        await flushPromises();
        expect(text(element, 'whatif-intro')).toBe(fill(label('AXR_WhatIfIntro'), 'Ana Alves'));
        expect((one(element, 'whatif-kind') as HTMLElement & { value: string }).value).toBe('permissionSet');
        expect((one(element, 'whatif-preview') as HTMLElement & { disabled: boolean }).disabled).toBe(true);
        await expect(element).toBeAccessible();
    });

    it('previews the verdict’s fix at once: a manual Read share opens case 00001001 to Pat Partner (seed 000)', async () => {
        const element = mount(PAT, { request: { kind: 'share', level: 'Read', blastRadius: 'Only this record.' } });
        await flushPromises();
        expect(text(element, 'whatif-before')).toContain(fill(label('AXR_VerdictDenied'), 'Pat Partner', 'read', 'Case 00001001'));
        expect(text(element, 'whatif-after')).toContain(fill(label('AXR_VerdictAllowed'), 'Pat Partner', 'read', 'Case 00001001'));
        expect(text(element, 'whatif-gained')).toBe(fill(label('AXR_WhatIfGains'), 'Read'));
        expect(text(element, 'whatif-layers')).toContain('Manual and Apex shares');
        expect(text(element, 'whatif-others')).toBe(label('AXR_WhatIfOnlyThisRecord'));
        const link = one(element, 'whatif-setup-link') as HTMLElement & { label: string };
        expect(link.label).toBe(fill(label('AXR_TargetShareRecord'), 'Case 00001001'));
        expect(collectWithTargets).not.toHaveBeenCalled();
        await expect(element).toBeAccessible();
    });

    it('search → pick → preview: adding Ana Alves to the EMEA Support Queue opens the queue’s cases, counted', async () => {
        const element = mount(ANA);
        await flushPromises();
        (one(element, 'whatif-kind') as HTMLElement).dispatchEvent(new CustomEvent('change', { detail: { value: 'queue' } }));
        await flushPromises();
        // The Apex search answers from two characters on (AccessXRayController.searchSetupItems): say so first.
        expect(text(element, 'whatif-type-hint')).toBe(label('AXR_WhatIfTypeMore'));
        await type(element, 'S');
        expect(searchSetupItems).not.toHaveBeenCalled();
        await type(element, 'Support');
        expect(searchSetupItems).toHaveBeenCalledWith('queue', 'Support');
        expect(one(element, 'whatif-type-hint')).toBeNull();
        const results = one(element, 'whatif-results') as HTMLElement & { options: { label: string; value: string }[] };
        expect(results.options.map((o) => o.value)).toEqual([EMEA_SUPPORT_QUEUE, '00GKx0000000046MAA']);
        results.dispatchEvent(new CustomEvent('change', { detail: { value: EMEA_SUPPORT_QUEUE } }));
        await flushPromises();
        (one(element, 'whatif-preview') as HTMLElement).click();
        await flushPromises();
        expect(text(element, 'whatif-after')).toContain(fill(label('AXR_VerdictAllowed'), 'Ana Alves', 'read', 'Case 00001001'));
        expect(text(element, 'whatif-others')).toMatch(/^Ana Alves could also open \d+ other Case record\(s\) \(\d+ checked\)\.$/);
        expect((one(element, 'whatif-setup-link') as HTMLElement & { label: string }).label).toBe(fill(label('AXR_TargetQueue'), 'EMEA Support Queue'));
    });

    it('collects a target the evidence lacks with the snapshot (collectWithTargets), then previews', async () => {
        const snapshot = demo();
        const withoutQueue = { ...snapshot, tables: { ...snapshot.tables, Group: (snapshot.tables.Group ?? []).filter((g) => g.Id !== EMEA_SUPPORT_QUEUE) } };
        m(collectWithTargets).mockResolvedValue(demo());
        const element = mount(ANA, {}, withoutQueue as Snapshot);
        await flushPromises();
        Object.assign(element, { request: { kind: 'queue', targetId: EMEA_SUPPORT_QUEUE } });
        await flushPromises();
        expect(collectWithTargets).toHaveBeenCalledWith(CASE_00001001, ANA, [EMEA_SUPPORT_QUEUE]);
        // Queue members get the owner's access; with object Read only that is Read and sharing the record
        // (UserRecordAccess HasAllAccess: "can share the record", Object Reference).
        expect(text(element, 'whatif-gained')).toBe(fill(label('AXR_WhatIfGains'), 'Read, Share'));
    });

    it('a change already in place is refused in plain words, not previewed', async () => {
        const tara = '005Kx0000000009IAA';
        const element = mount(tara, { request: { kind: 'queue', targetId: EMEA_SUPPORT_QUEUE } });
        await flushPromises();
        const errors = one(element, 'whatif-errors');
        expect(errors?.shadowRoot?.textContent).toContain('nothing would change');
        expect(errors?.shadowRoot?.querySelector('[data-id="retry"]')).toBeNull();
        expect(one(element, 'whatif-outcome')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('search failures and empty results are said plainly', async () => {
        m(searchSetupItems).mockResolvedValueOnce([]);
        const element = mount(ANA);
        await flushPromises();
        (one(element, 'whatif-kind') as HTMLElement).dispatchEvent(new CustomEvent('change', { detail: { value: 'permissionSetGroup' } }));
        await flushPromises();
        await type(element, 'Support');
        expect(text(element, 'whatif-no-results')).toBe(label('AXR_WhatIfNoResults'));
        m(searchSetupItems).mockRejectedValueOnce({ body: { message: 'You can’t see permission set groups.' } });
        (one(element, 'whatif-kind') as HTMLElement).dispatchEvent(new CustomEvent('change', { detail: { value: 'role' } }));
        await flushPromises();
        await type(element, 'VP');
        expect(one(element, 'whatif-search-errors')?.shadowRoot?.textContent).toContain('You can’t see permission set groups.');
        await expect(element).toBeAccessible();
    });

    it('the share level is chosen with Read Only / Read/Write; compact stacks the controls', async () => {
        const element = mount(PAT, { compact: true });
        await flushPromises();
        expect(one(element, 'whatif-controls')?.className).toContain('whatif__controls_stacked');
        (one(element, 'whatif-kind') as HTMLElement).dispatchEvent(new CustomEvent('change', { detail: { value: 'share' } }));
        await flushPromises();
        const level = one(element, 'whatif-level') as HTMLElement & { options: { label: string }[] };
        expect(level.options.map((o) => o.label)).toEqual([label('AXR_WhatIfLevelRead'), label('AXR_WhatIfLevelEdit')]);
        level.dispatchEvent(new CustomEvent('change', { detail: { value: 'Edit' } }));
        (one(element, 'whatif-preview') as HTMLElement).click();
        await flushPromises();
        expect(text(element, 'whatif-gained')).toBe(fill(label('AXR_WhatIfGains'), 'Read, Edit'));
    });
});
