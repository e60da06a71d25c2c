/**
 * Words for the role hierarchy layer about external account hierarchies: which hierarchy link
 * a grant crosses, and — when nothing is granted — why a hierarchy the admin expects to help
 * doesn't (not the top role, node inactive or not accessible to its parent, internal owner of
 * a child account). Sources: see externalAccountHierarchy.ts.
 */
import { FULL_ACCESS } from './accessLevels';
import type { EvaluationContext } from './context';
import { describeBlock, type HierarchyLink } from './externalAccountHierarchy';
import { normaliseId } from './ids';
import type { EngineStep, NearMissCandidate } from './layer';
import { labelOf } from './snapshotIndex';
import type { PathStep, Row } from './types';

export interface HierarchyClause {
    /** Sentence to append to the grant's reason ('' when no link is crossed). */
    text: string;
    evidence: string[];
    steps: PathStep[];
}

/** An account's name; an account the collector didn't read is named by its hierarchy node. */
function accountName(ctx: EvaluationContext, accountId: string | null): string {
    if (!accountId || ctx.index.byId(accountId)) {
        return ctx.name(accountId);
    }
    const node = ctx.index.externalAccountHierarchy().nodeOfAccount.get(accountId);
    return node ? `account ${accountId} (hierarchy node "${labelOf(node)}")` : ctx.name(accountId);
}

function linkText(ctx: EvaluationContext, link: HierarchyLink): string {
    const moved =
        link.collectedParentRoleId && link.collectedParentRoleId !== link.parentRoleId
            ? `; UserRole.ParentRoleId as collected points to ${ctx.name(link.collectedParentRoleId)}, the hierarchy decides`
            : '';
    return `${accountName(ctx, link.childAccountId)}'s top role ${ctx.name(link.childRoleId)} reports to ${accountName(ctx, link.parentAccountId)}'s top role ${ctx.name(link.parentRoleId)} (external account hierarchy node "${labelOf(link.node)}"${moved})`;
}

/** The hierarchy links crossed between the user's role and a role below it. */
export function hierarchyClause(ctx: EvaluationContext, upperRoleId: string, lowerRoleId: string): HierarchyClause {
    const links = ctx.index.hierarchyLinksBetween(upperRoleId, lowerRoleId);
    if (links.length === 0) {
        return { text: '', evidence: [], steps: [] };
    }
    return {
        text: ` Through the external account hierarchy: ${links.map((l) => linkText(ctx, l)).join('; ')} — child account data is shared with the highest role at each level.`,
        evidence: links.map((l) => `ExternalAccountHierarchy:${String(l.node.Id ?? '')}`),
        steps: links
            .slice()
            .reverse()
            .map((l) => ({ kind: 'role', label: `external account hierarchy ${accountName(ctx, l.parentAccountId)} ← ${accountName(ctx, l.childAccountId)}`, id: String(l.node.Id ?? ''), via: 'rolls up' }))
    };
}

/** The chain of nodes from an account's node up to the root (cycle-guarded). */
function nodeChain(ctx: EvaluationContext, accountId: string): Row[] {
    const model = ctx.index.externalAccountHierarchy();
    const out: Row[] = [];
    const seen = new Set<string>();
    let node = model.nodeOfAccount.get(accountId);
    while (node) {
        const id = normaliseId(node.Id) ?? '';
        if (seen.has(id)) {
            break;
        }
        seen.add(id);
        out.push(node);
        node = model.nodes.get(normaliseId(node.ParentId) ?? '');
    }
    return out;
}

/**
 * When the role hierarchy grants nothing: findings that name the external account hierarchy
 * (why it doesn't reach this user), and the uncertainty when the hierarchy couldn't be read.
 */
export interface HierarchyFindings {
    notes: string[];
    uncertainties: string[];
    nextSteps: EngineStep[];
    /** The hierarchy link (or role) that would make the user above the owner, when one stops it. */
    nearMisses: NearMissCandidate[];
}

