/** @jest-environment node */
/**
 * Contract between the evidence plan explain/1 (cli/src/collect/plan.ts, docs/evidence-plan.md)
 * and the in-org collector, read from the Apex sources (no org needed):
 * - every evidence query is built from a plan step (`AccessXRayQuery.ofStep('<id>', …)`): the step
 *   exists, every step has its selector, the placeholders a call fills are exactly the step's and the
 *   binds it passes are exactly the :binds its condition names; no evidence query is written by hand
 *   (the few reads outside the plan are listed below with why);
 * - the evidence services run the plan's rounds in order, and each calls only the selectors of its
 *   round's steps (the one exception, as in the CLI: round 6 reads the user's role chain early);
 * - the constants the Apex keeps of the engine and the plan are theirs (share tables, account children);
 * - the Apex step-trace expectation (AccessXRayPlanTraceScenarios, what AccessXRayEvidencePlanTraceTest
 *   compares the Apex collector's trace with in an org) is the CLI collector's current run of those demo
 *   scenarios, the same traces as tests/cli/fixtures/evidence-plan-traces.json.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ACCOUNT_CHILD_OBJECTS, IMPLICIT_CHILD_OBJECTS, STEPS, planStep } from '../../cli/src/collect/plan';
import { APEX_TRACE_SCENARIOS } from '../../cli/src/collect/planApexTraces';
import { WHO_CAN_SEE_STEPS, whoCanSeeStep } from '../../cli/src/collect/planWhoCanSee';

const ROOT = join(__dirname, '..', '..');
const CLASSES = join(ROOT, 'force-app', 'main', 'default', 'classes');
const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
const shipped = walk(CLASSES).filter((p) => p.endsWith('.cls') && !p.includes(join('classes', 'tests')));
/** Apex without comments; `Map<String, Object>` written without its comma, so a call's arguments split at top-level commas. */
const code = (path: string): string =>
    readFileSync(path, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '')
        .replace(/Map<String, Object>/g, 'Map<String;Object>');
const byName = new Map(shipped.map((p) => [p.split(/[\\/]/).pop()!.replace(/\.cls$/, ''), code(p)]));
const source = (name: string): string => {
    const text = byName.get(name);
    if (text === undefined) throw new Error(`Apex class ${name} not found`);
    return text;
};

/**
 * Reads not built from a plan step, each with why (docs/evidence-plan.md "How the two collectors are kept the same").
 * Anything else that builds a query by hand fails the test.
 */
const OUTSIDE_THE_PLAN: Record<string, string> = {
    'AccessXRayRecordSelector.ownersOf': 'support users: a record they cannot read is read as Id and OwnerId only, never whole',
    'AccessXRaySetupMetadataEvidence.layoutTable': 'page layouts (Metadata, read by the in-org collector only) need a custom object\u2019s id',
    'AccessXRayVisibility.visibleIds': 'redaction: what the running user can see, in user mode',
    'AccessXRayQuery.ofStep': 'the one place a plan step becomes a query'
};

/**
 * Metadata API steps of the plan (round 11), run in-org differently: AccessXRaySetupMetadataEvidence reads them through the
 * org connection (AccessXRaySetupMetadataClient listMetadata / readMetadata), not through a selector. Each with the
 * call the service makes for it.
 */
const METADATA_STEPS_IN_ORG: Record<string, RegExp> = {
    'metadata.sharingRules': /client\.readMetadata\('SharingRules', names\)/,
    'metadata.sharingSets': /client\.listMetadata\('SharingSet'\)[\s\S]*client\.readMetadata\('SharingSet', batch\)/
};

/** The argument texts of a call starting at `open` (the index of its opening parenthesis), split at top-level commas. */
function callArguments(text: string, open: number): string[] {
    const args: string[] = [];
    let depth = 0;
    let quoted = false;
    let start = open + 1;
    for (let i = open; i < text.length; i++) {
        const c = text[i];
        if (quoted) {
            if (c === '\\') i++;
            else if (c === "'") quoted = false;
            continue;
        }
        if (c === "'") quoted = true;
        else if (c === '(' || c === '{' || c === '[') depth++;
        else if (c === ')' || c === '}' || c === ']') {
            depth--;
            if (depth === 0) {
                args.push(text.slice(start, i).trim());
                return args;
            }
        } else if (c === ',' && depth === 1) {
            args.push(text.slice(start, i).trim());
            start = i + 1;
        }
    }
    throw new Error(`unbalanced call at ${open}`);
}

