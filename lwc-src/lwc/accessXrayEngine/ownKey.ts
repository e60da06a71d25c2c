/**
 * Lookups in the engine's constant tables by a value read from a snapshot (a RowCause, a
 * PortalRole, a TargetEntity): own keys only, so "constructor" or "__proto__" in the evidence
 * finds nothing instead of a member of Object.prototype.
 */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
    return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}
