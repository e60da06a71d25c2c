/**
 * `loadSnapshot`: validate once, build the index once. A LoadedSnapshot can be explained
 * many times cheaply. Passing a plain Snapshot to `explain` loads it (memoised per object:
 * do not mutate a snapshot after explaining it — `applyWhatIf` returns a new one).
 */
import { SnapshotIndex } from './snapshotIndex';
import type { Snapshot } from './types';
import { validateSnapshot } from './validate';

export interface LoadedSnapshot {
    readonly kind: 'LoadedSnapshot';
    /** The validated snapshot (id columns normalised to 18 characters). */
    readonly snapshot: Snapshot;
    readonly index: SnapshotIndex;
}

const loadedCache = new WeakMap<object, LoadedSnapshot>();

/** Validate (throws SnapshotError naming the JSON path) and index a snapshot. */
export function loadSnapshot(input: unknown): LoadedSnapshot {
    if (isLoaded(input)) {
        return input;
    }
    if (typeof input === 'object' && input !== null) {
        const cached = loadedCache.get(input);
        if (cached) {
            return cached;
        }
    }
    const snapshot = validateSnapshot(input);
    const index = new SnapshotIndex(snapshot);
    // Built now rather than on an explanation's first question (what one explanation costs must not depend on what came before).
    index.groupMemberRoles();
    const loaded: LoadedSnapshot = { kind: 'LoadedSnapshot', snapshot, index };
    if (typeof input === 'object' && input !== null) {
        loadedCache.set(input, loaded);
    }
    return loaded;
}

export function isLoaded(value: unknown): value is LoadedSnapshot {
    return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'LoadedSnapshot' && (value as { index?: unknown }).index instanceof SnapshotIndex;
}

export function toLoaded(value: Snapshot | LoadedSnapshot): LoadedSnapshot {
    return isLoaded(value) ? value : loadSnapshot(value);
}
