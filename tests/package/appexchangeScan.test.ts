/** @jest-environment node */
/**
 * Security review pack (issue 9): the Salesforce Code Analyzer AppExchange rules for the package's
 * metadata XML, shipped LWC JavaScript and HTML templates have zero open findings; every accepted
 * finding is listed with a justification in scripts/package/appexchange-suppressions.json
 * (reviewed in docs/security-review.md). Rules: sfca/rulesets/AppExchange_xml.xml,
 * AppExchange_javascript.xml, AppExchange_html.xml from @salesforce/code-analyzer-pmd-engine
 * (Code Analyzer guide, "PMD AppExchange rules"). Apex is covered by the apex-pmd gate.
 * Each run starts a JVM (~20-30 s), hence the long timeouts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { makeProject, removeProject } from './fixtureProject';

interface ScanResult {
    ok: boolean;
    scanned: number;
    findings: string[];
    suppressed: { finding: string; justification: string }[];
    errors: string[];
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const scan = require('../../scripts/package/lib/appexchangeScan.js') as {
    SUPPRESSIONS_FILE: string;
    runAppExchangeScan: (root: string, javaLibDir?: string) => ScanResult;
    readSuppressions: (root: string) => unknown[];
};

const REPO = join(__dirname, '..', '..');
const JAVA_LIB = join(REPO, 'node_modules', '@salesforce', 'code-analyzer-pmd-engine', 'dist', 'java-lib');

function write(root: string, path: string, content: string): void {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
}

describe('AppExchange rules on the real package (XML, LWC JavaScript, LWC HTML)', () => {
    it('zero open findings and every file parsed (a file PMD cannot parse is a file the review cannot scan)', () => {
        const result = scan.runAppExchangeScan(REPO, JAVA_LIB);
        expect(result.scanned).toBeGreaterThan(0);
        expect({ findings: result.findings, errors: result.errors }).toEqual({ findings: [], errors: [] });
        // Every accepted finding carries its justification.
        for (const s of result.suppressed) expect(s.justification.length).toBeGreaterThan(20);
    }, 180000);
});

describe('the scan catches what it must (fault injection on a fixture project)', () => {
    let root = '';
    afterEach(() => removeProject(root));

    it('an exposed Lightning Message Channel, an insecure remote site and an unparsable LWC file fail; a justified suppression is accepted', () => {
        root = makeProject();
        // PMD 7's JavaScript parser (Rhino) fails on a binding-less catch with an empty body.
        write(root, 'force-app/main/default/lwc/probe/probe.js', 'function m(n) {\n    if (n) {\n        try {\n            n();\n        } catch {\n            // nothing\n        }\n    }\n}\nexport default m;\n');
        write(
            root,
            'force-app/main/default/messageChannels/AccessXRay.messageChannel-meta.xml',
            '<?xml version="1.0" encoding="UTF-8"?>\n<LightningMessageChannel xmlns="http://soap.sforce.com/2006/04/metadata">\n    <isExposed>true</isExposed>\n    <masterLabel>AccessXRay</masterLabel>\n</LightningMessageChannel>\n'
        );
        write(
            root,
            'force-app/main/default/remoteSiteSettings/Legacy.remoteSite-meta.xml',
            '<?xml version="1.0" encoding="UTF-8"?>\n<RemoteSiteSetting xmlns="http://soap.sforce.com/2006/04/metadata">\n    <disableProtocolSecurity>false</disableProtocolSecurity>\n    <isActive>true</isActive>\n    <url>http://legacy.example.com</url>\n</RemoteSiteSetting>\n'
        );
        write(
            root,
            scan.SUPPRESSIONS_FILE,
            JSON.stringify({
                suppressions: [
                    {
                        rule: 'AvoidInsecureHttpRemoteSiteSetting',
                        file: 'force-app/main/default/remoteSiteSettings/Legacy.remoteSite-meta.xml',
                        justification: 'Fixture only: proves that a justified suppression is reported as accepted, not open.'
                    }
                ]
            })
        );
        const result = scan.runAppExchangeScan(root, JAVA_LIB);
        expect(result.ok).toBe(false);
        expect(result.findings).toHaveLength(1);
        expect(result.findings[0]).toMatch(/^force-app\/main\/default\/messageChannels\/AccessXRay\.messageChannel-meta\.xml:\d+ AvoidLmcIsExposedTrue: /);
        expect(result.suppressed.map((s) => s.finding)).toEqual([expect.stringMatching(/Legacy\.remoteSite-meta\.xml:\d+ AvoidInsecureHttpRemoteSiteSetting: /)]);
        expect(result.errors).toEqual([expect.stringMatching(/^force-app\/main\/default\/lwc\/probe\/probe\.js: PMD could not parse the file, so it was not scanned .* write `catch \(error\)`/)]);
    }, 180000);

    it('a suppression without a real justification is refused', () => {
        root = makeProject({
            'scripts/package/appexchange-suppressions.json': JSON.stringify({ suppressions: [{ rule: 'ProtectSensitiveData', file: 'x.xml', justification: 'ok' }] })
        });
        expect(() => scan.readSuppressions(root)).toThrow('every suppression needs rule, file and a real justification');
    });
});
