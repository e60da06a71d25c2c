// Plain-language words for a demo scenario's expected verdict, shared by `npm run demo` and
// `npm run verify:org`: people read "decided by the org-wide default, which gives nothing here",
// never the engine's layer ids ("orgWideDefaults") or statuses ("neutral"). Plain JavaScript, so
// `node scripts/demo.mjs` needs no type stripping.

/** What each layer is called in a sentence; `plural` picks the verb ("gives" / "give"). */
/** @type {Record<string, { name: string, plural: boolean }>} */
const LAYERS = {
    objectPermissions: { name: 'object permissions', plural: true },
    orgWideDefaults: { name: 'the org-wide default', plural: false },
    ownership: { name: 'ownership', plural: false },
    roleHierarchy: { name: 'the role hierarchy', plural: false },
    sharingRules: { name: 'sharing rules', plural: true },
    territories: { name: 'territories', plural: true },
    teams: { name: 'teams', plural: true },
    manualShares: { name: 'manual and Apex shares', plural: true },
    implicitSharing: { name: 'implicit sharing', plural: false },
    systemPermissions: { name: 'system permissions', plural: true },
    experienceCloud: { name: 'Experience Cloud sharing', plural: false },
    restrictionRules: { name: 'restriction rules', plural: true }
};

/** What a layer does to the record, by status: [singular verb phrase, plural verb phrase]. */
/** @type {Record<string, [string, string]>} */
const DOES = {
    grants: ['grants it', 'grant it'],
    blocks: ['blocks it', 'block it'],
    neutral: ['gives nothing here', 'give nothing here'],
    notApplicable: ["doesn't apply to this user", "don't apply to this user"],
    uncertain: ["can't be decided from the evidence", "can't be decided from the evidence"]
};

/** UserRecordAccess.MaxAccessLevel values as words. */
/** @type {Record<string, string>} */
const LEVELS = {
    None: 'no access',
    Read: 'read access',
    Edit: 'read and edit access',
    Delete: 'read, edit and delete access',
    Transfer: 'read, edit and transfer access',
    All: 'full access'
};

/** "the org-wide default"; an unknown layer id falls back to the title the engine gave it. */
export function layerName(layerId, fallbackTitle) {
    return LAYERS[layerId]?.name ?? (fallbackTitle ? fallbackTitle.toLowerCase() : 'an unnamed layer');
}

/** "the org-wide default, which gives nothing here". */
export function layerDoes(layerId, status, fallbackTitle) {
    const verbs = DOES[status] ?? [`is ${status}`, `are ${status}`];
    return `${layerName(layerId, fallbackTitle)}, which ${verbs[LAYERS[layerId]?.plural ? 1 : 0]}`;
}

/** "no access", "read and edit access", "full access". */
export function levelWords(level) {
    return LEVELS[level] ?? `${level} access`;
}

/** A scenario's expectation: "no access, decided by the org-wide default, which gives nothing here". */
export function expectedWords(expected) {
    return `${levelWords(expected.maxAccessLevel)}, decided by ${layerDoes(expected.decidingLayer, expected.decidingStatus)}`;
}
