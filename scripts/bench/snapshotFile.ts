/**
 * Writes a synthetic org to a snapshot JSON file row by row (never the whole snapshot as one
 * string: a 1 M-share-row snapshot is a few hundred MB of JSON), and caches it under
 * `.build/bench/<size>-<users>u-<shareRows>s-seed<seed>[-ura<n>].snapshot.json`.
 * The output is byte-identical to `JSON.stringify(org.toSnapshot())`.
 */
import { closeSync, existsSync, mkdirSync, openSync, renameSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { OrgConfig } from './generator';
import { SyntheticOrg } from './generator';

export interface WrittenSnapshot {
    path: string;
    bytes: number;
    rowsByTable: Record<string, number>;
    shareRows: number;
    seconds: number;
    cached: boolean;
}

/** Share tables the generator fills. */
export const SHARE_TABLES = ['AccountShare', 'OpportunityShare', 'CaseShare', 'Project__Share'] as const;

const FLUSH_AT = 4 * 1024 * 1024;

/** Stream the org's snapshot into `path` (written to a temporary name, then renamed). */
export function writeSnapshotFile(org: SyntheticOrg, path: string): WrittenSnapshot {
    const started = process.hrtime.bigint();
    mkdirSync(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    const fd = openSync(tmp, 'w');
    let buffer = '';
    let bytes = 0;
    const write = (text: string): void => {
        buffer += text;
        if (buffer.length >= FLUSH_AT) {
            bytes += writeSync(fd, buffer);
            buffer = '';
        }
    };
    const rowsByTable: Record<string, number> = {};
    try {
        const header = org.header();
        write(`{"schemaVersion":${JSON.stringify(header.schemaVersion)},"meta":${JSON.stringify(header.meta)},"tables":{`);
        org.tableNames().forEach((table, t) => {
            write(`${t === 0 ? '' : ','}${JSON.stringify(table)}:[`);
            let n = 0;
            for (const row of org.rows(table)) {
                write(n === 0 ? JSON.stringify(row) : `,${JSON.stringify(row)}`);
                n++;
            }
            rowsByTable[table] = n;
            write(']');
        });
        write(
            `},"describe":${JSON.stringify(header.describe)},"metadata":${JSON.stringify(header.metadata)},` +
                `"settings":${JSON.stringify(header.settings)},"subjects":${JSON.stringify(header.subjects)}}`
        );
        if (buffer) bytes += writeSync(fd, buffer);
    } finally {
        closeSync(fd);
    }
    renameSync(tmp, path);
    const shareRows = SHARE_TABLES.reduce((sum, t) => sum + (rowsByTable[t] ?? 0), 0);
    return { path, bytes, rowsByTable, shareRows, seconds: Number(process.hrtime.bigint() - started) / 1e9, cached: false };
}

export function cachePath(root: string, label: string, config: OrgConfig): string {
    const ura = config.userRecordAccessRows > 0 ? `-ura${config.userRecordAccessRows}` : '';
    return join(root, '.build', 'bench', `${label}-${config.users}u-${config.shareRows}s-seed${config.seed}${ura}.snapshot.json`);
}

/**
 * The cached snapshot file for a configuration, generating it when absent. The file name holds
 * every configuration value that changes the output (size, seed, mix, role depth,
 * UserRecordAccess rows) and GENERATOR_VERSION, so a stale file is never reused.
 */
export function ensureSnapshotFile(root: string, label: string, config: OrgConfig, regenerate = false): WrittenSnapshot {
    const key = `${label}-m${Object.values(config.mix).join('_')}-d${config.roleDepth}-g${GENERATOR_VERSION}`;
    const path = cachePath(root, key, config);
    if (!regenerate && existsSync(path)) {
        return { path, bytes: statSync(path).size, rowsByTable: {}, shareRows: config.shareRows, seconds: 0, cached: true };
    }
    return writeSnapshotFile(new SyntheticOrg(config), path);
}

/** Bump when the generator's output changes, so stale cached snapshots are never reused. */
export const GENERATOR_VERSION = 4;
