// Ambient declarations for the Salesforce-provided LWC modules the sources import.
// The platform resolves them at runtime; Jest (sfdx-lwc-jest) and the preview provide stand-ins.
declare module '@salesforce/label/*' {
    const label: string;
    export default label;
}
declare module '@salesforce/apex/*' {
    const method: (params?: Record<string, unknown>) => Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    export default method;
}
declare module '@salesforce/user/Id' {
    const id: string;
    export default id;
}
declare module '@salesforce/client/formFactor' {
    const formFactor: 'Large' | 'Medium' | 'Small';
    export default formFactor;
}
// lightning/navigation (LWC Developer Guide, "Navigate to Pages, Records, and Lists"): the mixin adds
// two symbol-keyed methods; page references are plain objects (see accessXrayLinks).
declare module 'lightning/navigation' {
    export interface PageReference {
        type: string;
        attributes?: Record<string, string>;
        state?: Record<string, string>;
    }
    const Navigate: unique symbol;
    const GenerateUrl: unique symbol;
    export interface Navigable {
        [Navigate](pageReference: PageReference, replace?: boolean): void;
        [GenerateUrl](pageReference: PageReference): Promise<string>;
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    type Constructor<T> = new (...args: any[]) => T;
    export const NavigationMixin: {
        <TBase extends Constructor<object>>(base: TBase): TBase & Constructor<Navigable>;
        readonly Navigate: typeof Navigate;
        readonly GenerateUrl: typeof GenerateUrl;
    };
}
