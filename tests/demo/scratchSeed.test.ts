/** @jest-environment node */
/**
 * The scratch-org seed is the same org as data/demo-org.snapshot.json: the tree-import
 * files and Apex scripts are generated from the snapshot (scripts/demo-org/scratchSeed.ts),
 * and the metadata in unpackaged/main/demo names the same roles, groups, queues, rules,
 * restriction rule and territories. No org exists on this machine, so the metadata is
 * validated offline with `sf project convert source` (Salesforce CLI), and the shell scripts
 * with `bash -n`. Sources: Salesforce CLI "data import tree" plan format (plugin-data
 * importPlan: references `@<Object>Ref<n>`), Apex governor limits (100 SOQL queries per
 * transaction), Metadata API types SharingRules / RestrictionRule / Role / Group / Queue.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDemoSnapshot } from '../../scripts/demo-org/demoOrg';
import { buildScratchSeed } from '../../scripts/demo-org/scratchSeed';
import { ApiSchemas as JsforceSchemas } from 'jsforce/lib/api/metadata/schema';
import type { Row } from '../../lwc-src/lwc/accessXrayEngine/types';

const root = join(__dirname, '..', '..');
const snap = buildDemoSnapshot();
const seed = buildScratchSeed(snap);
const rows = (table: string): Row[] => snap.tables[table] ?? [];
const read = (path: string): string => readFileSync(join(root, path), 'utf8');
const demoDir = 'unpackaged/main/demo';
const listXml = (dir: string, suffix: string): string[] =>
    existsSync(join(root, dir))
        ? readdirSync(join(root, dir))
              .filter((f) => f.endsWith(suffix))
              .map((f) => f.slice(0, -suffix.length))
              .sort()
        : [];

describe('scratch-org seed: generated files are committed and current', () => {
    it.each(Object.keys(seed))('%s equals the generator output (npm run demo:generate)', (path) => {
        expect(read(path)).toBe(seed[path]);
    });
});

describe('scratch-org seed: sf data import tree plan', () => {
    const plan = JSON.parse(seed['data/tree/demo-plan.json'] ?? '[]') as {
        sobject: string;
        files: string[];
        resolveRefs?: boolean;
    }[];
    it('imports every demo record, one file per object, parents before children', () => {
        const objects = plan.map((p) => p.sobject);
        expect(objects.indexOf('Account')).toBe(0);
        expect(objects.indexOf('Contact')).toBeLessThan(objects.indexOf('Case'));
        for (const step of plan) {
            const file = JSON.parse(seed[`data/tree/${step.files[0] ?? ''}`] ?? '{}') as { records: unknown[] };
            expect(file.records).toHaveLength(rows(step.sobject).length);
        }
    });
    it('every @reference has the form @<Object>Ref<n> and points at a record imported by an earlier step (plugin-data importPlan)', () => {
        const known = new Set<string>();
        for (const step of plan) {
            const { records } = JSON.parse(seed[`data/tree/${step.files[0] ?? ''}`] ?? '{}') as {
                records: Record<string, unknown>[];
            };
            for (const record of records) {
                for (const [field, value] of Object.entries(record)) {
                    if (typeof value === 'string' && value.startsWith('@')) {
                        expect(value).toMatch(/^@(\w+)Ref\d+$/);
                        expect(known).toContain(value.slice(1));
                        expect(step.resolveRefs).toBe(true);
                        expect(field).not.toBe('OwnerId');
                    }
                }
            }
            for (const record of records) {
                const ref = (record.attributes as { referenceId: string }).referenceId;
                expect(ref).toMatch(new RegExp(`^${step.sobject}Ref\\d+$`));
                known.add(ref);
            }
        }
    });
    it('writes no ids, owners or platform-computed fields (the org assigns them)', () => {
        for (const [path, text] of Object.entries(seed)) {
            if (!path.startsWith('data/tree/') || path.endsWith('plan.json')) continue;
            expect(text).not.toMatch(/"(Id|OwnerId|CaseNumber|IsPartner|IsCustomerPortal)"/);
        }
    });
});

describe('scratch-org seed: anonymous Apex scripts', () => {
    const apex = Object.entries(seed).filter(([path]) => path.endsWith('.apex'));
    it('five scripts, each under the 100-SOQL-query limit of one transaction', () => {
        expect(apex).toHaveLength(5);
        for (const [, text] of apex) {
            const queries = (text.match(/\[SELECT /g) ?? []).length;
            expect(queries).toBeGreaterThan(0);
            expect(queries).toBeLessThanOrEqual(100);
        }
    });
    it('setup objects and records are in separate scripts (mixed DML is not allowed in one transaction)', () => {
        const setup = /new (User|GroupMember|PermissionSetAssignment|UserTerritory2Association|CaseTeamRole)\(/;
        const records =
            /new (Account|Contact|Case|Opportunity|Invoice__c|AccountTeamMember|OpportunityTeamMember|CaseTeamMember|OpportunityShare|Invoice__Share|ObjectTerritory2Association)\(/;
        for (const [path, text] of apex) {
            expect({ path, mixed: setup.test(text) && records.test(text) }).toEqual({ path, mixed: false });
        }
    });
    it('creates every non-guest demo user exactly once, with the username suffix placeholder', () => {
        const created = apex
            .flatMap(([, text]) =>
                [...text.matchAll(/new User\(FirstName = [^\n]*?Username = '([^']+)'/g)].map((m) => m[1])
            )
            .sort();
        const expected = rows('User')
            .filter((u) => u.UserType !== 'Guest')
            .map((u) => `${String(u.Username)}.__SUFFIX__`)
            .sort();
        expect(created).toEqual(expected);
    });
    it('seeds every explicit share (Manual, Apex reasons) and team member of the snapshot, and no platform-written share', () => {
        const text = apex.map(([, t]) => t).join('\n');
        expect((text.match(/new OpportunityShare\(/g) ?? []).length).toBe(
            rows('OpportunityShare').filter((s) => s.RowCause === 'Manual').length
        );
        expect(text).toContain("RowCause = 'Billing_Review__c'");
        expect(text).not.toMatch(/new (AccountShare|CaseShare)\(/);
        expect((text.match(/new OpportunityTeamMember\(/g) ?? []).length).toBe(rows('OpportunityTeamMember').length);
        expect((text.match(/new AccountTeamMember\(/g) ?? []).length).toBe(rows('AccountTeamMember').length);
        expect((text.match(/new CaseTeamMember\(/g) ?? []).length).toBe(rows('CaseTeamMember').length);
        expect((text.match(/new GroupMember\(/g) ?? []).length).toBe(rows('GroupMember').length);
    });
});

describe('scratch-org seed: metadata in unpackaged/main/demo names the snapshot’s setup', () => {
    it('one role file per internal role (portal roles are created by the platform)', () => {
        const internal = rows('UserRole')
            .filter((r) => r.PortalType === 'None')
            .map((r) => String(r.DeveloperName))
            .sort();
        expect(listXml(`${demoDir}/core/roles`, '.role-meta.xml')).toEqual(internal);
    });
    it('public groups and queues match the Regular and Queue groups', () => {
        const dev = (type: string): string[] =>
            rows('Group')
                .filter((g) => g.Type === type)
                .map((g) => String(g.DeveloperName))
                .sort();
        expect(listXml(`${demoDir}/core/groups`, '.group-meta.xml')).toEqual(dev('Regular'));
        expect(listXml(`${demoDir}/core/queues`, '.queue-meta.xml')).toEqual(dev('Queue'));
    });
    it('every sharing rule of the snapshot is in a SharingRules file with the same target and criteria', () => {
        const xml = ['core', 'site']
            .flatMap((part) =>
                listXml(`${demoDir}/${part}/sharingRules`, '.sharingRules-meta.xml').map((o) =>
                    read(`${demoDir}/${part}/sharingRules/${o}.sharingRules-meta.xml`)
                )
            )
            .join('\n');
        for (const rule of snap.metadata?.SharingRules ?? []) {
            const name = rule.fullName.split('.')[1] ?? '';
            const block = xml.slice(xml.indexOf(`<fullName>${name}</fullName>`));
            expect(block.length).toBeLessThan(xml.length + 1);
            expect(xml).toContain(`<fullName>${name}</fullName>`);
            const [targetKind, targetValue] = Object.entries(rule.sharedTo)[0] ?? ['', ''];
            expect(block).toContain(
                targetValue
                    ? `<${targetKind}>${String(targetValue)}</${targetKind}>`
                    : `<${targetKind}></${targetKind}>`
            );
            for (const c of rule.criteriaItems ?? []) expect(block).toContain(`<field>${c.field}</field>`);
        }
    });
    it('the restriction rule file carries the snapshot’s user criteria and record filter', () => {
        const rule = snap.metadata?.RestrictionRule?.[0];
        const xml = read(`${demoDir}/core/restrictionRules/${rule?.DeveloperName ?? ''}.rule-meta.xml`);
        expect(xml).toContain(`<userCriteria>${rule?.UserCriteria ?? ''}</userCriteria>`);
        expect(xml).toContain(`<recordFilter>${rule?.RecordFilter ?? ''}</recordFilter>`);
        expect(xml).toContain(`<targetEntity>${rule?.TargetEntity ?? ''}</targetEntity>`);
    });
    it('custom objects carry the snapshot’s internal and external org-wide defaults', () => {
        for (const ed of rows('EntityDefinition').filter((e) => String(e.QualifiedApiName).endsWith('__c'))) {
            const name = String(ed.QualifiedApiName);
            const xml = read(`${demoDir}/core/objects/${name}/${name}.object-meta.xml`);
            expect(xml).toContain(`<sharingModel>${String(ed.InternalSharingModel)}</sharingModel>`);
            expect(xml).toContain(`<externalSharingModel>${String(ed.ExternalSharingModel)}</externalSharingModel>`);
        }
    });
    it('territories of both models exist, with the snapshot’s account access', () => {
        for (const t of rows('Territory2')) {
            const model = rows('Territory2Model').find((m) => m.Id === t.Territory2ModelId);
            const xml = read(
                `${demoDir}/core/territory2Models/${String(model?.DeveloperName)}/territories/${String(t.DeveloperName)}.territory2-meta.xml`
            );
            expect(xml).toContain(`<accountAccessLevel>${String(t.AccountAccessLevel)}</accountAccessLevel>`);
        }
    });
    it('the sharing set names the high-volume profile of the snapshot', () => {
        const set = snap.metadata?.SharingSet?.[0];
        const xml = read(`${demoDir}/site/sharingSets/${set?.fullName ?? ''}.sharingSet-meta.xml`);
        for (const p of set?.profiles ?? []) expect(xml).toContain(`<profiles>${p}</profiles>`);
    });
});

// --- Metadata XML against the Metadata API WSDL (element names and order) -------------------
// jsforce (a dependency) ships the Metadata API WSDL as ApiSchemas: each type's elements in
// WSDL sequence order, plus the type it extends. A deploy fails with "Element … invalid at this
// location" when an element is unknown or out of order, so every demo metadata file is checked.
// Elements newer than jsforce's WSDL copy are listed here explicitly.
type SchemaProp = string | string[];
const ApiSchemas = JsforceSchemas as unknown as Record<string, { props: Record<string, SchemaProp>; extends?: string }>;
const NEWER_THAN_JSFORCE_WSDL: Record<string, string[]> = {
    // Metadata API "SharingRules": includeRecordsOwnedByAll (criteria rules) and
    // includeHVUOwnedRecords (guest rules) postdate the WSDL bundled with jsforce 3.
    SharingCriteriaRule: ['includeRecordsOwnedByAll'],
    SharingGuestRule: ['includeHVUOwnedRecords']
};
interface XmlElement {
    name: string;
    children: XmlElement[];
}
function parseXml(xml: string): XmlElement {
    const src = xml.replace(/<\?xml[^>]*\?>/, '').trim();
    let i = 0;
    const element = (): XmlElement => {
        const open = /^<(\w+)[^>]*?(\/?)>/.exec(src.slice(i));
        if (!open) throw new Error(`malformed XML near: ${src.slice(i, i + 40)}`);
        i += open[0].length;
        const el: XmlElement = { name: open[1] ?? '', children: [] };
        if (open[2] === '/') return el;
        for (;;) {
            const rest = src.slice(i);
            const close = new RegExp(`^\\s*</${el.name}>`).exec(rest);
            if (close) {
                i += close[0].length;
                return el;
            }
            const ws = /^\s*/.exec(rest)?.[0] ?? '';
            if (rest.slice(ws.length).startsWith('<')) {
                i += ws.length;
                el.children.push(element());
            } else {
                const text = /^[^<]*/.exec(rest)?.[0] ?? '';
                if (!text) throw new Error(`malformed XML near: ${rest.slice(0, 40)}`);
                i += text.length;
            }
        }
    };
    return element();
}
function schemaProps(type: string): [string, SchemaProp][] | null {
    const def = ApiSchemas[type];
    if (!def) return null;
    const own: [string, SchemaProp][] = Object.entries(def.props);
    for (const extra of NEWER_THAN_JSFORCE_WSDL[type] ?? []) own.push([extra, '?boolean']);
    return [...(def.extends ? (schemaProps(def.extends) ?? []) : []), ...own];
}
function checkElement(el: XmlElement, type: string, where: string, problems: string[]): void {
    const props = schemaProps(type);
    if (!props) {
        problems.push(`${where}: unknown Metadata API type ${type}`);
        return;
    }
    const names = props.map(([n]) => n);
    let last = -1;
    for (const child of el.children) {
        const index = names.indexOf(child.name);
        if (index < 0) {
            problems.push(`${where}/${child.name}: not an element of ${type}`);
            continue;
        }
        if (index < last)
            problems.push(`${where}/${child.name}: out of order in ${type} (WSDL order: ${names.join(', ')})`);
        last = Math.max(last, index);
        const raw = props[index]?.[1];
        const childType = String(Array.isArray(raw) ? raw[0] : raw).replace(/^\?/, '');
        if (ApiSchemas[childType]) checkElement(child, childType, `${where}/${child.name}`, problems);
    }
}
const metadataFiles = (dir: string): string[] =>
    readdirSync(join(root, dir), { withFileTypes: true }).flatMap((d) =>
        d.isDirectory() ? metadataFiles(`${dir}/${d.name}`) : d.name.endsWith('-meta.xml') ? [`${dir}/${d.name}`] : []
    );

