/**
 * The snapshot's tables under construction: rows keyed by sObject name as SOQL returns them,
 * one row per record (a record read twice — e.g. by two steps with different fields — is
 * merged), and an id index so later rounds can ask "what did we read about this id?".
 */
import type { Row } from '../../../lwc-src/lwc/accessXrayEngine/types';
import { key15, str } from './soql';

/** Rows without an Id are keyed by these columns (they are one row per key in the org). */
const KEYLESS: Readonly<Record<string, readonly string[]>> = {
    UserRecordAccess: ['UserId', 'RecordId'],
    EntityDefinition: ['QualifiedApiName']
};

export class TableSet {
    readonly tables: Record<string, Row[]> = {};
    private readonly byKey = new Map<string, Map<string, Row>>();
    private readonly ids = new Map<string, { table: string; row: Row }>();

    private keyOf(table: string, row: Row): string {
        const id = key15(row.Id);
        if (id) return id;
        const cols = KEYLESS[table];
        return cols ? cols.map((c) => str(row[c])).join('|') : JSON.stringify(row);
    }

    /** Add rows (an empty list still creates the table: "read, nothing found"). */
    put(table: string, rows: readonly Row[] | undefined): void {
        if (!rows) return;
        const list = (this.tables[table] ??= []);
        let keys = this.byKey.get(table);
        if (!keys) {
            keys = new Map();
            this.byKey.set(table, keys);
        }
        for (const row of rows) {
            const k = this.keyOf(table, row);
            const existing = keys.get(k);
            if (existing) {
                for (const [field, value] of Object.entries(row)) if (!(field in existing)) existing[field] = value;
                continue;
            }
            const copy = { ...row };
            keys.set(k, copy);
            list.push(copy);
            const id = key15(row.Id);
            if (id && !this.ids.has(id)) this.ids.set(id, { table, row: copy });
        }
    }

    has(table: string): boolean {
        return Object.prototype.hasOwnProperty.call(this.tables, table);
    }

    rows(table: string): readonly Row[] {
        return this.tables[table] ?? [];
    }

    /** The row read for an id, whatever its table. */
    byId(id: unknown): { table: string; row: Row } | undefined {
        const k = key15(id);
        return k ? this.ids.get(k) : undefined;
    }

    /** Every table's rows sorted by Id (then by key), so a snapshot never depends on the order steps ran in. */
    sorted(): Record<string, Row[]> {
        const out: Record<string, Row[]> = {};
        for (const [table, rows] of Object.entries(this.tables)) {
            out[table] = [...rows].sort((a, b) => {
                const ka = this.keyOf(table, a);
                const kb = this.keyOf(table, b);
                return ka < kb ? -1 : ka > kb ? 1 : 0;
            });
        }
        return out;
    }
}
