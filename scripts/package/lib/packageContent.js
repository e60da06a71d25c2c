'use strict';
// The package-content rules: what may ship in the managed package directory (force-app).
// Each rule is a function of the project root returning its findings (one readable sentence
// each, naming the file); no findings = the rule holds. Used by tests/package (npm test) and by
// scripts/package/create-version.mjs (pre-flight before a package version is built).
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const {
    apexClasses,
    components,
    customLabels,
    listFiles,
    packagedDirectories,
    readProject,
    stripApexComments,
    xmlBlocks,
    xmlValues
} = require('./sources.js');

/**
 * Metadata folders that configure an org rather than add a feature: roles, groups, queues,
 * sharing rules, territories, profiles, Experience Cloud sites, org settings. Installing any of
 * them would change the subscriber's access model (the very thing Access X-Ray explains), so
 * they belong to the demo org in the unpackaged directory only.
 */
const ORG_CONFIGURATION_FOLDERS = [
    'profiles',
    'roles',
    'groups',
    'queues',
    'sharingRules',
    'sharingSets',
    'sharingCriteriaRules',
    'sharingOwnerRules',
    'territory2Models',
    'territory2Types',
    'territories',
    'networks',
    'sites',
    'experiences',
    'digitalExperiences',
    'digitalExperienceConfigs',
    'communities',
    'settings',
    'users',
    'restrictionRules'
];

/** Names that mark demo or sample content (never in the package, in any file or folder name). */
const DEMO_NAME = /(demo|sample|seed|fixture|dummy)/i;
/** Names that mark test doubles (allowed only as @IsTest Apex classes). */
const TEST_DOUBLE_NAME = /(mock|fake|stub|testdata|testfactory|test_?util)/i;
/** System permissions the panel never needs. View/Modify All Data bypass sharing org-wide. */
const FORBIDDEN_USER_PERMISSIONS = new Set([
    'ViewAllData',
    'ModifyAllData',
    'ViewAllUsers',
    'ManageUsers',
    'ManageSharing',
    'AuthorApex',
    'CustomizeApplication',
    'ModifyMetadata',
    'ManageInternalUsers',
    'ManageRoles',
    'ViewAllProfiles'
]);
/**
 * System permissions a package permission set may grant. Empty on purpose: the panel runs on
 * its custom permissions, object access to its own objects and access to its controller; a new
 * entry here needs a justification in docs/security-review.md.
 */
const ALLOWED_USER_PERMISSIONS = new Set([]);
/**
 * Platform objects a permission set may grant access to, with why (each also in docs/security-review.md).
 * User External Credentials: Salesforce Help "Permission Concepts for User External Credentials" —
 * users making callouts through an OAuth 2.0 named principal need Modify All Records on it, so the
 * platform can store the tokens it refreshes. Allowed only in a permission set that also grants
 * access to one of the package's external credential principals.
 */
const PLATFORM_OBJECT_ACCESS = new Map([['userexternalcredential', 'needs an external credential principal']]);

function packaged(root) {
    const { packagedPath } = packagedDirectories(readProject(root));
    return packagedPath;
}