export function hierarchyFindings(ctx: EvaluationContext, myRoleId: string, ownerId: string): HierarchyFindings {
    const notes: string[] = [];
    const uncertainties: string[] = [];
    const nextSteps: EngineStep[] = [];
    const nearMisses: NearMissCandidate[] = [];
    const done = (): HierarchyFindings => ({ notes, uncertainties, nextSteps, nearMisses });
    const { index } = ctx;
    const owner = index.user(ownerId);
    const ownerRole = normaliseId(owner?.UserRoleId);
    const ownerAccount = normaliseId(owner?.AccountId);
    const userAccount = normaliseId(ctx.user.AccountId);
    const model = index.externalAccountHierarchy();
    if (model.nodes.size === 0 && !index.unavailable('ExternalAccountHierarchy')) {
        return done(); // no hierarchy in this org: nothing to say (keeps who-can-see sweeps cheap)
    }

    // Internal owners of child accounts lose access (Help: External Account Hierarchies Considerations).
    if (ownerRole && index.collectedRoleAncestors(ownerRole).includes(myRoleId) && !index.isRoleAbove(myRoleId, ownerRole)) {
        const link = [...model.links.values()].find((l) => l.childRoleId === ownerRole || index.roleAncestors(ownerRole).includes(l.childRoleId));
        if (link) {
            notes.push(
                `UserRole.ParentRoleId places ${ctx.name(ownerRole)} below ${ctx.name(myRoleId)}, but the external account hierarchy moves ${accountName(ctx, link.childAccountId)}'s portal roles under ${accountName(ctx, link.parentAccountId)}'s top role ${ctx.name(link.parentRoleId)}: internal owners of child accounts in an external account hierarchy lose access to the records owned by those accounts' users (Help: External Account Hierarchies Considerations)`
            );
        }
    }

    if (!ownerAccount || !userAccount || ownerAccount === userAccount) {
        return done();
    }
    const why = index.unavailable('ExternalAccountHierarchy');
    if (why && ctx.classification.external) {
        uncertainties.push(
            `The external account hierarchy could not be read (${why}): if ${accountName(ctx, ownerAccount)} is below ${accountName(ctx, userAccount)} in one, the top portal role of ${accountName(ctx, userAccount)} would see records owned by ${accountName(ctx, ownerAccount)}'s users`
        );
        return done();
    }
    const chain = nodeChain(ctx, ownerAccount);
    const at = chain.findIndex((n) => normaliseId(n.AccountId) === userAccount);
    if (at <= 0) {
        return done();
    }
    // The owner's account is below the user's account: say which link stops, or that the user isn't the top role.
    for (const n of chain.slice(0, at)) {
        const block = model.blocked.get(normaliseId(n.Id) ?? '');
        if (block) {
            notes.push(
                `${accountName(ctx, ownerAccount)} is below ${accountName(ctx, userAccount)} in the external account hierarchy, but ${accountName(ctx, normaliseId(n.AccountId))} doesn't pass its data up: ${describeBlock(block)}`
            );
            const node = block === 'inactiveAbove' ? chain.slice(chain.indexOf(n) + 1).find((x) => x.IsActive !== true) : n;
            const fix =
                block === 'notAccessibleToParent'
                    ? `Check "Is Accessible to Parent" on the external account hierarchy node "${labelOf(n)}"`
                    : block === 'inactive' || block === 'inactiveAbove'
                      ? `Check "Is Hierarchy Active" on the external account hierarchy node "${labelOf(node)}"`
                      : null;
            if (fix) {
                const step: EngineStep = {
                    action: fix,
                    kind: 'other',
                    targetIds: [String(node?.Id ?? '')],
                    blastRadius: `The top portal role of each account above ${accountName(ctx, normaliseId(n.AccountId))} would see every record its users own or are shared (Grant Access Using Hierarchies permitting).`,
                    source: 'Salesforce Help: Configure an External Account Hierarchy',
                    effect: { grant: { ...FULL_ACCESS } }
                };
                nextSteps.push(step);
                nearMisses.push({
                    tier: 2,
                    layer: 'roleHierarchy',
                    mechanism: `${accountName(ctx, ownerAccount)}, the owner's account, is below ${accountName(ctx, userAccount)} in the external account hierarchy`,
                    stoppedBy: `${accountName(ctx, normaliseId(n.AccountId))} doesn't pass its data up: ${describeBlock(block)}`,
                    fix: step,
                    evidence: [`ExternalAccountHierarchy:${String(n.Id ?? '')}`],
                    source: 'Salesforce Help: External Account Hierarchies Considerations',
                    would: { ...FULL_ACCESS }
                });
            }
            return done();
        }
    }
    if (!ownerRole) {
        notes.push(`${accountName(ctx, ownerAccount)} is below ${accountName(ctx, userAccount)} in an active external account hierarchy, but the owner ${ctx.name(ownerId)} holds no portal role, so nothing of theirs rolls up`);
        return done();
    }
    const top = [...model.links.values()].find((l) => l.parentAccountId === userAccount)?.parentRoleId;
    notes.push(
        `${accountName(ctx, ownerAccount)} is below ${accountName(ctx, userAccount)} in an active external account hierarchy, but child account data is shared only with the highest role at each level${top ? ` (${ctx.name(top)})` : ''}; ${ctx.userName} holds ${ctx.name(myRoleId)} (Help: External Account Hierarchies Considerations)`
    );
    if (top) {
        const step: EngineStep = {
            action: `Give ${ctx.userName} the role ${ctx.name(top)}, the role of ${accountName(ctx, userAccount)} that child account data rolls up to`,
            kind: 'changeRole',
            targetIds: [top],
            blastRadius: `${ctx.userName} would also see what every user below ${ctx.name(top)} owns or is shared, in ${accountName(ctx, userAccount)} and its child accounts.`,
            effect: { grant: { ...FULL_ACCESS } }
        };
        nextSteps.push(step);
        nearMisses.push({
            tier: 3,
            layer: 'roleHierarchy',
            mechanism: `${accountName(ctx, ownerAccount)}, the owner's account, is below ${accountName(ctx, userAccount)} in an active external account hierarchy`,
            stoppedBy: `child account data is shared only with the highest role at each level (${ctx.name(top)}), and ${ctx.userName} holds ${ctx.name(myRoleId)}`,
            fix: step,
            evidence: [],
            source: 'Salesforce Help: External Account Hierarchies Considerations',
            would: { ...FULL_ACCESS }
        });
    }
    return done();
}
