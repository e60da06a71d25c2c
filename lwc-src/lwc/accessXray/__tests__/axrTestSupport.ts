/**
 * Test support shared by the Access X-Ray panel tests (not a test itself).
 *
 * - `useRealLabels()` makes every `@salesforce/label/c.AXR_*` import resolve to its English
 *   value from force-app/main/default/labels/AccessXRayPanel.labels-meta.xml (sfdx-lwc-jest
 *   would otherwise return the label's name), so tests read the sentences users read.
 *   Import this module before the component under test.
 * - `flushPromises()` lets pending promise callbacks and the re-render run.
 */
import type {} from '@sa11y/jest'; // brings the toBeAccessible() matcher type (registered in jest.setup.js)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const LABELS_FILE = join(
    __dirname,
    '..',
    '..',
    '..',
    '..',
    'force-app',
    'main',
    'default',
    'labels',
    'AccessXRayPanel.labels-meta.xml'
);

function decode(text: string): string {
    return text
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&');
}

/** `{ AXR_Title: 'Access X-Ray', ... }` read from the labels file. */
export function readLabels(): Record<string, string> {
    const xml = readFileSync(LABELS_FILE, 'utf8');
    const out: Record<string, string> = {};
    for (const block of xml.split('<labels>').slice(1)) {
        const name = /<fullName>([^<]+)<\/fullName>/.exec(block)?.[1];
        const value = /<value>([\s\S]*?)<\/value>/.exec(block)?.[1];
        if (name && value !== undefined) {
            out[name] = decode(value);
        }
    }
    return out;
}

export const LABEL_VALUES = readLabels();

for (const [name, value] of Object.entries(LABEL_VALUES)) {
    jest.doMock(`@salesforce/label/c.${name}`, () => ({ __esModule: true, default: value }), { virtual: true });
}

/** The English text of a label, failing loudly when the label does not exist. */
export function label(name: string): string {
    const value = LABEL_VALUES[name];
    if (value === undefined) {
        throw new Error(`No label ${name} in ${LABELS_FILE}`);
    }
    return value;
}

/** Fills `{0}`, `{1}`... like the panel's `format`. */
export function fill(template: string, ...values: string[]): string {
    return template.replace(/\{(\d+)\}/g, (m, i: string) => values[Number(i)] ?? m);
}

export function flushPromises(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Removes every element the test appended to document.body. */
export function resetDom(): void {
    while (document.body.firstChild) {
        document.body.removeChild(document.body.firstChild);
    }
}
