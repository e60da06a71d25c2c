/**
 * Seed 000 as a checklist: "Troubleshoot Missing Object or Record Access for Customer or
 * Partner Users" walked in its own order over an Explanation. Each step says what the
 * evidence shows and whether the search stops there; the first `stop` is where an expert
 * following the article would find the cause. Pure: reads only the explanation (and, for the
 * Sharing Hierarchy step, the names of users who can see the record, when given).
 *
 * Steps (the article's numbered list): 1 licence objects, 2 object permissions, 3 external
 * org-wide default, 4 Sharing Hierarchy (who has access), 5 roles and external account
 * hierarchy, 6 public groups, 7 sharing rules (portal role targets), 8 Experience Cloud
 * sharing features (sharing sets, share groups, account relationships), 9 queues, 10 teams,
 * 11 territories, 12 manual shares, 13 Apex-managed sharing, 14 additional scenarios
 * (restriction rules, Digital Experiences settings such as related cases).
 */
import type { Explanation, LayerId, LayerResult, NextStep } from './types';

export type ChecklistVerdict = 'pass' | 'grants' | 'stop' | 'uncertain' | 'notApplicable';

export interface ChecklistStep {
    step: number;
    title: string;
    /** Layers this step reads. */
    layers: LayerId[];
    verdict: ChecklistVerdict;
    finding: string;
    /** The fix the step points at, when it stops. */
    fix?: NextStep;
}

export interface Checklist {
    steps: ChecklistStep[];
    /** First step whose verdict is `stop` (null when access is granted or nothing stops). */
    stopsAt: number | null;
    /** First step whose verdict is `grants`. */
    grantedAt: number | null;
}

function layerOf(e: Explanation, id: LayerId): LayerResult | undefined {
    return e.layers.find((l) => l.id === id);
}

function firstStep(layer: LayerResult | undefined, kinds: NextStep['kind'][]): NextStep | undefined {
    return layer?.nextSteps.find((s) => kinds.includes(s.kind));
}

function fromLayer(
    step: number,
    title: string,
    e: Explanation,
    id: LayerId,
    stopKinds: NextStep['kind'][],
    stopWhen?: (l: LayerResult) => boolean
): ChecklistStep {
    const l = layerOf(e, id);
    if (!l) {
        return { step, title, layers: [id], verdict: 'uncertain', finding: `the ${id} layer is missing from the explanation` };
    }
    if (l.status === 'grants') return { step, title, layers: [id], verdict: 'grants', finding: l.reason };
    if (l.status === 'blocks') return { step, title, layers: [id], verdict: 'stop', finding: l.reason, ...(l.nextSteps[0] ? { fix: l.nextSteps[0] } : {}) };
    if (l.status === 'uncertain') return { step, title, layers: [id], verdict: 'uncertain', finding: l.reason };
    if (l.status === 'notApplicable') return { step, title, layers: [id], verdict: 'notApplicable', finding: l.reason };
    const fix = firstStep(l, stopKinds);
    if (fix && (stopWhen ? stopWhen(l) : true)) {
        return { step, title, layers: [id], verdict: 'stop', finding: l.reason, fix };
    }
    return { step, title, layers: [id], verdict: 'pass', finding: l.reason };
}

