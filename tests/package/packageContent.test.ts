/** @jest-environment node */
/**
 * What ships in the managed package (issue 9, "AppExchange readiness"):
 * - the packaged directory holds no test-only or demo metadata (demo/test data belongs in the
 *   unpackaged directory — Salesforce "Specify Unpackaged Metadata or Apex Access for Package
 *   Version Creation Tests for Second-Generation Managed Packages");
 * - every Apex class has a test class (an @IsTest class calls it; data-only types are used by one);
 *   every custom label is used; every custom permission is
 *   checked with FeatureManagement.checkPermission;
 * - the permission sets grant only what the panel needs: no View All Data / Modify All Data /
 *   Modify All Records, object access only to the package's own objects, Apex class access only
 *   to the controller(s);
 * - no callouts other than the org's own API (security review: "no external callouts"): endpoints
 *   only through `callout:` + a packaged Named Credential on a Salesforce host, no remote sites;
 * - the 2GP definition in sfdx-project.json is complete (namespace, ancestorVersion HIGHEST —
 *   "Specify a Package Ancestor in the Project File for a Second-Generation Managed Package" —,
 *   apexTestAccess naming a packaged permission set, unpackagedMetadata).
 * The first block runs every rule on the real tree; the second proves each rule fails on a
 * fault injected into an otherwise clean fixture project (tests/package/fixtureProject.ts).
 */
import { join } from 'node:path';
import { CLEAN_FILES, edited, makeProject, removeProject } from './fixtureProject';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const rules = require('../../scripts/package/lib/packageContent.js') as {
    RULES: Record<string, (root: string) => string[]>;
    checkPackageContent: (root: string) => Record<string, string[]>;
    demoAndTestMetadataFindings: (root: string) => string[];
    missingTestClassFindings: (root: string) => string[];
    unusedLabelFindings: (root: string) => string[];
    uncheckedPermissionFindings: (root: string) => string[];
    permissionSetFindings: (root: string) => string[];
    projectDefinitionFindings: (root: string) => string[];
    externalCalloutFindings: (root: string) => string[];
};

const REPO = join(__dirname, '..', '..');

describe('the real package (force-app) obeys every packaging rule', () => {
    it.each(Object.keys(rules.RULES))('%s', (name) => {
        const findings = rules.RULES[name]?.(REPO) ?? ['rule missing'];
        // The findings name each offending file, so a failure says exactly what to fix.
        expect(findings).toEqual([]);
    });
});

