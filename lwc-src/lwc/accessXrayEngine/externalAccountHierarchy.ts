/**
 * External account hierarchies (Experience Cloud, API 49.0+): the role links they add.
 *
 * What the platform documents:
 * - Object Reference "ExternalAccountHierarchy": "works like a role-based hierarchy"; fields
 *   AccountId, ParentId (the parent node), HierarchyType (Partner / CustomerPortal), IsActive
 *   ("when true, the hierarchy is turned on"), IsAccessibleToParent ("allows data to be shared
 *   with parent account", default true).
 * - Help "Configure an External Account Hierarchy": "the record data owned by users associated
 *   with child accounts is shared with users in parent accounts"; data shared by sharing sets
 *   doesn't roll up.
 * - Help "External Account Hierarchies Considerations": "Child account data is shared with the
 *   highest role at each level"; Grant Access Using Hierarchies still decides for custom
 *   objects; "Internal owners of child accounts … lose access to the records owned by those
 *   users"; business accounts only; a hierarchy holds partner or customer accounts, not both.
 *
 * Model (docs/experience-cloud.md "External account hierarchy"): the top portal role of a
 * child account reports to the top portal role of its parent account instead of to the child
 * account owner's internal role. Everything else in the role tree is unchanged, so the role
 * hierarchy layer, role-and-subordinates groups, related-case sharing up the portal role
 * hierarchy and who-can-see all follow the hierarchy through `SnapshotIndex.roleParent`.
 * A node links upwards only when it is active, accessible to its parent, and every node above
 * it is active (a node below an inactive one doesn't link: Object Reference IsActive).
 */
import { normaliseId } from './ids';
import type { Row } from './types';

/** The slice of the snapshot index this module reads (kept small so the index can call it). */
export interface HierarchySource {
    rows(table: string): readonly Row[];
    rowsWhere(table: string, field: string, value: unknown): readonly Row[];
}

/** One link the hierarchy adds to the role tree: `childRoleId` reports to `parentRoleId`. */
export interface HierarchyLink {
    childRoleId: string;
    parentRoleId: string;
    /** The child account's node and its parent node. */
    node: Row;
    parentNode: Row;
    childAccountId: string;
    parentAccountId: string;
    /** UserRole.ParentRoleId of the child role as collected (may already be the parent role). */
    collectedParentRoleId: string | null;
}

/** Why a node doesn't link to its parent (for explanations), or null when it links. */
export type NodeBlock = 'inactive' | 'notAccessibleToParent' | 'inactiveAbove' | 'noParent' | 'mixedTypes' | 'noRoles';

export interface HierarchyModel {
    /** Links by child role id. */
    links: Map<string, HierarchyLink>;
    /** Nodes by id. */
    nodes: Map<string, Row>;
    /** Node of an account (first active one, else any). */
    nodeOfAccount: Map<string, Row>;
    /** Why a node with a parent doesn't link to it. */
    blocked: Map<string, NodeBlock>;
}

const RANK: Record<string, number> = { Executive: 0, Manager: 1, Worker: 2, User: 2 };

function str(value: unknown): string {
    return typeof value === 'string' ? value : '';
}

/** UserRole.PortalType of the accounts in a hierarchy of this HierarchyType. */
export function portalTypeOf(hierarchyType: unknown): 'Partner' | 'CustomerPortal' {
    return str(hierarchyType) === 'CustomerPortal' ? 'CustomerPortal' : 'Partner';
}

/**
 * The highest portal role of an account for a portal type: the role whose parent is not a
 * role of the same account (Executive when the account has three roles, Manager with two…).
 */
