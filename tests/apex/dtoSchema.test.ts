/** @jest-environment node */
/**
 * The Apex collector and the TypeScript engine must agree on the snapshot format (issue 5:
 * "the Apex services return exactly that format, so the in-org panel and the CLI feed the same
 * engine"). This suite reads the Apex sources and checks them against the contract
 * (lwc-src/lwc/accessXrayEngine/types.ts, parsed with the TypeScript compiler) and against
 * docs/snapshot.schema.json when present:
 *  - every @AuraEnabled property of the snapshot DTO classes is a property of the matching
 *    TypeScript interface, and every required interface property exists in Apex;
 *  - map-shaped parts built in Apex (meta.truncated, recordTypeInfos, LayoutAssignment, sharing
 *    rule definitions, metadata keys) use the contract's key names;
 *  - every table the engine reads is filled by an Apex evidence service (a plan step it builds a
 *    query from, or a table it files), or is listed below as not collected in-org with the reason;
 *  - the external account hierarchy: the plan steps the Apex reads it with select every field the
 *    engine reads, the object is found through the describe only, failures are reported under the
 *    table name the engine looks up, and the Apex applies the engine's role rule (same fields, ranks
 *    and portal types) to the role chains it walks.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';

const ROOT = join(__dirname, '..', '..');
const CLASSES = join(ROOT, 'force-app', 'main', 'default', 'classes');
const ENGINE = join(ROOT, 'lwc-src', 'lwc', 'accessXrayEngine');
const SCHEMA = join(ROOT, 'docs', 'snapshot.schema.json');

/**
 * Tables the engine can use that the in-org collector deliberately does not read, with why.
 * Empty: ExternalAccountHierarchy, the last one, is collected since the engine models the external
 * account hierarchy (AccessXRayRoleHierarchyEvidence, AccessXRayBelowUserEvidence; see the suite at the end).
 */
const NOT_COLLECTED_IN_ORG: Record<string, string> = {};

function walk(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? walk(path) : [path];
    });
}

const apexSources = walk(CLASSES).filter((p) => p.endsWith('.cls') && !p.includes(`${join('classes', 'tests')}`));
const apexByName = new Map(
    apexSources.map((p) => [
        p
            .split(/[\\/]/)
            .pop()!
            .replace(/\.cls$/, ''),
        readFileSync(p, 'utf8')
    ])
);

function apex(name: string): string {
    const source = apexByName.get(name);
    if (!source) {
        throw new Error(`Apex class ${name} not found under ${CLASSES}`);
    }
    return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
}

/** @AuraEnabled properties of a class body (inner classes excluded unless named). */
function auraProperties(source: string, innerClass?: string): string[] {
    let body = source;
    if (innerClass) {
        const start = source.indexOf(`class ${innerClass}`);
        expect(start).toBeGreaterThan(-1);
        body = source.slice(start);
    } else {
        const inner = source.indexOf('public inherited sharing class', source.indexOf('{'));
        body = inner > -1 ? source.slice(0, inner) : source;
    }
    return [...body.matchAll(/@AuraEnabled\s+public\s+[\w<>,. ]+?\s+(\w+)\s*(?:=|;)/g)].map((m) => m[1]!);
}

/** Property names of an interface or of the element type of an array property, from types.ts. */
const typesFile = ts.createSourceFile(
    'types.ts',
    readFileSync(join(ENGINE, 'types.ts'), 'utf8'),
    ts.ScriptTarget.Latest,
    true
);

interface Member {
    name: string;
    optional: boolean;
    type: ts.TypeNode | undefined;
}

function membersOf(node: ts.Node | undefined): Member[] {
    if (!node) {
        return [];
    }
    const elements: readonly ts.TypeElement[] | undefined = ts.isInterfaceDeclaration(node)
        ? node.members
        : ts.isTypeLiteralNode(node)
          ? node.members
          : undefined;
    if (!elements) {
        return [];
    }
    return elements
        .filter((m): m is ts.PropertySignature => ts.isPropertySignature(m))
        .map((m) => ({ name: m.name.getText(typesFile), optional: !!m.questionToken, type: m.type }));
}

function iface(name: string): Member[] {
    const decl = typesFile.statements.find((s) => ts.isInterfaceDeclaration(s) && s.name.text === name);
    expect(decl).toBeDefined();
    return membersOf(decl);
}

