/**
 * The evidence plan exported for the in-org collector: a stable JSON document
 * (docs/evidence-plan.json) and Apex constants
 * (force-app/main/default/classes/evidence/AccessXRayEvidencePlan.cls), both generated from
 * plan.ts by `npm run plan:apex` (scripts/evidence-plan.mjs). tests/cli/evidencePlan.test.ts
 * regenerates both and fails when the committed files differ, so the Apex side can never drift
 * from the plan the CLI follows.
 */
import { DEFAULT_STEP_CAP, ID_CHUNK, PLAN_ID, ROUNDS, STEPS, type PlanRound, type PlanStep } from './plan';
import { WHO_CAN_SEE_PLAN_ID, WHO_CAN_SEE_ROUNDS, WHO_CAN_SEE_STEPS } from './planWhoCanSee';

export const PLAN_JSON_PATH = 'docs/evidence-plan.json';
export const PLAN_APEX_PATH = 'force-app/main/default/classes/evidence/AccessXRayEvidencePlan.cls';

function roundsDocument(rounds: readonly PlanRound[]): Record<string, unknown>[] {
    return rounds.map((r) => ({ round: r.round, title: r.title, needs: r.needs }));
}

function stepDocument(s: PlanStep): Record<string, unknown> {
    return {
        id: s.id,
        round: s.round,
        title: s.title,
        api: s.api,
        object: s.object,
        fields: [...s.fields],
        where: s.where,
        ...(s.groupBy ? { groupBy: [...s.groupBy] } : {}),
        binds: s.binds,
        ...(s.when ? { when: s.when } : {}),
        feeds: s.feeds,
        serves: [...s.serves],
        ...(s.loop ? { loop: s.loop } : {}),
        cap: s.cap,
        capLoop: s.capLoop,
        onCap: s.onCap,
        ...(s.optional ? { optional: s.optional } : {}),
        ...(s.fix ? { fix: s.fix } : {})
    };
}

/** The plans as a plain JSON document (explain/1 at the top level, as the in-org collector and verify:org read it; whoCanSee/1 under `whoCanSee`) (keys in a fixed order, so the file is stable). */
export function planDocument(): Record<string, unknown> {
    return {
        plan: PLAN_ID,
        generatedFrom: 'cli/src/collect/plan.ts',
        defaultStepCap: DEFAULT_STEP_CAP,
        cliIdChunk: ID_CHUNK,
        rounds: roundsDocument(ROUNDS),
        steps: STEPS.map(stepDocument),
        whoCanSee: {
            plan: WHO_CAN_SEE_PLAN_ID,
            rounds: roundsDocument(WHO_CAN_SEE_ROUNDS),
            steps: WHO_CAN_SEE_STEPS.map(stepDocument)
        }
    };
}

export function planJson(): string {
    return `${JSON.stringify(planDocument(), null, 2)}\n`;
}

