/**
 * Layer 9: implicit sharing, exactly as seed 002 describes it.
 * - Only Account, Contact, Opportunity, Case, Contract, Order take part.
 * - Parent implicit (Account only): owning a Contract or Order on the account, or having at
 *   least Read on one of its Contacts, Opportunities or Cases → Read on the account. Access to
 *   the child through View All / View All Data / a public org-wide default does not count
 *   (record-level access only; see docs/engine.md).
 * - Child implicit (Contacts, Opportunities, Cases of an account, only when their OWD is not
 *   Controlled by Parent): the account owner gets the level set on their role
 *   (UserRole.ContactAccessForAccountOwner / OpportunityAccessForAccountOwner /
 *   CaseAccessForAccountOwner); users above the owner inherit it through the hierarchy.
 * - Share rows with RowCause ImplicitParent / ImplicitChild / ImplicitPerson are the
 *   platform's own evidence and are honoured too (share rows are evidence, not truth: child
 *   implicit rows may be absent).
 */
import { blastCount } from './scope';
import { parseShareLevel, type GrantLevel, type SharingModel } from './accessLevels';
import type { EvaluationContext } from './context';
import { LAYER_TITLES, layerResult, notApplicable, type LayerEvaluation, type NearMissCandidate } from './layer';
import { SOURCE } from './sources';
import { evidenceOf, granteeChain, levelText, makePath, shareStep, unreadableShareDoubts } from './paths';
import { describeRowCause } from './rowCauses';
import { normaliseId } from './ids';
import { labelOf, type SnapshotIndex } from './snapshotIndex';
import type { AccessFlags, GrantPath, PathStep, Row } from './types';
import { flagsOf, maxGrant, noAccess, orFlags } from './accessLevels';

const PARTICIPANTS = new Set(['Account', 'Contact', 'Opportunity', 'Case', 'Contract', 'Order']);
/** Children checked per object for parent implicit sharing; beyond this the layer says it stopped. */
export const IMPLICIT_CHILD_LIMIT = 2000;

/** "cases", "contacts", "opportunities": the account's children in a sentence. */
function plural(obj: string): string {
    const lower = obj.toLowerCase();
    return lower.endsWith('y') ? `${lower.slice(0, -1)}ies` : `${lower}s`;
}

function str(v: unknown): string {
    return typeof v === 'string' ? v : '';
}

export function evaluateImplicitSharing(ctx: EvaluationContext): LayerEvaluation {
    const obj = ctx.objectApiName;
    if (!PARTICIPANTS.has(obj)) {
        return notApplicable('implicitSharing', `Implicit sharing only involves Account, Contact, Opportunity, Case, Contract and Order, not ${obj}.`);
    }
    let access: AccessFlags = noAccess();
    let best: GrantLevel = 'None';
    const paths: GrantPath[] = [];
    const reasons: string[] = [];
    const evidence: string[] = [];
    const uncertainties: string[] = [];
    const nearMisses: NearMissCandidate[] = [];
    const add = (level: GrantLevel, path: GrantPath, reason: string, ev: string[]): void => {
        if (level === 'None') {
            return;
        }
        access = orFlags(access, flagsOf(level));
        best = maxGrant(best, level);
        if (!paths.some((p) => p.id === path.id)) {
            paths.push(path);
        }
        reasons.push(reason);
        evidence.push(...ev);
    };

    // Platform evidence: implicit share rows.
    for (const grant of ctx.shares) {
        if (grant.layer !== 'implicitSharing' || !grant.level) {
            continue;
        }
        const chain = granteeChain(ctx, grant.entry.granteeId);
        if (!chain) {
            continue;
        }
        const info = describeRowCause(grant.entry.rowCause);
        add(grant.level, makePath(ctx, 'implicitSharing', grant.level, [...chain, shareStep(ctx, grant)]), `${info.label} share row: ${info.meaning} (${levelText(grant.level)}).`, [evidenceOf(grant)]);
    }

    // Why child implicit sharing gave nothing, when childImplicit knows better than the default reason.
    let noChildAccess: string | null = null;
    if (obj === 'Account') {
        parentImplicit(ctx, add, uncertainties);
    } else if (obj === 'Contact' || obj === 'Opportunity' || obj === 'Case') {
        if (ctx.owd.model === 'ControlledByParent') {
            if (!paths.length) {
                return layerResult('implicitSharing', 'neutral', `${obj} is Controlled by Parent, so child implicit sharing does not apply: access follows the account (see org-wide defaults).`);
            }
        } else {
            const outcome = childImplicit(ctx, add, uncertainties);
            noChildAccess = outcome.none;
            if (outcome.nearMiss) {
                nearMisses.push(outcome.nearMiss);
            }
        }
    } else if (!paths.length) {
        return layerResult('implicitSharing', 'neutral', `${obj} records follow their account when Controlled by Parent (see org-wide defaults); they get no implicit share of their own.`);
    }
    if (paths.length) {
        return layerResult('implicitSharing', 'grants', reasons.join(' '), { access, paths, evidence: [...new Set(evidence)], uncertainties });
    }
    const neutral =
        obj === 'Account'
            ? `${ctx.userName} owns no contract or order on this account and has no record-level Read on any of its contacts, opportunities or cases.`
            : (noChildAccess ?? `${ctx.userName} does not own the account ${ctx.name(str(ctx.record.AccountId)) || '(none)'} (and is not above its owner), so no child implicit access.`);
    uncertainties.push(...unreadableShareDoubts(ctx, 'implicitSharing'));
    if (uncertainties.length) {
        return layerResult('implicitSharing', 'uncertain', `${neutral} ${uncertainties.join('; ')}.`, { uncertainties, evidence, nearMisses });
    }
    return layerResult('implicitSharing', 'neutral', neutral, { evidence, nearMisses });
}

