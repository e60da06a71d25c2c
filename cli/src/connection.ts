/**
 * From the org that `Flags.requiredOrg` / `Flags.optionalOrg` resolved (an alias or username
 * `sf org login …` stored, or the `target-org` config value) to the collector's transport.
 * `@salesforce/core` owns the credentials: its `Connection` refreshes an expired access token
 * through the login's refresh token (and saves it, as `sf` does); the CLI never sees a password
 * and never writes a token anywhere.
 */
import type { Org } from '@salesforce/core';
import { jsforceTransport, type BackoffOptions, type JsforceLikeConnection, type OrgTransport } from './transport';

export const DEFAULT_API_VERSION = '62.0';

export interface ConnectOptions {
    apiVersion?: string;
    timeoutMs?: number;
    backoff?: BackoffOptions;
}

/** The name to show for an org: its alias when it has one, else its username. */
export async function orgLabel(org: Org): Promise<string> {
    const username = org.getUsername() ?? 'the target org';
    try {
        const { StateAggregator } = await import('@salesforce/core');
        const state = await StateAggregator.getInstance();
        return state.aliases.get(username) ?? username;
    } catch {
        return username;
    }
}

export async function transportFor(org: Org, options: ConnectOptions = {}): Promise<OrgTransport> {
    const connection = org.getConnection(options.apiVersion ?? DEFAULT_API_VERSION);
    return jsforceTransport(connection as unknown as JsforceLikeConnection, {
        orgLabel: await orgLabel(org),
        ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
        ...(options.backoff ? { backoff: options.backoff } : {})
    });
}
