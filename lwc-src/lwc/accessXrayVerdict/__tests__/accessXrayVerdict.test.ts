// Verdict header: one sentence per operation, the blocking layer, reconciliation and uncertainty.
// Fixtures: seed 000 (partner user, external OWD Private), access-semantics.md §13–14 (mismatch).
import { fill, flushPromises, label, resetDom } from '../../accessXray/__tests__/axrTestSupport';
import { createElement } from 'lwc';
import AccessXrayVerdict from 'c/accessXrayVerdict';
import type { Explanation, Operation } from 'c/accessXrayEngine';
import { internalAllowed, partnerDenied, restrictedMismatch } from '../../accessXray/__tests__/axrFixtures';

function mount(explanation: Explanation | undefined, operation: Operation = 'read'): HTMLElement {
    const element = createElement('c-access-xray-verdict', { is: AccessXrayVerdict });
    Object.assign(element, { explanation, operation });
    document.body.appendChild(element);
    return element;
}

function text(element: HTMLElement, id: string): string | undefined {
    return element.shadowRoot?.querySelector(`[data-id="${id}"]`)?.textContent?.trim();
}

describe('c-access-xray-verdict', () => {
    afterEach(resetDom);

    it('renders nothing without an explanation (empty state is the parent’s)', async () => {
        const element = mount(undefined);
        await flushPromises();
        expect(element.shadowRoot?.querySelector('[data-id="verdict"]')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('says the partner user cannot read and names the blocking layer and the fix (seed 000 steps 1–2)', async () => {
        const element = mount(partnerDenied());
        await flushPromises();
        expect(text(element, 'verdict-sentence')).toBe(
            fill(label('AXR_VerdictDenied'), 'Pat Partner', 'read', 'case 00001001')
        );
        expect(text(element, 'verdict-blocked')).toBe(
            fill(
                label('AXR_VerdictBlockedAt'),
                'Org-wide defaults',
                'Case is Private for external users and nothing shares case 00001001 with Pat Partner.'
            )
        );
        expect(text(element, 'verdict-fix')).toBe(
            fill(label('AXR_VerdictCheapestFix'), 'Share case 00001001 with Pat Partner (Read).')
        );
        expect(text(element, 'verdict-max')).toBe(fill(label('AXR_VerdictMaxAccess'), 'None'));
        expect(element.shadowRoot?.querySelector('[data-id="verdict-summary"]')).toBeNull();
        expect(element.shadowRoot?.querySelector('[data-id="mismatch-banner"]')).toBeNull();
        expect(text(element, 'reconciliation-note')).toBe(fill(label('AXR_ReconcileAgrees'), 'None'));
        await expect(element).toBeAccessible();
    });

    it('switches the sentence with the operation: Ana can read but not delete (seed 001 layer 5)', async () => {
        const element = mount(internalAllowed(), 'read');
        await flushPromises();
        expect(text(element, 'verdict-sentence')).toBe(
            fill(label('AXR_VerdictAllowed'), 'Ana Agent', 'read', 'case 00001001')
        );
        expect(element.shadowRoot?.querySelector('[data-id="verdict-blocked"]')).toBeNull();
        expect(element.shadowRoot?.querySelector('[data-id="show-blocking"]')).toBeNull();
        expect(text(element, 'verdict-summary')).toBe(
            'Ana Agent can read and edit case 00001001 through sharing rule EMEA Cases.'
        );

        Object.assign(element, { operation: 'delete' });
        await flushPromises();
        expect(text(element, 'verdict-sentence')).toBe(
            fill(label('AXR_VerdictDenied'), 'Ana Agent', 'delete', 'case 00001001')
        );
        expect(text(element, 'verdict-blocked')).toContain('Object permissions');
        await expect(element).toBeAccessible();
    });

    it('fires showlayer with the blocking layer when asked', async () => {
        const element = mount(partnerDenied());
        await flushPromises();
        const handler = jest.fn();
        element.addEventListener('showlayer', handler);
        const button = element.shadowRoot?.querySelector('[data-id="show-blocking"]') as HTMLElement;
        expect(button).not.toBeNull();
        button.click();
        expect(handler).toHaveBeenCalledTimes(1);
        expect((handler.mock.calls[0][0] as CustomEvent).detail).toEqual({ layerId: 'orgWideDefaults' });
    });

    it('shows the reconciliation banner when UserRecordAccess disagrees, and the uncertainty banner (access-semantics §13–14)', async () => {
        const element = mount(restrictedMismatch());
        await flushPromises();
        expect(element.shadowRoot?.querySelector('[data-id="mismatch-banner"]')?.getAttribute('role')).toBe('alert');
        expect(text(element, 'mismatch-body')).toBe(fill(label('AXR_MismatchBody'), 'Edit', 'None'));
        expect(text(element, 'mismatch-explanation')).toBe(
            'UserRecordAccess ignores restriction rules; rule EMEA only blocks Read.'
        );
        expect(element.shadowRoot?.querySelector('[data-id="reconciliation-note"]')).toBeNull();
        expect(text(element, 'uncertainty')).toBe(
            'Restriction rule criteria use $User.Department, which the snapshot did not include.'
        );
        expect(text(element, 'verdict-blocked')).toContain('Restriction rules');
        await expect(element).toBeAccessible();
    });

    it('says the verdict was not cross-checked when UserRecordAccess is unavailable', async () => {
        const e = partnerDenied();
        e.reconciliation = { status: 'unavailable', computed: e.reconciliation.computed, explanations: [] };
        const element = mount(e);
        await flushPromises();
        expect(text(element, 'reconciliation-note')).toBe(label('AXR_ReconcileUnavailable'));
        await expect(element).toBeAccessible();
    });
});
