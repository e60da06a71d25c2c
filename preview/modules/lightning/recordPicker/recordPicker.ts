/**
 * PREVIEW-ONLY substitute for `lightning-record-picker`, which the npm
 * `lightning-base-components` package does not contain (it needs the org's UI API). It offers
 * the same public properties the panel sets (label, placeholder, objectApiName, filter, value,
 * displayInfo, matchingInfo) and fires the same `change` event (`detail.recordId`), searching
 * the demo org's users through the preview data adapter. Only `User` is supported.
 * TypeScript (transpiled by preview/build.mjs) so the LWC decorators lint with typescript-eslint.
 */
import { LightningElement, api } from 'lwc';
import { searchUsers } from 'c/accessXrayDataAdapter';

export default class RecordPicker extends LightningElement {
    @api label: string | undefined;
    @api placeholder: string | undefined;
    @api objectApiName: string | undefined;
    @api filter: unknown;
    @api displayInfo: unknown;
    @api matchingInfo: unknown;
    @api disabled = false;
    @api variant: string | undefined;

    options: { label: string; value: string }[] = [];
    selected = '';

    @api
    get value(): string {
        return this.selected;
    }
    set value(v: string | null | undefined) {
        this.selected = v ?? '';
    }

    @api clearSelection(): void {
        this.selected = '';
    }

    @api checkValidity(): boolean {
        return true;
    }

    @api reportValidity(): boolean {
        return true;
    }

    override connectedCallback(): void {
        if (this.objectApiName !== 'User') {
            this.options = [];
            return;
        }
        const activeOnly = JSON.stringify(this.filter ?? {}).includes('IsActive');
        searchUsers('', activeOnly).then(
            (users: { id: string; name: string; profileName: string | null; userType: string }[]) => {
                this.options = [
                    { label: '—', value: '' },
                    ...users.map((u) => ({ label: `${u.name} · ${u.profileName ?? u.userType}`, value: u.id }))
                ];
            }
        );
    }

    handleChange(event: CustomEvent<{ value: string }>): void {
        // lightning-combobox's own change event is composed: stop it so the panel only sees
        // the record picker's event (detail.recordId), as with the real component.
        event.stopPropagation();
        this.selected = event.detail.value;
        this.dispatchEvent(new CustomEvent('change', { detail: { recordId: this.selected || null } }));
    }
}
