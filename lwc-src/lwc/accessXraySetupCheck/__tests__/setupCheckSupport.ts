/**
 * Test support for the setup check (not a test itself): every `@salesforce/label/c.*` import
 * resolves to its English value from the packaged labels files (sfdx-lwc-jest would return the
 * label's name), so the tests read what admins read. Import before the component under test.
 */
import type {} from '@sa11y/jest'; // the toBeAccessible() matcher type (registered in jest.setup.js)
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const LABELS_DIR = join(__dirname, '..', '..', '..', '..', 'force-app', 'main', 'default', 'labels');

function decode(text: string): string {
    return text
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&');
}

function readAllLabels(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const file of readdirSync(LABELS_DIR).filter((f) => f.endsWith('.labels-meta.xml'))) {
        const xml = readFileSync(join(LABELS_DIR, file), 'utf8');
        for (const block of xml.split('<labels>').slice(1)) {
            const name = /<fullName>([^<]+)<\/fullName>/.exec(block)?.[1];
            const value = /<value>([\s\S]*?)<\/value>/.exec(block)?.[1];
            if (name && value !== undefined) {
                out[name] = decode(value);
            }
        }
    }
    return out;
}

const VALUES = readAllLabels();
for (const [name, value] of Object.entries(VALUES)) {
    jest.doMock(`@salesforce/label/c.${name}`, () => ({ __esModule: true, default: value }), { virtual: true });
}

/** The English text of a label; fails loudly when the label does not exist. */
export function label(name: string): string {
    const value = VALUES[name];
    if (value === undefined) {
        throw new Error(`No custom label ${name} in ${LABELS_DIR}`);
    }
    return value;
}

export function flushPromises(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

export function resetDom(): void {
    while (document.body.firstChild) {
        document.body.removeChild(document.body.firstChild);
    }
}
