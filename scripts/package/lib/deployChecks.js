'use strict';
// The deploy and package checks: what `sf project convert source` accepts but a deploy or
// `sf package version create` rejects (checked against the Metadata API Developer Guide and the
// Salesforce DX Developer Guide). Each check is a function of the project root returning its
// findings (one readable sentence each, naming the file and the fix); no findings = it holds.
// Used by the `deploy-package` gate (scripts/lib/gates.mjs), tests/package/deployChecks.test.ts
// and the package-version pre-flight.
const { existsSync, readFileSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');
const { components, listFiles, packagedDirectories, readProject, xmlBlocks, xmlValues } = require('./sources.js');

/**
 * Description limits the checks enforce, by metadata file suffix. Metadata API Developer Guide:
 * CustomObject and CustomField descriptions up to 1,000 characters; PermissionSet, CustomPermission,
 * ExternalCredential and NamedCredential descriptions up to 255; CustomLabel values up to 1,000
 * characters and short descriptions up to 80.
 */
const DESCRIPTION_LIMITS = [
    { suffix: '.object-meta.xml', tag: 'description', limit: 1000, what: 'object description' },
    { suffix: '.field-meta.xml', tag: 'description', limit: 1000, what: 'field description' },
    { suffix: '.permissionset-meta.xml', tag: 'description', limit: 255, what: 'permission set description' },
    { suffix: '.customPermission-meta.xml', tag: 'description', limit: 255, what: 'custom permission description' },
    { suffix: '.externalCredential-meta.xml', tag: 'description', limit: 255, what: 'external credential description' },
    { suffix: '.namedCredential-meta.xml', tag: 'description', limit: 255, what: 'named credential description' }
];
const LABEL_VALUE_LIMIT = 1000;
const LABEL_SHORT_DESCRIPTION_LIMIT = 80;

/** XML text as the platform reads it (entities decoded), so lengths are counted in characters. */
function decoded(text) {
    return text
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&');
}

function directories(root, dir) {
    const full = join(root, dir);
    if (!existsSync(full)) return [];
    return readdirSync(full).filter((name) => statSync(join(full, name)).isDirectory());
}

/**
 * Every Lightning web component bundle has its configuration file `<name>.js-meta.xml` with an
 * `apiVersion`; without it a deploy fails ("Cannot find Lightning Component Bundle"). Checked on
 * the TypeScript sources (lwc-src/lwc, which compile into the package) and on the generated
 * bundles in the packaged directory when they exist.
 */
function lwcBundleFindings(root) {
    const findings = [];
    const { packagedPath } = packagedDirectories(readProject(root));
    const roots = ['lwc-src/lwc', `${packagedPath}/main/default/lwc`];
    for (const base of roots) {
        for (const name of directories(root, base)) {
            if (name.startsWith('__') || name.startsWith('.')) continue;
            const meta = `${base}/${name}/${name}.js-meta.xml`;
            if (!existsSync(join(root, meta))) {
                findings.push(`${base}/${name}: Lightning web component bundle without its configuration file ${name}.js-meta.xml (the deploy fails with "Cannot find Lightning Component Bundle"); add it with an apiVersion`);
                continue;
            }
            const xml = readFileSync(join(root, meta), 'utf8');
            if (!/<apiVersion>\s*\d+\.\d+\s*<\/apiVersion>/.test(xml)) findings.push(`${meta}: no <apiVersion>; every bundle configuration file needs one`);
        }
    }
    return findings;
}

/**
 * Custom object flags: enableBulkApi, enableSharing and enableStreamingApi are set together
 * (all true, an "Enterprise Application" object, or all false) — Metadata API "CustomObject".
 */
function objectFlagFindings(root) {
    const { packagedPath } = packagedDirectories(readProject(root));
    const findings = [];
    for (const file of listFiles(root, packagedPath, (n) => n.endsWith('.object-meta.xml'))) {
        const xml = readFileSync(join(root, file), 'utf8');
        if (/<customSettingsType>/.test(xml)) continue;
        const flags = ['enableBulkApi', 'enableSharing', 'enableStreamingApi'].map((f) => [f, (xmlValues(xml, f)[0] || 'false') === 'true']);
        const on = flags.filter(([, v]) => v).map(([f]) => f);
        if (on.length > 0 && on.length < flags.length) {
            const off = flags.filter(([, v]) => !v).map(([f]) => f);
            findings.push(`${file}: ${on.join(' and ')} on but ${off.join(' and ')} off; the CustomObject rules require enableBulkApi, enableSharing and enableStreamingApi together`);
        }
    }
    return findings;
}

/**
 * Permission dependencies in permission sets: object Delete needs Edit, Edit needs Read, Create
 * needs Read, View All needs Read, Modify All needs Read, Create, Edit, Delete and View All; an
 * editable field must be readable (Object Reference "ObjectPermissions", "FieldPermissions").
 */
function permissionDependencyFindings(root) {
    const { packagedPath } = packagedDirectories(readProject(root));
    const findings = [];
    const needs = [
        ['allowDelete', ['allowEdit', 'allowRead']],
        ['allowEdit', ['allowRead']],
        ['allowCreate', ['allowRead']],
        ['viewAllRecords', ['allowRead']],
        ['modifyAllRecords', ['allowRead', 'allowCreate', 'allowEdit', 'allowDelete', 'viewAllRecords']]
    ];
    for (const ps of components(root, packagedPath, '.permissionset-meta.xml')) {
        const xml = readFileSync(join(root, ps.file), 'utf8');
        for (const block of xmlBlocks(xml, 'objectPermissions')) {
            const object = xmlValues(block, 'object')[0] || '?';
            const on = (tag) => (xmlValues(block, tag)[0] || '') === 'true';
            for (const [permission, required] of needs) {
                const missing = on(permission) ? required.filter((r) => !on(r)) : [];
                if (missing.length > 0) findings.push(`${ps.file}: ${permission} on ${object} without ${missing.join(', ')} (${permission} requires ${required.join(', ')}); the deploy rejects it`);
            }
        }
        for (const block of xmlBlocks(xml, 'fieldPermissions')) {
            const field = xmlValues(block, 'field')[0] || '?';
            if ((xmlValues(block, 'editable')[0] || '') === 'true' && (xmlValues(block, 'readable')[0] || '') !== 'true') {
                findings.push(`${ps.file}: ${field} is editable but not readable; an editable field must be readable`);
            }
        }
    }
    return findings;
}

/** Description lengths (DESCRIPTION_LIMITS) and custom label lengths. */
function descriptionLengthFindings(root) {
    const { packagedPath } = packagedDirectories(readProject(root));
    const findings = [];
    for (const { suffix, tag, limit, what } of DESCRIPTION_LIMITS) {
        for (const file of listFiles(root, packagedPath, (n) => n.endsWith(suffix))) {
            const xml = readFileSync(join(root, file), 'utf8');
            // The object's own description, not those of nested elements (list views, fields).
            const top = xml.replace(/<(listViews|fields|validationRules|nameField|webLinks|recordTypes)>[\s\S]*?<\/\1>/g, '');
            const text = decoded(xmlValues(top, tag)[0] || '');
            if (text.length > limit) findings.push(`${file}: ${what} is ${text.length} characters; the limit is ${limit}`);
        }
    }
    for (const file of listFiles(root, packagedPath, (n) => n.endsWith('.labels-meta.xml'))) {
        for (const block of xmlBlocks(readFileSync(join(root, file), 'utf8'), 'labels')) {
            const name = xmlValues(block, 'fullName')[0] || '?';
            const value = decoded(xmlValues(block, 'value')[0] || '');
            const short = decoded(xmlValues(block, 'shortDescription')[0] || '');
            if (value.length > LABEL_VALUE_LIMIT) findings.push(`${file}: label ${name} value is ${value.length} characters; the limit is ${LABEL_VALUE_LIMIT}`);
            if (short.length > LABEL_SHORT_DESCRIPTION_LIMIT) findings.push(`${file}: label ${name} short description is ${short.length} characters; the limit is ${LABEL_SHORT_DESCRIPTION_LIMIT}`);
        }
    }
    return findings;
}

/** major.minor.patch of a version text ("1.2.0.NEXT", "1.2.0-3", "1.2.0") as a comparable triple. */
function triple(version) {
    const m = /^(\d+)\.(\d+)\.(\d+)/.exec(String(version));
    return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

function lower(a, b) {
    for (let i = 0; i < 3; i += 1) if (a[i] !== b[i]) return a[i] < b[i];
    return false;
}

/**
 * The ancestor setting matches the versions created (packageAliases "<package>@x.y.z-n"). While no
 * version below the one being built exists — the first version 1.0.0 and its betas — there is no
 * ancestor: `ancestorVersion`/`ancestorId` absent or NONE, since HIGHEST or a number fails with "No
 * matching ancestor" (and so does a namespaced scratch org built from the definition). Once an
 * earlier version exists (released before the version number was raised), an ancestor is required
 * and a numbered ancestorVersion must name one of those versions.
 */
function ancestorFindings(root) {
    const project = readProject(root);
    const { packaged } = packagedDirectories(project);
    const aliases = project.packageAliases || {};
    const current = triple(packaged.versionNumber);
    const earlier = Object.keys(aliases)
        .filter((alias) => alias.startsWith(`${packaged.package}@`))
        .map((alias) => alias.slice(packaged.package.length + 1))
        .filter((version) => current && triple(version) && lower(triple(version), current));
    const field = packaged.ancestorVersion !== undefined ? 'ancestorVersion' : 'ancestorId';
    const ancestor = packaged.ancestorVersion ?? packaged.ancestorId;
    const findings = [];
    if (earlier.length === 0) {
        if (ancestor !== undefined && ancestor !== 'NONE') {
            findings.push(`sfdx-project.json: ${field} is "${ancestor}" but packageAliases lists no version of "${packaged.package}" below ${packaged.versionNumber}, so sf package version create fails with "No matching ancestor"; omit ${field} until a version has been released`);
        }
        return findings;
    }
    if (ancestor === undefined || ancestor === 'NONE') {
        findings.push(`sfdx-project.json: "${packaged.package}" has earlier versions (${earlier.join(', ')}) but no ancestor; set ancestorVersion to the last released major.minor.patch (or HIGHEST) so customers can upgrade`);
    } else if (field === 'ancestorId' && !Object.values(aliases).includes(ancestor) && !Object.keys(aliases).includes(ancestor)) {
        findings.push(`sfdx-project.json: ancestorId "${ancestor}" is not a version listed in packageAliases`);
    } else if (field === 'ancestorVersion' && ancestor !== 'HIGHEST') {
        const wanted = triple(ancestor);
        if (!wanted || !earlier.some((version) => String(triple(version)) === String(wanted))) {
            findings.push(`sfdx-project.json: ancestorVersion ${ancestor} is not one of the earlier versions listed in packageAliases (${earlier.join(', ')})`);
        }
    }
    return findings;
}

/**
 * A plain `sf project deploy start` deploys every package directory: only the package may be one.
 * The demo org's metadata and the test-only metadata live outside packageDirectories and are
 * deployed by path (scripts/scratch-org/seed.sh, npm run verify:org).
 */
function defaultDeployFindings(root) {
    const project = readProject(root);
    const { packagedPath, unpackagedPath } = packagedDirectories(project);
    const findings = [];
    for (const dir of project.packageDirectories || []) {
        if (dir.path !== packagedPath) {
            findings.push(`sfdx-project.json: package directory ${dir.path} would be deployed by a plain "sf project deploy start" with the package; keep only ${packagedPath} in packageDirectories and deploy ${dir.path} by path`);
        }
    }
    if (unpackagedPath && !existsSync(join(root, unpackagedPath))) {
        findings.push(`sfdx-project.json: unpackagedMetadata.path ${unpackagedPath} does not exist; sf package version create fails`);
    }
    return findings;
}

const CHECKS = {
    'every LWC bundle has its configuration file with an apiVersion': lwcBundleFindings,
    'custom object flags are set together': objectFlagFindings,
    'permission dependencies hold (Delete needs Edit needs Read)': permissionDependencyFindings,
    'descriptions and labels fit their length limits': descriptionLengthFindings,
    'the ancestor setting matches the versions created': ancestorFindings,
    'a plain deploy deploys the package only': defaultDeployFindings
};

/** Runs every check: { checkName: findings[] }. */
function checkDeployment(root) {
    return Object.fromEntries(Object.entries(CHECKS).map(([name, check]) => [name, check(root)]));
}

module.exports = { CHECKS, DESCRIPTION_LIMITS, checkDeployment };