/** Keys of a `new Map<String, Object>{ 'k' => v, … }` literal (top level only; see code()). */
function mapKeys(literal: string): string[] {
    const body = literal.replace(/^new Map<String;Object>\s*\{/, '').replace(/\}$/, '');
    return [...body.matchAll(/(?:^|,)\s*'([^']+)'\s*=>/g)].map((m) => m[1]!);
}

interface StepCall {
    className: string;
    method: string;
    stepId: string;
    placeholders: string[] | null;
    binds: string[] | null;
}

/** Every `AccessXRayQuery.ofStep(…)` in the shipped Apex, with the method it is in. */
function stepCalls(): StepCall[] {
    const calls: StepCall[] = [];
    for (const [className, text] of byName) {
        if (className === 'AccessXRayQuery') continue;
        for (const m of text.matchAll(/AccessXRayQuery\.ofStep\(/g)) {
            const open = (m.index ?? 0) + m[0].length - 1;
            const args = callArguments(text, open);
            const method = [...text.slice(0, m.index).matchAll(/(?:public|private|global)\s+static\s+[\w<>, .]+\s+(\w+)\s*\(/g)].pop()?.[1] ?? '?';
            const stepId = /^'([\w.]+)'$/.exec(args[0] ?? '')?.[1] ?? '';
            const literal = (arg: string | undefined): string[] | null => (arg && arg.startsWith('new Map<String;Object>') ? mapKeys(arg) : null);
            calls.push({
                className,
                method,
                stepId,
                placeholders: args.length === 3 ? literal(args[1]) : [],
                binds: literal(args[args.length - 1])
            });
        }
    }
    return calls;
}

/** A step of explain/1, or one of whoCanSee/1's own (wcs.…: the steps both plans share keep explain/1's id). */
const anyStep = (id: string) => (STEPS.some((s) => s.id === id) ? planStep(id) : whoCanSeeStep(id));
const placeholdersOf = (id: string): string[] => {
    const s = anyStep(id);
    return [...new Set([...JSON.stringify([s.object, s.fields, s.where]).matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!))].sort();
};
const bindsOf = (id: string): string[] => [...new Set([...(anyStep(id).where ?? '').matchAll(/:([A-Za-z]\w*)/g)].map((m) => m[1]!))].sort();

describe('the in-org collector builds its queries from the evidence plan', () => {
    const calls = stepCalls();

    it('every ofStep names a plan step, and every step of the plan has its selector', () => {
        expect(calls.length).toBeGreaterThan(40);
        const ids = [...STEPS.map((s) => s.id), ...WHO_CAN_SEE_STEPS.map((s) => s.id)];
        expect(calls.filter((c) => !ids.includes(c.stepId)).map((c) => `${c.className}.${c.method}: '${c.stepId}'`)).toEqual([]);
        const used = new Set(calls.map((c) => c.stepId));
        // Restriction rules are Tooling-only: Apex sends the step's text through the org connection.
        expect(source('AccessXRayOrgSelector')).toMatch(/AccessXRayEvidencePlan\.step\('restrictionRules'\)/);
        used.add('restrictionRules');
        // Metadata API steps are no SOQL: each is run in-org by the setup-metadata service (round 0, after the rounds).
        for (const [id, why] of Object.entries(METADATA_STEPS_IN_ORG)) {
            expect({ id, api: planStep(id).api }).toEqual({ id, api: 'metadata' });
            expect({ id, why, runs: why.test(source('AccessXRaySetupMetadataEvidence')) }).toEqual({ id, why, runs: true });
            used.add(id);
        }
        expect(STEPS.filter((s) => s.api === 'metadata').map((s) => s.id).sort()).toEqual(Object.keys(METADATA_STEPS_IN_ORG).sort());
        expect(STEPS.map((s) => s.id).filter((id) => !used.has(id))).toEqual([]);
    });

    it('each call fills exactly its step\u2019s placeholders and binds exactly the :binds of its condition', () => {
        const problems: string[] = [];
        for (const c of calls) {
            const where = `${c.className}.${c.method} (${c.stepId})`;
            if (c.placeholders === null || c.binds === null) {
                problems.push(`${where}: placeholders and binds must be map literals, so this test can read them`);
                continue;
            }
            if (JSON.stringify([...c.placeholders].sort()) !== JSON.stringify(placeholdersOf(c.stepId))) {
                problems.push(`${where}: fills {${c.placeholders.join(', ')}}, the step has {${placeholdersOf(c.stepId).join(', ')}}`);
            }
            if (JSON.stringify([...c.binds].sort()) !== JSON.stringify(bindsOf(c.stepId))) {
                problems.push(`${where}: binds ${c.binds.join(', ')}, the condition names ${bindsOf(c.stepId).join(', ')}`);
            }
        }
        expect(problems).toEqual([]);
    });

    it('no evidence query is written by hand: fields, object and condition come from the plan', () => {
        const handWritten: string[] = [];
        for (const [className, text] of byName) {
            for (const m of text.matchAll(/new AccessXRayQuery\(/g)) {
                const method = [...text.slice(0, m.index).matchAll(/(?:public|private|global)\s+static\s+[\w<>, .]+\s+(\w+)\s*\(|(?:public|private|global)\s+(?:virtual\s+|override\s+)*[\w<>, .]+\s+(\w+)\s*\(/g)].pop();
                const name = `${className}.${method?.[1] ?? method?.[2] ?? '?'}`;
                if (!OUTSIDE_THE_PLAN[name]) handWritten.push(name);
            }
        }
        expect(handWritten).toEqual([]);
        // No service or selector changes a query's shape after it is built.
        for (const [className, text] of byName) {
            if (!/Evidence$|Selector$|^AccessXRayCollector$/.test(className)) continue;
            expect({ className, reshapes: /\.(fields|condition|objectApiName)\s*(=[^=]|\.add)/.test(text) }).toEqual({ className, reshapes: false });
        }
        // No inline SOQL in the evidence services or the collector: every read goes through a selector and ctx.read.
        for (const [className, text] of byName) {
            if (!/Evidence$|^AccessXRayCollector$|^AccessXRayCollectionContext$/.test(className)) continue;
            expect({ className, inlineSoql: /\[\s*SELECT\b|Database\.query/i.test(text) }).toEqual({ className, inlineSoql: false });
        }
    });

    it('the services run the plan\u2019s rounds in order, each calling only the selectors of its round\u2019s steps', () => {
        // Selector method → plan step, from the selectors' sources.
        const stepOfSelector = new Map(calls.map((c) => [`${c.className}.${c.method}`, c.stepId]));
        const pipeline = /pipeline\(\)\s*\{[\s\S]*?\};/.exec(source('AccessXRayCollector'))![0];
        const services = [...pipeline.matchAll(/new (AccessXRay\w+Evidence)\(\)/g)].map((m) => m[1]!);
        const roundOf = (service: string): number => Number(/public Integer round\(\)\s*\{\s*return (\d+);/.exec(source(service))?.[1] ?? NaN);
        const planRounds = services.map(roundOf).filter((r) => r > 0);
        expect(planRounds).toEqual([...planRounds].sort((a, b) => a - b));
        expect([...new Set(planRounds)]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        // The rounds come first; the reads outside the plan (round 0) after them.
        expect(services.map(roundOf).indexOf(0)).toBe(planRounds.length);
        const problems: string[] = [];
        for (const service of services) {
            const round = roundOf(service);
            for (const m of source(service).matchAll(/(AccessXRay\w+Selector)\.(\w+)\(/g)) {
                const stepId = stepOfSelector.get(`${m[1]}.${m[2]}`);
                if (!stepId) continue; // a helper (share table name, scalar fields, a read outside the plan)
                const stepRound = planStep(stepId).round;
                const early = service === 'AccessXRayBelowUserEvidence' && stepId === 'above.roles';
                if (round === 0 || (stepRound !== round && !early)) problems.push(`${service} (round ${round}) runs ${stepId} (round ${stepRound})`);
            }
        }
        expect(problems).toEqual([]);
        // Round 1's Tooling step is run by round 1.
        expect(roundOf('AccessXRaySubjectEvidence')).toBe(planStep('restrictionRules').round);
        expect(source('AccessXRaySubjectEvidence')).toContain('AccessXRayOrgSelector.restrictionRulesSoql()');
    });
});

/**
 * Steps of whoCanSee/1 the in-org collector does not run yet, each with why (docs/apex.md "Who can see"): the answer
 * says what they would have added, never a confident short list.
 */
const WHO_CAN_SEE_NOT_IN_ORG: Record<string, string> = Object.fromEntries(
    ['above.hierarchyNodes', 'above.hierarchyParents', 'above.portalRoles', 'above.hierarchyAccounts', 'wcs.groupHierarchyNodes', 'wcs.hierarchyChildren', 'wcs.childPortalRoles'].map((id) => [
        id,
        'external account hierarchies (a pilot feature): not followed by the in-org who-can-see yet; portal role chains end at the portal account'
    ])
);

describe('the in-org who-can-see collector follows whoCanSee/1', () => {
    const calls = stepCalls();
    const stepOfSelector = new Map(calls.map((c) => [`${c.className}.${c.method}`, c.stepId]));
    const stepsCalledBy = (text: string): string[] =>
        [...text.matchAll(/(AccessXRay\w+Selector)\.(\w+)\(/g)].map((m) => stepOfSelector.get(`${m[1]}.${m[2]}`)).filter((id): id is string => !!id);

    it('every step of whoCanSee/1 is read by AccessXRayWhoCanSeeCollector (or the explain/1 service of its round it runs), or listed with why not', () => {
        const collector = source('AccessXRayWhoCanSeeCollector');
        const run = new Set(stepsCalledBy(collector));
        for (const m of collector.matchAll(/new (AccessXRay\w+Evidence)\(\)\.collect\(/g)) for (const id of stepsCalledBy(source(m[1]!))) run.add(id);
        if (/AccessXRaySubjectEvidence\.readRestrictionRules\(/.test(collector)) run.add('restrictionRules');
        // Round 11 (Metadata API): the setup-metadata service's sharing reads, the calls METADATA_STEPS_IN_ORG names.
        if (/AccessXRaySetupMetadataEvidence\.readSharingDefinitions\(ctx\)/.test(collector)) {
            const definitions = /void readSharingDefinitions\([^)]*\)\s*\{([^}]*)\}/.exec(source('AccessXRaySetupMetadataEvidence'))?.[1] ?? '';
            if (/'SharingRules'/.test(definitions)) run.add('metadata.sharingRules');
            if (/'SharingSet'/.test(definitions)) run.add('metadata.sharingSets');
        }
        const missing = WHO_CAN_SEE_STEPS.map((s) => s.id).filter((id) => !run.has(id) && !WHO_CAN_SEE_NOT_IN_ORG[id]);
        expect(missing).toEqual([]);
        // The list holds only steps that are really not run.
        expect(Object.keys(WHO_CAN_SEE_NOT_IN_ORG).filter((id) => run.has(id))).toEqual([]);
    });

    it('its own steps (wcs.…) are built by AccessXRayWhoCanSeeSelector, one method per step', () => {
        const own = WHO_CAN_SEE_STEPS.filter((s) => s.id.startsWith('wcs.') && !WHO_CAN_SEE_NOT_IN_ORG[s.id]).map((s) => s.id).sort();
        const built = calls.filter((c) => c.className === 'AccessXRayWhoCanSeeSelector').map((c) => c.stepId).sort();
        expect(built).toEqual(own);
    });

    it('the scope it writes names the plan whoCanSee/1 and the record', () => {
        expect(source('AccessXRayEvidenceScope')).toMatch(/scope\.kind = 'records';\s*scope\.plan = AccessXRayEvidencePlan\.WHO_CAN_SEE_PLAN_ID;\s*scope\.recordIds\.add\(recordId\);/);
    });
});

describe('the constants the Apex keeps are the engine\u2019s and the plan\u2019s', () => {
    const list = (text: string, name: string): string[] => {
        const m = new RegExp(`${name} = new (?:List|Set)<String>\\{([^}]*)\\}`).exec(text);
        expect(m).not.toBeNull();
        return [...m![1]!.matchAll(/'(\w+)'/g)].map((x) => x[1]!);
    };

    it('share tables and their columns follow shareTables.ts', () => {
        const engine = readFileSync(join(ROOT, 'lwc-src', 'lwc', 'accessXrayEngine', 'shareTables.ts'), 'utf8');
        const specific = [.../OBJECT_SPECIFIC = new Set\(\[([^\]]*)\]\)/.exec(engine)![1]!.matchAll(/'(\w+)'/g)].map((m) => m[1]!);
        const childFields = [.../ACCOUNT_CHILD_FIELDS[^=]*= \{([^}]*)\}/.exec(engine)![1]!.matchAll(/'(\w+)'/g)].map((m) => m[1]!);
        const selector = source('AccessXRayShareSelector');
        expect(list(selector, 'OBJECT_SPECIFIC').sort()).toEqual(specific.sort());
        expect(list(selector, 'ACCOUNT_CHILD_FIELDS')).toEqual(childFields);
    });

    it('account children are the plan\u2019s, in its order', () => {
        const selector = source('AccessXRayRecordSelector');
        expect(list(selector, 'ACCOUNT_CHILD_OBJECTS').sort()).toEqual([...ACCOUNT_CHILD_OBJECTS].sort());
        expect(list(selector, 'IMPLICIT_CHILD_OBJECTS')).toEqual([...IMPLICIT_CHILD_OBJECTS]);
    });

    it('the query budgets are the ones docs/limits.md counts against the 100 queries of a transaction', () => {
        const context = source('AccessXRayCollectionContext');
        const support = Number(/ QUERY_BUDGET = (\d+);/.exec(context)![1]);
        const admin = Number(/ADMIN_QUERY_BUDGET = (\d+);/.exec(context)![1]);
        expect(admin).toBeLessThan(100);
        expect(support).toBeLessThan(admin);
        const limits = readFileSync(join(ROOT, 'docs', 'limits.md'), 'utf8');
        expect(limits).toContain(`**Budget: ${admin} queries** for an Access X-Ray admin, **${support}** for a support user`);
    });
});

describe('the Apex step-trace expectation is the CLI collector\u2019s', () => {
    it('AccessXRayPlanTraceScenarios is the CLI collector\u2019s current run of the demo scenarios (run npm run plan:apex after changing the plan or the collector)', () => {
        expect(() => execFileSync(process.execPath, [join(ROOT, 'scripts', 'apex-plan-traces.mjs'), '--check'], { cwd: ROOT, stdio: 'pipe' })).not.toThrow();
    }, 120_000);

    it('its traces are the ones tests/cli/fixtures/evidence-plan-traces.json keeps for those scenarios', () => {
        const fixture = JSON.parse(readFileSync(join(ROOT, 'tests', 'cli', 'fixtures', 'evidence-plan-traces.json'), 'utf8')) as {
            traces: Record<string, { step: string; shape: string; rows: number }[]>;
        };
        const apex = readFileSync(join(CLASSES, 'tests', 'util', 'AccessXRayPlanTraceScenarios.cls'), 'utf8');
        const body = /public static String scenarios\(\)\s*\{([\s\S]*?)\n {4}\}/.exec(apex)![1]!;
        const text = [...body.matchAll(/'((?:[^'\\]|\\.)*)'/g)]
            .map((m) => m[1]!)
            .filter((s) => s !== '')
            .map((s) => s.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c)))
            .join('');
        const scenarios = JSON.parse(text) as { key: string; trace: unknown[] }[];
        expect(scenarios.map((s) => s.key)).toEqual([...APEX_TRACE_SCENARIOS]);
        for (const s of scenarios) expect({ key: s.key, trace: s.trace }).toEqual({ key: s.key, trace: fixture.traces[s.key] });
    });
});
