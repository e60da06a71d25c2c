/**
 * Shape of an external-user conformance case. Each case starts from the Acme org
 * (../../external/acmeOrg.ts), changes only what its rule is about, explains one user and
 * one record, and checks the verdict, the layer statuses and the words that name the
 * mechanism. `source` cites the seed or Salesforce document the rule comes from.
 */
import type { AccessFlags, Explanation, LayerId, LayerStatus } from '../../../types';
import type { AcmeOrg } from '../../external/acmeOrg';

export interface ExternalCase {
    id: string;
    title: string;
    /** Seed file or documentation title the expected behaviour comes from. */
    source: string;
    /** Changes to the base org (optional). */
    arrange?: (org: AcmeOrg) => void;
    /** Keys into `org.ids`, e.g. `user.pat`, `case.c1002`. */
    user: string;
    record: string;
    expect: {
        access?: Partial<AccessFlags>;
        layers?: Partial<Record<LayerId, LayerStatus>>;
        /** Text (case-insensitive substrings) each layer's reason must contain. */
        reasons?: Partial<Record<LayerId, string[]>>;
        uncertain?: boolean;
        /** Settings the verdict used: key → value (and provenance when given). */
        settingsUsed?: Record<string, { value: unknown; provenance?: string }>;
    };
    /** Extra assertions. */
    check?: (e: Explanation, org: AcmeOrg) => void;
}
