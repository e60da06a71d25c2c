/**
 * PREVIEW-ONLY substitute for `lightning/navigation`: the npm `lightning-base-components`
 * re-exports it from the Lightning container (`force/navigation`), which only exists in an org.
 * Same shape as the real mixin: `[NavigationMixin.GenerateUrl](pageReference)` resolves to the
 * URL Lightning Experience would use, and `[NavigationMixin.Navigate](pageReference)` records the
 * page reference (window `axr-preview-navigate` event, `window.axrPreviewNavigations`) instead of
 * leaving the demo. TypeScript (transpiled by preview/build.mjs).
 */
interface PageReference {
    type: string;
    attributes?: Record<string, string>;
    state?: Record<string, string>;
}

type Constructor<T = object> = new (...args: any[]) => T; // eslint-disable-line @typescript-eslint/no-explicit-any

const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

/** The URL Lightning Experience shows for a page reference (the types the panel uses). */
export function urlOf(ref: PageReference): string {
    const a = ref.attributes ?? {};
    switch (ref.type) {
        case 'standard__recordPage':
            return `/lightning/r/${a.objectApiName ?? 'sObject'}/${a.recordId ?? ''}/${a.actionName ?? 'view'}`;
        case 'standard__objectPage':
            return `/lightning/o/${a.objectApiName ?? ''}/${a.actionName ?? 'home'}`;
        case 'standard__webPage':
            return a.url ?? '';
        default:
            throw new Error(`The preview's navigation stand-in doesn't know page reference type ${ref.type}.`);
    }
}

declare global {
    interface Window {
        axrPreviewNavigations?: { pageReference: PageReference; url: string }[];
    }
}

export const NavigationMixin = Object.assign(
    <TBase extends Constructor>(Base: TBase) =>
        class extends Base {
            [Navigate](pageReference: PageReference): void {
                const url = urlOf(pageReference);
                window.axrPreviewNavigations = [...(window.axrPreviewNavigations ?? []), { pageReference, url }];
                window.dispatchEvent(new CustomEvent('axr-preview-navigate', { detail: { pageReference, url } }));
            }

            [GenerateUrl](pageReference: PageReference): Promise<string> {
                try {
                    return Promise.resolve(urlOf(pageReference));
                } catch (error) {
                    return Promise.reject(error);
                }
            }
        },
    { Navigate, GenerateUrl }
);

/** The preview has no page-state service; the panel doesn't wire it. */
export const CurrentPageReference = undefined;