/** Walks seed 000 over an explanation of an external user's access to one record. */
export function externalAccessChecklist(e: Explanation, whoCanSee?: readonly string[]): Checklist {
    const steps: ChecklistStep[] = [];
    const ec = layerOf(e, 'experienceCloud');
    const licenceBlocks = ec?.status === 'blocks' && /at all/.test(ec.reason);
    steps.push({
        step: 1,
        title: "Review the objects available for the user's Experience Cloud licence",
        layers: ['experienceCloud'],
        verdict: licenceBlocks ? 'stop' : ec?.status === 'notApplicable' ? 'notApplicable' : 'pass',
        finding: licenceBlocks ? (ec?.reason ?? '') : `the licence allows ${e.objectApiName}: ${(ec?.reason ?? '').split('. ')[0] ?? ''}`,
        ...(licenceBlocks && ec?.nextSteps[0] ? { fix: ec.nextSteps[0] } : {})
    });
    steps.push(fromLayer(2, 'Check the object permissions', e, 'objectPermissions', []));
    const owd = fromLayer(3, 'Check the external organization-wide default', e, 'orgWideDefaults', []);
    steps.push(owd.verdict === 'pass' ? { ...owd, finding: `${owd.finding} Move on to who has access.` } : owd);
    steps.push({
        step: 4,
        title: 'Review who does have access to the record (Sharing Hierarchy)',
        layers: [],
        verdict: 'pass',
        finding: whoCanSee ? `users with access: ${whoCanSee.length ? whoCanSee.join(', ') : 'none in the snapshot'}` : 'who-can-see was not computed for this checklist'
    });
    steps.push(fromLayer(5, 'Check the user\'s role and the external account hierarchy', e, 'roleHierarchy', []));
    // Step 6: a record shared with a public group the user isn't in.
    const groupFix = firstStep(layerOf(e, 'sharingRules'), ['addToGroup']) ?? firstStep(layerOf(e, 'manualShares'), ['addToGroup']);
    steps.push(
        groupFix
            ? { step: 6, title: "Review the user's public groups", layers: ['sharingRules', 'manualShares'], verdict: 'stop', finding: `the record is shared with a public group the user isn't in: ${groupFix.action}`, fix: groupFix }
            : { step: 6, title: "Review the user's public groups", layers: ['sharingRules', 'manualShares'], verdict: 'pass', finding: 'no public group that the record is shared with is missing the user' }
    );
    steps.push(fromLayer(7, 'Review sharing rules (Portal Roles, Portal Role and Subordinates, Roles Internal and Portal Subordinates)', e, 'sharingRules', ['changeRole', 'editSharingRule']));
    steps.push(fromLayer(8, 'Review Experience Cloud sharing features (sharing sets, share groups, account relationships)', e, 'experienceCloud', ['editSharingSet']));
    steps.push(fromLayer(9, 'Check queues', e, 'ownership', ['addToQueue']));
    steps.push(fromLayer(10, 'Check account, opportunity and case teams (only partner users on account and opportunity teams)', e, 'teams', [])); // "add to the team" is offered for every record: not a finding
    steps.push(fromLayer(11, 'Review territories', e, 'territories', ['addToTerritory']));
    steps.push(fromLayer(12, 'Review manual shares', e, 'manualShares', []));
    steps.push({ ...fromLayer(13, 'Check Apex-managed sharing', e, 'manualShares', []), verdict: (layerOf(e, 'manualShares')?.reason ?? '').includes('Apex') && layerOf(e, 'manualShares')?.status === 'grants' ? 'grants' : 'pass' });
    // Step 14: restriction rules, then Digital Experiences settings (related cases, unenabled contacts).
    const rr = fromLayer(14, 'Check additional scenarios (restriction rules, Digital Experiences settings)', e, 'restrictionRules', []);
    const settingFix = firstStep(ec, ['changeSetting']);
    if (rr.verdict === 'pass' && settingFix) {
        steps.push({ ...rr, layers: ['restrictionRules', 'experienceCloud'], verdict: 'stop', finding: `${rr.finding} A Digital Experiences setting is off: ${settingFix.action}`, fix: settingFix });
    } else {
        steps.push(rr);
    }
    // Step 8 finds EC grants; a stop at 8 only matters when nothing else grants.
    const stop = e.access.read ? undefined : steps.find((s) => s.verdict === 'stop');
    const granted = steps.find((s) => s.verdict === 'grants');
    return { steps, stopsAt: stop ? stop.step : null, grantedAt: granted ? granted.step : null };
}
