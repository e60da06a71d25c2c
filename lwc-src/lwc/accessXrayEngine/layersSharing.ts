/**
 * Layers 4–8: role hierarchy, sharing rules, territories, teams, manual and Apex shares.
 * Sources: seed 001 layers 4–8; seed 000 steps 7, 10–13; seed 003 (User sharing); seed 004
 * (high-volume users: no roles, groups, teams, sharing rules); access-semantics.md §4–8;
 * Object Reference AccountTeamMember, OpportunityTeamMember, CaseTeamMember, CaseTeamRole,
 * Territory2, UserTerritory2Association, ObjectTerritory2Association, Group (DoesIncludeBosses).
 */
import { own } from './ownKey';
import { flagsOf, FULL_ACCESS, maxGrant, orFlags, parseShareLevel, noAccess, type GrantLevel } from './accessLevels';
import type { EvaluationContext, ShareGrant } from './context';
import { layerResult, notApplicable, type EngineStep, type LayerEvaluation, type NearMissCandidate } from './layer';
import { manualShareBlastRadius } from './ownerChange';
import { SOURCE } from './sources';
import { hierarchyClause, hierarchyFindings } from './externalAccountHierarchyReasons';
import { normaliseId } from './ids';
import { evidenceOf, granteeChain, levelText, makePath, shareStep, unreadableShareDoubts } from './paths';
import { describeRowCause } from './rowCauses';
import { blastCount } from './scope';
import { matchSharingRules, ruleLabel } from './sharingRuleNames';
import { labelOf, groupTypeLabel } from './snapshotIndex';
import { firstMemberBelow } from './reverseMembership';
import type { AccessFlags, GrantPath, LayerId, PathStep, Row } from './types';

function str(v: unknown): string {
    return typeof v === 'string' ? v : '';
}

interface Collected {
    access: AccessFlags;
    best: GrantLevel;
    paths: GrantPath[];
    reasons: string[];
    evidence: string[];
}

function collector(): Collected {
    return { access: noAccess(), best: 'None', paths: [], reasons: [], evidence: [] };
}

function addGrant(c: Collected, path: GrantPath, level: GrantLevel, reason: string, evidence: string[]): void {
    if (level === 'None') {
        return;
    }
    c.access = orFlags(c.access, flagsOf(level));
    c.best = maxGrant(c.best, level);
    if (!c.paths.some((p) => p.id === path.id)) {
        c.paths.push(path);
    }
    if (!c.reasons.includes(reason)) {
        c.reasons.push(reason);
    }
    for (const e of evidence) {
        if (!c.evidence.includes(e)) {
            c.evidence.push(e);
        }
    }
}

function finish(id: LayerId, c: Collected, neutralReason: string, nextSteps: EngineStep[], uncertainties: string[] = []): LayerEvaluation {
    if (c.paths.length) {
        return layerResult(id, 'grants', c.reasons.join(' '), { access: c.access, paths: c.paths, evidence: c.evidence, uncertainties });
    }
    if (uncertainties.length) {
        return layerResult(id, 'uncertain', `${neutralReason} ${uncertainties.join('; ')}.`, { nextSteps, evidence: c.evidence, uncertainties });
    }
    return layerResult(id, 'neutral', neutralReason, { nextSteps, evidence: c.evidence });
}

function chainText(chain: PathStep[]): string {
    return chain.length ? ` (${chain.map((s) => s.label).join(' → ')})` : ' (shared to the user directly)';
}

/** Records shared to a group across the snapshot, for blast radius. */
function blastOfGroup(ctx: EvaluationContext, groupId: string): string {
    return `Adding ${ctx.userName} to ${ctx.name(groupId)} also gives them ${blastCount(ctx.index, () => countedBlastOfGroup(ctx, groupId), 'every other record shared to that group')}.`;
}

function countedBlastOfGroup(ctx: EvaluationContext, groupId: string): string {
    // Share rows per grantee and object are counted at load; this record's own rows come from its share rows.
    const byObject = new Map(ctx.index.shareCountsTo(groupId));
    const gid = normaliseId(groupId) ?? groupId;
    const here = ctx.index.sharesOf(ctx.recordId).filter((s) => s.granteeId === gid).length;
    if (here > 0) {
        const left = (byObject.get(ctx.objectApiName) ?? 0) - here;
        if (left > 0) {
            byObject.set(ctx.objectApiName, left);
        } else {
            byObject.delete(ctx.objectApiName);
        }
    }
    const parts = [...byObject].map(([o, n]) => `${n} other ${o} record(s)`);
    const members = ctx.index.memberCount(groupId);
    return `${parts.length ? parts.join(', ') : 'no other records'} shared to that group in this snapshot (${members} member(s) today)`;
}

/** Grant Access Using Hierarchies for the record's object: always on for standard objects; custom objects read the setting, assumed on (who-can-see reads the same). */
export function hierarchyOn(ctx: Pick<EvaluationContext, 'objectApiName' | 'index' | 'setting'>): { on: boolean; note: string } {
    const obj = ctx.objectApiName;
    const key = `grantAccessUsingHierarchies.${obj}`;
    if (!obj.endsWith('__c')) {
        const s = ctx.index.setting(key);
        if (s && s.value === false) {
            return { on: true, note: `a Grant Access Using Hierarchies value of false for ${obj} was ignored: standard objects always grant access using hierarchies` };
        }
        return { on: true, note: '' };
    }
    const s = ctx.setting(key, { value: true, source: 'platform default for new custom objects; not readable through the API' });
    return { on: s?.value !== false, note: s?.provenance === 'assumed' ? `Grant Access Using Hierarchies for ${obj} assumed on (not in the snapshot)` : '' };
}