describe('scratch-org seed: metadata matches the Metadata API WSDL', () => {
    const files = metadataFiles(demoDir);
    it('finds the demo metadata files', () => {
        expect(files.length).toBeGreaterThan(40);
    });
    it.each(files)('%s: every element is known to its type and in WSDL order', (file) => {
        const root_ = parseXml(read(file));
        const problems: string[] = [];
        checkElement(root_, root_.name, file.split('/').pop() ?? file, problems);
        expect(problems).toEqual([]);
    });
    it('the checker rejects an unknown or misplaced element (self-test)', () => {
        const problems: string[] = [];
        checkElement(
            parseXml('<PermissionSet><label>x</label><description>late</description><bogus>1</bogus></PermissionSet>'),
            'PermissionSet',
            'self-test',
            problems
        );
        expect(problems).toEqual([
            expect.stringContaining('self-test/description: out of order in PermissionSet'),
            'self-test/bogus: not an element of PermissionSet'
        ]);
    });
});

describe('scratch-org definition: config/project-scratch-def.json', () => {
    const def = JSON.parse(read('config/project-scratch-def.json')) as { settings: Record<string, unknown> };
    // Scratch org definition "settings" are Metadata API Settings types (camelCase names): a field
    // the Metadata API doesn't know fails `sf org create scratch`, so every one must be in the WSDL.
    const checkSettings = (value: Record<string, unknown>, type: string, where: string, problems: string[]): void => {
        const props = schemaProps(type);
        if (!props) {
            problems.push(`${where}: unknown Metadata API type ${type}`);
            return;
        }
        for (const [field, v] of Object.entries(value)) {
            const prop = props.find(([name]) => name === field);
            if (!prop) {
                problems.push(`${where}.${field}: not a field of ${type}`);
                continue;
            }
            const childType = String(Array.isArray(prop[1]) ? prop[1][0] : prop[1]).replace(/^\?/, '');
            if (v !== null && typeof v === 'object') checkSettings(v as Record<string, unknown>, childType, `${where}.${field}`, problems);
        }
    };
    it('every settings field is a field of its Metadata API Settings type (WSDL)', () => {
        const problems: string[] = [];
        for (const [key, value] of Object.entries(def.settings)) {
            checkSettings(value as Record<string, unknown>, key.charAt(0).toUpperCase() + key.slice(1), key, problems);
        }
        expect(problems).toEqual([]);
        const selfTest: string[] = [];
        checkSettings({ enableExternalAccountHierarchy: true }, 'CommunitiesSettings', 'self-test', selfTest);
        expect(selfTest).toEqual(['self-test.enableExternalAccountHierarchy: not a field of CommunitiesSettings']);
    });
    it('turns on external account hierarchies, which the seed’s ExternalAccountHierarchy rows need (CommunitiesSettings.enableExternalAccHierPref)', () => {
        expect(def.settings.communitiesSettings).toMatchObject({ enableExternalAccHierPref: true });
        expect(seed['scripts/scratch-org/apex/05-record-access.apex']).toContain('new ExternalAccountHierarchy(');
    });
});

