import pkg from '../../package.json';

/** The package version, for `--version` and `meta.collector`. */
export const CLI_VERSION: string = (pkg as { version?: string }).version ?? '0.0.0';
