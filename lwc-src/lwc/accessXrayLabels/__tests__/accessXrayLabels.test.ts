// Every visible string is a Custom Label (issue 6): the labels module imports exactly the
// AXR_ labels defined in force-app/main/default/labels/AccessXRayPanel.labels-meta.xml.
import { LABEL_VALUES } from '../../accessXray/__tests__/axrTestSupport';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LABELS, format, operationLabel, operationVerb, stepKindLabel } from 'c/accessXrayLabels';

const SOURCE = readFileSync(join(__dirname, '..', 'accessXrayLabels.ts'), 'utf8');

describe('accessXrayLabels', () => {
    it('imports every label of the labels file and no label that is missing from it', () => {
        const imported = [...SOURCE.matchAll(/from '@salesforce\/label\/c\.(AXR_\w+)'/g)].map((m) => m[1]).sort();
        expect(imported).toEqual(Object.keys(LABEL_VALUES).sort());
    });

    it('labels are short enough for Custom Labels and prefixed AXR_', () => {
        for (const [name, value] of Object.entries(LABEL_VALUES)) {
            expect(name).toMatch(/^AXR_[A-Za-z]+$/);
            expect(value.length).toBeGreaterThan(0);
            expect(value.length).toBeLessThanOrEqual(1000);
        }
    });

    it('exposes the English values through LABELS', () => {
        expect(LABELS.title).toBe('Access X-Ray');
        expect(LABELS.quickActionTitle).toBe("Why can't this user see this?");
    });

    it('format fills numbered placeholders and keeps unfilled ones visible', () => {
        expect(format('{0} can {1} {2}.', 'Ana', 'read', 'case 1')).toBe('Ana can read case 1.');
        expect(format('{0} and {1}', 'only one')).toBe('only one and {1}');
    });

    it('names operations and path steps, passing unknown values through', () => {
        expect(operationLabel('edit')).toBe('Edit');
        expect(operationVerb('transfer')).toBe('transfer');
        expect(stepKindLabel('permissionSet')).toBe('Permission set');
        expect(stepKindLabel('somethingNew')).toBe('somethingNew');
    });

    it('labels are plain language: no seed or issue references, no camelCase ids in what an admin reads', () => {
        for (const [name, value] of Object.entries(LABEL_VALUES)) {
            expect(`${name}: ${value}`).not.toMatch(/\bseed \d|\bissue \d|#\d/i);
            expect(`${name}: ${value}`).not.toMatch(/\b(?:blockingLayer|whyNot|nearMiss|maxAccessLevel|notApplicable|objectPermissions)\b/);
        }
    });
});
