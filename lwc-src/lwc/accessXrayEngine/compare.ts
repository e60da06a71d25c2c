/**
 * `compareExplanations`: layer by layer, what differs between two explanations (two users
 * on one record, or one user before/after a what-if change).
 */
import { describeFlags, sameFlags } from './accessLevels';
import type { Explanation, LayerId, LayerResult } from './types';

export interface ComparisonRow {
    layer: LayerId;
    a: LayerResult;
    b: LayerResult;
    differs: boolean;
}

export interface Comparison {
    differingLayers: LayerId[];
    summary: string;
    rows: ComparisonRow[];
}

export function compareExplanations(a: Explanation, b: Explanation): Comparison {
    const rows: ComparisonRow[] = [];
    for (const la of a.layers) {
        const lb = b.layers.find((l) => l.id === la.id);
        if (!lb) {
            continue;
        }
        rows.push({ layer: la.id, a: la, b: lb, differs: la.status !== lb.status || !sameFlags(la.access, lb.access) });
    }
    const differingLayers = rows.filter((r) => r.differs).map((r) => r.layer);
    const who = (e: Explanation): string => `${e.userName} on ${e.objectApiName} ${e.recordName}`;
    const verdict = sameFlags(a.access, b.access)
        ? `Both have ${describeFlags(a.access)}`
        : `${who(a)} has ${describeFlags(a.access)}; ${who(b)} has ${describeFlags(b.access)}`;
    const layersText = differingLayers.length
        ? `differing layers: ${rows
              .filter((r) => r.differs)
              .map((r) => `${r.a.title} (${r.a.status} vs ${r.b.status})`)
              .join(', ')}`
        : 'every layer gives the same result';
    return { differingLayers, summary: `${verdict}; ${layersText}.`, rows };
}
