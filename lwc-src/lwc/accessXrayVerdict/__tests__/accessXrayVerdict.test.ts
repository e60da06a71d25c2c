// The answer first: the verdict line with the object, the deciding reason (near miss first), the
// smallest fix with its side effect, a link to where it is done and a what-if preview; the
// reconciliation with UserRecordAccess as an explanation or a warning with what to do.
// Fixtures: seed 000 (partner user, external OWD Private), access-semantics.md §13–14 (restriction
// rules and UserRecordAccess), a near miss (Help "Controlling Access Using Hierarchies").
import { fill, flushPromises, label, resetDom } from '../../accessXray/__tests__/axrTestSupport';
import { createElement } from 'lwc';
import AccessXrayVerdict from 'c/accessXrayVerdict';
import type { Explanation, Operation } from 'c/accessXrayEngine';
import type { LinkMap } from 'c/accessXrayLinks';
import {
    internalAllowed,
    nearMissDenied,
    partnerDenied,
    realMismatch,
    restrictedMismatch
} from '../../accessXray/__tests__/axrFixtures';

const RECORD_LINK: LinkMap = {
    'fix:read': {
        text: 'Open Case 00001001 and use Sharing',
        pageReference: { type: 'standard__recordPage', attributes: { recordId: '500000000000001AAA', objectApiName: 'Case', actionName: 'view' } }
    }
};

function mount(explanation: Explanation | undefined, props: Record<string, unknown> = {}, operation: Operation = 'read'): HTMLElement {
    const element = createElement('c-access-xray-verdict', { is: AccessXrayVerdict });
    Object.assign(element, { explanation, operation, objectLabel: 'Case', ...props });
    document.body.appendChild(element);
    return element;
}

function q(element: HTMLElement, id: string): HTMLElement | null {
    return element.shadowRoot?.querySelector<HTMLElement>(`[data-id="${id}"]`) ?? null;
}

function text(element: HTMLElement, id: string): string | undefined {
    return q(element, id)?.textContent?.replace(/\s+/g, ' ').trim();
}

