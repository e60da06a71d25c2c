/**
 * Shape of a conformance case (see docs/conformance.md). One case = one documented rule:
 * a small snapshot, the user and record asked about, the expected verdict, the layer that
 * must be named (with its status), and the source the rule comes from.
 */
import type { AccessFlags, AccessLevel, LayerId, LayerStatus, Operation, Snapshot } from '../../../types';

export interface CorpusExpectation {
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
    /** Text one uncertainty must contain. */
    uncertaintyIncludes?: string;
    /** Text one grant path summary must contain. */
    pathIncludes?: string;
    /** Operation whose why-not must name this layer. */
    whyNot?: { operation: keyof AccessFlags; layer: LayerId };
    reconciliation?: 'agrees' | 'disagrees' | 'unavailable';
    /** The near miss of an operation (read when absent): its layer, and text its stop (and fix) must contain. */
    nearMiss?: { operation?: Operation; layer: LayerId; stoppedByIncludes: string; fixIncludes?: string };
    /** The why-not fix of an operation: text it must and must not contain (the fix must make the operation possible). */
    fix?: { operation: Operation; includes: string[]; excludes?: string[]; blastRadiusIncludes?: string } | { operation: Operation; none: true };
    /** Text the one-sentence summary must contain. */
    summaryIncludes?: string;
}

/** A snapshot that must be refused: loading it fails naming this JSON path. */
export interface CorpusRejection {
    rejects: { path: string; problemIncludes: string };
}

export interface CorpusCase {
    /** What the case proves, in one line. */
    name: string;
    /** Seed file or documentation title the rule comes from. */
    source: string;
    build(): { snapshot: Snapshot; userId: string; recordId: string };
    expect: CorpusExpectation | CorpusRejection;
}