type Adder = (level: GrantLevel, path: GrantPath, reason: string, ev: string[]) => void;

/**
 * Help "External Account Hierarchies Considerations": internal owners of child accounts "lose
 * access to the records owned by those users". Whether that also removes account-owner (child
 * implicit) access is not documented, so a grant on such a record is marked uncertain.
 */
export function childAccountOwnerDoubt(ctx: Pick<EvaluationContext, 'index' | 'record' | 'name' | 'objectApiName'>, accountId: string): string | null {
    const recordOwner = ctx.index.user(str(ctx.record.OwnerId));
    const acct = normaliseId(accountId);
    if (!recordOwner || !acct || normaliseId(recordOwner.AccountId) !== acct) {
        return null;
    }
    const linked = [...ctx.index.externalAccountHierarchy().links.values()].some((l) => l.childAccountId === acct);
    return linked
        ? `the account is a child account in an external account hierarchy and ${ctx.name(str(ctx.record.OwnerId))}, one of its users, owns this ${ctx.objectApiName.toLowerCase()}: Salesforce Help says internal owners of child accounts lose access to the records owned by those users, and doesn't say whether that includes this account-owner access (compare with UserRecordAccess)`
        : null;
}

function parentImplicit(ctx: EvaluationContext, add: Adder, uncertainties: string[]): void {
    const { index } = ctx;
    for (const owned of ['Contract', 'Order']) {
        for (const row of index.rowsWhere(owned, 'AccountId', ctx.recordId)) {
            const ownerId = str(row.OwnerId);
            const queue = ownerId && ownerId !== ctx.userId ? index.isMember(ctx.userId, ownerId) : undefined;
            if (ownerId === ctx.userId || (queue && str(queue.group.Type) === 'Queue')) {
                const step: PathStep = { kind: 'parentRecord', label: `owns ${owned.toLowerCase()} ${labelOf(row)}`, id: str(row.Id), via: 'owner of' };
                add('Read', makePath(ctx, 'implicitSharing', 'Read', [...(queue ? queue.chain : []), step]), `Owner of ${owned.toLowerCase()} ${labelOf(row)} on this account: parent implicit Read.`, [`${owned}:${str(row.Id)}`]);
                return;
            }
        }
    }
    for (const child of ['Contact', 'Opportunity', 'Case']) {
        const rows = index.rowsWhere(child, 'AccountId', ctx.recordId);
        const childModel = childSharingModel(index, child, ctx.classification.external);
        let checked = 0;
        for (const row of rows) {
            if (checked++ >= IMPLICIT_CHILD_LIMIT) {
                uncertainties.push(`only the first ${IMPLICIT_CHILD_LIMIT} of ${rows.length} ${child} records were checked for parent implicit sharing`);
                break;
            }
            const childId = str(row.Id);
            if (childModel === 'ControlledByParent') {
                // Access to such a child is access to this account; only its owner adds anything.
                if (str(row.OwnerId) === ctx.userId) {
                    add('Read', makePath(ctx, 'implicitSharing', 'Read', [{ kind: 'parentRecord', label: `owns ${child.toLowerCase()} ${labelOf(row)}`, id: childId, via: 'owner of' }]), `Owner of ${child.toLowerCase()} ${labelOf(row)} on this account: parent implicit Read.`, [`${child}:${childId}`]);
                    return;
                }
                continue;
            }
            const childAccess = ctx.accessTo(childId, { recordLevelOnly: true });
            if (childAccess?.access.read) {
                const first = childAccess.paths[0];
                const step: PathStep = { kind: 'parentRecord', label: `${child.toLowerCase()} ${labelOf(row)}${first ? ` (${LAYER_TITLES[first.layer].toLowerCase()})` : ''}`, id: childId, via: 'can read' };
                add('Read', makePath(ctx, 'implicitSharing', 'Read', [step]), `Read on ${child.toLowerCase()} ${labelOf(row)} of this account gives parent implicit Read on the account.`, [`${child}:${childId}`]);
                return;
            }
        }
    }
}

