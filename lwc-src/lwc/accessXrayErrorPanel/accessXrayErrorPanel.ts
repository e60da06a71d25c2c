/**
 * Shows errors as readable text (through the shared `reduceErrors` helper), in an SLDS alert
 * announced to assistive technology. Fires `retry` when the reader asks to try again.
 */
import { LightningElement, api } from 'lwc';
import { reduceErrors } from 'c/accessXrayErrors';
import { LABELS } from 'c/accessXrayLabels';

export default class AccessXrayErrorPanel extends LightningElement {
    /** Anything thrown or rejected (Apex error, Error, string, or a list of them). */
    @api errors: unknown;
    /** Heading; defaults to the generic "could not explain" label. */
    @api heading: string | undefined;
    /** Show a "Try again" button that fires `retry`. */
    @api showRetry = false;

    labels = LABELS;

    get messages(): { key: string; text: string }[] {
        return reduceErrors(this.errors).map((text, index) => ({ key: `${index}`, text }));
    }

    get hasMessages(): boolean {
        return this.messages.length > 0;
    }

    get headingText(): string {
        return this.heading ?? LABELS.errorTitle;
    }

    handleRetry(): void {
        this.dispatchEvent(new CustomEvent('retry'));
    }
}
