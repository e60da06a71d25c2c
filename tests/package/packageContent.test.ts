/** @jest-environment node */
/**
 * What ships in the managed package (issue 9, "AppExchange readiness"):
 * - the packaged directory holds no test-only or demo metadata (demo/test data belongs in the
 *   unpackaged directory — Salesforce "Specify Unpackaged Metadata or Apex Access for Package
 *   Version Creation Tests for Second-Generation Managed Packages");
 * - every Apex class has a test class; every custom label is used; every custom permission is
 *   checked with FeatureManagement.checkPermission;
 * - the permission sets grant only what the panel needs: no View All Data / Modify All Data /
 *   Modify All Records, object access only to the package's own objects, Apex class access only
 *   to the controller(s);
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
        it('a class with logic and no <Name>Test fails', () => {
            const root = project({
                'force-app/main/default/classes/services/AccessXRayAuditService.cls':
                    'public with sharing class AccessXRayAuditService {\n    public static Integer retentionDays() {\n        return 30;\n    }\n}\n'
            });
            expect(rules.missingTestClassFindings(root)).toEqual([
                'force-app/main/default/classes/services/AccessXRayAuditService.cls: AccessXRayAuditService has no test class (expected an @IsTest class AccessXRayAuditServiceTest)'
            ]);
        });

        it('a <Name>Test that never mentions the class fails', () => {
            const root = project(edited('force-app/main/default/classes/tests/AccessXRayControllerTest.cls', "Assert.isNotNull(AccessXRayController.PERMISSION_USE, 'the permission name is set');", ''));
            expect(rules.missingTestClassFindings(root)).toEqual([
                'force-app/main/default/classes/tests/AccessXRayControllerTest.cls: AccessXRayControllerTest never references AccessXRayController, so it does not test it'
            ]);
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

        it('no ancestor setting, no unpackagedMetadata or another API version fail', () => {
            const root = project2gp((p) => {
                const dir = { ...p.packageDirectories[0] };
                delete dir.ancestorVersion;
                delete dir.unpackagedMetadata;
                p.packageDirectories[0] = dir;
                p.sourceApiVersion = '64.0';
            });
            expect(rules.projectDefinitionFindings(root)).toEqual([
                'sfdx-project.json: sourceApiVersion is 64.0, expected 65.0',
                'sfdx-project.json: unpackagedMetadata.path is missing: demo/test metadata must stay out of the package',
                'sfdx-project.json: set ancestorVersion (HIGHEST) so every version after the first upgrades from the last released one'
            ]);
        });

        it('a managed package without a namespace fails', () => {
            const root = project2gp((p) => {
                delete p.namespace;
            });
            expect(rules.projectDefinitionFindings(root)).toEqual(['sfdx-project.json: a managed package needs a namespace (1-15 letters/digits, starting with a letter)']);
        });
    });
});