/** An account child's sharing model for internal or external users, as parent implicit sharing reads it (who-can-see reads the same). */
export function childSharingModel(index: SnapshotIndex, child: string, external: boolean): string | null {
    const ed = index.rowsWhere('EntityDefinition', 'QualifiedApiName', child)[0];
    const field = external ? 'ExternalSharingModel' : 'InternalSharingModel';
    const v = str(ed?.[field]);
    if (v.replace(/\s/g, '').toLowerCase() === 'controlledbyparent') {
        return 'ControlledByParent';
    }
    const org = index.rows('Organization')[0];
    return child === 'Contact' && !ed && str(org?.DefaultContactAccess) === 'ControlledByParent' ? 'ControlledByParent' : v || null;
}

/** What the account owner's role gives account owners on a child object: a level, nothing to apply (the child's default already gives Read/Write), or unknown. */
export type AccountOwnerLevel = { kind: 'level'; level: GrantLevel } | { kind: 'notApplicable' } | { kind: 'unknown' };

/**
 * `UserRole.<Object>AccessForAccountOwner` of the account owner's role. No value on the role: not
 * applicable when the child's org-wide default is Public Read/Write (or more) — the setting
 * doesn't exist then; otherwise unknown, never Read (Object Reference UserRole).
 */
export function accountOwnerLevel(ownerRole: Row | undefined, object: string, model: SharingModel | null): AccountOwnerLevel {
    const level = parseShareLevel(ownerRole?.[`${object}AccessForAccountOwner`]);
    if (level) {
        return { kind: 'level', level };
    }
    return model === 'ReadWrite' || model === 'ReadWriteTransfer' || model === 'FullAccess' ? { kind: 'notApplicable' } : { kind: 'unknown' };
}

/** Why child implicit sharing gave nothing (when it knows better than the default reason), and the near miss. */
interface ChildOutcome {
    none: string | null;
    nearMiss?: NearMissCandidate;
}

/**
 * Child implicit access: the account owner (and users above them) get the level the owner's role
 * sets for the account's cases, contacts or opportunities. No value on the role: not applicable
 * when the child's org-wide default is Public Read/Write (the setting doesn't exist then); otherwise
 * unknown — said as a doubt, never presented as Read.
 */