export function topPortalRole(source: HierarchySource, accountId: string, portalType: string): Row | undefined {
    const roles = source
        .rowsWhere('UserRole', 'PortalAccountId', accountId)
        .filter((r) => str(r.PortalType) === portalType && str(r.PortalRole) !== 'PersonAccount');
    const ids = new Set(roles.map((r) => normaliseId(r.Id)));
    const tops = roles.filter((r) => !ids.has(normaliseId(r.ParentRoleId)));
    tops.sort((a, b) => (RANK[str(a.PortalRole)] ?? 3) - (RANK[str(b.PortalRole)] ?? 3) || str(a.Id).localeCompare(str(b.Id)));
    return tops[0];
}

/** Builds the links once per snapshot; a snapshot without the table yields an empty model. */
export function buildHierarchyModel(source: HierarchySource): HierarchyModel {
    const model: HierarchyModel = { links: new Map(), nodes: new Map(), nodeOfAccount: new Map(), blocked: new Map() };
    const all = source.rows('ExternalAccountHierarchy');
    if (all.length === 0) {
        return model;
    }
    for (const n of all) {
        const id = normaliseId(n.Id);
        if (id) {
            model.nodes.set(id, n);
        }
        const account = normaliseId(n.AccountId);
        if (account && (!model.nodeOfAccount.has(account) || n.IsActive === true)) {
            model.nodeOfAccount.set(account, n);
        }
    }
    const activeToRoot = (start: Row): boolean => {
        const seen = new Set<string>();
        let node: Row | undefined = start;
        while (node) {
            const id = normaliseId(node.Id) ?? '';
            if (seen.has(id) || node.IsActive !== true) {
                return false;
            }
            seen.add(id);
            const parent = normaliseId(node.ParentId);
            if (!parent) {
                return true;
            }
            node = model.nodes.get(parent);
        }
        return true;
    };
    for (const [id, node] of model.nodes) {
        const parentId = normaliseId(node.ParentId);
        if (!parentId) {
            continue;
        }
        const parent = model.nodes.get(parentId);
        let block: NodeBlock | null = null;
        if (!parent) {
            block = 'noParent';
        } else if (node.IsActive !== true) {
            block = 'inactive';
        } else if (node.IsAccessibleToParent === false) {
            block = 'notAccessibleToParent';
        } else if (!activeToRoot(parent)) {
            block = 'inactiveAbove';
        } else if (portalTypeOf(node.HierarchyType) !== portalTypeOf(parent.HierarchyType)) {
            block = 'mixedTypes';
        }
        const childAccountId = normaliseId(node.AccountId) ?? '';
        const parentAccountId = normaliseId(parent?.AccountId) ?? '';
        const type = portalTypeOf(node.HierarchyType);
        const childTop = block ? undefined : topPortalRole(source, childAccountId, type);
        const parentTop = block ? undefined : topPortalRole(source, parentAccountId, type);
        if (!block && (!childTop || !parentTop)) {
            block = 'noRoles';
        }
        if (block || !childTop || !parentTop || !parent) {
            model.blocked.set(id, block ?? 'noRoles');
            continue;
        }
        const childRoleId = normaliseId(childTop.Id) ?? '';
        model.links.set(childRoleId, {
            childRoleId,
            parentRoleId: normaliseId(parentTop.Id) ?? '',
            node,
            parentNode: parent,
            childAccountId,
            parentAccountId,
            collectedParentRoleId: normaliseId(childTop.ParentRoleId)
        });
    }
    return model;
}

/** Plain words for why a node doesn't pass its accounts' data up. */
export function describeBlock(block: NodeBlock): string {
    switch (block) {
        case 'inactive':
            return 'its node is inactive (IsActive false)';
        case 'notAccessibleToParent':
            return "its node doesn't share data with the parent account (IsAccessibleToParent false)";
        case 'inactiveAbove':
            return 'a node above it is inactive, so it does not link upwards';
        case 'noParent':
            return 'its parent node is not in the snapshot';
        case 'mixedTypes':
            return 'its parent node is of the other hierarchy type (a hierarchy holds partner or customer accounts, not both)';
        case 'noRoles':
        default:
            return 'one of the two accounts has no portal role of that type';
    }
}
