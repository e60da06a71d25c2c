/**
 * A minimal, valid Access X-Ray-shaped project in a temp directory, for proving that each
 * packaging rule fails on an injected fault (not a test itself). Every test starts from this
 * clean project, asserts it passes, then breaks one thing.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const META = (kind: string) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<${kind} xmlns="http://soap.sforce.com/2006/04/metadata">\n    <apiVersion>65.0</apiVersion>\n    <status>Active</status>\n</${kind}>\n`;

export const CLEAN_FILES: Record<string, string> = {
    'sfdx-project.json': JSON.stringify(
        {
            packageDirectories: [
                {
                    path: 'force-app',
                    default: true,
                    package: 'Access X-Ray',
                    versionName: 'Version 1.0',
                    versionNumber: '1.0.0.NEXT',
                    apexTestAccess: { permissionSets: ['Access_XRay_Admin'] },
                    unpackagedMetadata: { path: 'unpackaged' }
                }
            ],
            namespace: 'axray',
            sourceApiVersion: '67.0',
            packageAliases: {}
        },
        null,
        2
    ),
    'CHANGELOG.md': '# Changelog\n\n## [Unreleased]\n\n### Added\n\n- First version.\n',
    'force-app/main/default/classes/controllers/AccessXRayController.cls': `/** @description Entry point. */
public with sharing class AccessXRayController {
    public static final String PERMISSION_USE = 'AccessXRay_Use';
    /** @description Explains. */
    @AuraEnabled
    public static String explain(Id recordId, Id userId) {
        if (!FeatureManagement.checkPermission(PERMISSION_USE)) {
            throw new AuraHandledException(Label.AXR_NoPermission);
        }
        return String.valueOf(recordId) + userId;
    }
}
`,
    'force-app/main/default/classes/controllers/AccessXRayController.cls-meta.xml': META('ApexClass'),
    'force-app/main/default/classes/dto/AccessXRayStatus.cls': `/** @description Data only. */
public inherited sharing class AccessXRayStatus {
    @AuraEnabled
    public Boolean ready = false;
}
`,
    'force-app/main/default/classes/dto/AccessXRayStatus.cls-meta.xml': META('ApexClass'),
    'force-app/main/default/classes/tests/AccessXRayControllerTest.cls': `@IsTest
private class AccessXRayControllerTest {
    @IsTest
    static void refusesWithoutPermission() {
        AccessXRayStatus status = new AccessXRayStatus();
        Assert.isFalse(status.ready, 'a new status is not ready');
        Assert.isNotNull(AccessXRayController.PERMISSION_USE, 'the permission name is set');
    }
}
`,
    'force-app/main/default/classes/tests/AccessXRayControllerTest.cls-meta.xml': META('ApexClass'),
    'force-app/main/default/customPermissions/AccessXRay_Use.customPermission-meta.xml':
        '<?xml version="1.0" encoding="UTF-8"?>\n<CustomPermission xmlns="http://soap.sforce.com/2006/04/metadata">\n    <isLicensed>false</isLicensed>\n    <label>Use</label>\n</CustomPermission>\n',
    'force-app/main/default/labels/AccessXRay.labels-meta.xml': `<?xml version="1.0" encoding="UTF-8"?>
<CustomLabels xmlns="http://soap.sforce.com/2006/04/metadata">
    <labels>
        <fullName>AXR_NoPermission</fullName>
        <language>en_US</language>
        <protected>false</protected>
        <shortDescription>No permission</shortDescription>
        <value>You need the Access X-Ray permission.</value>
    </labels>
    <labels>
        <fullName>AXR_Title</fullName>
        <language>en_US</language>
        <protected>false</protected>
        <shortDescription>Title</shortDescription>
        <value>Access X-Ray</value>
    </labels>
</CustomLabels>
`,
    'force-app/main/default/objects/Access_XRay_Audit__c/Access_XRay_Audit__c.object-meta.xml':
        '<?xml version="1.0" encoding="UTF-8"?>\n<CustomObject xmlns="http://soap.sforce.com/2006/04/metadata">\n    <label>Audit</label>\n</CustomObject>\n',
    'force-app/main/default/tabs/Access_XRay_Audit__c.tab-meta.xml':
        '<?xml version="1.0" encoding="UTF-8"?>\n<CustomTab xmlns="http://soap.sforce.com/2006/04/metadata">\n    <customObject>true</customObject>\n</CustomTab>\n',
    'force-app/main/default/permissionsets/Access_XRay_Admin.permissionset-meta.xml': `<?xml version="1.0" encoding="UTF-8"?>
<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">
    <classAccesses>
        <apexClass>AccessXRayController</apexClass>
        <enabled>true</enabled>
    </classAccesses>
    <customPermissions>
        <enabled>true</enabled>
        <name>AccessXRay_Use</name>
    </customPermissions>
    <fieldPermissions>
        <editable>false</editable>
        <field>Access_XRay_Audit__c.Summary__c</field>
        <readable>true</readable>
    </fieldPermissions>
    <label>Access X-Ray Admin</label>
    <objectPermissions>
        <allowCreate>false</allowCreate>
        <allowDelete>false</allowDelete>
        <allowEdit>false</allowEdit>
        <allowRead>true</allowRead>
        <modifyAllRecords>false</modifyAllRecords>
        <object>Access_XRay_Audit__c</object>
        <viewAllRecords>true</viewAllRecords>
    </objectPermissions>
    <tabSettings>
        <tab>Access_XRay_Audit__c</tab>
        <visibility>Visible</visibility>
    </tabSettings>
</PermissionSet>
`,
    'lwc-src/lwc/accessXray/accessXray.ts':
        "import AXR_Title from '@salesforce/label/c.AXR_Title';\nexport default class AccessXray { title = AXR_Title; }\n",
    'lwc-src/lwc/accessXray/accessXray.js-meta.xml':
        '<?xml version="1.0" encoding="UTF-8"?>\n<LightningComponentBundle xmlns="http://soap.sforce.com/2006/04/metadata">\n    <apiVersion>65.0</apiVersion>\n    <isExposed>false</isExposed>\n</LightningComponentBundle>\n',
    'unpackaged/main/demo/classes/AccessXRayDemoData.cls': 'public class AccessXRayDemoData {}\n'
};

/** Writes the clean project plus `overrides` (a null value deletes the file); returns its root. */
export function makeProject(overrides: Record<string, string | null> = {}): string {
    const root = mkdtempSync(join(tmpdir(), 'axr-pkg-'));
    const files: Record<string, string | null> = { ...CLEAN_FILES, ...overrides };
    for (const [path, content] of Object.entries(files)) {
        if (content === null) continue;
        const file = join(root, path);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, content);
    }
    return root;
}

export function removeProject(root: string): void {
    rmSync(root, { recursive: true, force: true });
}

/** Replaces `search` in a clean file (fails loudly when the text is not there). */
export function edited(path: string, search: string, replacement: string): Record<string, string> {
    const original = CLEAN_FILES[path];
    if (original === undefined || !original.includes(search)) {
        throw new Error(`fixture ${path} does not contain ${search}`);
    }
    return { [path]: original.replace(search, replacement) };
}