function childImplicit(ctx: EvaluationContext, add: Adder, uncertainties: string[]): ChildOutcome {
    const { index } = ctx;
    const accountId = str(ctx.record.AccountId);
    if (!accountId) {
        return { none: null };
    }
    const account = index.byId(accountId)?.row;
    if (!account) {
        uncertainties.push(`account ${accountId} is not in the snapshot`);
        return { none: null };
    }
    const ownerId = str(account.OwnerId);
    const owner = index.user(ownerId);
    if (!owner) {
        return { none: null };
    }
    const obj = ctx.objectApiName;
    const column = `${obj}AccessForAccountOwner`;
    const setting = `${obj} access for account owners`;
    const ownerRoleId = str(owner.UserRoleId);
    const ownerRole = ownerRoleId ? index.byId(ownerRoleId)?.row : undefined;
    const myRole = str(ctx.user.UserRoleId);
    const isOwner = ownerId === ctx.userId;
    const isAbove = !isOwner && !!myRole && !!ownerRoleId && !ctx.classification.highVolume && index.isRoleAbove(myRole, ownerRoleId);
    if (!isOwner && !isAbove) {
        return { none: null };
    }
    const who = isOwner ? `${ctx.userName} owns the account ${ctx.name(accountId)}` : `${ctx.userName} is above the account owner ${ctx.name(ownerId)}`;
    const owned = accountOwnerLevel(ownerRole, obj, ctx.owd.model);
    if (owned.kind !== 'level') {
        if (owned.kind === 'notApplicable') {
            return { none: `${who}; the ${setting} setting doesn't apply because the org-wide default of ${obj} already gives Read/Write.` };
        }
        uncertainties.push(
            ownerRole
                ? `${who}, but the ${setting} of the owner's role ${labelOf(ownerRole)} is not in the snapshot (UserRole.${column}): what account owners get on the account's ${plural(obj)} is unknown`
                : `${who}, but the account owner has no role in the snapshot, so what account owners get on the account's ${plural(obj)} is unknown`
        );
        return { none: `${who}, but what the owner's role gives account owners on its ${plural(obj)} is unknown.` };
    }
    const level = owned.level;
    if (level === 'None') {
        const blast = (): number => index.usersInRole(ownerRoleId).length;
        return {
            none: `${who}, but the owner's role ${ctx.name(ownerRoleId)} gives account owners no access to the account's ${plural(obj)} (its ${setting} is None), so no child implicit access.`,
            nearMiss: {
                tier: 2,
                layer: 'implicitSharing',
                mechanism: who,
                stoppedBy: `the owner's role ${ctx.name(ownerRoleId)} gives account owners no access to the account's ${plural(obj)} (its ${setting} is None)`,
                fix: {
                    action: `Set the ${setting} of role ${ctx.name(ownerRoleId)} to Read/Write (Setup > Roles)`,
                    blastRadius: `Every account owner in role ${ctx.name(ownerRoleId)} (${blastCount(index, () => `${blast()} user(s) in this snapshot`, 'every user in that role')}), and everyone above them, gets Read/Write on the ${plural(obj)} of the accounts they own.`,
                    kind: 'changeSetting',
                    targetIds: [ownerRoleId],
                    source: SOURCE.accountOwnerAccess,
                    effect: { grant: { ...noAccess(), read: true, edit: true } }
                },
                evidence: [`Account:${accountId}`, `UserRole:${ownerRoleId}`],
                source: SOURCE.accountOwnerAccess,
                would: { ...noAccess(), read: true, edit: true }
            }
        };
    }
    const accountStep: PathStep = { kind: 'parentRecord', label: `account ${labelOf(account)}`, id: accountId, via: 'owner of' };
    if (isOwner) {
        const doubt = childAccountOwnerDoubt(ctx, accountId);
        if (doubt) {
            uncertainties.push(doubt);
        }
        add(level, makePath(ctx, 'implicitSharing', level, [accountStep]), `${ctx.userName} owns account ${labelOf(account)}: child implicit ${levelText(level)} on its ${plural(obj)}, the ${setting} of role ${labelOf(ownerRole, 'none')}.`, [`Account:${accountId}`, `UserRole:${ownerRoleId}`]);
        return { none: null };
    }
    add(
        level,
        makePath(ctx, 'implicitSharing', level, [{ kind: 'role', label: `role ${ctx.name(myRole)} above ${labelOf(owner)}`, id: myRole, via: 'above' }, accountStep]),
        `${ctx.userName}'s role is above account owner ${labelOf(owner)}, whose role gives the account owner ${levelText(level)} on the account's ${plural(obj)} (its ${setting}).`,
        [`Account:${accountId}`, `UserRole:${ownerRoleId}`]
    );
    return { none: null };
}
