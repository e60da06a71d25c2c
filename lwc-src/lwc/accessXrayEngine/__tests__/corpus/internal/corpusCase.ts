/**
 * Shape of a conformance case (see docs/conformance.md). One case = one documented rule:
 * a small snapshot, the user and record asked about, the expected verdict, the layer that
 * must be named (with its status), and the source the rule comes from.
 */
import type { AccessFlags, AccessLevel, LayerId, LayerStatus, Snapshot } from '../../../types';

export interface CorpusCase {
    /** What the case proves, in one line. */
    name: string;
    /** Seed file or documentation title the rule comes from. */
    source: string;
    build(): { snapshot: Snapshot; userId: string; recordId: string };
    expect: {
        maxAccessLevel: AccessLevel;
        access?: Partial<AccessFlags>;
        /** The layer that must be named, with its status. */
        layer: LayerId;
        status: LayerStatus;
        /** Text the layer's reason must contain (names the concrete thing). */
        reasonIncludes?: string;
        /** Extra layers and their expected status. */
        alsoLayers?: Partial<Record<LayerId, LayerStatus>>;
        uncertain?: boolean;
        /** Text one grant path summary must contain. */
        pathIncludes?: string;
        /** Operation whose why-not must name this layer. */
        whyNot?: { operation: keyof AccessFlags; layer: LayerId };
        reconciliation?: 'agrees' | 'disagrees' | 'unavailable';
    };
}