// ---------------------------------------------------------------------------
// Teams (collected here because the role hierarchy rolls team access up too)
// ---------------------------------------------------------------------------

export interface TeamGrant {
    memberId: string;
    level: GrantLevel;
    label: string;
    evidence: string;
    /** Account/opportunity team member that is an external non-partner user: ignored (seed 000 step 10). */
    ignoredReason?: string;
}

export function teamGrants(ctx: EvaluationContext): TeamGrant[] {
    const { index } = ctx;
    const obj = ctx.objectApiName;
    const out: TeamGrant[] = [];
    const accountTeam = (accountId: string, column: string, what: string): void => {
        for (const m of index.rowsWhere('AccountTeamMember', 'AccountId', accountId)) {
            const level = parseShareLevel(m[column]) ?? (column === 'AccountAccessLevel' ? 'Read' : 'None');
            const memberId = str(m.UserId);
            const c = index.classification(memberId);
            out.push({
                memberId,
                level,
                label: `account team of ${ctx.name(accountId)}${m.TeamMemberRole ? ` as ${str(m.TeamMemberRole)}` : ''} (${what} ${levelText(level)})`,
                evidence: `AccountTeamMember:${str(m.Id) || memberId}`,
                ...(c.canBeOnAccountOrOpportunityTeams ? {} : { ignoredReason: `${c.label}: only internal and partner users can be on account teams` })
            });
        }
    };
    const childOfAccountNotCbp = ctx.owd.model !== 'ControlledByParent';
    if (obj === 'Account') {
        accountTeam(ctx.recordId, 'AccountAccessLevel', 'account access');
    }
    if ((obj === 'Opportunity' || obj === 'Case' || obj === 'Contact') && childOfAccountNotCbp && str(ctx.record.AccountId)) {
        accountTeam(str(ctx.record.AccountId), `${obj}AccessLevel`, `${obj.toLowerCase()} access`);
    }
    if (obj === 'Opportunity') {
        for (const m of index.rowsWhere('OpportunityTeamMember', 'OpportunityId', ctx.recordId)) {
            const level = parseShareLevel(m.OpportunityAccessLevel) ?? 'Read';
            const memberId = str(m.UserId);
            const c = index.classification(memberId);
            out.push({
                memberId,
                level,
                label: `opportunity team${m.TeamMemberRole ? ` as ${str(m.TeamMemberRole)}` : ''} (${levelText(level)})`,
                evidence: `OpportunityTeamMember:${str(m.Id) || memberId}`,
                ...(c.canBeOnAccountOrOpportunityTeams ? {} : { ignoredReason: `${c.label}: only internal and partner users can be on opportunity teams` })
            });
        }
    }
    if (obj === 'Case') {
        for (const m of index.rowsWhere('CaseTeamMember', 'ParentId', ctx.recordId)) {
            const role = index.byId(str(m.TeamRoleId))?.row;
            const level = parseShareLevel(role?.AccessLevel) ?? 'None';
            out.push({
                memberId: str(m.MemberId),
                level,
                label: `case team as ${labelOf(role, 'unknown role')} (CaseTeamRole.AccessLevel ${levelText(level)})`,
                evidence: `CaseTeamMember:${str(m.Id) || str(m.MemberId)}`
            });
        }
        for (const t of index.rowsWhere('CaseTeamTemplateRecord', 'ParentId', ctx.recordId)) {
            const templateId = str(t.TeamTemplateId);
            for (const m of index.rowsWhere('CaseTeamTemplateMember', 'TeamTemplateId', templateId)) {
                const role = index.byId(str(m.TeamRoleId))?.row;
                const level = parseShareLevel(role?.AccessLevel) ?? 'None';
                out.push({
                    memberId: str(m.MemberId),
                    level,
                    label: `predefined case team ${ctx.name(templateId)} as ${labelOf(role, 'unknown role')} (${levelText(level)})`,
                    evidence: `CaseTeamTemplateMember:${str(m.Id) || str(m.MemberId)}`
                });
            }
        }
    }
    return out;
}

/** Does a team grant reach this user (member directly, or member is a group the user is in)? */
function teamMemberChain(ctx: EvaluationContext, memberId: string): PathStep[] | null {
    return granteeChain(ctx, memberId);
}

// ---------------------------------------------------------------------------
// Role hierarchy
// ---------------------------------------------------------------------------

/** A queue's or public group's Grant Access Using Hierarchies: on, off, or (a queue) not collected (who-can-see reads the same). */
export function bossesOf(group: Row): 'on' | 'off' | 'unknown' {
    const value = group.DoesIncludeBosses;
    if (value === false) {
        return 'off';
    }
    // Queues have their own setting since Summer '26 (Queue.doesIncludeBosses, API 67.0); a queue
    // installed by a package targeting API 66.0 or earlier has it off: absent means unknown, never on.
    return value === true || str(group.Type) !== 'Queue' ? 'on' : 'unknown';
}

/** What users above the owner, queue members, share recipients and team members would get (Grant Access Using Hierarchies permitting). */
interface HierarchyReach {
    c: Collected;
    doubts: string[];
    nearMisses: NearMissCandidate[];
}

