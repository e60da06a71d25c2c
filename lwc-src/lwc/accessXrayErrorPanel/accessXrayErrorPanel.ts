/**
 * Shows errors in plain language (through the shared `describeErrors` helper): what went wrong
 * and what to do, with technical details (JSON paths, ids) folded under "Details". "Try again"
 * appears only when the caller can retry and retrying can help (a timeout, the network, a row
 * lock, stale evidence) — never for a missing permission or damaged evidence.
 */
import { LightningElement, api } from 'lwc';
import { describeErrors } from 'c/accessXrayErrors';
import { LABELS } from 'c/accessXrayLabels';

export default class AccessXrayErrorPanel extends LightningElement {
    /** Anything thrown or rejected (Apex error, Error, string, or a list of them). */
    @api errors: unknown;
    /** Heading; defaults to the generic "could not explain" label. */
    @api heading: string | undefined;
    /** The caller can retry (fires `retry`); the button shows only when retrying can help. */
    @api showRetry = false;

    labels = LABELS;

    get messages(): { key: string; text: string; details: string[]; hasDetails: boolean }[] {
        return describeErrors(this.errors).map((e, index) => ({
            key: `${index}`,
            text: e.message,
            details: e.details,
            hasDetails: e.details.length > 0
        }));
    }

    get hasMessages(): boolean {
        return this.messages.length > 0;
    }

    get details(): { key: string; text: string }[] {
        return this.messages.flatMap((m) => m.details.map((text, index) => ({ key: `${m.key}-${index}`, text })));
    }

    get hasDetails(): boolean {
        return this.details.length > 0;
    }

    get canRetry(): boolean {
        return this.showRetry && describeErrors(this.errors).some((e) => e.retryable);
    }

    get headingText(): string {
        return this.heading ?? LABELS.errorTitle;
    }

    handleRetry(): void {
        this.dispatchEvent(new CustomEvent('retry'));
    }
}
