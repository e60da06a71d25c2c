/**
 * Connecting to an org the way the Salesforce CLI does: `--target-org` is an alias or a
 * username that `sf org login …` already stored; without it, the `target-org` config value
 * (`sf config set target-org …`) is used. `@salesforce/core` reads the stored auth
 * (`AuthInfo`/`Org`) and refreshes tokens as `sf` would; the CLI never sees a password and
 * never writes a token anywhere.
 */
import { OrgError, UsageError } from './errors';
import { jsforceTransport, type JsforceLikeConnection, type OrgTransport } from './transport';

export interface ConnectOptions {
    targetOrg?: string;
    apiVersion?: string;
    timeoutMs?: number;
}

export async function connect(options: ConnectOptions): Promise<OrgTransport> {
    // Loaded lazily: snapshot commands never touch ~/.sf or ~/.sfdx.
    const core = await import('@salesforce/core');
    const apiVersion = options.apiVersion ?? '62.0';
    let label = options.targetOrg;
    let connection;
    try {
        if (!label) {
            const config = await core.ConfigAggregator.create();
            const fallback = config.getPropertyValue('target-org');
            if (typeof fallback !== 'string' || !fallback) {
                throw new UsageError(
                    'No org given: pass --target-org <alias|username> (or --snapshot <file|demo>), or set a default with sf config set target-org <alias>.'
                );
            }
            label = fallback;
        }
        const state = await core.StateAggregator.getInstance();
        const username = state.aliases.resolveUsername(label) ?? label;
        // AuthInfo + Connection rather than Org.create: Org.create queries the org before the
        // collector starts (with jsforce's default five retries), which only adds latency.
        const authInfo = await core.AuthInfo.create({ username });
        connection = await core.Connection.create({ authInfo, connectionOptions: { version: apiVersion } });
    } catch (err) {
        if (err instanceof UsageError) throw err;
        const e = err as { name?: string; message?: string };
        if (
            /NamedOrgNotFound|NoAuthInfoFound|AuthInfoNotFound|No authorization information|not found/i.test(
                `${e.name ?? ''} ${e.message ?? ''}`
            )
        ) {
            throw new OrgError(
                `No org login named ${label ?? '<alias>'}: log in first with sf org login web --alias ${label ?? '<alias>'} (sf org list shows the logins).`,
                'UnknownOrg'
            );
        }
        throw new OrgError(
            `Can't open the login for ${label ?? 'the default target-org'}: ${(e.message ?? String(err)).split('\n')[0]}`,
            'OrgAuthError'
        );
    }
    return jsforceTransport(connection as unknown as JsforceLikeConnection, {
        orgLabel: label ?? 'the target org',
        ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {})
    });
}