function hierarchyReach(ctx: EvaluationContext, myRoleId: string, roleStep: PathStep): HierarchyReach {
    const { index } = ctx;
    const c = collector();
    const doubts: string[] = [];
    const nearMisses: NearMissCandidate[] = [];
    const above = (otherUserId: string): { roleId: string } | null => {
        const r = str(index.user(otherUserId)?.UserRoleId);
        return r && index.isRoleAbove(myRoleId, r) ? { roleId: r } : null;
    };
    // External account hierarchy links crossed on the way down to a user's (or a role's) role.
    const across = (userOrRoleId: string) => hierarchyClause(ctx, myRoleId, str(index.user(userOrRoleId)?.UserRoleId) || userOrRoleId);
    const groupSetting = (group: Row, memberId: string, level: GrantLevel, what: string): void => {
        const name = `${str(group.Type) === 'Queue' ? 'queue' : 'public group'} ${labelOf(group)}`;
        const state = bossesOf(group);
        if (state === 'unknown') {
            doubts.push(
                `${ctx.userName} is above ${ctx.name(memberId)}, a member of ${name}${what}, but whether the queue grants access using hierarchies was not collected (Queue.doesIncludeBosses, Summer \u201926; queues of packages targeting API 66.0 or earlier have it off): if it does, ${ctx.userName} gets ${levelText(level)}`
            );
        }
        nearMisses.push({
            tier: 2,
            layer: 'roleHierarchy',
            mechanism: `${ctx.userName} is above ${ctx.name(memberId)} in the role hierarchy, a member of ${name}${what}`,
            stoppedBy: state === 'unknown' ? `whether ${name} grants access using hierarchies is unknown (not collected)` : `Grant Access Using Hierarchies is off for ${name}`,
            fix: {
                action: `Turn on Grant Access Using Hierarchies for ${name}`,
                blastRadius: `Users above every member of ${name} then get what the ${str(group.Type) === 'Queue' ? 'queue owns or is shared' : 'group is shared'}: ${blastCount(index, () => `${index.memberCount(str(group.Id))} member(s) today`, 'every member')}.`,
                kind: 'changeSetting',
                targetIds: [str(group.Id)],
                source: SOURCE.queueHierarchy,
                effect: { grant: flagsOf(level) }
            },
            evidence: [`Group:${str(group.Id)}`],
            source: SOURCE.queueHierarchy,
            would: flagsOf(level)
        });
    };
    const ownerId = str(ctx.record.OwnerId);
    const owner = index.byId(ownerId);
    if (owner?.table === 'User') {
        const sub = above(ownerId);
        if (sub) {
            const x = across(sub.roleId);
            addGrant(
                c,
                makePath(ctx, 'roleHierarchy', 'All', [roleStep, ...x.steps, { kind: 'role', label: `above role ${ctx.name(sub.roleId)}`, id: sub.roleId, via: 'above' }, { kind: 'user', label: `owner ${labelOf(owner.row)}`, id: ownerId, via: 'owns' }]),
                'All',
                `${ctx.userName}'s role ${ctx.name(myRoleId)} is above the owner ${labelOf(owner.row)}'s role ${ctx.name(sub.roleId)}: managers get the owner's access.${x.text}`,
                [`UserRole:${myRoleId}`, `UserRole:${sub.roleId}`, ...x.evidence]
            );
        }
    } else if (owner?.table === 'Group' && str(owner.row.Type) === 'Queue') {
        const member = firstMemberBelow(index, ownerId, myRoleId);
        if (member) {
            if (bossesOf(owner.row) === 'on') {
                const x = across(member);
                addGrant(
                    c,
                    makePath(ctx, 'roleHierarchy', 'All', [roleStep, ...x.steps, { kind: 'user', label: `above queue member ${ctx.name(member)}`, id: member, via: 'above' }, { kind: 'queue', label: `queue ${labelOf(owner.row)}`, id: ownerId, via: 'owns' }]),
                    'All',
                    `${ctx.userName} is above ${ctx.name(member)}, a member of the owning queue ${labelOf(owner.row)}, and the queue grants access using hierarchies.${x.text}`,
                    [`Group:${ownerId}`, ...x.evidence]
                );
            } else {
                groupSetting(owner.row, member, 'All', ', the queue that owns this record');
            }
        }
    } else if (ownerId && !owner) {
        doubts.push(`the owner ${ownerId} is not in the snapshot, so whether ${ctx.userName} is above them is unknown`);
    }
    // Shares to users / groups below: sharing rules, manual and Apex shares, teams.
    for (const grant of ctx.shares) {
        if (!['sharingRules', 'manualShares', 'teams'].includes(grant.layer) || grant.level === 'None') {
            continue;
        }
        const grantee = index.byId(grant.entry.granteeId);
        if (!grantee || grant.entry.granteeId === ctx.userId) {
            continue;
        }
        let below: string | null = null;
        if (grantee.table === 'User') {
            below = above(grant.entry.granteeId) ? grant.entry.granteeId : null;
        } else if (grantee.table === 'Group') {
            const type = str(grantee.row.Type);
            if (type === 'Role' || type === 'RoleAndSubordinates' || type === 'RoleAndSubordinatesInternal') {
                const related = str(grantee.row.RelatedId);
                below = related && index.isRoleAbove(myRoleId, related) ? related : null;
            } else if (type === 'Regular' || type === 'Queue') {
                const member = firstMemberBelow(index, grant.entry.granteeId, myRoleId);
                if (member && bossesOf(grantee.row) === 'on') {
                    below = member;
                } else if (member && grant.level) {
                    groupSetting(grantee.row, member, grant.level, ` (${describeRowCause(grant.entry.rowCause).label.toLowerCase()} ${levelText(grant.level)} to it)`);
                }
            }
        }
        if (!below) {
            continue;
        }
        const cause = describeRowCause(grant.entry.rowCause).label;
        if (!grant.level) {
            doubts.push(`${ctx.userName} is above ${ctx.name(below)}, who has a ${cause.toLowerCase()} share whose access level (${String(grant.entry.row[grant.column])}) is not a Salesforce value: what it passes up is unknown`);
            continue;
        }
        const level = grant.level;
        const x = across(below);
        addGrant(
            c,
            makePath(ctx, 'roleHierarchy', level, [roleStep, ...x.steps, { kind: 'role', label: `above ${ctx.name(below)}`, id: below, via: 'above' }, shareStep(ctx, grant, `${cause} to ${ctx.name(grant.entry.granteeId)}`)]),
            level,
            `${ctx.userName} is above ${ctx.name(below)} in the role hierarchy and inherits the ${cause.toLowerCase()} (${levelText(level)}) given to ${ctx.name(grant.entry.granteeId)}.${x.text}`,
            [evidenceOf(grant), ...x.evidence]
        );
    }
    for (const t of teamGrants(ctx)) {
        if (t.ignoredReason || t.level === 'None' || t.memberId === ctx.userId || !above(t.memberId)) {
            continue;
        }
        const x = across(t.memberId);
        addGrant(
            c,
            makePath(ctx, 'roleHierarchy', t.level, [roleStep, ...x.steps, { kind: 'user', label: `above ${ctx.name(t.memberId)}`, id: t.memberId, via: 'above' }, { kind: 'team', label: t.label, via: 'member of' }]),
            t.level,
            `${ctx.userName} is above team member ${ctx.name(t.memberId)} and inherits their ${t.label}.${x.text}`,
            [t.evidence, ...x.evidence]
        );
    }
    return { c, doubts, nearMisses };
}