/** Rule 1: no test-only or demo metadata in the packaged directory. */
function demoAndTestMetadataFindings(root) {
    const dir = packaged(root);
    const findings = [];
    const files = listFiles(root, dir);
    const classes = apexClasses(root, dir);
    // @IsTest classes (test data factories, fixtures, fakes) are test code, not demo content: they
    // ship with the package (Apex tests run at version creation) but can never be called.
    const testClassFiles = new Set(classes.filter((c) => c.isTest).flatMap((c) => [c.path, `${c.path}-meta.xml`]));
    for (const file of files) {
        const segments = file.split('/').slice(1);
        const folder = segments.find((s) => ORG_CONFIGURATION_FOLDERS.includes(s));
        if (folder) {
            findings.push(`${file}: org configuration (${folder}) is demo-org metadata; move it to the unpackaged directory`);
        }
        if (!testClassFiles.has(file) && segments.some((s) => DEMO_NAME.test(s))) {
            findings.push(`${file}: demo/sample content must live in the unpackaged directory, not in the package`);
        }
        if (/\.(json|csv)$/i.test(file) && !segments.includes('lwc')) {
            findings.push(`${file}: data files (records, fixtures) are not package metadata; move them out of ${dir}`);
        }
        if (segments.includes('staticresources') && /test/i.test(file)) {
            findings.push(`${file}: a test static resource would ship to every subscriber; move it to the unpackaged directory`);
        }
    }
    for (const cls of classes) {
        const inTestFolder = cls.path.split('/').includes('tests');
        const testName = /(Test|Tests|_Test)$/.test(cls.name) || TEST_DOUBLE_NAME.test(cls.name);
        if ((inTestFolder || testName) && !cls.isTest) {
            findings.push(
                `${cls.path}: ${cls.name} is test-only code (${inTestFolder ? 'tests folder' : 'test name'}) but is not annotated @IsTest, so it would ship as callable code`
            );
        }
    }
    // LWC sources compile into the package: a demo/preview component there would ship too.
    for (const file of listFiles(root, 'lwc-src/lwc', () => true)) {
        const component = file.split('/')[2] || '';
        if (DEMO_NAME.test(component) || /preview/i.test(component)) {
            findings.push(`${file}: LWC component "${component}" looks like demo/preview code; keep it outside lwc-src/lwc (it compiles into ${dir})`);
        }
    }
    return [...new Set(findings)];
}

/**
 * Whether an Apex type has executable logic of its own: a method or constructor with a body.
 * Interfaces, enums and pure data classes (fields only, e.g. @AuraEnabled DTOs) have none.
 */
