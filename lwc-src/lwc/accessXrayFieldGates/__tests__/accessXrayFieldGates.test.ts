// Field gates past record access: FLS, record type and page layout (seed 001 "After Record
// Access": field-level security, record types and page layouts still gate what the user sees).
import { fill, flushPromises, label, resetDom } from '../../accessXray/__tests__/axrTestSupport';
import { createElement } from 'lwc';
import AccessXrayFieldGates from 'c/accessXrayFieldGates';
import type { Gates } from 'c/accessXrayEngine';
import { partnerDenied } from '../../accessXray/__tests__/axrFixtures';

function mount(gates: Gates | undefined, compact = false): HTMLElement {
    const element = createElement('c-access-xray-field-gates', { is: AccessXrayFieldGates });
    Object.assign(element, { gates, compact });
    document.body.appendChild(element);
    return element;
}

describe('c-access-xray-field-gates', () => {
    afterEach(resetDom);

    it('shows empty notes when no gate evidence was collected', async () => {
        const element = mount({ fields: [], layout: null });
        await flushPromises();
        const root = element.shadowRoot as ShadowRoot;
        expect(root.querySelector('[data-id="fields-empty"]')?.textContent).toBe(label('AXR_FieldsEmpty'));
        expect(root.querySelector('[data-id="record-type-none"]')?.textContent).toBe(label('AXR_RecordTypeNone'));
        expect(root.querySelector('[data-id="layout-none"]')?.textContent).toBe(label('AXR_LayoutNone'));
        await expect(element).toBeAccessible();
    });

    it('tabulates read/edit per field with who grants it, and the layout and record type notes', async () => {
        const element = mount(partnerDenied().gates);
        await flushPromises();
        const root = element.shadowRoot as ShadowRoot;
        const rows = Array.from(root.querySelectorAll<HTMLElement>('[data-id="field-row"]'));
        expect(rows.map((r) => r.dataset.field)).toEqual(['Subject', 'Internal_Notes__c']);
        const [subject, notes] = rows as [HTMLElement, HTMLElement];
        expect(subject.querySelector('[data-id="field-read"]')?.textContent).toBe(label('AXR_Yes'));
        expect(subject.querySelector('[data-id="field-edit"]')?.textContent).toBe(label('AXR_Yes'));
        expect(subject.textContent).toContain('Partner Community User');
        expect(notes.querySelector('[data-id="field-read"]')?.textContent).toBe(label('AXR_No'));
        expect(notes.textContent).toContain('No field permission grants Read.');
        expect(root.querySelector('[data-id="record-type"]')?.textContent).toContain(label('AXR_RecordTypeAvailable'));
        expect(root.querySelector('[data-id="layout"]')?.textContent).toContain('Case (Partner) Layout');
        expect(root.querySelector('[data-id="layout-missing"]')?.textContent).toBe(
            fill(label('AXR_LayoutMissingFields'), 'Internal_Notes__c')
        );
        await expect(element).toBeAccessible();
    });

    it('lists missing gate evidence and an unknown record-type availability', async () => {
        const element = mount({
            fields: [],
            recordType: {
                recordTypeId: '012000000000009AAA',
                available: null,
                reason: 'Record type visibility was not collected.'
            },
            uncertain: ['FieldPermissions for Case were not collected.']
        });
        await flushPromises();
        const root = element.shadowRoot as ShadowRoot;
        expect(root.querySelector('[data-id="record-type"]')?.textContent).toContain(
            `012000000000009AAA — ${label('AXR_Unknown')}`
        );
        expect(root.querySelector('[data-id="gates-uncertain"]')?.textContent).toContain(
            'FieldPermissions for Case were not collected.'
        );
        await expect(element).toBeAccessible();
    });

    it('compact (sidebar, phone): fields become a list, record type and layout stack', async () => {
        const element = mount(partnerDenied().gates, true);
        await flushPromises();
        const root = element.shadowRoot as ShadowRoot;
        expect(root.querySelector('table')).toBeNull();
        const rows = Array.from(root.querySelectorAll<HTMLElement>('[data-id="field-row"]'));
        expect(rows.map((r) => r.dataset.field)).toEqual(['Subject', 'Internal_Notes__c']);
        expect(rows[1]?.querySelector('[data-id="field-read"]')?.textContent).toBe(label('AXR_No'));
        expect(rows[1]?.textContent).toContain('No field permission grants Read.');
        expect(root.querySelector('.slds-medium-size_1-of-2')).toBeNull();
        await expect(element).toBeAccessible();
    });
});