export function evaluateRoleHierarchy(ctx: EvaluationContext): LayerEvaluation {
    const { index } = ctx;
    if (ctx.classification.highVolume) {
        return notApplicable('roleHierarchy', `${ctx.classification.label}: high-volume users have no role, so the role hierarchy gives them nothing.`, { sources: [SOURCE.highVolume] });
    }
    const myRoleId = str(ctx.user.UserRoleId);
    const ownerId = str(ctx.record.OwnerId);
    const owner = index.byId(ownerId);
    const ownerRole = owner?.table === 'User' ? str(owner.row.UserRoleId) : '';
    if (!myRoleId || !ctx.classification.canHaveRole) {
        return layerResult('roleHierarchy', 'neutral', `${ctx.userName} has no role, so gets nothing through the role hierarchy.`, {
            nextSteps: ownerRole && !ctx.classification.external ? [{ action: `Give ${ctx.userName} a role above ${ctx.name(ownerRole)} (the owner's role)`, kind: 'changeRole', targetIds: [ownerRole], effect: { grant: { ...FULL_ACCESS } } }] : []
        });
    }
    const myRole = index.byId(myRoleId)?.row;
    const roleName = labelOf(myRole, myRoleId);
    const roleStep: PathStep = { kind: 'role', label: `role ${roleName}`, id: myRoleId, via: 'holds' };

    if (ctx.objectApiName === 'User') {
        const c = collector();
        const r = str(index.user(ctx.recordId)?.UserRoleId);
        if (r && index.isRoleAbove(myRoleId, r)) {
            const x = hierarchyClause(ctx, myRoleId, r);
            addGrant(c, makePath(ctx, 'roleHierarchy', 'Read', [roleStep, ...x.steps, { kind: 'role', label: `above role ${ctx.name(r)}`, id: r, via: 'above' }]), 'Read', `${ctx.userName}'s role ${roleName} is above ${ctx.recordName}'s role ${ctx.name(r)}: users keep read access to their subordinates' user records.${x.text}`, [`UserRole:${r}`, ...x.evidence]);
        }
        return finish('roleHierarchy', c, `${ctx.recordName} is not below ${ctx.userName}'s role ${roleName}.`, []);
    }

    const gauh = hierarchyOn(ctx);
    const reach = hierarchyReach(ctx, myRoleId, roleStep);
    const { c } = reach;
    if (!gauh.on) {
        const turnOn: EngineStep = {
            action: `Turn on Grant Access Using Hierarchies for ${ctx.objectApiName} in Sharing Settings`,
            kind: 'changeSetting',
            blastRadius: `Managers would see every ${ctx.objectApiName} record their subordinates own or are shared.`,
            source: SOURCE.hierarchy,
            effect: { grant: c.access }
        };
        const nearMisses: NearMissCandidate[] = c.paths.length
            ? [
                  {
                      tier: 2,
                      layer: 'roleHierarchy',
                      mechanism: (c.reasons[0] ?? `${ctx.userName} is above the owner`).replace(/: managers get the owner's access\..*$/, '').replace(/\.$/, ''),
                      stoppedBy: `Grant Access Using Hierarchies is off for ${ctx.objectApiName}`,
                      fix: turnOn,
                      evidence: [`settings:grantAccessUsingHierarchies.${ctx.objectApiName}`, ...c.evidence],
                      source: SOURCE.hierarchy,
                      would: c.access
                  }
              ]
            : [];
        return layerResult(
            'roleHierarchy',
            'neutral',
            `Grant Access Using Hierarchies is off for ${ctx.objectApiName}: users above the owner get nothing from the hierarchy.${c.paths.length ? ` With it on: ${c.reasons[0] ?? ''}` : ''}`,
            {
                evidence: [`settings:grantAccessUsingHierarchies.${ctx.objectApiName}`],
                nextSteps: c.paths.length ? [turnOn] : [],
                nearMisses
            }
        );
    }
    const uncertainties = [...(c.paths.length && gauh.note ? [gauh.note] : []), ...reach.doubts];
    // Only an internal user can move into the internal role hierarchy above an internal owner.
    const nextSteps: EngineStep[] =
        ownerRole && ctx.detail && !c.paths.length && !ctx.classification.external
            ? [
                  {
                      action: `Move ${ctx.userName} to a role above ${ctx.name(ownerRole)} (the owner's role)`,
                      blastRadius: `${ctx.userName} would get owner access to every ${ctx.objectApiName} record owned by users in ${ctx.name(ownerRole)} and its subordinate roles: ${blastCount(ctx.index, () => `${countOwnedBelow(ctx, ownerRole)} record(s) in this snapshot`, 'every such record')}.`,
                      kind: 'changeRole',
                      targetIds: [ownerRole],
                      effect: { grant: { ...FULL_ACCESS } }
                  }
              ]
            : [];
    const findings = !c.paths.length && owner?.table === 'User' ? hierarchyFindings(ctx, normaliseId(myRoleId) ?? myRoleId, ownerId) : null;
    const findingText = findings?.notes.length ? ` ${findings.notes.join('; ')}.` : '';
    const result = finish(
        'roleHierarchy',
        c,
        `${ctx.userName}'s role ${roleName} is not above the owner or anyone the record is shared with.${findingText}`,
        [...(findings?.nextSteps ?? []), ...nextSteps],
        [...uncertainties, ...(findings?.uncertainties ?? [])]
    );
    result.nearMisses = c.paths.length ? [] : [...reach.nearMisses, ...(findings?.nearMisses ?? [])];
    if (findings) {
        result.sources = [...(result.sources ?? []), SOURCE.externalAccountHierarchy];
    }
    return result;
}

/**
 * Records of the object owned by users in the role and every role below it: counted once per
 * object by the owner's position in the role tree (groupMemberRoles.ts), then a role's subtree is
 * one range of running totals — the same count for a role at the top of a 100 000-user org as
 * for one at the bottom.
 */
function countOwnedBelow(ctx: EvaluationContext, roleId: string): number {
    const { index } = ctx;
    const tree = index.groupMemberRoles();
    const span = tree?.subtree(roleId);
    if (tree && span) {
        const totals = index.memo('ownedBelow.runningTotals', ctx.objectApiName, () => {
            const counts = new Int32Array(tree.size + 1);
            for (const row of index.rows(ctx.objectApiName)) {
                const p = tree.positionOf(str(index.user(str(row.OwnerId))?.UserRoleId));
                if (p !== undefined) {
                    counts[p + 1] = (counts[p + 1] as number) + 1;
                }
            }
            for (let i = 1; i < counts.length; i++) {
                counts[i] = (counts[i] as number) + (counts[i - 1] as number);
            }
            return counts;
        });
        return (totals[span[1] + 1] as number) - (totals[span[0]] as number);
    }
    const byRole = index.memo('ownedBelow.byRole', ctx.objectApiName, () => {
        const counts = new Map<string, number>();
        for (const row of index.rows(ctx.objectApiName)) {
            const role = str(index.user(str(row.OwnerId))?.UserRoleId);
            if (role) {
                counts.set(role, (counts.get(role) ?? 0) + 1);
            }
        }
        return counts;
    });
    let n = 0;
    for (const r of [roleId, ...index.roleSubordinates(roleId)]) {
        n += byRole.get(r) ?? 0;
    }
    return n;
}

// ---------------------------------------------------------------------------
// Share-row layers
// ---------------------------------------------------------------------------

function sharesOfLayer(ctx: EvaluationContext, layer: LayerId): ShareGrant[] {
    return ctx.shares.filter((s) => s.layer === layer);
}

export function evaluateSharingRules(ctx: EvaluationContext): LayerEvaluation {
    const cls = ctx.classification;
    if (cls.highVolume || !cls.canBeInGroupsAndRules) {
        return notApplicable(
            'sharingRules',
            cls.highVolume ? `${cls.label}: high-volume users cannot be in sharing rules, public groups or roles.` : `${cls.label} cannot be included in sharing rules.`,
            { nearMisses: unreachableRuleShares(ctx), sources: [SOURCE.highVolume] }
        );
    }
    const c = collector();
    const nextSteps: EngineStep[] = [];
    const rulesCollected = !!ctx.index.snapshot.metadata?.SharingRules;
    for (const grant of sharesOfLayer(ctx, 'sharingRules')) {
        const level = grant.level;
        const chain = granteeChain(ctx, grant.entry.granteeId);
        const ruleObject = grant.viaAccountId ? 'Account' : ctx.objectApiName;
        const ruleRecord: Row = grant.viaAccountId ? (ctx.index.byId(grant.viaAccountId)?.row ?? ctx.record) : ctx.record;
        const matches = rulesCollected ? matchSharingRules(ctx.index, ruleObject, grant.entry.granteeId, ruleRecord) : [];
        const ruleName = !rulesCollected
            ? 'a sharing rule (definition not collected)'
            : matches.length
              ? `sharing rule ${matches.map((m) => `${ruleLabel(m.rule)}${m.verified ? '' : ' (criteria not verified)'}`).join(' or ')}`
              : 'a sharing rule (no collected definition matches this record and group)';
        if (!level) {
            c.evidence.push(evidenceOf(grant));
            continue;
        }
        if (chain) {
            const ruleStep: PathStep = { kind: 'rule', label: ruleName, ...(typeof grant.entry.row.Id === 'string' ? { id: grant.entry.row.Id } : {}), via: 'shared by' };
            addGrant(
                c,
                makePath(ctx, 'sharingRules', level, [...chain, ruleStep]),
                level,
                `${ruleName} shares it ${levelText(level)} with ${ctx.name(grant.entry.granteeId)}${chainText(chain)}${grant.viaAccountId ? ` through the account's ${grant.column}` : ''}.`,
                [evidenceOf(grant), ...matches.map((m) => `metadata:SharingRules:${m.rule.fullName}`)]
            );
        } else if (ctx.detail) {
            const g = ctx.index.byId(grant.entry.granteeId);
            const type = str(g?.row.Type);
            if (g?.table === 'Group' && type === 'Regular') {
                nextSteps.push({
                    action: `Add ${ctx.userName} to ${groupTypeLabel(type)} ${labelOf(g.row)} (${ruleName} gives it ${levelText(level)})`,
                    blastRadius: blastOfGroup(ctx, grant.entry.granteeId),
                    kind: 'addToGroup',
                    targetIds: [grant.entry.granteeId],
                    effect: { grant: flagsOf(level) }
                });
            } else if (g?.table === 'Group' && type.startsWith('Role')) {
                nextSteps.push({
                    action: `Give ${ctx.userName} the role ${ctx.name(str(g.row.RelatedId))} or one below it for ${groupTypeLabel(type)} ${ctx.name(str(g.row.RelatedId))} (${ruleName} gives it ${levelText(level)})`,
                    blastRadius: blastOfGroup(ctx, grant.entry.granteeId),
                    kind: 'changeRole',
                    targetIds: [str(g.row.RelatedId)],
                    effect: { grant: flagsOf(level) }
                });
            }
        }
    }
    const total = sharesOfLayer(ctx, 'sharingRules').length;
    return finish(
        'sharingRules',
        c,
        total ? `${total} sharing-rule share(s) on this record, none reaching ${ctx.userName} or their groups.` : `No sharing rule shares this record (no share rows with RowCause Rule).`,
        nextSteps.slice(0, 3),
        unreadableShareDoubts(ctx, 'sharingRules')
    );
}

/**
 * Sharing-rule shares on the record that can't reach a high-volume (or other rule-less) user:
 * the near miss is the rule; the fix is a sharing set, which is how such users get access.
 */
function unreachableRuleShares(ctx: EvaluationContext): NearMissCandidate[] {
    const shares = sharesOfLayer(ctx, 'sharingRules').filter((g) => g.level && g.level !== 'None');
    const first = shares[0];
    if (!first?.level) {
        return [];
    }
    const level = first.level;
    const eligible = ['customerCommunity', 'customerCommunityPlus', 'partnerCommunity', 'highVolume'].includes(ctx.classification.kind);
    const fix: EngineStep | undefined = eligible
        ? {
              action: `Give ${ctx.userName}'s profile a sharing set with an access mapping for ${ctx.objectApiName} (the user's Account or Contact matched to a lookup on ${ctx.objectApiName})`,
              blastRadius: `Every user of the profiles in that sharing set gets ${ctx.objectApiName} records whose lookup matches their own account or contact.`,
              kind: 'editSharingSet',
              source: SOURCE.sharingSets,
              effect: { grant: { ...noAccess(), read: true, edit: level !== 'Read' } }
          }
        : undefined;
    return [
        {
            tier: 3,
            layer: 'sharingRules',
            mechanism: `a sharing rule shares this ${ctx.objectApiName} ${levelText(level)} with ${ctx.name(first.entry.granteeId)}`,
            stoppedBy: `${ctx.userName} is a ${ctx.classification.label}, and such users can't be in public groups, roles or sharing rules`,
            ...(fix ? { fix } : {}),
            evidence: [evidenceOf(first)],
            source: SOURCE.highVolume,
            would: flagsOf(level)
        }
    ];
}

export function evaluateManualShares(ctx: EvaluationContext): LayerEvaluation {
    const c = collector();
    for (const grant of sharesOfLayer(ctx, 'manualShares')) {
        const chain = granteeChain(ctx, grant.entry.granteeId);
        const info = describeRowCause(grant.entry.rowCause);
        if (!chain || !grant.level) {
            continue;
        }
        addGrant(
            c,
            makePath(ctx, 'manualShares', grant.level, [...chain, shareStep(ctx, grant)]),
            grant.level,
            `${info.label}: ${info.meaning}, ${levelText(grant.level)} to ${ctx.name(grant.entry.granteeId)}${chainText(chain)}${grant.viaAccountId ? ` through the account's ${grant.column}` : ''}.`,
            [evidenceOf(grant)]
        );
    }
    if (ctx.objectApiName === 'User' && !c.paths.length) {
        return layerResult('manualShares', 'neutral', `No UserShare row shares ${ctx.recordName}'s user record with ${ctx.userName} (manual user sharing gives Read or Edit; Apex managed sharing is not supported for users).`, { sources: [SOURCE.userSharing] });
    }
    return finish(
        'manualShares',
        c,
        `No manual or Apex-managed share gives ${ctx.userName} this record.`,
        [
            {
                action: `Share this record manually with ${ctx.userName} (Read Only or Read/Write)`,
                blastRadius: manualShareBlastRadius(),
                kind: 'manualShare',
                targetIds: [ctx.recordId],
                source: SOURCE.ownerChange,
                effect: { grant: { ...noAccess(), read: true, edit: true } }
            }
        ],
        unreadableShareDoubts(ctx, 'manualShares')
    );
}

export function evaluateTeams(ctx: EvaluationContext): LayerEvaluation {
    const obj = ctx.objectApiName;
    if (!['Account', 'Opportunity', 'Case', 'Contact'].includes(obj)) {
        return notApplicable('teams', `${obj} has no record teams (teams exist for accounts, opportunities and cases).`);
    }
    if (ctx.classification.highVolume) {
        return notApplicable('teams', `${ctx.classification.label}: high-volume users cannot be on teams.`, { sources: [SOURCE.highVolume] });
    }
    const c = collector();
    const ignored: string[] = [];
    const nearMisses: NearMissCandidate[] = [];
    for (const t of teamGrants(ctx)) {
        const chain = teamMemberChain(ctx, t.memberId);
        if (!chain) {
            continue;
        }
        if (t.ignoredReason) {
            ignored.push(t.ignoredReason);
            nearMisses.push({ tier: 3, layer: 'teams', mechanism: `${ctx.userName} is on the ${t.label}`, stoppedBy: t.ignoredReason, evidence: [t.evidence], would: flagsOf(t.level === 'None' ? 'Read' : t.level) });
            continue;
        }
        if (t.level === 'None') {
            c.reasons.push(`On the ${t.label}, which gives no access to this record.`);
            c.evidence.push(t.evidence);
            nearMisses.push({
                tier: 3,
                layer: 'teams',
                mechanism: `${ctx.userName} is on the ${t.label.replace(/ \(.*\)$/, '')}`,
                stoppedBy: `the team member's access to this ${obj.toLowerCase()} is None (${t.label.replace(/^.*\((.*)\)$/, '$1')})`,
                fix: {
                    action: `Give ${ctx.userName} Read/Write ${obj === 'Account' ? 'account' : obj.toLowerCase()} access on that team`,
                    blastRadius: obj === 'Account' ? 'Only this account.' : `Every ${obj.toLowerCase()} of the account, at that level.`,
                    kind: 'addToTeam',
                    targetIds: [ctx.recordId],
                    effect: { grant: { ...noAccess(), read: true, edit: true } }
                },
                evidence: [t.evidence],
                source: SOURCE.teams,
                would: flagsOf('Edit')
            });
            continue;
        }
        addGrant(c, makePath(ctx, 'teams', t.level, [...chain, { kind: 'team', label: t.label, via: 'member of' }]), t.level, `Member of the ${t.label}.`, [t.evidence]);
    }
    for (const grant of sharesOfLayer(ctx, 'teams')) {
        const chain = granteeChain(ctx, grant.entry.granteeId);
        if (!chain || !grant.level) {
            continue;
        }
        if (!ctx.classification.canBeOnAccountOrOpportunityTeams && obj !== 'Case') {
            ignored.push(`${ctx.classification.label} cannot be on account/opportunity teams`);
            continue;
        }
        addGrant(c, makePath(ctx, 'teams', grant.level, [...chain, shareStep(ctx, grant)]), grant.level, `Team share row (${levelText(grant.level)})${grant.viaAccountId ? ` through the account's ${grant.column}` : ''}.`, [evidenceOf(grant)]);
    }
    const teamName = obj === 'Contact' ? 'account team of its account' : `${obj.toLowerCase()} team`;
    const neutral = `${ctx.userName} is not on the ${teamName}${ignored.length ? `; ignored: ${[...new Set(ignored)].join('; ')}` : ''}.`;
    const nextSteps: EngineStep[] =
        ctx.classification.canBeOnAccountOrOpportunityTeams || obj === 'Case'
            ? [
                  {
                      action: `Add ${ctx.userName} to the ${teamName} with Read/Write access`,
                      blastRadius: obj === 'Account' ? 'This account, plus its contacts, opportunities and cases at the levels chosen for the team member.' : 'Only this record.',
                      kind: 'addToTeam',
                      targetIds: [ctx.recordId],
                      effect: { grant: { ...noAccess(), read: true, edit: true } }
                  }
              ]
            : [];
    const doubts = unreadableShareDoubts(ctx, 'teams');
    if (!c.paths.length && c.reasons.length && !doubts.length) {
        return layerResult('teams', 'neutral', `${c.reasons.join(' ')}`, { evidence: c.evidence, nextSteps, nearMisses });
    }
    const result = finish('teams', c, neutral, nextSteps, doubts);
    result.nearMisses = c.paths.length ? [] : nearMisses;
    return result;
}

const TERRITORY_COLUMN: Record<string, string> = {
    Account: 'AccountAccessLevel',
    Opportunity: 'OpportunityAccessLevel',
    Case: 'CaseAccessLevel',
    Contact: 'ContactAccessLevel'
};

export function evaluateTerritories(ctx: EvaluationContext): LayerEvaluation {
    const { index } = ctx;
    const obj = ctx.objectApiName;
    const column = own(TERRITORY_COLUMN, obj);
    const territoryShares = sharesOfLayer(ctx, 'territories');
    if (!column && !territoryShares.length) {
        return notApplicable('territories', `Territories share accounts and their opportunities, cases and contacts, not ${obj}.`);
    }
    if (!index.hasTable('Territory2Model') && !territoryShares.length) {
        const why = index.unavailable('Territory2Model');
        return why
            ? layerResult('territories', 'uncertain', `Territory data unavailable: ${why}.`)
            : notApplicable('territories', 'No Territory2Model rows in the snapshot: Enterprise Territory Management is not in use (or was not collected).');
    }
    const c = collector();
    const active = index.activeTerritoryModels();
    const accountId = obj === 'Account' ? ctx.recordId : ctx.owd.model === 'ControlledByParent' ? '' : str(ctx.record.AccountId);
    const nextSteps: EngineStep[] = [];
    const nearMisses: NearMissCandidate[] = [];
    if (column && accountId) {
        const mine = new Set(index.territoriesOf(ctx.userId));
        // Every territory the user is assigned to, whatever its model's state (for the inactive-model near miss).
        const anyModel = new Set(
            index
                .rowsWhere('UserTerritory2Association', 'UserId', ctx.userId)
                .filter((a) => a.IsActive !== false)
                .map((a) => str(a.Territory2Id))
        );
        for (const assoc of index.rowsWhere('ObjectTerritory2Association', 'ObjectId', accountId)) {
            const tId = str(assoc.Territory2Id);
            const territory = index.byId(tId)?.row;
            if (!territory) {
                continue;
            }
            const level = parseShareLevel(territory[column]) ?? (obj === 'Account' ? 'Read' : 'None');
            const evidence = [`ObjectTerritory2Association:${str(assoc.Id) || tId}`, `Territory2:${tId}`];
            const modelId = str(territory.Territory2ModelId);
            if (!active.has(modelId)) {
                const inModel = anyModel.has(tId) ? tId : index.territoryAncestors(tId).find((a) => anyModel.has(a));
                if (inModel && level !== 'None' && ctx.detail) {
                    const model = index.byId(modelId)?.row;
                    const modelName = labelOf(model, modelId);
                    nearMisses.push({
                        tier: 2,
                        layer: 'territories',
                        mechanism: `${ctx.userName} is assigned to territory ${ctx.name(inModel)}, which holds account ${ctx.name(accountId)}`,
                        stoppedBy: `its territory model ${modelName} is not active (state ${str(model?.State) || 'unknown'})`,
                        fix: {
                            action: `Activate territory model ${modelName}`,
                            blastRadius: `Only one territory model can be active: activating ${modelName} replaces the active model's account and user assignments with its own.`,
                            kind: 'changeSetting',
                            targetIds: [modelId],
                            source: SOURCE.territories,
                            effect: { grant: flagsOf(level) }
                        },
                        evidence: [...evidence, `Territory2Model:${modelId}`],
                        source: SOURCE.territories,
                        would: flagsOf(level)
                    });
                }
                continue;
            }
            const via = mine.has(tId) ? tId : index.territoryAncestors(tId).find((a) => mine.has(a));
            if (!via) {
                if (!ctx.detail) {
                    continue;
                }
                const step: EngineStep = {
                    action: `Assign ${ctx.userName} to territory ${labelOf(territory)}`,
                    blastRadius: `Territory members see every account assigned to it and its child territories: ${blastCount(index, () => `${index.rowsWhere('ObjectTerritory2Association', 'Territory2Id', tId).length} account(s) in this snapshot`, 'every such account')}.`,
                    kind: 'addToTerritory',
                    targetIds: [tId],
                    effect: { grant: flagsOf(level) }
                };
                nextSteps.push(step);
                const myTerritory = [...mine].sort()[0];
                if (myTerritory && level !== 'None') {
                    nearMisses.push({
                        tier: 3,
                        layer: 'territories',
                        mechanism: `${ctx.userName} is assigned to territory ${ctx.name(myTerritory)} in the active model`,
                        stoppedBy: `account ${ctx.name(accountId)} is assigned to territory ${labelOf(territory)}, which is neither that territory nor below it`,
                        fix: step,
                        evidence,
                        source: SOURCE.territories,
                        would: flagsOf(level)
                    });
                }
                continue;
            }
            if (level === 'None') {
                continue;
            }
            const steps: PathStep[] = [{ kind: 'territory', label: `territory ${ctx.name(via)}`, id: via, via: 'assigned to' }];
            if (via !== tId) {
                steps.push({ kind: 'territory', label: `parent of territory ${labelOf(territory)}`, id: tId, via: 'above' });
            }
            steps.push({ kind: 'share', label: `account ${ctx.name(accountId)} assigned to ${labelOf(territory)} (${column} ${levelText(level)})`, via: 'assigned' });
            addGrant(
                c,
                makePath(ctx, 'territories', level, steps),
                level,
                `${ctx.userName} is assigned to territory ${ctx.name(via)}${via !== tId ? `, above ${labelOf(territory)}` : ''}, which holds account ${ctx.name(accountId)} (${column} ${levelText(level)}).`,
                evidence
            );
        }
    }
    for (const grant of territoryShares) {
        const chain = granteeChain(ctx, grant.entry.granteeId);
        if (!chain || !grant.level) {
            continue;
        }
        addGrant(c, makePath(ctx, 'territories', grant.level, [...chain, shareStep(ctx, grant)]), grant.level, `${describeRowCause(grant.entry.rowCause).label} share (${levelText(grant.level)})${chainText(chain)}.`, [evidenceOf(grant)]);
    }
    const doubts = unreadableShareDoubts(ctx, 'territories');
    if (!active.size && !c.paths.length && !doubts.length) {
        return layerResult('territories', 'neutral', 'No territory model is in the Active state: territories give nothing.', { nearMisses });
    }
    const result = finish('territories', c, `${ctx.userName} is not in a territory (or parent territory) holding ${accountId ? `account ${ctx.name(accountId)}` : 'this record'}.`, nextSteps.slice(0, 3), doubts);
    result.nearMisses = c.paths.length ? [] : nearMisses;
    return result;
}

