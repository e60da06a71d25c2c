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
