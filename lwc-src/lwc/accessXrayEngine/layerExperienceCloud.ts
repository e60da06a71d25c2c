/**
 * Layer 11: Experience Cloud. Everything specific to external users is explained here, so
 * the other layers stay internal (access-semantics.md §12; seed 000 steps 0 and 8; seeds
 * 002, 003, 004):
 * 1. licence awareness — the licence can't have the object at all → `blocks` (seed 000 first step);
 * 2. share rows whose RowCause belongs to Experience Cloud (PortalImplicit, LpuImplicit,
 *    LpuParentImplicit, ARImplicit, RelatedPortalUser, GuestRule, GuestParentImplicit,
 *    GuestPersonImplicit), each with its human reason (rowCauses.ts);
 * 3. portal implicit sharing for CC+ / Partner users and the related-cases setting (seed 002);
 * 4. high-volume licence default access (seed 004);
 * 5. sharing sets and share groups (seed 000 step 8, seed 004);
 * 6. account relationship data sharing rules (partner-to-partner, seed 000 step 8);
 * 7. guest users: read only, through guest sharing rules;
 * 8. findings that explain why a familiar mechanism can't work for this user (high-volume
 *    users have no roles, groups, teams or sharing rules; only partners join account and
 *    opportunity teams).
 * Internal users → notApplicable.
 */
import { flagsOf, maxGrant, noAccess, orFlags, type GrantLevel } from './accessLevels';
import type { EvaluationContext, ShareGrant } from './context';
import { highVolumeDefaults, portalImplicit, type ComputedOutcome } from './experienceCloudImplicit';
import { normaliseId } from './ids';
import { layerResult, notApplicable, type EngineStep, type LayerEvaluation, type LayerEvaluator, type NearMissCandidate } from './layer';
import { SOURCE } from './sources';
import { describeFlags, licenceCap } from './licenceCaps';
import { evidenceOf, granteeChain, levelText, makePath, shareStep } from './paths';
import { describeRowCause } from './rowCauses';
import { evaluateShareGroups, evaluateSharingSets, SHARING_SET_KINDS } from './sharingSets';
import type { AccessFlags, GrantPath, PathStep } from './types';

const LAYER = 'experienceCloud';

function str(value: unknown): string {
    return typeof value === 'string' ? value : '';
}

function andFlags(a: AccessFlags, b: AccessFlags): AccessFlags {
    return { read: a.read && b.read, edit: a.edit && b.edit, delete: a.delete && b.delete, transfer: a.transfer && b.transfer, share: a.share && b.share };
}

interface Grant {
    level: GrantLevel;
    path: GrantPath;
    reason: string;
    evidence: string[];
}

/** Human reason for an Experience Cloud share row, naming what it stands for. */
function shareRowReason(ctx: EvaluationContext, grant: ShareGrant): string {
    const info = describeRowCause(grant.entry.rowCause);
    const level = grant.level ? levelText(grant.level) : 'an unreadable level';
    const to = grant.entry.granteeId === ctx.userId ? ctx.userName : ctx.name(grant.entry.granteeId);
    let extra = '';
    if (grant.entry.rowCause === 'ARImplicit') {
        const rules = (ctx.index.snapshot.metadata?.AccountRelationshipShareRule ?? []).filter((r) => r.entityType === ctx.objectApiName);
        if (rules.length === 1 && rules[0]) {
            extra = ` — rule "${rules[0].label ?? rules[0].fullName}" (relationship type ${str(rules[0].type) || 'unknown'})`;
        } else if (rules.length > 1) {
            extra = ` — one of the rules ${rules.map((r) => `"${r.label ?? r.fullName}"`).join(', ')}`;
        }
    }
    const onAccount = grant.viaAccountId ? ` on the parent account ${ctx.name(grant.viaAccountId)} (${grant.column})` : '';
    return `${info.label} share${onAccount} to ${to} (${level}): ${info.meaning}${extra}`;
}