function hasLogic(cls) {
    if (cls.kind !== 'class') return false;
    return /\b[A-Za-z_][\w<>,.\s[\]]*?\b[A-Za-z_]\w*\s*\([^()]*\)\s*(?:throws\s+[\w.,\s]+)?\{/.test(
        cls.code.replace(/^[\s\S]*?\{/, '').replace(/\b(?:if|for|while|switch\s+on|catch|new)\s*\(/g, '')
    );
}

/**
 * Rule 2: every Apex class in the package has a test class. A class with logic must be exercised
 * by an @IsTest class: a call of one of its members (`Name.member(`, `new Name(`) or a subclass
 * (`extends Name`) in test code — a dedicated `<Name>Test` or a grouped test such as
 * AccessXRaySelectorsTest. Mentions in comments or strings do not count. A type without logic of its
 * own (interface, enum, data-only DTO) must at least be used by some test class.
 */
function missingTestClassFindings(root) {
    const classes = apexClasses(root, packaged(root));
    const testClasses = classes.filter((c) => c.isTest);
    const findings = [];
    for (const cls of classes.filter((c) => !c.isTest)) {
        const n = cls.name;
        if (!hasLogic(cls)) {
            const mentions = new RegExp(`\\b${n}\\b`, 'i');
            if (!testClasses.some((t) => mentions.test(t.code))) {
                findings.push(`${cls.path}: ${n} (no logic of its own) is not used by any @IsTest class`);
            }
            continue;
        }
        const exercises = new RegExp(`\\b${n}\\s*\\.\\s*\\w+|\\bnew\\s+${n}\\s*\\(|\\bextends\\s+${n}\\b|\\b${n}\\s+\\w+\\s*[=;,)]`, 'i');
        if (!testClasses.some((t) => t.name.toLowerCase() !== n.toLowerCase() && exercises.test(t.code))) {
            findings.push(`${cls.path}: ${n} has no test class: no @IsTest class calls it (add ${n}Test)`);
        }
    }
    return findings;
}

/** The LWC sources that ship (TypeScript/JS/HTML of lwc-src, tests and mocks excluded). */
function shippedLwcSources(root) {
    return listFiles(root, 'lwc-src/lwc', (n) => /\.(ts|js|html)$/.test(n))
        .filter((f) => !f.includes('/__tests__/') && !f.includes('/__mocks__/'))
        .map((f) => readFileSync(join(root, f), 'utf8'));
}

/** Rule 3: every custom label of the package is used by shipped Apex or LWC code. */
function unusedLabelFindings(root) {
    const dir = packaged(root);
    const apex = apexClasses(root, dir)
        .filter((c) => !c.isTest)
        .map((c) => stripApexComments(c.source));
    const markup = listFiles(root, dir, (n) => /\.(cmp|page|component|app)$/.test(n)).map((f) => readFileSync(join(root, f), 'utf8'));
    const lwc = shippedLwcSources(root);
    const used = new Set();
    for (const code of apex) for (const m of code.matchAll(/\b(?:System\s*\.\s*)?Label\s*\.\s*([A-Za-z]\w*)/gi)) used.add(m[1].toLowerCase());
    for (const code of lwc) for (const m of code.matchAll(/@salesforce\/label\/(?:c|axray)\.([A-Za-z]\w*)/g)) used.add(m[1].toLowerCase());
    for (const code of markup) for (const m of code.matchAll(/\$Label\.(?:c\.)?([A-Za-z]\w*)/g)) used.add(m[1].toLowerCase());
    return customLabels(root, dir)
        .filter((l) => !used.has(l.name.toLowerCase()))
        .map((l) => `${l.file}: custom label ${l.name} is not used by any shipped Apex (Label.${l.name}) or LWC (@salesforce/label/c.${l.name}) code`);
}

/** Rule 4: every custom permission is checked with FeatureManagement.checkPermission in shipped Apex. */
function uncheckedPermissionFindings(root) {
    const dir = packaged(root);
    const apex = apexClasses(root, dir).filter((c) => !c.isTest).map((c) => stripApexComments(c.source));
    const constants = new Map();
    for (const code of apex) {
        for (const m of code.matchAll(/\bfinal\s+String\s+([A-Za-z_]\w*)\s*=\s*'([^']*)'/gi)) constants.set(m[1].toLowerCase(), m[2]);
    }
    const checked = new Set();
    for (const code of apex) {
        for (const m of code.matchAll(/FeatureManagement\s*\.\s*checkPermission\s*\(\s*([^)]*?)\s*\)/gi)) {
            const arg = m[1];
            const literal = /^'([^']*)'$/.exec(arg);
            if (literal) checked.add(literal[1].toLowerCase());
            else {
                const ident = arg.split('.').pop().toLowerCase();
                if (constants.has(ident)) checked.add(constants.get(ident).toLowerCase());
            }
        }
    }
    return components(root, dir, '.customPermission-meta.xml')
        .filter((p) => !checked.has(p.name.toLowerCase()))
        .map((p) => `${p.file}: custom permission ${p.name} is never checked with FeatureManagement.checkPermission in shipped Apex`);
}