/** An Apex string literal (single quotes, backslash and quote escaped). */
function apexString(value: string | null | undefined): string {
    if (value === null || value === undefined) return 'null';
    return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

function apexList(values: readonly string[]): string {
    return `new List<String>{ ${values.map((f) => apexString(f)).join(', ')} }`;
}

function apexStep(s: PlanStep, add = 'add'): string {
    const fields = apexList(s.fields);
    return `        ${add}(new Step(${[
        apexString(s.id),
        String(s.round),
        apexString(s.title),
        apexString(s.api),
        apexString(s.object),
        fields,
        apexString(s.where),
        String(s.cap),
        apexString(s.capLoop),
        apexString(s.onCap),
        apexString(s.loop?.name),
        s.loop ? String(s.loop.maxDepth) : 'null',
        apexString(s.optional)
    ].join(', ')})${add === 'add' ? '' : `, ${s.groupBy ? apexList(s.groupBy) : 'null'}`});`;
}

/** The Apex class text before formatting (the generator formats it with prettier-plugin-apex). */
export function planApexSource(): string {
    return `/**
 * @description The evidence plans ${PLAN_ID} and ${WHO_CAN_SEE_PLAN_ID} as constants: one Step per query shape of docs/evidence-plan.md.
 * Generated from cli/src/collect/plan.ts by \`npm run plan:apex\`; do not edit by hand
 * (tests/cli/evidencePlan.test.ts fails when this class and the plan differ). A condition names its
 * variable parts as :bind lists, exactly as the in-org selectors bind them; {Name} in an object or
 * field list is a placeholder the plan document explains (the record's object, a share table).
 */
public inherited sharing class AccessXRayEvidencePlan {
    /** @description Written to meta.scope.plan by a collector following this plan. */
    public static final String PLAN_ID = ${apexString(PLAN_ID)};
    /** @description Row bound of a step when the plan gives none. */
    public static final Integer DEFAULT_STEP_CAP = ${DEFAULT_STEP_CAP};
    /** @description Every step of the plan, by id, in plan order. */
    public static final Map<String, Step> STEPS = new Map<String, Step>();
    /** @description The step ids in plan order. */
    public static final List<String> ORDER = new List<String>();
    /** @description Written to meta.scope.plan by a who-can-see collector following ${WHO_CAN_SEE_PLAN_ID}. */
    public static final String WHO_CAN_SEE_PLAN_ID = ${apexString(WHO_CAN_SEE_PLAN_ID)};
    /** @description Every step of ${WHO_CAN_SEE_PLAN_ID}, by id (steps shared with ${PLAN_ID} keep their id, in this plan's round). */
    public static final Map<String, Step> WHO_CAN_SEE_STEPS = new Map<String, Step>();
    /** @description The step ids of ${WHO_CAN_SEE_PLAN_ID} in plan order. */
    public static final List<String> WHO_CAN_SEE_ORDER = new List<String>();

    /** @description One query shape with its bounds. */
    public class Step {
        /** @description Stable id, e.g. groups.membershipUp. */
        public String id { get; private set; }
        /** @description Round of the plan (1 = subjects … 10 = UserRecordAccess). */
        public Integer round { get; private set; }
        /** @description What the step reads, in plain words (the start of a reached cap's reason). */
        public String title { get; private set; }
        /** @description rest or tooling. */
        public String api { get; private set; }
        /** @description The sObject queried (or a placeholder such as {ShareTable}). */
        public String objectApiName { get; private set; }
        /** @description Fields selected (or placeholders such as {AllScalarFields}). */
        public List<String> fields { get; private set; }
        /** @description WHERE condition with :bind references only, or null. */
        public String condition { get; private set; }
        /** @description Row cap per query round. */
        public Integer cap { get; private set; }
        /** @description Name reported in meta.scope.capsReached when the cap is reached. */
        public String capLoop { get; private set; }
        /** @description What a reached cap makes uncertain, in plain words (the end of its reason). */
        public String onCap { get; private set; }
        /** @description Depth loop name, or null when the step runs once. */
        public String loopName { get; private set; }
        /** @description Rounds a loop may run, or null. */
        public Integer maxDepth { get; private set; }
        /** @description feature (INVALID_TYPE = feature off), permission (failure = unavailable) or null. */
        public String optional { get; private set; }
        /** @description GROUP BY fields of an aggregate step (who-can-see counts), or null. */
        public List<String> groupBy { get; private set; }

        /**
         * @description Creates a step.
         * @param id step id
         * @param round plan round
         * @param title what the step reads
         * @param api rest or tooling
         * @param objectApiName object queried
         * @param fields fields selected
         * @param condition WHERE with :binds, or null
         * @param cap row cap per round
         * @param capLoop name reported when the cap is reached
         * @param onCap what a reached cap makes uncertain
         * @param loopName depth loop name or null
         * @param maxDepth rounds a loop may run or null
         * @param optional feature, permission or null
         */
        public Step(
            String id,
            Integer round,
            String title,
            String api,
            String objectApiName,
            List<String> fields,
            String condition,
            Integer cap,
            String capLoop,
            String onCap,
            String loopName,
            Integer maxDepth,
            String optional
        ) {
            this.id = id;
            this.round = round;
            this.title = title;
            this.api = api;
            this.objectApiName = objectApiName;
            this.fields = fields;
            this.condition = condition;
            this.cap = cap;
            this.capLoop = capLoop;
            this.onCap = onCap;
            this.loopName = loopName;
            this.maxDepth = maxDepth;
            this.optional = optional;
        }

        /**
         * @description Sets the GROUP BY fields of an aggregate step.
         * @param fields the fields, or null
         */
        public void withGroupBy(List<String> fields) {
            this.groupBy = fields;
        }
    }

    static {
${STEPS.map((s) => apexStep(s)).join('\n')}
${WHO_CAN_SEE_STEPS.map((s) => apexStep(s, 'addWhoCanSee')).join('\n')}
    }

    private static void add(Step s) {
        STEPS.put(s.id, s);
        ORDER.add(s.id);
    }

    private static void addWhoCanSee(Step s, List<String> groupBy) {
        s.withGroupBy(groupBy);
        WHO_CAN_SEE_STEPS.put(s.id, s);
        WHO_CAN_SEE_ORDER.add(s.id);
    }

    /**
     * @description A step by id.
     * @param id step id
     * @return the step (an unknown id is a programming error)
     */
    public static Step step(String id) {
        Step s = STEPS.get(id);
        if (s == null) {
            throw new AccessXRayException('The evidence plan has no step ' + id);
        }
        return s;
    }

    /**
     * @description A step of the who-can-see plan by id.
     * @param id step id
     * @return the step (an unknown id is a programming error)
     */
    public static Step whoCanSeeStep(String id) {
        Step s = WHO_CAN_SEE_STEPS.get(id);
        if (s == null) {
            throw new AccessXRayException('The who-can-see evidence plan has no step ' + id);
        }
        return s;
    }
}
`;
}
