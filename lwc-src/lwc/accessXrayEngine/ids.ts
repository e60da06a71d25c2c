/**
 * Salesforce record ids: 15-character (case-sensitive) and 18-character (case-safe) forms.
 * Source: Salesforce Knowledge "What are Salesforce IDs composed of?" — the 3-character
 * suffix encodes, for each 5-character chunk, which characters are upper case.
 * Every id the engine stores or compares goes through `toId18`, so `001…AAA` (15) and
 * `001…AAAIAX` (18) are the same record.
 */

const ID_PATTERN = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** True when `value` is a 15- or 18-character Salesforce id. */
export function isSalesforceId(value: unknown): value is string {
    return typeof value === 'string' && ID_PATTERN.test(value);
}

function suffixOf(id15: string): string {
    let suffix = '';
    for (let chunk = 0; chunk < 3; chunk++) {
        let bits = 0;
        for (let i = 0; i < 5; i++) {
            const c = id15.charCodeAt(chunk * 5 + i);
            if (c >= 65 && c <= 90) {
                bits |= 1 << i;
            }
        }
        suffix += SUFFIX_ALPHABET.charAt(bits);
    }
    return suffix;
}

/** The 18-character form of a valid id (the checksum suffix is recomputed, so its case never matters). */
export function toId18(id: string): string {
    const id15 = id.length >= 15 ? id.slice(0, 15) : id;
    return id15 + suffixOf(id15);
}

/** The 18-character form, or null when `value` is not an id. */
export function normaliseId(value: unknown): string | null {
    return isSalesforceId(value) ? toId18(value) : null;
}

/** Compare two ids given in either form. */
export function sameId(a: unknown, b: unknown): boolean {
    const x = normaliseId(a);
    return x !== null && x === normaliseId(b);
}
