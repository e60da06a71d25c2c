/**
 * What who-can-see knows about one record before looking at any user: the record row, its
 * object, the org-wide default of each side (internal / external users), and — per side, since
 * a Controlled by Parent default changes which share rows and teams reach a child of an account —
 * the share rows that reach it and a record-only evaluation context for the layer helpers that
 * read records (teams, share rows). Also the per-user helpers every part of who-can-see shares:
 * which side a user is on and the Experience Cloud licence cap (a gate that depends only on the
 * licence and the object).
 */
import { noAccess } from './accessLevels';
import { ALL, bitsOfFlags } from './accessBits';
import type { EvaluationContext, OwdResolution, ShareGrant } from './context';
import { resolveOwd, sharesFor, type EvaluationState } from './engine';
import { licenceCap } from './licenceCaps';
import type { ObjectPermissionResult } from './permissions';
import { labelOf, type SnapshotIndex } from './snapshotIndex';
import type { Row, Setting } from './types';
import { classifyUser, type UserClassification } from './userLicence';
import { userSpace } from './userSpace';

export type Side = 'internal' | 'external';

export const SIDES: readonly Side[] = ['internal', 'external'];

export interface SideFacts {
    side: Side;
    owd: OwdResolution;
    /** A context with the record and this side's default, for helpers that only read the record side. */
    ctx: EvaluationContext;
    shares: readonly ShareGrant[];
}

export interface RecordFacts {
    index: SnapshotIndex;
    state: EvaluationState;
    recordId: string;
    row: Row;
    object: string;
    recordName: string;
    sides: Record<Side, SideFacts>;
    /**
     * The sides grouped by what the record side looks like to them: one group when both defaults
     * agree on Controlled by Parent (the usual case), so each mechanism is walked once.
     */
    groups: SideFacts[][];
}

const NO_PERMISSIONS: ObjectPermissionResult = {
    flags: { read: false, create: false, edit: false, delete: false, viewAll: false, modifyAll: false },
    via: { read: [], create: [], edit: [], delete: [], viewAll: [], modifyAll: [] },
    muted: [],
    mutedFlags: [],
    evidence: [],
    known: true,
    uncertainties: []
};

/** A setting lookup that records what it used in the state, as `evaluateRecord` does. */
export function settingReader(index: SnapshotIndex, state: EvaluationState): EvaluationContext['setting'] {
    return (key: string, fallback?: { value: Setting['value']; source: string }): Setting | null => {
        const found = index.setting(key);
        if (found) {
            state.settingsUsed.set(key, found);
            return found;
        }
        if (fallback) {
            const assumed: Setting = { value: fallback.value, provenance: 'assumed', source: fallback.source };
            state.settingsUsed.set(key, assumed);
            return assumed;
        }
        return null;
    };
}

export function recordFacts(index: SnapshotIndex, state: EvaluationState, recordId: string, row: Row, object: string): RecordFacts {
    const setting = settingReader(index, state);
    const recordName = labelOf(row, recordId);
    const side = (s: Side): SideFacts => {
        const owd = resolveOwd(index, object, { external: s === 'external' }, setting);
        const shares = sharesFor(index, object, row, recordId, owd);
        const placeholder: Row = { Id: '' };
        const ctx: EvaluationContext = {
            index,
            userId: '',
            recordId,
            user: placeholder,
            record: row,
            objectApiName: object,
            userName: '',
            recordName,
            classification: classifyUser(placeholder),
            objectPermissions: NO_PERMISSIONS,
            owd,
            shares,
            depth: 0,
            detail: false,
            setting,
            settingsUsed: state.settingsUsed,
            name: (id) => index.name(id),
            accessTo: () => null
        };
        return { side: s, owd, ctx, shares };
    };
    const sides = { internal: side('internal'), external: side('external') };
    const cbp = (s: SideFacts): boolean => s.owd.model === 'ControlledByParent';
    const groups = cbp(sides.internal) === cbp(sides.external) ? [[sides.internal, sides.external]] : [[sides.internal], [sides.external]];
    return { index, state, recordId, row, object, recordName, sides, groups };
}

/** A user's classification, as the user space read it (the index's for an id that isn't a user). */
function classOf(index: SnapshotIndex, userId: string): UserClassification {
    const space = userSpace(index);
    return space.classes[space.numberOf(userId)] ?? index.classification(userId);
}

/** Users who take the Experience Cloud layer's external path (layerExperienceCloud.ts). */
export function takesExternalPath(c: UserClassification): boolean {
    return !(c.kind === 'internal' || c.kind === 'automated' || (c.kind === 'unknown' && !c.external));
}

/**
 * The licence cap as a gate (Experience Cloud layer, first step): none for internal users;
 * nothing when the licence can't have the object; the cap when it is read-only.
 */
export function licenceGate(index: SnapshotIndex, object: string, userId: string): number {
    const c = classOf(index, userId);
    if (!takesExternalPath(c)) {
        return ALL;
    }
    return index.memo('whoCanSee.licenceGate', [object, c.kind, c.licenceName ?? '', c.userType].join('|'), () => {
        const cap = licenceCap(c, object);
        return cap.verdict === 'notAvailable' ? bitsOfFlags(noAccess()) : cap.verdict === 'readOnly' ? bitsOfFlags(cap.access) : ALL;
    });
}

/** Plain words for a licence cap, for "capped at Read by …". */
export function licenceCapText(index: SnapshotIndex, userId: string): string {
    const c = classOf(index, userId);
    return `the ${c.licenceName ?? c.label} licence`;
}