/** Members of `Interface.property` when that property is an object literal or an array of one. */
function nestedMembers(owner: string, property: string): Member[] {
    const member = iface(owner).find((m) => m.name === property);
    expect(member).toBeDefined();
    let type = member!.type;
    if (type && ts.isArrayTypeNode(type)) {
        type = type.elementType;
    }
    return membersOf(type);
}

function expectSameShape(apexNames: string[], tsMembers: Member[], what: string): void {
    const tsNames = tsMembers.map((m) => m.name);
    const unknown = apexNames.filter((n) => !tsNames.includes(n));
    const missingRequired = tsMembers.filter((m) => !m.optional && !apexNames.includes(m.name)).map((m) => m.name);
    expect({ what, unknown, missingRequired }).toEqual({ what, unknown: [], missingRequired: [] });
}

/** String keys of `'key' => value` map literals in a piece of Apex. */
function mapKeys(source: string): string[] {
    return [...source.matchAll(/'(\w+)'\s*=>/g)].map((m) => m[1]!);
}

const plan = JSON.parse(readFileSync(join(ROOT, 'docs', 'evidence-plan.json'), 'utf8')) as {
    steps: { id: string; object: string; fields: string[] }[];
};

/** The evidence plan steps the Apex builds queries from (`AccessXRayQuery.ofStep('<id>', …)`). */
function apexSteps(): { id: string; object: string; fields: string[] }[] {
    const ids = new Set<string>();
    for (const [, raw] of apexByName) for (const m of raw.matchAll(/AccessXRayQuery\.ofStep\(\s*'([\w.]+)'/g)) ids.add(m[1]!);
    return plan.steps.filter((s) => ids.has(s.id));
}

/**
 * Fields the Apex selects, by table: the fields of the plan steps it builds queries from (fixed objects only; the
 * records and share tables are describe-driven), and the columns added to every row by .withConstant('X', …) (e.g.
 * UserRecordAccess.UserId, which may not be selected).
 */
function apexSelectedFields(): Map<string, Set<string>> {
    const byTable = new Map<string, Set<string>>();
    for (const step of apexSteps()) {
        if (step.object.startsWith('{')) continue;
        const set = byTable.get(step.object) ?? new Set<string>();
        step.fields.filter((f) => !f.startsWith('{')).forEach((f) => set.add(f));
        byTable.set(step.object, set);
    }
    for (const [, raw] of apexByName) {
        for (const m of raw.matchAll(/AccessXRayQuery\.ofStep\(\s*'([\w.]+)'[^;]*?\.withConstant\(\s*'(\w+)'/g)) {
            const step = plan.steps.find((s) => s.id === m[1]);
            if (step) byTable.get(step.object)?.add(m[2]!);
        }
    }
    return byTable;
}

describe('Apex snapshot DTO matches the engine contract (types.ts)', () => {
    test('AccessXRaySnapshot has exactly the Snapshot properties', () => {
        expectSameShape(auraProperties(apex('AccessXRaySnapshot')), iface('Snapshot'), 'Snapshot');
    });

    test('AccessXRaySnapshotMeta and its Unavailable entries match SnapshotMeta', () => {
        const meta = apex('AccessXRaySnapshotMeta');
        expectSameShape(auraProperties(meta), iface('SnapshotMeta'), 'SnapshotMeta');
        expectSameShape(
            auraProperties(meta, 'Unavailable'),
            nestedMembers('SnapshotMeta', 'unavailable'),
            'SnapshotMeta.unavailable[]'
        );
    });

    test('meta.truncated entries are maps with the contract keys (limit is an Apex keyword)', () => {
        const ctx = apex('AccessXRayCollectionContext');
        const truncatedMethod = ctx.slice(ctx.indexOf('public void truncated('), ctx.indexOf('public void setting('));
        expectSameShape(
            mapKeys(truncatedMethod),
            nestedMembers('SnapshotMeta', 'truncated'),
            'SnapshotMeta.truncated[]'
        );
    });

    test('AccessXRaySetting matches Setting, AccessXRaySubject matches subjects[]', () => {
        expectSameShape(auraProperties(apex('AccessXRaySetting')), iface('Setting'), 'Setting');
        expectSameShape(
            auraProperties(apex('AccessXRaySubject')),
            nestedMembers('Snapshot', 'subjects'),
            'Snapshot.subjects[]'
        );
    });

    test('describe DTOs match ObjectDescribe, FieldDescribe and recordTypeInfos', () => {
        const objectDescribe = apex('AccessXRayObjectDescribe');
        expectSameShape(auraProperties(objectDescribe), iface('ObjectDescribe'), 'ObjectDescribe');
        expectSameShape(auraProperties(apex('AccessXRayFieldDescribe')), iface('FieldDescribe'), 'FieldDescribe');
        expectSameShape(
            mapKeys(objectDescribe),
            nestedMembers('ObjectDescribe', 'recordTypeInfos'),
            'ObjectDescribe.recordTypeInfos[]'
        );
    });

    test('setup metadata goes under SnapshotMetadata keys with the contract shapes', () => {
        const evidence = apex('AccessXRaySetupMetadataEvidence') + apex('AccessXRaySubjectEvidence');
        const metadataKeys = [...evidence.matchAll(/'(RestrictionRule|SharingRules|LayoutAssignment|SharingSet|\w+)'/g)]
            .map((m) => m[1]!)
            .filter((k) => ['RestrictionRule', 'SharingRules', 'LayoutAssignment', 'SharingSet'].includes(k));
        expect(new Set(metadataKeys)).toEqual(
            new Set(['RestrictionRule', 'SharingRules', 'LayoutAssignment', 'SharingSet'])
        );
        const contractKeys = iface('SnapshotMetadata').map((m) => m.name);
        for (const key of metadataKeys) {
            expect(contractKeys).toContain(key);
        }
        const setupMetadata = apex('AccessXRaySetupMetadataEvidence');
        const layoutMethod = setupMetadata.slice(
            setupMetadata.indexOf('layoutAssignments('),
            setupMetadata.indexOf('private static String layoutTable')
        );
        expectSameShape(
            mapKeys(layoutMethod).filter((k) => k !== 'Layout'),
            iface('LayoutAssignment'),
            'LayoutAssignment'
        );
        // Restriction rules: the plan step's fields, sent as the Tooling query (AccessXRayOrgSelector.restrictionRulesSoql).
        const ruleFields = plan.steps.find((s) => s.id === 'restrictionRules')!.fields;
        expectSameShape(ruleFields, iface('RestrictionRuleDefinition'), 'RestrictionRuleDefinition');
        expect(apex('AccessXRayOrgSelector')).toMatch(/AccessXRayEvidencePlan\.step\('restrictionRules'\)/);
    });

    test('sharing rule definitions parsed from the Metadata API use SharingRuleDefinition keys', () => {
        const parser = apex('AccessXRayMetadataParser');
        const put = [...parser.matchAll(/rule\.put\('(\w+)'/g)].map((m) => m[1]!);
        const contract = iface('SharingRuleDefinition').map((m) => m.name);
        expect(put.filter((k) => !contract.includes(k))).toEqual([]);
        // The rest of each rule (fullName, label, accessLevel, sharedFrom, booleanFilter,
        // accountSettings) is copied from the Metadata API XML, whose element names the contract uses.
        for (const kind of ['criteria', 'owner', 'guest', 'territory']) {
            expect(parser).toContain(`'${kind}'`);
        }
        const sharingSetPut = [...parser.matchAll(/sharingSet\.put\('(\w+)'/g)].map((m) => m[1]!);
        const setContract = iface('SharingSetDefinition').map((m) => m.name);
        expect(sharingSetPut.filter((k) => !setContract.includes(k))).toEqual([]);
    });
});

describe('tables: what the engine reads, the Apex services fill', () => {
    const apexAll = [...apexByName.values()].join('\n');
    const filled = new Set<string>([
        ...apexSteps()
            .map((s) => s.object)
            .filter((o) => !o.startsWith('{')),
        ...[...apexAll.matchAll(/new AccessXRayQuery\(\s*'(\w+)'/g)].map((m) => m[1]!),
        ...[...apexAll.matchAll(/addNested\([^;]*?,\s*'\w+',\s*'(\w+)'\)/g)].map((m) => m[1]!),
        ...[...apexAll.matchAll(/ensureTable\('(\w+)'\)/g)].map((m) => m[1]!),
        ...[...apexAll.matchAll(/addRows\('(\w+)'/g)].map((m) => m[1]!),
        // {ChildObject} steps (family.children) read an account's children of these objects.
        ...[...(/IMPLICIT_CHILD_OBJECTS = new List<String>\{([^}]*)\}/.exec(apexByName.get('AccessXRayRecordSelector') ?? '')?.[1] ?? '').matchAll(/'(\w+)'/g)].map((m) => m[1]!)
    ]);
    const engineSources = readdirSync(ENGINE)
        .filter((f) => f.endsWith('.ts'))
        .map((f) => readFileSync(join(ENGINE, f), 'utf8'))
        .join('\n');
    const engineTables = new Set(
        [...engineSources.matchAll(/\b(?:rows|rowsWhere|hasTable)\(\s*'([A-Z]\w+)'/g)].map((m) => m[1]!)
    );

    test('the Apex services fill the core tables', () => {
        for (const table of [
            'User',
            'UserRole',
            'Group',
            'GroupMember',
            'PermissionSetAssignment',
            'PermissionSet',
            'ObjectPermissions',
            'FieldPermissions',
            'EntityDefinition',
            'Organization',
            'UserRecordAccess'
        ]) {
            expect(filled).toContain(table);
        }
    });

    test.each([...engineTables].sort())('engine table %s is collected in-org or documented as not', (table) => {
        const documented = NOT_COLLECTED_IN_ORG[table];
        if (documented) {
            expect(filled.has(table)).toBe(false);
        } else {
            expect({ table, filledByApex: filled.has(table) }).toEqual({ table, filledByApex: true });
        }
    });

    test('tables the engine finds by id (nested parents, muting sets) are filed by the Apex services', () => {
        // Engine: permissions.ts (MutingPermissionSet, PermissionSetGroup), layersSharing.ts (CaseTeamRole).
        for (const table of [
            'PermissionSetGroup',
            'MutingPermissionSet',
            'CaseTeamRole',
            'CaseTeamTemplate',
            'Territory2Model'
        ]) {
            expect({ table, filledByApex: filled.has(table) }).toEqual({ table, filledByApex: true });
        }
    });

    test('share tables are found from the describe, as the engine names them', () => {
        const selector = apex('AccessXRayShareSelector');
        expect(selector).toContain("objectApiName.removeEnd('__c') + '__Share'");
        expect(selector).toContain("objectApiName + 'Share'");
        const engineShare = readFileSync(join(ENGINE, 'shareTables.ts'), 'utf8');
        expect(engineShare).toContain('__Share');
    });
});

describe('docs/snapshot.schema.json agrees with the Apex DTO', () => {
    const hasSchema = existsSync(SCHEMA);
    const schema = hasSchema ? (JSON.parse(readFileSync(SCHEMA, 'utf8')) as Record<string, unknown>) : {};

    function resolve(node: unknown): Record<string, unknown> {
        let current = node as Record<string, unknown>;
        for (let i = 0; i < 10 && current && typeof current.$ref === 'string'; i++) {
            const path = (current.$ref as string).replace(/^#\//, '').split('/');
            current = path.reduce<Record<string, unknown>>(
                (acc, key) => (acc?.[key] as Record<string, unknown>) ?? {},
                schema
            );
        }
        if (current && current.type === 'array' && current.items) {
            return resolve(current.items);
        }
        return current ?? {};
    }

    function propertiesOf(node: unknown): string[] {
        const resolved = resolve(node);
        return Object.keys((resolved.properties as Record<string, unknown>) ?? {});
    }

    (hasSchema ? test : test.skip)('top-level, meta, settings and subjects properties', () => {
        const top = propertiesOf(schema);
        expect(top.sort()).toEqual(auraProperties(apex('AccessXRaySnapshot')).sort());
        const props = resolve(schema).properties as Record<string, unknown>;
        const metaProps = propertiesOf(props.meta);
        for (const name of auraProperties(apex('AccessXRaySnapshotMeta'))) {
            expect(metaProps).toContain(name);
        }
        const subjectProps = propertiesOf(props.subjects);
        for (const name of auraProperties(apex('AccessXRaySubject'))) {
            expect(subjectProps).toContain(name);
        }
    });

    (hasSchema ? test : test.skip)(
        'every field the schema requires of a table row is selected by the Apex selector',
        () => {
            const selected = apexSelectedFields();
            const tableProps = (resolve(schema).properties as Record<string, Record<string, unknown>>).tables
                ?.properties as Record<string, unknown>;
            const problems: string[] = [];
            for (const [table, def] of Object.entries(tableProps ?? {})) {
                const rowDef = resolve(def);
                const required = new Set<string>((rowDef.required as string[] | undefined) ?? []);
                for (const part of (rowDef.allOf as unknown[] | undefined) ?? []) {
                    ((resolve(part).required as string[] | undefined) ?? []).forEach((r) => required.add(r));
                }
                const fields = selected.get(table);
                if (!fields) {
                    problems.push(`${table}: no Apex selector selects it`);
                    continue;
                }
                for (const field of required) {
                    if (!fields.has(field)) {
                        problems.push(`${table}.${field} is required by the schema but not selected in Apex`);
                    }
                }
            }
            expect(problems).toEqual([]);
        }
    );
});

describe('ExternalAccountHierarchy: the Apex collects what the engine models', () => {
    const TABLE = 'ExternalAccountHierarchy';
    const engineModel = readFileSync(join(ENGINE, 'externalAccountHierarchy.ts'), 'utf8');
    const engineReasons = readFileSync(join(ENGINE, 'externalAccountHierarchyReasons.ts'), 'utf8');
    const engineIndex = readFileSync(join(ENGINE, 'snapshotIndex.ts'), 'utf8');
    const rule = apex('AccessXRayExternalAccountHierarchy');
    const evidence = apex('AccessXRayRoleHierarchyEvidence');
    const hierarchySteps = plan.steps.filter((s) => s.object === TABLE);
    /** Fields of `get('X')` calls in a piece of Apex. */
    const gets = (source: string): Set<string> => new Set([...source.matchAll(/\.get\('(\w+)'\)/g)].map((m) => m[1]!));
    /** Capitalised properties read on the given row variables of a TypeScript source. */
    const fieldsOn = (source: string, variables: string[]): Set<string> =>
        new Set(
            [...source.matchAll(new RegExp(`\\b(?:${variables.join('|')})\\??\\.([A-Z]\\w*)\\b`, 'g'))].map((m) => m[1]!)
        );

    // Node rows are `n`, `node`, `parent`, `x` in the engine; `labelOf(node)` shows the node's Name.
    const engineNodeFields = new Set([
        ...fieldsOn(engineModel, ['n', 'node', 'parent', 'start']),
        ...fieldsOn(engineReasons, ['n', 'node', 'x']),
        ...(/labelOf\((?:n|node|link\.node)\)/.test(engineReasons) && engineIndex.includes("'Name'") ? ['Name'] : [])
    ]);
    // Role rows in topPortalRole are `r`, `a`, `b`; PortalAccountId is matched through rowsWhere.
    const engineRoleFields = new Set([
        ...fieldsOn(engineModel, ['r', 'a', 'b', 'childTop', 'parentTop']),
        ...[...engineModel.matchAll(/rowsWhere\('UserRole', '(\w+)'/g)].map((m) => m[1]!)
    ]);

    test('the engine reads the documented node and role fields (guards the extraction below)', () => {
        for (const field of ['Id', 'Name', 'AccountId', 'ParentId', 'HierarchyType', 'IsActive', 'IsAccessibleToParent']) {
            expect({ field, readByEngine: engineNodeFields.has(field) }).toEqual({ field, readByEngine: true });
        }
        for (const field of ['Id', 'ParentRoleId', 'PortalType', 'PortalRole', 'PortalAccountId']) {
            expect({ field, readByEngine: engineRoleFields.has(field) }).toEqual({ field, readByEngine: true });
        }
        expect(engineModel).toContain(`rows('${TABLE}')`);
    });

    test('every plan step reading nodes selects every node field the engine reads, and the Apex builds them all', () => {
        expect(hierarchySteps.map((s) => s.id).sort()).toEqual(['above.hierarchyNodes', 'above.hierarchyParents', 'below.subtreeHierarchyNodes']);
        for (const step of hierarchySteps) {
            expect({ step: step.id, missing: [...engineNodeFields].filter((f) => !step.fields.includes(f)) }).toEqual({ step: step.id, missing: [] });
        }
        const built = new Set(apexSteps().map((s) => s.id));
        expect(hierarchySteps.filter((s) => !built.has(s.id)).map((s) => s.id)).toEqual([]);
    });

    test('the plan\u2019s role steps select every role field the rule reads', () => {
        const selected = apexSelectedFields().get('UserRole') ?? new Set<string>();
        expect([...engineRoleFields].filter((f) => !selected.has(f))).toEqual([]);
    });

    test('the object is found through the describe, never referenced as a type', () => {
        expect(evidence).toMatch(/AccessXRayQuery\.typeOf\(HIERARCHY_TABLE\) == null/);
        expect(evidence).toMatch(/if \(!query\.isAvailable\(\)\) \{\s*return false;\s*\}/);
        expect(apex('AccessXRayBelowUserEvidence')).toMatch(/if \(!query\.isAvailable\(\)\) \{\s*ctx\.hierarchyOff = true;/);
        for (const [name, raw] of apexByName) {
            const code = raw
                .replace(/\/\*[\s\S]*?\*\//g, '')
                .replace(/\/\/.*$/gm, '')
                .replace(/'(?:[^'\\]|\\.)*'/g, "''");
            expect({ name, staticReference: /\bExternalAccountHierarchy\b/.test(code) }).toEqual({
                name,
                staticReference: false
            });
        }
    });

    test('a failed read is reported under the table name the engine looks up, with a fix', () => {
        expect(engineReasons).toContain(`unavailable('${TABLE}')`);
        expect(evidence).toContain(`HIERARCHY_TABLE = '${TABLE}'`);
        // The context lists a failed step under its table (the object queried) with the query's fix.
        const selector = apex('AccessXRayExperienceSelector');
        expect([...selector.matchAll(/\.withFix\(Label\.AXR_Apex_FixExternalAccountHierarchy\)/g)].length).toBe(hierarchySteps.length);
        expect(apex('AccessXRayCollectionContext')).toMatch(/unavailable\(query\.reportedTable\(\), reason, query\.fix\)/);
        const labels = readFileSync(
            join(ROOT, 'force-app', 'main', 'default', 'labels', 'AccessXRayApex.labels-meta.xml'),
            'utf8'
        );
        expect(labels).toContain('<fullName>AXR_Apex_FixExternalAccountHierarchy</fullName>');
    });

    test('the Apex rule reads the same fields and uses the same ranks and portal types as the engine', () => {
        const read = gets(rule);
        expect([...engineNodeFields].filter((f) => f !== 'Name' && !read.has(f))).toEqual([]);
        expect([...engineRoleFields].filter((f) => !read.has(f))).toEqual([]);
        const engineRank = engineModel.match(/const RANK: Record<string, number> = \{([^}]*)\}/);
        expect(engineRank).not.toBeNull();
        const rank = (pairs: string, pattern: RegExp): Record<string, number> =>
            Object.fromEntries([...pairs.matchAll(pattern)].map((m) => [m[1]!, Number(m[2])]));
        const apexRank = rule.match(/RANK = new Map<String, Integer>\{([^}]*)\}/);
        expect(apexRank).not.toBeNull();
        expect(rank(apexRank![1]!, /'(\w+)' => (\d+)/g)).toEqual(rank(engineRank![1]!, /(\w+): (\d+)/g));
        const engineUnranked = engineModel.match(/RANK\[str\(a\.PortalRole\)\] \?\? (\d+)/);
        expect(rule).toContain(`UNRANKED = ${engineUnranked![1]}`);
        expect(engineModel).toContain("=== 'CustomerPortal' ? 'CustomerPortal' : 'Partner'");
        expect(rule).toContain("CUSTOMER_PORTAL = 'CustomerPortal'");
        expect(rule).toContain("PARTNER = 'Partner'");
        expect(engineModel).toContain("!== 'PersonAccount'");
        expect(rule).toContain("PERSON_ACCOUNT = 'PersonAccount'");
        // The link conditions: active, accessible to parent (false blocks, blank doesn't), parent active to
        // the root, same hierarchy type.
        expect(engineModel).toMatch(/node\.IsActive !== true/);
        expect(engineModel).toMatch(/node\.IsAccessibleToParent === false/);
        expect(rule).toMatch(/isTrue\(node\.get\('IsActive'\)\)/);
        expect(rule).toMatch(/!isFalse\(node\.get\('IsAccessibleToParent'\)\)/);
        expect(rule).toMatch(/activeToRoot\(parent, nodesById\)/);
        expect(rule).toMatch(/portalTypeOf\(node\.get\('HierarchyType'\)\) == portalTypeOf\(parent\.get\('HierarchyType'\)\)/);
    });

    test('the role chains are walked through the hierarchy\u2019s links, with the engine\u2019s rule', () => {
        expect(evidence).toMatch(/AccessXRayExternalAccountHierarchy\.roleLinks\(\s*ctx\.rows\('UserRole'\),\s*ctx\.rows\(HIERARCHY_TABLE\)\s*\)/);
        const groups = apex('AccessXRayGroupMembershipEvidence');
        expect(groups).toMatch(/AccessXRayExternalAccountHierarchy\.roleLinks\(/);
        expect(groups).toMatch(/links\.containsKey\(current\)\s*\?\s*links\.get\(current\)/);
    });
});