/** Rule 5: the permission sets grant only what the panel needs. */
function permissionSetFindings(root) {
    const dir = packaged(root);
    const ownObjects = new Set(
        listFiles(root, dir, (n) => n.endsWith('.object-meta.xml')).map((f) => f.split('/').slice(-2)[0].toLowerCase())
    );
    const ownTabs = new Set(components(root, dir, '.tab-meta.xml').map((t) => t.name.toLowerCase()));
    const ownPermissions = new Set(components(root, dir, '.customPermission-meta.xml').map((p) => p.name.toLowerCase()));
    const ownExternalCredentials = new Set(components(root, dir, '.externalCredential-meta.xml').map((p) => p.name.toLowerCase()));
    const classes = apexClasses(root, dir);
    const controllers = new Set(
        classes.filter((c) => !c.isTest && /@AuraEnabled\b[^;{]*?\bstatic\b[^;{=]*\(/i.test(c.code)).map((c) => c.name.toLowerCase())
    );
    const findings = [];
    for (const ps of components(root, dir, '.permissionset-meta.xml')) {
        const xml = readFileSync(join(root, ps.file), 'utf8');
        const where = `${ps.file}`;
        for (const block of xmlBlocks(xml, 'userPermissions')) {
            const name = xmlValues(block, 'name')[0] || '';
            const enabled = (xmlValues(block, 'enabled')[0] || '') === 'true';
            if (enabled && FORBIDDEN_USER_PERMISSIONS.has(name)) findings.push(`${where}: grants the system permission ${name}, which the panel never needs`);
            else if (enabled && !ALLOWED_USER_PERMISSIONS.has(name)) {
                findings.push(`${where}: grants the system permission ${name}; add it to ALLOWED_USER_PERMISSIONS with a justification in docs/security-review.md, or remove it`);
            }
        }
        const hasPrincipal = xmlBlocks(xml, 'externalCredentialPrincipalAccesses').some((b) => /<enabled>true<\/enabled>/.test(b));
        for (const block of xmlBlocks(xml, 'objectPermissions')) {
            const object = xmlValues(block, 'object')[0] || '';
            const flag = (tag) => (xmlValues(block, tag)[0] || '') === 'true';
            const grantsAny = ['allowRead', 'allowCreate', 'allowEdit', 'allowDelete', 'viewAllRecords', 'modifyAllRecords'].some(flag);
            const platformAllowed = PLATFORM_OBJECT_ACCESS.has(object.toLowerCase()) && hasPrincipal;
            if (grantsAny && !ownObjects.has(object.toLowerCase()) && !platformAllowed) {
                findings.push(`${where}: grants access to ${object}, which is not one of the package's own objects`);
            }
            if (flag('modifyAllRecords') && !platformAllowed) findings.push(`${where}: grants Modify All Records on ${object}`);
        }
        for (const block of xmlBlocks(xml, 'fieldPermissions')) {
            const field = xmlValues(block, 'field')[0] || '';
            const object = field.split('.')[0] || '';
            if (!ownObjects.has(object.toLowerCase())) findings.push(`${where}: grants field access to ${field}, which is not a field of the package's own objects`);
        }
        for (const block of xmlBlocks(xml, 'classAccesses')) {
            const apexClass = xmlValues(block, 'apexClass')[0] || '';
            const enabled = (xmlValues(block, 'enabled')[0] || '') === 'true';
            if (enabled && !controllers.has(apexClass.toLowerCase())) {
                findings.push(`${where}: grants access to the Apex class ${apexClass}, which is not a controller (a shipped class with an @AuraEnabled static method)`);
            }
        }
        for (const block of xmlBlocks(xml, 'customPermissions')) {
            const name = xmlValues(block, 'name')[0] || '';
            if (!ownPermissions.has(name.toLowerCase())) findings.push(`${where}: grants the custom permission ${name}, which the package does not define`);
        }
        for (const block of xmlBlocks(xml, 'tabSettings')) {
            const tab = xmlValues(block, 'tab')[0] || '';
            if (!ownTabs.has(tab.toLowerCase())) findings.push(`${where}: sets the visibility of the tab ${tab}, which the package does not define`);
        }
        for (const block of xmlBlocks(xml, 'externalCredentialPrincipalAccesses')) {
            const principal = xmlValues(block, 'externalCredentialPrincipal')[0] || '';
            if (!ownExternalCredentials.has((principal.split('-')[0] || '').toLowerCase())) {
                findings.push(`${where}: grants the external credential principal ${principal}, which is not the package's own external credential`);
            }
        }
        for (const tag of ['pageAccesses', 'customMetadataTypeAccesses', 'customSettingAccesses', 'flowAccesses', 'applicationVisibilities']) {
            for (const block of xmlBlocks(xml, tag)) {
                if (/<enabled>true<\/enabled>|<visible>true<\/visible>/.test(block)) {
                    findings.push(`${where}: grants ${tag} (${block.replace(/\s+/g, ' ').trim()}), which the panel does not use`);
                }
            }
        }
    }
    return findings;
}

/** Rule 6: the 2GP package definition in sfdx-project.json is complete and consistent. */
function projectDefinitionFindings(root) {
    const project = readProject(root);
    const findings = [];
    let packagedDir;
    try {
        packagedDir = packagedDirectories(project);
    } catch (error) {
        return [error.message];
    }
    const { packaged: pkg, packagedPath, unpackagedPath } = packagedDir;
    if (project.sourceApiVersion !== '67.0') findings.push(`sfdx-project.json: sourceApiVersion is ${project.sourceApiVersion}, expected 67.0`);
    if (typeof project.namespace !== 'string' || !/^[A-Za-z][A-Za-z0-9]{0,14}$/.test(project.namespace)) {
        findings.push('sfdx-project.json: a managed package needs a namespace (1-15 letters/digits, starting with a letter)');
    }
    if (packagedPath !== 'force-app') findings.push(`sfdx-project.json: the package directory is ${packagedPath}, expected force-app`);
    if (!unpackagedPath) findings.push('sfdx-project.json: unpackagedMetadata.path is missing: demo/test metadata must stay out of the package');
    else if (!existsSync(join(root, unpackagedPath))) findings.push(`sfdx-project.json: unpackagedMetadata.path ${unpackagedPath} does not exist`);
    if (!/^\d+\.\d+\.\d+\.(NEXT|\d+)$/.test(pkg.versionNumber || '')) findings.push(`sfdx-project.json: versionNumber ${pkg.versionNumber} is not major.minor.patch.(NEXT|build)`);
    // The ancestor setting is checked against the versions created by the deploy-package gate (deployChecks.js).
    if (pkg.definitionFile && !existsSync(join(root, pkg.definitionFile))) findings.push(`sfdx-project.json: definitionFile ${pkg.definitionFile} does not exist`);
    const testSets = (pkg.apexTestAccess && pkg.apexTestAccess.permissionSets) || [];
    if (testSets.length === 0) findings.push('sfdx-project.json: apexTestAccess.permissionSets is empty: name the permission set the Apex tests need at version creation');
    const ownSets = new Set(components(root, packagedPath, '.permissionset-meta.xml').map((p) => p.name));
    for (const name of testSets) {
        if (!ownSets.has(name)) findings.push(`sfdx-project.json: apexTestAccess names the permission set ${name}, which is not in ${packagedPath}`);
    }
    return findings;
}

/** Host names that are the subscriber org's own API (My Domain, login endpoints). */
const ORG_OWN_HOST = /^(?:[a-z0-9-]+\.)*(?:salesforce\.com|force\.com|salesforce-setup\.com|sfdc\.net)$/i;

/**
 * Rule 7: no callouts other than the org's own API. Every HttpRequest.setEndpoint in shipped Apex
 * goes through `callout:<a packaged Named Credential>`; every packaged Named Credential points at a
 * Salesforce host (the admin sets it to the org's My Domain) through the package's own External
 * Credential; no Remote Site Settings or CSP Trusted Sites are packaged; no shipped LWC code calls
 * fetch/XMLHttpRequest/WebSocket.
 */
function externalCalloutFindings(root) {
    const dir = packaged(root);
    const findings = [];
    const namedCredentials = components(root, dir, '.namedCredential-meta.xml');
    const ownNamed = new Set(namedCredentials.map((n) => n.name.toLowerCase()));
    const ownExternal = new Set(components(root, dir, '.externalCredential-meta.xml').map((n) => n.name.toLowerCase()));
    for (const file of listFiles(root, dir, (n) => /\.(remoteSite|cspTrustedSite)-meta\.xml$/.test(n))) {
        findings.push(`${file}: a packaged remote site / CSP trusted site would allow calls to another host; the package calls only the org's own API through its Named Credential`);
    }
    for (const nc of namedCredentials) {
        const xml = readFileSync(join(root, nc.file), 'utf8');
        const urls = [...xmlValues(xml, 'endpoint'), ...xmlBlocks(xml, 'namedCredentialParameters').filter((b) => /<parameterType>Url<\/parameterType>/.test(b)).flatMap((b) => xmlValues(b, 'parameterValue'))];
        for (const url of urls) {
            let host = '';
            try {
                host = new URL(url).hostname;
            } catch {
                host = '';
            }
            if (!ORG_OWN_HOST.test(host)) findings.push(`${nc.file}: URL ${url} is not a Salesforce host; the connection must point at the org's own My Domain`);
        }
        for (const block of xmlBlocks(xml, 'namedCredentialParameters').filter((b) => /<parameterType>Authentication<\/parameterType>/.test(b))) {
            const external = xmlValues(block, 'externalCredential')[0] || '';
            if (!ownExternal.has(external.toLowerCase())) findings.push(`${nc.file}: authenticates with ${external || 'no'} external credential, not the package's own`);
        }
    }
    const apex = apexClasses(root, dir).filter((c) => !c.isTest);
    const constants = new Map();
    for (const cls of apex) {
        for (const m of stripApexComments(cls.source).matchAll(/\bfinal\s+String\s+([A-Za-z_]\w*)\s*=\s*'([^']*)'/gi)) constants.set(m[1].toLowerCase(), m[2]);
    }
    for (const cls of apex) {
        const code = stripApexComments(cls.source);
        for (const m of code.matchAll(/\.setEndpoint\s*\(([^;]*)\)\s*;/gi)) {
            const expression = m[1];
            const values = [
                ...[...expression.matchAll(/'([^']*)'/g)].map((x) => x[1]),
                ...[...expression.replace(/'[^']*'/g, '').matchAll(/[A-Za-z_][\w.]*/g)].map((x) => constants.get(x[0].split('.').pop().toLowerCase())).filter(Boolean)
            ];
            const first = values[0] || '';
            const named = /^callout:([A-Za-z]\w*)/.exec(first);
            if (!named || !ownNamed.has(named[1].toLowerCase())) {
                findings.push(`${cls.path}: setEndpoint(${expression.trim()}) does not start with callout:<a packaged Named Credential>`);
            }
        }
    }
    for (const file of listFiles(root, 'lwc-src/lwc', (n) => /\.(ts|js)$/.test(n)).filter((f) => !f.includes('/__tests__/') && !f.includes('/__mocks__/'))) {
        const code = readFileSync(join(root, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '');
        if (/\b(fetch\s*\(|XMLHttpRequest|WebSocket|EventSource|navigator\.sendBeacon)/.test(code)) {
            findings.push(`${file}: shipped LWC code opens a network connection; the panel talks only to its Apex controller`);
        }
    }
    return findings;
}

const RULES = {
    'no test-only or demo metadata in the package': demoAndTestMetadataFindings,
    'every Apex class has a test class': missingTestClassFindings,
    'every custom label is used': unusedLabelFindings,
    'every custom permission is checked': uncheckedPermissionFindings,
    'permission sets grant only what the panel needs': permissionSetFindings,
    'package definition in sfdx-project.json': projectDefinitionFindings,
    'no callouts other than the org\'s own API': externalCalloutFindings
};

/** Runs every rule: { ruleName: findings[] }. */
function checkPackageContent(root) {
    return Object.fromEntries(Object.entries(RULES).map(([name, rule]) => [name, rule(root)]));
}

module.exports = {
    RULES,
    ORG_CONFIGURATION_FOLDERS,
    FORBIDDEN_USER_PERMISSIONS,
    ALLOWED_USER_PERMISSIONS,
    PLATFORM_OBJECT_ACCESS,
    checkPackageContent,
    demoAndTestMetadataFindings,
    missingTestClassFindings,
    hasLogic,
    unusedLabelFindings,
    uncheckedPermissionFindings,
    permissionSetFindings,
    projectDefinitionFindings,
    externalCalloutFindings
};
