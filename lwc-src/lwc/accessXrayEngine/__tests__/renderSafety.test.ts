/**
 * Exports are safe with whatever the org calls things, and the public shapes carry what the
 * panel and the CLI need (the near miss, sources) and nothing internal.
 * - Markdown: names with headings, images, links (`javascript:`), HTML or table pipes stay text
 *   (CommonMark: backslash escapes; GFM tables) — renderMarkdown is also the panel's
 *   "Copy as Markdown".
 * - Text: terminal escape sequences, control characters and bidirectional overrides are removed
 *   (ECMA-48 control functions; Unicode Bidirectional Algorithm, explicit formatting characters).
 */
import { explain, renderMarkdown, renderText } from 'c/accessXrayEngine';
import { baseOrg } from './snapshotBuilder';

const HOSTILE = '# Owned ![x](javascript:alert(1)) [click](javascript:evil()) <img src=x onerror=alert(1)> | cell *bold* _em_ `code`\nnext line';

function hostile() {
    const { b, ids } = baseOrg();
    const user = b.rowsOf('User').find((u) => u.Id === ids.rep2) as Record<string, unknown>;
    user.Name = HOSTILE;
    const acc = b.record('Account', { Name: '\u001b[31mRED\u001b[0m\u0007 Acme \u202eevil\u202c\r\nInc', OwnerId: ids.rep });
    return explain(b.build(), { userId: ids.rep2, recordId: acc });
}

describe('renderMarkdown escapes names from the org (CommonMark backslash escapes)', () => {
    const md = renderMarkdown(hostile());
    it('no image, link or HTML survives', () => {
        expect(md).not.toMatch(/(^|[^\\])!\[/);
        expect(md).not.toMatch(/(^|[^\\])\[click\]\(/);
        expect(md).not.toMatch(/(^|[^\\])<img/);
        expect(md).toContain('\\<img src=x onerror=alert(1)\\>');
    });
    it('a name never starts a heading or breaks a table row or a line', () => {
        expect(md.split('\n').filter((l) => /^#+ /.test(l))).toEqual(md.split('\n').filter((l) => /^(## Access X-Ray|### )/.test(l)));
        expect(md).not.toContain('\nnext line');
        for (const row of md.split('\n').filter((l) => l.startsWith('| ') && l.includes('Owned'))) {
            expect(row.split(/(?<!\\)\|/).length).toBe(5);
        }
    });
    it('emphasis and code characters from names are escaped', () => {
        expect(md).toContain('\\*bold\\*');
        expect(md).toContain('\\_em\\_');
        expect(md).toContain('\\`code\\`');
    });
});

describe('renderText strips terminal escapes and control characters (ECMA-48; Unicode bidi controls)', () => {
    const text = renderText(hostile());
    it('keeps the words, drops the escapes', () => {
        expect(text).toContain('RED');
        expect(text).toContain('Acme');
        // eslint-disable-next-line no-control-regex
        expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/);
        expect(text).not.toContain('Acme evil\r');
    });
});

describe('public shapes', () => {
    it('layers carry sources; the near miss and its fix carry theirs; nothing internal leaks (Help "Controlling Access Using Hierarchies")', () => {
        const { b, ids } = baseOrg();
        b.setting('grantAccessUsingHierarchies.Invoice__c', false, 'admin');
        const inv = b.record('Invoice__c', { Name: 'INV-1', OwnerId: ids.rep });
        const e = explain(b.build(), { userId: ids.vp, recordId: inv });
        expect(e.layers.find((l) => l.id === 'roleHierarchy')?.sources).toContain('Salesforce Help: Controlling Access Using Hierarchies');
        expect(e.nearMiss).toMatchObject({ layer: 'roleHierarchy', source: 'Salesforce Help: Controlling Access Using Hierarchies', fix: { kind: 'changeSetting', source: 'Salesforce Help: Controlling Access Using Hierarchies' } });
        expect(e.whyNot.find((w) => w.operation === 'read')?.nearMiss).toEqual(e.nearMiss);
        const json = JSON.stringify(e);
        for (const internal of ['"effect"', '"nearMisses"', '"stopText"', '"blockedBy"', '"gate"', '"tier"', '"would"']) {
            expect(json).not.toContain(internal);
        }
        expect(renderText(e)).toContain('Sources:');
        expect(renderMarkdown(e)).toContain('### Sources');
    });

    it('a blocking restriction rule is named once and its criteria are stated once (Restriction Rules Developer Guide)', () => {
        const { b, ids } = baseOrg();
        b.metadataList('RestrictionRule', [
            { DeveloperName: 'EMEA_Only', MasterLabel: 'EMEA only', EnforcementType: 'Restrict', TargetEntity: 'Invoice__c', UserCriteria: '$User.IsActive = true', RecordFilter: "Region__c = 'EMEA'", IsActive: true }
        ]);
        const inv = b.record('Invoice__c', { Name: 'INV-1', OwnerId: ids.rep, Region__c: 'AMER' });
        b.share('Invoice__c', inv, ids.support, 'Read', 'Rule');
        const e = explain(b.build(), { userId: ids.support, recordId: inv });
        const count = (text: string, part: string): number => text.split(part).length - 1;
        const layer = e.layers.find((l) => l.id === 'restrictionRules')?.reason ?? '';
        expect([count(layer, '"EMEA only" (EMEA_Only)'), count(layer, "Region__c = 'EMEA'"), count(layer, '$User.IsActive = true')]).toEqual([1, 1, 1]);
        const why = e.whyNot.find((w) => w.operation === 'read');
        expect([count(why?.reason ?? '', '"EMEA only" (EMEA_Only)'), count(why?.reason ?? '', "Region__c = 'EMEA'")]).toEqual([1, 1]);
        expect(why?.cheapestFix?.action).not.toContain("Region__c = 'EMEA'");
    });
});
