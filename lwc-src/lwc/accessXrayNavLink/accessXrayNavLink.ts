/**
 * A link to a Salesforce page through `lightning/navigation`: the href comes from
 * `GenerateUrl` (so open-in-new-tab and copy-link work) and a plain click navigates with
 * `Navigate` (LWC Developer Guide, "Navigate to Pages, Records, and Lists").
 */
import { LightningElement, api } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import type { PageReference } from 'lightning/navigation';

export default class AccessXrayNavLink extends NavigationMixin(LightningElement) {
    private reference: PageReference | undefined;
    private seq = 0;

    /** Visible link text (names the destination: "Queue EMEA Support Queue"). */
    @api label = '';
    /** Optional longer description for assistive technology and the tooltip. */
    @api description: string | undefined;

    url = '';

    @api
    get pageReference(): PageReference | undefined {
        return this.reference;
    }
    set pageReference(value: PageReference | undefined) {
        this.reference = value;
        this.generate();
    }

    private generate(): void {
        const ref = this.reference;
        const seq = ++this.seq;
        if (!ref) {
            this.url = '';
            return;
        }
        this[NavigationMixin.GenerateUrl](ref)
            .then((url) => {
                if (seq === this.seq) {
                    this.url = url;
                }
            })
            .catch(() => {
                // No URL (e.g. a page type the container doesn't support): the click still navigates.
                if (seq === this.seq) {
                    this.url = '';
                }
            });
    }

    get href(): string {
        return this.url || '#';
    }

    handleClick(event: MouseEvent): void {
        if (!this.reference) {
            return;
        }
        // Let the browser handle new-tab / new-window clicks on the generated URL.
        if (this.url && (event.ctrlKey || event.metaKey || event.shiftKey || event.button === 1)) {
            return;
        }
        event.preventDefault();
        this[NavigationMixin.Navigate](this.reference);
        this.dispatchEvent(new CustomEvent('navigate', { detail: { pageReference: this.reference } }));
    }
}