export const evaluateExperienceCloud: LayerEvaluator = (ctx: EvaluationContext): LayerEvaluation => {
    const c = ctx.classification;
    if (c.kind === 'internal' || c.kind === 'automated' || (c.kind === 'unknown' && !c.external)) {
        // The one Experience Cloud mechanism that reaches internal users: share groups (seed 000 step 8).
        const sg = evaluateShareGroups(ctx.index, ctx.userId, ctx.userName, ctx.record, `${ctx.objectApiName} ${ctx.recordName}`);
        if (sg.matches.length > 0) {
            return layerResult(
                LAYER,
                'grants',
                `${sg.matches.map((m) => m.summary).join('; ')}: share group members can access records owned by the sharing set's high-volume users, even on objects the set doesn't list. Gives read.`,
                {
                    access: flagsOf('Read'),
                    paths: sg.matches.map((m) => makePath(ctx, LAYER, 'Read', m.steps.slice(1, -1))),
                    evidence: sg.matches.map((m) => `metadata:SharingSet:${m.sharingSet.fullName}`)
                }
            );
        }
        if (sg.uncertainties.length > 0) {
            return layerResult(LAYER, 'uncertain', `${ctx.userName} is an internal user (${c.label}); ${sg.uncertainties.join('; ')}.`, {
                uncertainties: sg.uncertainties,
                sources: [SOURCE.sharingSets],
                nextSteps: [{ kind: 'collectEvidence', action: 'Collect the sharing sets (with their share groups) and explain again' }]
            });
        }
        return notApplicable(LAYER, `${ctx.userName} is an internal user (${c.label}): Experience Cloud checks don't apply.`);
    }

    // 1. Licence cap (seed 000 first step).
    const cap = licenceCap(c, ctx.objectApiName, ctx.userName);
    const capEvidence = [`User:${ctx.userId}`, ...(str(ctx.user.ProfileId) ? [`Profile:${str(ctx.user.ProfileId)}`] : [])];
    if (cap.verdict === 'notAvailable') {
        return layerResult(LAYER, 'blocks', `${c.label}. ${cap.reason}.`, {
            access: noAccess(),
            gate: noAccess(),
            evidence: capEvidence,
            sources: [cap.source],
            blockedBy: `${ctx.userName}'s licence`,
            stopText: cap.reason,
            nextSteps: [
                {
                    kind: 'other',
                    action: `Give ${ctx.userName} a licence that includes ${ctx.objectApiName} (${ctx.objectApiName === 'Lead' || ctx.objectApiName === 'Opportunity' || ctx.objectApiName === 'Campaign' || ctx.objectApiName === 'Quote' ? 'Partner Community' : 'Customer Community Plus or Partner Community'}); sharing and permission sets can't work around the licence`,
                    targetIds: [ctx.userId],
                    source: cap.source,
                    effect: { unblock: LAYER }
                }
            ]
        });
    }

    const grants: Grant[] = [];
    const notes: string[] = [];
    const uncertainties: string[] = [];
    const nextSteps: EngineStep[] = [];
    const nearMisses: NearMissCandidate[] = [];
    const evidence = new Set<string>(capEvidence);
    const add = (level: GrantLevel, middle: PathStep[], reason: string, ev: string[]): void => {
        grants.push({ level, path: makePath(ctx, LAYER, level, middle), reason, evidence: ev });
        ev.forEach((e) => evidence.add(e));
    };

    // 2. Experience Cloud share rows that reach this user.
    for (const grant of ctx.shares) {
        if (grant.layer !== LAYER) continue;
        const chain = granteeChain(ctx, grant.entry.granteeId);
        if (chain === null) continue;
        if (!grant.level) {
            uncertainties.push(`share row ${evidenceOf(grant)} (${grant.entry.rowCause}) has an unreadable access level`);
            continue;
        }
        if (grant.level === 'None') continue;
        add(grant.level, [...chain, shareStep(ctx, grant)], shareRowReason(ctx, grant), [evidenceOf(grant)]);
    }

    // 3–4. Computed implicit access.
    let computed: ComputedOutcome | null = null;
    if (c.kind === 'customerCommunityPlus' || c.kind === 'partnerCommunity') {
        computed = portalImplicit(ctx);
    } else if (c.highVolume) {
        computed = highVolumeDefaults(ctx);
        notes.push(
            'high-volume users have no role, and can\'t be in public groups, queues, teams or sharing rules: their access comes only from ownership, sharing sets, public org-wide defaults, licence default access, guest/criteria rules on records they own, and share groups for others'
        );
        if (ctx.objectApiName === 'Case' || ctx.objectApiName === 'Contact') {
            notes.push(`portal implicit sharing of ${ctx.objectApiName === 'Case' ? 'related cases' : "the account's contacts"} is for Customer Community Plus and Partner users only, not for Customer Community / high-volume users`);
        }
    }
    if (computed) {
        for (const g of computed.grants) {
            // A share row for the same mechanism is already counted; computed grants add only what's missing.
            add(g.level, g.steps, g.reason, g.evidence);
        }
        notes.push(...computed.notes);
        uncertainties.push(...computed.uncertainties);
        nearMisses.push(...computed.nearMisses);
        for (const fix of computed.fixes) {
            nextSteps.push({ action: fix.action, kind: fix.kind, ...(fix.targetIds ? { targetIds: fix.targetIds } : {}), ...(fix.grant ? { effect: { grant: flagsOf(fix.grant) } } : {}) });
        }
    }

    // 5. Sharing sets (eligible licences) and share groups (anyone).
    if (SHARING_SET_KINDS.has(c.kind)) {
        const ss = evaluateSharingSets(ctx.index, ctx.user, ctx.userName, ctx.record, ctx.objectApiName, `${ctx.objectApiName} ${ctx.recordName}`);
        ss.evidence.forEach((e) => evidence.add(e));
        uncertainties.push(...ss.uncertainties);
        for (const m of ss.matches) {
            add(m.level, m.steps.slice(1, -1), `${m.summary.replace(`${ctx.userName} → `, '')}: sharing set access is computed, never stored as share rows, and isn't extended to superiors in the role hierarchy`, [
                `metadata:SharingSet:${m.sharingSet.fullName}`
            ]);
        }
        if (ss.matches.length === 0) {
            notes.push(...ss.misses);
            const profileName = ctx.name(str(ctx.user.ProfileId));
            for (const u of ss.unlisted.slice(0, 1)) {
                const setName = u.sharingSet.name ?? u.sharingSet.fullName;
                nearMisses.push({
                    tier: 2,
                    layer: LAYER,
                    mechanism: `sharing set ${setName} maps ${u.words}, which matches this record for ${ctx.userName}`,
                    stoppedBy: `the sharing set doesn't list ${ctx.userName}'s profile ${profileName}`,
                    fix: {
                        kind: 'editSharingSet',
                        action: `Add the profile ${profileName} to sharing set ${setName}`,
                        blastRadius: `Every user with the profile ${profileName} then gets the sharing set's access, on every object it maps.`,
                        targetIds: [str(ctx.user.ProfileId)],
                        source: SOURCE.sharingSets,
                        effect: { grant: flagsOf(u.level) }
                    },
                    evidence: [`metadata:SharingSet:${u.sharingSet.fullName}`],
                    source: SOURCE.sharingSets,
                    would: flagsOf(u.level)
                });
            }
            if (ss.uncertainties.length === 0 && (c.highVolume || c.kind === 'customerCommunity')) {
                const set = ss.sets[0];
                nextSteps.push({
                    kind: 'editSharingSet',
                    action: set
                        ? `Add an access mapping for ${ctx.objectApiName} to sharing set ${set.name ?? set.fullName} (e.g. User.Contact → ${ctx.objectApiName}.Contact or User.Account → ${ctx.objectApiName}.Account) — it applies to every user of the profiles in that set`
                        : `Create a sharing set for ${ctx.userName}'s profile with an access mapping for ${ctx.objectApiName} (User.Account or User.Contact → a lookup on ${ctx.objectApiName})`,
                    source: SOURCE.sharingSets,
                    effect: { grant: flagsOf('Read') }
                });
            }
        }
    }
    const sg = evaluateShareGroups(ctx.index, ctx.userId, ctx.userName, ctx.record, `${ctx.objectApiName} ${ctx.recordName}`);
    for (const m of sg.matches) {
        add('Read', m.steps.slice(1, -1), `${m.summary}: share group members can access records owned by the sharing set's high-volume users, even on objects the set doesn't list`, [
            `metadata:SharingSet:${m.sharingSet.fullName}`
        ]);
    }
    notes.push(...sg.notes);
    uncertainties.push(...sg.uncertainties);

    // 7. Guest users.
    if (c.kind === 'guest') {
        if (normaliseId(ctx.record.OwnerId) === ctx.userId) {
            notes.push('finding: the guest user owns this record; since secure guest record access, records a guest creates should be assigned to a default internal owner');
        }
        if (grants.length === 0) {
            notes.push('guest users get access only through guest user sharing rules (GuestRule, read only); none reaches this record');
            nextSteps.push({ kind: 'editSharingRule', action: `Create a guest user sharing rule on ${ctx.objectApiName} whose criteria match this record (read only)`, effect: { grant: flagsOf('Read') } });
        }
    }

    // 8. Teams: only partner users among external users can be on account/opportunity teams.
    if (c.kind !== 'partnerCommunity' && (ctx.objectApiName === 'Account' || ctx.objectApiName === 'Opportunity')) {
        const table = ctx.objectApiName === 'Account' ? 'AccountTeamMember' : 'OpportunityTeamMember';
        const onTeam = ctx.index.rowsWhere(table, 'UserId', ctx.userId).some((r) => normaliseId(r[`${ctx.objectApiName}Id`]) === ctx.recordId);
        if (onTeam) {
            notes.push(`finding: ${ctx.userName} is listed on this record's ${ctx.objectApiName === 'Account' ? 'account' : 'opportunity'} team, but only partner users among external users can be on account and opportunity teams`);
        }
    }

    // Verdict.
    const capNote = cap.verdict === 'readOnly' ? ` Licence cap: ${cap.reason}.` : cap.verdict === 'unknown' ? ` Licence: ${cap.reason}.` : '';
    const gate = cap.verdict === 'readOnly' ? cap.access : undefined;
    const init = {
        evidence: [...evidence],
        nextSteps,
        uncertainties,
        nearMisses: grants.length ? [] : nearMisses,
        sources: [cap.source],
        ...(gate ? { gate } : {})
    };
    if (grants.length > 0) {
        let level: GrantLevel = 'None';
        let access: AccessFlags = noAccess();
        for (const g of grants) {
            level = maxGrant(level, g.level);
            access = orFlags(access, flagsOf(g.level));
        }
        if (gate) access = andFlags(access, gate);
        const reasons = grants.map((g) => g.reason);
        return layerResult(LAYER, 'grants', `${c.label}. ${reasons.join('; ')}.${capNote} Gives ${describeFlags(access)}.`, {
            ...init,
            access,
            paths: grants.map((g) => g.path)
        });
    }
    const checked = notes.length ? ` ${notes.join('; ')}.` : '';
    if (uncertainties.length > 0) {
        return layerResult(LAYER, 'uncertain', `${c.label}. No Experience Cloud mechanism is known to grant access, but: ${uncertainties.join('; ')}.${checked}${capNote}`, {
            ...init,
            nextSteps: [
                ...nextSteps,
                { kind: 'collectEvidence', action: 'Collect the missing Experience Cloud evidence (sharing sets, related records, settings) and explain again' }
            ]
        });
    }
    return layerResult(LAYER, 'neutral', `${c.label}. No Experience Cloud mechanism gives access to this record:${checked || ' no portal implicit share, sharing set, share group, account relationship or guest rule reaches it.'}${capNote}`, init);
};
