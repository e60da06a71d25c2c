/**
 * What the explain plan knows between rounds: the tables read so far, the users asked about,
 * the record family (the record, its parents, its children), and the ids each round hands to
 * the next. Pure bookkeeping over the rows read; no I/O.
 */
import type { Row } from '../../../lwc-src/lwc/accessXrayEngine/types';
import type { DescribeResult } from './describe';
import type { Session } from './session';
import { key15, str, uniqIds } from './soql';
import { TableSet } from './tables';

export type FamilyRole = 'record' | 'parent' | 'child';

export interface FamilyRecord {
    id: string;
    object: string;
    role: FamilyRole;
}

/** UserType values of users who hold a portal role (and so may be above child accounts' roles). */
const PORTAL_USER_TYPES = new Set(['PowerPartner', 'PowerCustomerSuccess', 'CustomerSuccess']);
/** UserType values of high-volume Experience Cloud users (no role, no groups; licence default access). */
const HIGH_VOLUME_USER_TYPES = new Set(['CspLitePortal', 'SelfService']);

export class PlanState {
    readonly tables = new TableSet();
    readonly describes = new Map<string, DescribeResult>();
    /** Users asked about (18-character ids as read). */
    subjectIds: string[] = [];
    recordId = '';
    objectApiName = '';
    /** Objects the org can query (global describe). */
    queryable = new Set<string>();
    readonly family = new Map<string, FamilyRecord>();
    /** Subjects whose role has roles below it (or a portal role): only then does the plan read about others' positions. */
    someoneBelow = false;
    /** The roles below every user asked about were read (so only they can make a user a boss); false: read whole. */
    subtreeKnown = false;
    /** External account hierarchy: accounts whose nodes were looked up; off = the org has no such object (INVALID_TYPE). */
    readonly hierarchy = { off: false, lookedUp: new Set<string>() };
    /** Active territory model read. */
    territoriesActive = false;
    /** who-can-see: roles whose users wcs.roleUsers read (role groups and the roles below them). */
    memberRoleIds = new Set<string>();
    /**
     * Read the children of the family's accounts (parent implicit sharing). explain/1: always. whoCanSee/1: not for a case or
     * opportunity, whose audience takes from its account only the owner (child implicit sharing) and the account's share rows.
     */
    accountChildren = true;
    /** who-can-see: the users whose role chains round 7 reads (whose bosses the answer holds); undefined: as explain/1 decides. */
    chainUserIds?: Set<string>;
    /** who-can-see: a public Read/Write default makes the Edit holders count too. */
    publicEditMatters = false;

    constructor(
        readonly session: Session,
        readonly whatIf: { permissionSetIds: string[]; groupIds: string[] }
    ) {}

    addFamily(object: string, rows: readonly Row[], role: FamilyRole): FamilyRecord[] {
        const added: FamilyRecord[] = [];
        for (const row of rows) {
            const id = str(row.Id);
            const k = key15(id);
            if (!k || this.family.has(k)) continue;
            const rec: FamilyRecord = { id, object, role };
            this.family.set(k, rec);
            added.push(rec);
        }
        return added;
    }

    familyOf(object: string): FamilyRecord[] {
        return [...this.family.values()].filter((f) => f.object === object);
    }

    familyObjects(): string[] {
        return [...new Set([...this.family.values()].map((f) => f.object))];
    }

    familyRows(): Row[] {
        return [...this.family.values()].map((f) => this.tables.byId(f.id)?.row).filter((r): r is Row => !!r);
    }

    subjects(): Row[] {
        return this.subjectIds.map((id) => this.tables.byId(id)?.row).filter((r): r is Row => !!r);
    }

    isHighVolume(user: Row): boolean {
        return HIGH_VOLUME_USER_TYPES.has(str(user.UserType));
    }

    isPortalUser(user: Row): boolean {
        return PORTAL_USER_TYPES.has(str(user.UserType));
    }

    /** Users (005…) that own a record of the family. */
    familyOwners(): string[] {
        return uniqIds(this.familyRows().map((r) => r.OwnerId)).filter((id) => id.startsWith('005'));
    }

    /** Ids already read (15-character keys). */
    has(id: unknown): boolean {
        return !!this.tables.byId(id);
    }

    /** The ids of `ids` not read yet. */
    unread(ids: Iterable<unknown>): string[] {
        return uniqIds(ids).filter((id) => !this.has(id));
    }

    users(): readonly Row[] {
        return this.tables.rows('User');
    }

    groups(): readonly Row[] {
        return this.tables.rows('Group');
    }

    /** Share rows of the family, from every share table read. */
    shareRows(): Row[] {
        return Object.entries(this.tables.tables)
            .filter(([t]) => t.endsWith('Share'))
            .flatMap(([, rows]) => rows);
    }
}
