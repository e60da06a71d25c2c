/**
 * The gates past record access: field-level security per field (read / edit, and which
 * permission sets or profile grant it), whether the field is on the user's page layout, the
 * record type note and the layout note, plus the evidence that was missing for them. A table on
 * wide layouts; a list when compact (sidebar, phone), where a six-column table can't fit.
 */
import { LightningElement, api } from 'lwc';
import type { Gates } from 'c/accessXrayEngine';
import { LABELS, format } from 'c/accessXrayLabels';

function yesNo(value: boolean | undefined | null): string {
    if (value === true) {
        return LABELS.yes;
    }
    return value === false ? LABELS.no : LABELS.unknown;
}

export default class AccessXrayFieldGates extends LightningElement {
    @api gates: Gates | undefined;
    /** A list instead of the table (sidebar, phone). */
    @api compact = false;

    labels = LABELS;

    get hasFields(): boolean {
        return (this.gates?.fields?.length ?? 0) > 0;
    }

    get fieldRows(): {
        key: string;
        label: string;
        apiName: string;
        read: string;
        readIcon: string;
        readVariant: string;
        edit: string;
        editIcon: string;
        editVariant: string;
        via: string;
        onLayout: string;
        note: string;
    }[] {
        return (this.gates?.fields ?? []).map((f) => {
            const via = [...new Set([...(f.editable ? f.editVia : []), ...(f.readable ? f.readVia : [])])];
            return {
                key: f.field,
                label: f.label ?? f.field,
                apiName: f.field,
                read: yesNo(f.readable),
                readIcon: f.readable ? 'utility:check' : 'utility:close',
                readVariant: f.readable ? 'success' : 'error',
                edit: yesNo(f.editable),
                editIcon: f.editable ? 'utility:check' : 'utility:close',
                editVariant: f.editable ? 'success' : 'error',
                via: via.join(', '),
                onLayout: yesNo(f.onLayout),
                note: f.note ?? ''
            };
        });
    }

    /** Record type and layout side by side on wide layouts, stacked when compact. */
    get columnClass(): string {
        return this.compact ? 'slds-col slds-size_1-of-1' : 'slds-col slds-size_1-of-1 slds-medium-size_1-of-2';
    }

    get recordType(): { name: string; availability: string; reason: string } | undefined {
        const rt = this.gates?.recordType;
        if (!rt) {
            return undefined;
        }
        let availability = LABELS.unknown;
        if (rt.available === true) {
            availability = LABELS.recordTypeAvailable;
        } else if (rt.available === false) {
            availability = LABELS.recordTypeNotAvailable;
        }
        return { name: rt.name ?? rt.recordTypeId, availability, reason: rt.reason };
    }

    get layout(): { name: string; reason: string; missing: string | undefined } | undefined {
        const layout = this.gates?.layout;
        if (!layout) {
            return undefined;
        }
        const missing = layout.missingFields?.length
            ? format(LABELS.layoutMissingFields, layout.missingFields.join(', '))
            : undefined;
        return { name: layout.name, reason: layout.reason, missing };
    }

    get uncertainties(): { key: string; text: string }[] {
        return (this.gates?.uncertain ?? []).map((text, index) => ({ key: `${index}`, text }));
    }

    get hasUncertainties(): boolean {
        return this.uncertainties.length > 0;
    }
}
