/**
 * docs/snapshot.schema.json is kept true: fixture and demo snapshots validate against it,
 * malformed ones do not, and every id column the loader checks is declared in it.
 * A small validator for the JSON Schema keywords the schema uses (draft 2020-12 subset).
 */
import * as fs from 'fs';
import * as path from 'path';
import { ID_FIELDS } from '../validate';
import { baseOrg } from './snapshotBuilder';

type Schema = Record<string, unknown>;
const root = path.resolve(__dirname, '../../../..');
const schema = JSON.parse(fs.readFileSync(path.join(root, 'docs', 'snapshot.schema.json'), 'utf8')) as Schema;

function resolveRef(ref: string): Schema {
    const name = ref.replace('#/$defs/', '');
    return (schema.$defs as Record<string, Schema>)[name] as Schema;
}

function typeOf(v: unknown): string {
    if (v === null) {
        return 'null';
    }
    if (Array.isArray(v)) {
        return 'array';
    }
    if (typeof v === 'number') {
        return Number.isInteger(v) ? 'integer' : 'number';
    }
    return typeof v;
}

function validate(s: Schema, v: unknown, at: string, errors: string[]): void {
    if (s.$ref) {
        validate(resolveRef(s.$ref as string), v, at, errors);
    }
    if (s.const !== undefined && v !== s.const) {
        errors.push(`${at}: expected ${JSON.stringify(s.const)}`);
    }
    if (s.enum && !(s.enum as unknown[]).includes(v)) {
        errors.push(`${at}: not in enum`);
    }
    if (s.type) {
        const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
        const t = typeOf(v);
        if (!types.includes(t) && !(t === 'integer' && types.includes('number'))) {
            errors.push(`${at}: expected ${types.join('|')}, got ${t}`);
            return;
        }
    }
    if (typeof v === 'string' && s.pattern && !new RegExp(s.pattern as string).test(v)) {
        errors.push(`${at}: does not match ${String(s.pattern)}`);
    }
    for (const sub of (s.allOf as Schema[] | undefined) ?? []) {
        validate(sub, v, at, errors);
    }
    if (s.anyOf) {
        const ok = (s.anyOf as Schema[]).some((sub) => {
            const e: string[] = [];
            validate(sub, v, at, e);
            return e.length === 0;
        });
        if (!ok) {
            errors.push(`${at}: matches none of anyOf`);
        }
    }
    if (typeOf(v) === 'object') {
        const obj = v as Record<string, unknown>;
        for (const r of (s.required as string[] | undefined) ?? []) {
            if (!(r in obj)) {
                errors.push(`${at}.${r}: required`);
            }
        }
        const props = (s.properties as Record<string, Schema> | undefined) ?? {};
        const patterns = Object.entries((s.patternProperties as Record<string, Schema> | undefined) ?? {});
        for (const [k, val] of Object.entries(obj)) {
            if (props[k]) {
                validate(props[k] as Schema, val, `${at}.${k}`, errors);
            } else if (patterns.some(([p]) => new RegExp(p).test(k))) {
                for (const [p, ps] of patterns) {
                    if (new RegExp(p).test(k)) {
                        validate(ps, val, `${at}.${k}`, errors);
                    }
                }
            } else if (s.additionalProperties && typeof s.additionalProperties === 'object') {
                validate(s.additionalProperties as Schema, val, `${at}.${k}`, errors);
            }
        }
    }
    if (Array.isArray(v) && s.items) {
        v.forEach((item, i) => validate(s.items as Schema, item, `${at}[${i}]`, errors));
    }
}

function errorsOf(value: unknown): string[] {
    const errors: string[] = [];
    validate(schema, value, '$', errors);
    return errors;
}

describe('docs/snapshot.schema.json', () => {
    it('accepts a fixture snapshot with shares, settings, describe and metadata', () => {
        const { b, ids } = baseOrg();
        const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
        b.share('Account', acc, ids.support, 'Read', 'Manual');
        b.setting('grantAccessUsingHierarchies.Invoice__c', false, 'admin', 'screenshot');
        b.describe('Account', { name: 'Account', fields: [{ name: 'Name', type: 'string' }] });
        b.sharingRule({ object: 'Account', kind: 'criteria', fullName: 'Account.X', accessLevel: 'Read', sharedTo: { group: 'X' } });
        b.ura(ids.rep, acc, 'All');
        expect(errorsOf(b.build())).toEqual([]);
    });

    it('accepts the demo org snapshot', () => {
        const file = path.join(root, 'data', 'demo-org.snapshot.json');
        expect(fs.existsSync(file)).toBe(true);
        expect(errorsOf(JSON.parse(fs.readFileSync(file, 'utf8'))).slice(0, 5)).toEqual([]);
    });

    it('rejects what the loader rejects: bad ids, bad booleans, bad provenance, wrong version', () => {
        const { b, ids } = baseOrg();
        const acc = b.record('Account', { Name: 'Acme', OwnerId: ids.rep });
        const s = b.build();
        s.tables.AccountShare = [{ AccountId: acc, UserOrGroupId: 42, AccountAccessLevel: 'Read', RowCause: 'Manual' }];
        expect(errorsOf(s).join('\n')).toContain('$.tables.AccountShare[0].UserOrGroupId');
        const t = b.build();
        (t.tables.ObjectPermissions?.[0] as Record<string, unknown>).PermissionsRead = 'yes';
        expect(errorsOf(t).join('\n')).toContain('PermissionsRead');
        expect(errorsOf({ ...b.build(), settings: { k: { value: 1, provenance: 'guess' } } }).join('\n')).toContain('$.settings.k.provenance');
        expect(errorsOf({ ...b.build(), schemaVersion: 2 }).join('\n')).toContain('$.schemaVersion');
    });

    it('declares every id column the loader checks', () => {
        const rowDescription = String(resolveRef('#/$defs/row').description);
        for (const field of ID_FIELDS) {
            expect([field, rowDescription.includes(field)]).toEqual([field, true]);
        }
    });
});