describe('each rule fails on an injected fault (and passes on the clean fixture)', () => {
    const roots: string[] = [];
    const project = (overrides: Record<string, string | null> = {}): string => {
        const root = makeProject(overrides);
        roots.push(root);
        return root;
    };
    afterAll(() => roots.forEach(removeProject));

    it('the clean fixture passes every rule (so each fault below is what fails)', () => {
        expect(rules.checkPackageContent(project())).toEqual(Object.fromEntries(Object.keys(rules.RULES).map((n) => [n, []])));
    });

    describe('no test-only or demo metadata in the package', () => {
        it('demo Apex in force-app fails; the same class in unpackaged/ passes', () => {
            const root = project({ 'force-app/main/default/classes/demo/AccessXRayDemoData.cls': 'public class AccessXRayDemoData {}\n' });
            expect(rules.demoAndTestMetadataFindings(root)).toEqual([
                'force-app/main/default/classes/demo/AccessXRayDemoData.cls: demo/sample content must live in the unpackaged directory, not in the package'
            ]);
        });

        it('org configuration (roles, sharing rules, profiles, sites) fails: installing it would change the subscriber access model', () => {
            const root = project({
                'force-app/main/default/roles/CEO.role-meta.xml': '<Role/>',
                'force-app/main/default/sharingRules/Account.sharingRules-meta.xml': '<SharingRules/>'
            });
            expect(rules.demoAndTestMetadataFindings(root)).toEqual([
                'force-app/main/default/roles/CEO.role-meta.xml: org configuration (roles) is demo-org metadata; move it to the unpackaged directory',
                'force-app/main/default/sharingRules/Account.sharingRules-meta.xml: org configuration (sharingRules) is demo-org metadata; move it to the unpackaged directory'
            ]);
        });

        it('a test helper that is not @IsTest fails (it would ship as callable code); with @IsTest it passes', () => {
            const helper = 'public class AccessXRayTestFactory {\n    public static Id fakeId() { return null; }\n}\n';
            expect(rules.demoAndTestMetadataFindings(project({ 'force-app/main/default/classes/tests/AccessXRayTestFactory.cls': helper }))).toEqual([
                'force-app/main/default/classes/tests/AccessXRayTestFactory.cls: AccessXRayTestFactory is test-only code (tests folder) but is not annotated @IsTest, so it would ship as callable code'
            ]);
            expect(rules.demoAndTestMetadataFindings(project({ 'force-app/main/default/classes/tests/AccessXRayTestFactory.cls': `@IsTest\n${helper}` }))).toEqual([]);
        });

        it('an @IsTest test-data fixture class is test code, not demo content (allowed)', () => {
            const fixture = '@IsTest\npublic class AccessXRayFixture {\n    public Id accountId;\n}\n';
            expect(rules.demoAndTestMetadataFindings(project({ 'force-app/main/default/classes/tests/util/AccessXRayFixture.cls': fixture }))).toEqual([]);
            expect(rules.demoAndTestMetadataFindings(project({ 'force-app/main/default/classes/util/AccessXRayFixture.cls': 'public class AccessXRayFixture {}\n' }))).toEqual([
                'force-app/main/default/classes/util/AccessXRayFixture.cls: demo/sample content must live in the unpackaged directory, not in the package'
            ]);
        });

        it('record data files and test static resources fail', () => {
            const root = project({
                'force-app/main/default/data/accounts.json': '[]',
                'force-app/main/default/staticresources/testUsers.resource-meta.xml': '<StaticResource/>'
            });
            expect(rules.demoAndTestMetadataFindings(root)).toEqual([
                'force-app/main/default/data/accounts.json: data files (records, fixtures) are not package metadata; move them out of force-app',
                'force-app/main/default/staticresources/testUsers.resource-meta.xml: a test static resource would ship to every subscriber; move it to the unpackaged directory'
            ]);
        });

        it('a demo/preview LWC in lwc-src fails (lwc-src compiles into the package)', () => {
            const root = project({ 'lwc-src/lwc/accessXrayPreviewHost/accessXrayPreviewHost.ts': 'export default class X {}\n' });
            expect(rules.demoAndTestMetadataFindings(root)).toHaveLength(1);
            expect(rules.demoAndTestMetadataFindings(root)[0]).toContain('accessXrayPreviewHost');
        });
    });

    describe('every Apex class has a test class', () => {
        const SERVICE = 'force-app/main/default/classes/services/AccessXRayAuditService.cls';
        const service = 'public with sharing class AccessXRayAuditService {\n    public static Integer retentionDays() {\n        return 30;\n    }\n}\n';

        it('a class with logic that no @IsTest class calls fails', () => {
            expect(rules.missingTestClassFindings(project({ [SERVICE]: service }))).toEqual([
                `${SERVICE}: AccessXRayAuditService has no test class: no @IsTest class calls it (add AccessXRayAuditServiceTest)`
            ]);
        });

        it('mentioning the class only in a comment or a string does not count', () => {
            const test = "@IsTest\nprivate class AccessXRayAuditServiceTest {\n    // AccessXRayAuditService.retentionDays() is tested elsewhere\n    @IsTest\n    static void named() {\n        Assert.areEqual('AccessXRayAuditService.retentionDays()', 'x', 'not a call');\n    }\n}\n";
            expect(rules.missingTestClassFindings(project({ [SERVICE]: service, 'force-app/main/default/classes/tests/AccessXRayAuditServiceTest.cls': test }))).toHaveLength(1);
        });

        it('a dedicated <Name>Test or a grouped test class that calls it counts', () => {
            const grouped = "@IsTest\nprivate class AccessXRayServicesTest {\n    @IsTest\n    static void retention() {\n        Assert.areEqual(30, AccessXRayAuditService.retentionDays(), 'default retention');\n    }\n}\n";
            expect(rules.missingTestClassFindings(project({ [SERVICE]: service, 'force-app/main/default/classes/tests/AccessXRayServicesTest.cls': grouped }))).toEqual([]);
        });

        it('a data-only DTO that no test uses fails; used by a test it passes', () => {
            const root = project(edited('force-app/main/default/classes/tests/AccessXRayControllerTest.cls', "AccessXRayStatus status = new AccessXRayStatus();\n        Assert.isFalse(status.ready, 'a new status is not ready');", ''));
            expect(rules.missingTestClassFindings(root)).toEqual([
                'force-app/main/default/classes/dto/AccessXRayStatus.cls: AccessXRayStatus (no logic of its own) is not used by any @IsTest class'
            ]);
        });
    });

    describe('every custom label is used', () => {
        it('a label no shipped Apex or LWC uses fails', () => {
            const root = project(edited('lwc-src/lwc/accessXray/accessXray.ts', "import AXR_Title from '@salesforce/label/c.AXR_Title';", "const AXR_Title = 'Access X-Ray';"));
            expect(rules.unusedLabelFindings(root)).toEqual([
                'force-app/main/default/labels/AccessXRay.labels-meta.xml: custom label AXR_Title is not used by any shipped Apex (Label.AXR_Title) or LWC (@salesforce/label/c.AXR_Title) code'
            ]);
        });

        it('a label used only by a test (Apex test class or LWC __tests__) still counts as unused', () => {
            const root = project({
                ...edited('lwc-src/lwc/accessXray/accessXray.ts', "import AXR_Title from '@salesforce/label/c.AXR_Title';", "const AXR_Title = 'x';"),
                'lwc-src/lwc/accessXray/__tests__/accessXray.test.ts': "import AXR_Title from '@salesforce/label/c.AXR_Title';\n"
            });
            expect(rules.unusedLabelFindings(root)).toHaveLength(1);
        });

        it('System.Label.X in Apex counts as a use', () => {
            const root = project({
                ...edited('lwc-src/lwc/accessXray/accessXray.ts', "import AXR_Title from '@salesforce/label/c.AXR_Title';", "const AXR_Title = 'x';"),
                ...edited('force-app/main/default/classes/controllers/AccessXRayController.cls', 'return String.valueOf(recordId) + userId;', 'return System.Label.AXR_Title + recordId + userId;')
            });
            expect(rules.unusedLabelFindings(root)).toEqual([]);
        });
    });

    describe('every custom permission is checked', () => {
        it('a custom permission never passed to FeatureManagement.checkPermission fails', () => {
            const root = project({
                'force-app/main/default/customPermissions/AccessXRay_ExplainAnyUser.customPermission-meta.xml': '<CustomPermission/>'
            });
            expect(rules.uncheckedPermissionFindings(root)).toEqual([
                'force-app/main/default/customPermissions/AccessXRay_ExplainAnyUser.customPermission-meta.xml: custom permission AccessXRay_ExplainAnyUser is never checked with FeatureManagement.checkPermission in shipped Apex'
            ]);
        });

        it('a name in a comment or an unrelated string does not count as a check', () => {
            const root = project(
                edited(
                    'force-app/main/default/classes/controllers/AccessXRayController.cls',
                    'if (!FeatureManagement.checkPermission(PERMISSION_USE)) {',
                    '// FeatureManagement.checkPermission(PERMISSION_USE)\n        if (PERMISSION_USE == null) {'
                )
            );
            expect(rules.uncheckedPermissionFindings(root)).toHaveLength(1);
        });

        it("a literal checkPermission('AccessXRay_Use') counts", () => {
            const root = project(
                edited('force-app/main/default/classes/controllers/AccessXRayController.cls', 'checkPermission(PERMISSION_USE)', "checkPermission('AccessXRay_Use')")
            );
            expect(rules.uncheckedPermissionFindings(root)).toEqual([]);
        });
    });

    describe('permission sets grant only what the panel needs', () => {
        const PS = 'force-app/main/default/permissionsets/Access_XRay_Admin.permissionset-meta.xml';

        it('View All Data / Modify All Data fail', () => {
            const root = project(
                edited(
                    PS,
                    '    <label>',
                    '    <userPermissions>\n        <enabled>true</enabled>\n        <name>ViewAllData</name>\n    </userPermissions>\n    <userPermissions>\n        <enabled>true</enabled>\n        <name>ModifyAllData</name>\n    </userPermissions>\n    <label>'
                )
            );
            expect(rules.permissionSetFindings(root)).toEqual([
                `${PS}: grants the system permission ViewAllData, which the panel never needs`,
                `${PS}: grants the system permission ModifyAllData, which the panel never needs`
            ]);
        });

        it('any other system permission needs an allow-list entry with a justification', () => {
            const root = project(edited(PS, '    <label>', '    <userPermissions>\n        <enabled>true</enabled>\n        <name>ApiEnabled</name>\n    </userPermissions>\n    <label>'));
            expect(rules.permissionSetFindings(root)).toEqual([
                `${PS}: grants the system permission ApiEnabled; add it to ALLOWED_USER_PERMISSIONS with a justification in docs/security-review.md, or remove it`
            ]);
        });

        it('Modify All Records fails, even on the package\'s own object', () => {
            const root = project(edited(PS, '<modifyAllRecords>false</modifyAllRecords>', '<modifyAllRecords>true</modifyAllRecords>'));
            expect(rules.permissionSetFindings(root)).toEqual([`${PS}: grants Modify All Records on Access_XRay_Audit__c`]);
        });

        it('User External Credentials (Modify All) is allowed only beside an external credential principal (Help: "Permission Concepts for User External Credentials", OAuth named principal)', () => {
            const uec =
                '    <objectPermissions>\n        <allowCreate>true</allowCreate>\n        <allowDelete>true</allowDelete>\n        <allowEdit>true</allowEdit>\n        <allowRead>true</allowRead>\n        <modifyAllRecords>true</modifyAllRecords>\n        <object>UserExternalCredential</object>\n        <viewAllRecords>true</viewAllRecords>\n    </objectPermissions>\n    <tabSettings>';
            const alone = project(edited(PS, '    <tabSettings>', uec));
            expect(rules.permissionSetFindings(alone)).toEqual([
                `${PS}: grants access to UserExternalCredential, which is not one of the package's own objects`,
                `${PS}: grants Modify All Records on UserExternalCredential`
            ]);
            const principal =
                '    <externalCredentialPrincipalAccesses>\n        <enabled>true</enabled>\n        <externalCredentialPrincipal>AccessXRay_Org-AccessXRay_Admin</externalCredentialPrincipal>\n    </externalCredentialPrincipalAccesses>\n';
            const withPrincipal = project({
                [PS]: String(CLEAN_FILES[PS]).replace('    <tabSettings>', uec).replace('    <label>', `${principal}    <label>`),
                'force-app/main/default/externalCredentials/AccessXRay_Org.externalCredential-meta.xml':
                    '<?xml version="1.0" encoding="UTF-8"?>\n<ExternalCredential xmlns="http://soap.sforce.com/2006/04/metadata">\n    <label>Org</label>\n</ExternalCredential>\n'
            });
            expect(rules.permissionSetFindings(withPrincipal)).toEqual([]);
        });

        it('object or field access to a standard object fails', () => {
            const root = project(
                edited(
                    PS,
                    '    <tabSettings>',
                    '    <objectPermissions>\n        <allowRead>true</allowRead>\n        <object>Account</object>\n    </objectPermissions>\n    <fieldPermissions>\n        <field>Account.AnnualRevenue</field>\n        <readable>true</readable>\n    </fieldPermissions>\n    <tabSettings>'
                )
            );
            expect(rules.permissionSetFindings(root)).toEqual([
                `${PS}: grants access to Account, which is not one of the package's own objects`,
                `${PS}: grants field access to Account.AnnualRevenue, which is not a field of the package's own objects`
            ]);
        });

        it('class access to a non-controller (no @AuraEnabled static method) fails', () => {
            const root = project(edited(PS, '<apexClass>AccessXRayController</apexClass>', '<apexClass>AccessXRayStatus</apexClass>'));
            expect(rules.permissionSetFindings(root)).toEqual([
                `${PS}: grants access to the Apex class AccessXRayStatus, which is not a controller (a shipped class with an @AuraEnabled static method)`
            ]);
        });

        it('a custom permission or tab the package does not define fails', () => {
            const root = project({
                ...edited(PS, '<name>AccessXRay_Use</name>', '<name>Some_Other_Permission</name>'),
                'force-app/main/default/tabs/Access_XRay_Audit__c.tab-meta.xml': null
            });
            expect(rules.permissionSetFindings(root)).toEqual([
                `${PS}: grants the custom permission Some_Other_Permission, which the package does not define`,
                `${PS}: sets the visibility of the tab Access_XRay_Audit__c, which the package does not define`
            ]);
        });
    });

    describe('package definition in sfdx-project.json', () => {
        const project2gp = (mutate: (p: Record<string, unknown> & { packageDirectories: Record<string, unknown>[] }) => void): string => {
            const json = JSON.parse(String(CLEAN_FILES['sfdx-project.json']));
            mutate(json);
            return project({ 'sfdx-project.json': JSON.stringify(json) });
        };

        it('apexTestAccess naming a permission set that is not packaged fails', () => {
            const root = project2gp((p) => {
                p.packageDirectories[0] = { ...p.packageDirectories[0], apexTestAccess: { permissionSets: ['Missing_Set'] } };
            });
            expect(rules.projectDefinitionFindings(root)).toEqual(['sfdx-project.json: apexTestAccess names the permission set Missing_Set, which is not in force-app']);
        });

        it('no unpackagedMetadata, a missing unpackaged directory or another API version fail', () => {
            const root = project2gp((p) => {
                const dir = { ...p.packageDirectories[0] };
                delete dir.unpackagedMetadata;
                p.packageDirectories[0] = dir;
                p.sourceApiVersion = '64.0';
            });
            expect(rules.projectDefinitionFindings(root)).toEqual([
                'sfdx-project.json: sourceApiVersion is 64.0, expected 67.0',
                'sfdx-project.json: unpackagedMetadata.path is missing: demo/test metadata must stay out of the package'
            ]);
            const missing = project2gp((p) => {
                p.packageDirectories[0] = { ...p.packageDirectories[0], unpackagedMetadata: { path: 'no-such-dir' } };
            });
            expect(rules.projectDefinitionFindings(missing)).toEqual(['sfdx-project.json: unpackagedMetadata.path no-such-dir does not exist']);
        });

        it('a managed package without a namespace fails', () => {
            const root = project2gp((p) => {
                delete p.namespace;
            });
            expect(rules.projectDefinitionFindings(root)).toEqual(['sfdx-project.json: a managed package needs a namespace (1-15 letters/digits, starting with a letter)']);
        });
    });

    describe("no callouts other than the org's own API", () => {
        const NC = 'force-app/main/default/namedCredentials/AccessXRay_Org.namedCredential-meta.xml';
        const EC = 'force-app/main/default/externalCredentials/AccessXRay_Org.externalCredential-meta.xml';
        const nc = (url: string, external = 'AccessXRay_Org') =>
            `<?xml version="1.0" encoding="UTF-8"?>\n<NamedCredential xmlns="http://soap.sforce.com/2006/04/metadata">\n    <label>Org API</label>\n    <namedCredentialParameters>\n        <parameterName>Url</parameterName>\n        <parameterType>Url</parameterType>\n        <parameterValue>${url}</parameterValue>\n    </namedCredentialParameters>\n    <namedCredentialParameters>\n        <externalCredential>${external}</externalCredential>\n        <parameterName>ExternalCredential</parameterName>\n        <parameterType>Authentication</parameterType>\n    </namedCredentialParameters>\n    <namedCredentialType>SecuredEndpoint</namedCredentialType>\n</NamedCredential>\n`;
        const client = (endpoint: string) =>
            `/** @description Org API client. */\npublic with sharing class AccessXRayOrgClient {\n    public static final String ENDPOINT = 'callout:AccessXRay_Org';\n    public static HttpResponse get(String path) {\n        HttpRequest request = new HttpRequest();\n        request.setEndpoint(${endpoint});\n        return new Http().send(request);\n    }\n}\n`;
        const base = { [EC]: '<ExternalCredential/>', [NC]: nc('https://login.salesforce.com') };

        it('calls through callout:<packaged Named Credential> on a Salesforce host pass', () => {
            expect(rules.externalCalloutFindings(project({ ...base, 'force-app/main/default/classes/services/AccessXRayOrgClient.cls': client('ENDPOINT + path') }))).toEqual([]);
        });

        it('a literal external endpoint fails', () => {
            const root = project({ ...base, 'force-app/main/default/classes/services/AccessXRayOrgClient.cls': client("'https://collector.example.com/v1' + path") });
            expect(rules.externalCalloutFindings(root)).toEqual([
                "force-app/main/default/classes/services/AccessXRayOrgClient.cls: setEndpoint('https://collector.example.com/v1' + path) does not start with callout:<a packaged Named Credential>"
            ]);
        });

        it('a Named Credential pointing at another host, or using a foreign external credential, fails', () => {
            const root = project({ [EC]: '<ExternalCredential/>', [NC]: nc('https://api.example.com', 'Someone_Else') });
            expect(rules.externalCalloutFindings(root)).toEqual([
                `${NC}: URL https://api.example.com is not a Salesforce host; the connection must point at the org's own My Domain`,
                `${NC}: authenticates with Someone_Else external credential, not the package's own`
            ]);
        });

        it('a packaged remote site setting, or fetch() in shipped LWC code, fails', () => {
            const root = project({
                'force-app/main/default/remoteSiteSettings/Api.remoteSite-meta.xml': '<RemoteSiteSetting/>',
                'lwc-src/lwc/accessXray/accessXray.ts': "import AXR_Title from '@salesforce/label/c.AXR_Title';\nexport default class AccessXray { title = AXR_Title; load() { return fetch('/x'); } }\n"
            });
            expect(rules.externalCalloutFindings(root)).toEqual([
                "force-app/main/default/remoteSiteSettings/Api.remoteSite-meta.xml: a packaged remote site / CSP trusted site would allow calls to another host; the package calls only the org's own API through its Named Credential",
                "lwc-src/lwc/accessXray/accessXray.ts: shipped LWC code opens a network connection; the panel talks only to its Apex controller"
            ]);
        });
    });
});