describe('scratch-org seed: offline validation', () => {
    it('`sf project convert source` converts unpackaged/main/demo to Metadata API format (no org needed)', () => {
        const out = mkdtempSync(join(tmpdir(), 'axray-demo-'));
        // A throwaway HOME keeps the CLI from reading or writing real auth/config files.
        const home = mkdtempSync(join(tmpdir(), 'axray-home-'));
        try {
            execFileSync(
                'npx',
                ['--no-install', 'sf', 'project', 'convert', 'source', '--root-dir', demoDir, '--output-dir', out],
                {
                    cwd: root,
                    stdio: 'pipe',
                    env: {
                        ...process.env,
                        HOME: home,
                        SF_DISABLE_TELEMETRY: 'true',
                        SF_AUTOUPDATE_DISABLE: 'true',
                        SF_SKIP_NEW_VERSION_CHECK: 'true'
                    }
                }
            );
            const pkg = readFileSync(join(out, 'package.xml'), 'utf8');
            for (const type of [
                'CustomObject',
                'Role',
                'Group',
                'Queue',
                'PermissionSet',
                'SharingCriteriaRule',
                'SharingGuestRule',
                'RestrictionRule',
                'SharingSet',
                'Territory2Model',
                'Territory2',
                'StandardValueSet',
                'SharingReason'
            ]) {
                expect(pkg).toContain(`<name>${type}</name>`);
            }
        } finally {
            rmSync(out, { recursive: true, force: true });
            rmSync(home, { recursive: true, force: true });
        }
    }, 120000);
    it('the generated anonymous Apex type-checks with the Apex language server against the demo objects (CheckForIssues)', () => {
        // Each script becomes the body of a class method in a throwaway project that also holds the
        // demo custom objects; the language server then resolves every type, field and method.
        // AccountTeamMember is a real object (account teams are on in the scratch definition) that
        // the language server does not model, and neither is ExternalAccountHierarchy (API 49.0+,
        // on through CommunitiesSettings.enableExternalAccHierPref): their lines are the only ones
        // allowed to be reported. The hierarchy lines' fields are checked against the Object
        // Reference in the next test instead.
        const project = mkdtempSync(join(tmpdir(), 'axray-apex-'));
        try {
            const classes = join(project, 'force-app', 'main', 'default', 'classes');
            mkdirSync(classes, { recursive: true });
            cpSync(join(root, demoDir, 'core', 'objects'), join(project, 'force-app', 'main', 'default', 'objects'), {
                recursive: true
            });
            writeFileSync(
                join(project, 'sfdx-project.json'),
                JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }], sourceApiVersion: '65.0' })
            );
            const allowed = new Map<string, Set<number>>();
            for (const [path, text] of Object.entries(seed).filter(([p]) => p.endsWith('.apex'))) {
                const name = `Seed${path.split('/').pop()?.slice(0, 2) ?? ''}`;
                const body = text.replace(/__SUFFIX__/g, 'x');
                const split = body.indexOf('\nId portalRole(');
                const main = split >= 0 ? body.slice(0, split) : body;
                const helper =
                    split >= 0 ? body.slice(split).replace('\nId portalRole(', '\nstatic Id portalRole(') : '';
                const source = `public with sharing class ${name} {\npublic static void run() {\n${main}\n}\n${helper}\n}\n`;
                writeFileSync(join(classes, `${name}.cls`), source);
                writeFileSync(
                    join(classes, `${name}.cls-meta.xml`),
                    '<?xml version="1.0" encoding="UTF-8"?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata"><apiVersion>65.0</apiVersion><status>Active</status></ApexClass>\n'
                );
                allowed.set(
                    name,
                    new Set(
                        source
                            .split('\n')
                            .map((line, i) =>
                                line.includes('new AccountTeamMember(') || line.includes('new ExternalAccountHierarchy(')
                                    ? i + 1
                                    : 0
                            )
                            .filter((n) => n > 0)
                    )
                );
            }
            const jars = join(root, 'node_modules', '@salesforce', 'code-analyzer-pmd-engine', 'dist', 'java-lib', '*');
            const res = spawnSync(
                'java',
                ['-cp', jars, 'io.github.apexdevtools.apexls.CheckForIssues', '-n', '-w', project],
                { encoding: 'utf8' }
            );
            expect(res.error).toBeUndefined();
            const problems: string[] = [];
            let current = '';
            for (const line of `${res.stdout}${res.stderr}`.split('\n')) {
                const file = /classes\/(Seed\d\d)\.cls$/.exec(line.trim());
                if (file) {
                    current = file[1] ?? '';
                    continue;
                }
                const issue = /^(\w+): line (\d+)/.exec(line.trim());
                if (issue && !allowed.get(current)?.has(Number(issue[2]))) problems.push(`${current}: ${line.trim()}`);
            }
            expect(problems).toEqual([]);
        } finally {
            rmSync(project, { recursive: true, force: true });
        }
    }, 120000);
    it('ExternalAccountHierarchy rows set only createable fields of the Object Reference, one per snapshot node, parents first', () => {
        // Object Reference "ExternalAccountHierarchy": AccountId, HierarchyType (Partner /
        // CustomerPortal), IsAccessibleToParent, IsActive, Name, ParentId are createable.
        const documented = new Set(['Name', 'AccountId', 'ParentId', 'HierarchyType', 'IsActive', 'IsAccessibleToParent']);
        const text = seed['scripts/scratch-org/apex/05-record-access.apex'] ?? '';
        const lines = text.split('\n').filter((l) => l.includes('new ExternalAccountHierarchy('));
        expect(lines).toHaveLength(rows('ExternalAccountHierarchy').length);
        const declared: string[] = [];
        for (const line of lines) {
            const args = /new ExternalAccountHierarchy\((.*)\);$/.exec(line)?.[1] ?? '';
            const fields = [...args.replace(/\[[^\]]*\]/g, '').matchAll(/(\w+) = /g)].map((m) => m[1]);
            for (const f of fields) expect(documented).toContain(f);
            const parent = /ParentId = (\w+)\.Id/.exec(line)?.[1];
            if (parent) expect(declared).toContain(parent);
            declared.push(/^ExternalAccountHierarchy (\w+) =/.exec(line)?.[1] ?? '');
        }
    });
    it.each(['scripts/scratch-org/seed.sh', 'scripts/scratch-org/create-demo-org.sh'])(
        '%s is valid bash (bash -n) and stops on errors (set -euo pipefail)',
        (script) => {
            execFileSync('bash', ['-n', join(root, script)]);
            expect(read(script)).toContain('set -euo pipefail');
        }
    );
});