describe('c-access-xray-verdict', () => {
    afterEach(resetDom);

    it('renders nothing without an explanation (empty state is the parent’s)', async () => {
        const element = mount(undefined);
        await flushPromises();
        expect(q(element, 'verdict')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('leads with the answer: the sentence, the deciding reason, the smallest fix, its side effect and a link (seed 000 steps 1–2)', async () => {
        const element = mount(partnerDenied(), { links: RECORD_LINK, canPreviewFix: true });
        await flushPromises();
        expect(text(element, 'verdict-sentence')).toBe(fill(label('AXR_VerdictDenied'), 'Pat Partner', 'read', 'case 00001001'));
        expect(text(element, 'verdict-lead')).toBe(
            fill(label('AXR_LeadBlocked'), 'Case is Private for external users and nothing shares case 00001001 with Pat Partner.')
        );
        expect(text(element, 'verdict-fix-action')).toBe('Share case 00001001 with Pat Partner (Read).');
        const link = q(element, 'fix-link') as HTMLElement & { label: string; pageReference: unknown };
        expect(link.label).toBe('Open Case 00001001 and use Sharing');
        expect(link.pageReference).toEqual(RECORD_LINK['fix:read']?.pageReference);
        expect(q(element, 'fix-what-if')).not.toBeNull();
        expect(text(element, 'verdict-max')).toBe(fill(label('AXR_VerdictMaxAccess'), 'None'));
        expect(text(element, 'reconciliation-note')).toBe(fill(label('AXR_ReconcileAgrees'), 'None'));
        expect(q(element, 'mismatch-banner')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('shows the fix’s side effect when the engine names one', async () => {
        const e = partnerDenied();
        e.whyNot[0]!.cheapestFix = { ...e.whyNot[0]!.cheapestFix!, blastRadius: 'Affects this record only.' };
        const element = mount(e);
        await flushPromises();
        expect(text(element, 'verdict-blast')).toBe(fill(label('AXR_BlastRadius'), 'Affects this record only.'));
        expect(q(element, 'fix-what-if')).toBeNull();
        expect(q(element, 'fix-link')).toBeNull();
    });

    it('the verdict icon is decorative: the sentence already says allowed or not', async () => {
        const element = mount(partnerDenied());
        await flushPromises();
        const icon = q(element, 'verdict-icon') as HTMLElement & { alternativeText?: string };
        expect(icon.alternativeText).toBeFalsy();
    });

    it('the near miss leads, the smallest fix is offered, and its source sits under "Sources", not in the text', async () => {
        const element = mount(nearMissDenied(), { objectLabel: 'Compensation Plan' });
        await flushPromises();
        expect(text(element, 'verdict-sentence')).toBe(
            fill(label('AXR_VerdictDenied'), 'Emma Eriksen', 'read', 'Compensation Plan CP-0001')
        );
        expect(q(element, 'verdict-lead')?.dataset.nearMiss).toBe('true');
        expect(text(element, 'verdict-lead')).toContain('Grant Access Using Hierarchies is off for Compensation Plan');
        // The smallest change that opens the record (the why-not's cheapest fix) leads, not the org-wide setting.
        expect(text(element, 'verdict-fix-action')).toBe('Share CP-0001 with Emma Eriksen (Read).');
        const sources = q(element, 'verdict-sources') as HTMLDetailsElement;
        expect(sources.open).toBe(false);
        expect(sources.querySelector('summary')?.textContent).toBe(label('AXR_Sources'));
        expect(sources.textContent).toContain('Help: Controlling Access Using Hierarchies');
        expect(text(element, 'verdict-lead')).not.toContain('Help:');
        expect(text(element, 'reconciliation-note')).toBe(label('AXR_ReconcileUnavailable'));
        await expect(element).toBeAccessible();
    });

    it('an allowed verdict names the reason that decides and offers no fix; switching the operation re-targets it', async () => {
        const element = mount(internalAllowed());
        await flushPromises();
        expect(text(element, 'verdict-sentence')).toBe(fill(label('AXR_VerdictAllowed'), 'Ana Agent', 'read', 'case 00001001'));
        expect(text(element, 'verdict-lead')).toContain('Ana Agent → role EMEA Support → rule EMEA Cases');
        expect(q(element, 'verdict-fix')).toBeNull();
        Object.assign(element, { operation: 'delete' });
        await flushPromises();
        expect(text(element, 'verdict-sentence')).toBe(fill(label('AXR_VerdictDenied'), 'Ana Agent', 'delete', 'case 00001001'));
        expect(text(element, 'verdict-lead')).toContain('Delete on a record needs the owner');
        await expect(element).toBeAccessible();
    });

    it('"Show …" opens the layer the verdict points at; "What if?" asks to preview the fix', async () => {
        const element = mount(partnerDenied(), { canPreviewFix: true });
        await flushPromises();
        const showLayer = jest.fn();
        const whatIf = jest.fn();
        element.addEventListener('showlayer', showLayer);
        element.addEventListener('whatif', whatIf);
        const button = q(element, 'show-layer') as HTMLElement & { label: string };
        expect(button.label).toBe(fill(label('AXR_ShowLayer'), 'Org-wide defaults'));
        button.click();
        expect((showLayer.mock.calls[0][0] as CustomEvent).detail).toEqual({ layerId: 'orgWideDefaults' });
        (q(element, 'fix-what-if') as HTMLElement).click();
        expect(whatIf).toHaveBeenCalledTimes(1);
    });

    it('reconciliation explained, in the card’s own style: UserRecordAccess ignores restriction rules (access-semantics §13–14)', async () => {
        const element = mount(restrictedMismatch());
        await flushPromises();
        const note = q(element, 'reconciliation-explained');
        expect(note).not.toBeNull();
        expect(note?.getAttribute('role')).toBeNull();
        expect(note?.textContent).toContain(fill(label('AXR_ReconcileExplainedTitle'), 'Edit'));
        expect(text(element, 'reconciliation-explanation')).toBe('UserRecordAccess ignores restriction rules; rule EMEA only blocks Read.');
        expect(q(element, 'mismatch-banner')).toBeNull();
        // The evidence gap is still shown as uncertainty.
        expect(text(element, 'uncertainty')).toBe('Restriction rule criteria use $User.Department, which the snapshot did not include.');
        await expect(element).toBeAccessible();
    });

    it('a real disagreement stays a warning that says what to do, with "Collect again"', async () => {
        const element = mount(realMismatch());
        await flushPromises();
        expect(text(element, 'mismatch-body')).toBe(fill(label('AXR_MismatchBody'), 'Read', 'None'));
        expect(text(element, 'mismatch-action')).toBe(label('AXR_MismatchAction'));
        expect(q(element, 'reconciliation-explained')).toBeNull();
        const retry = jest.fn();
        element.addEventListener('retry', retry);
        (q(element, 'mismatch-retry') as HTMLElement).click();
        expect(retry).toHaveBeenCalledTimes(1);
        await expect(element).toBeAccessible();
    });
});
