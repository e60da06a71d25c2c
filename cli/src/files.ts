/**
 * Files the commands read and write: snapshot files (or the bundled demo org), and output
 * files written atomically (a temporary file in the same folder, then a rename), so an
 * interrupted command never leaves half a file behind.
 */
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSnapshot, SnapshotError, type Snapshot } from '../../lwc-src/lwc/accessXrayEngine/accessXrayEngine';
import { InputError } from './errors';

const PACKAGE_NAME = 'access-xray';

/**
 * The package's root folder: the nearest folder above this module whose package.json is this
 * package (the sources in cli/src, or the bundles in dist/cli, installed or linked).
 */
export function packageRoot(from: string = fileURLToPath(import.meta.url)): string {
    let dir = dirname(from);
    for (;;) {
        const pkg = join(dir, 'package.json');
        if (existsSync(pkg)) {
            try {
                if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === PACKAGE_NAME) return dir;
            } catch {
                // not ours: keep walking up
            }
        }
        const up = dirname(dir);
        if (up === dir) throw new Error(`cannot find the ${PACKAGE_NAME} package above ${from}`);
        dir = up;
    }
}

export function demoSnapshotPath(): string {
    return join(packageRoot(), 'data', 'demo-org.snapshot.json');
}

/** Validate a parsed snapshot; a malformed one is one InputError naming the JSON path. */
export function validateSnapshot(raw: unknown, label: string): Snapshot {
    try {
        loadSnapshot(raw);
    } catch (err) {
        if (err instanceof SnapshotError)
            throw new InputError(`${label} is not a valid snapshot: ${err.message}`, [], 'MalformedSnapshot');
        throw err;
    }
    return raw as Snapshot;
}

/** Read and validate a snapshot file (or `demo`); every failure is one InputError. */
export function readSnapshot(source: string): { snapshot: Snapshot; path: string } {
    const path = source === 'demo' ? demoSnapshotPath() : resolve(source);
    const label = source === 'demo' ? `the demo snapshot (${path})` : path;
    if (!existsSync(path))
        throw new InputError(
            `No snapshot file at ${label}.`,
            ['Give a snapshot written by sf xray collect, or --snapshot demo for the bundled demo org.'],
            'SnapshotNotFound'
        );
    if (statSync(path).isDirectory())
        throw new InputError(`${label} is a directory, not a snapshot file.`, [], 'SnapshotNotFound');
    let raw: unknown;
    try {
        raw = JSON.parse(readFileSync(path, 'utf8'));
    } catch (err) {
        throw new InputError(
            `${label} is not valid JSON: ${(err as Error).message.split('\n')[0]}`,
            [],
            'MalformedSnapshot'
        );
    }
    // The panel's "Download JSON" file carries the snapshot its verdict rests on: replay that.
    const exported = raw as { format?: unknown; snapshot?: unknown } | null;
    if (exported && exported.format === 'access-xray-explanation' && exported.snapshot) raw = exported.snapshot;
    return { snapshot: validateSnapshot(raw, label), path };
}

/** Fail before any work when an output file can't be written (missing folder, a directory). */
export function checkWritable(file: string): string {
    const target = resolve(file);
    const dir = dirname(target);
    if (!existsSync(dir) || !statSync(dir).isDirectory())
        throw new InputError(`Can't write ${file}: the folder ${dir} does not exist.`, [], 'BadOutputFile');
    if (existsSync(target) && statSync(target).isDirectory())
        throw new InputError(`Can't write ${file}: it is a directory.`, [], 'BadOutputFile');
    return target;
}

/** Write a file atomically: a temporary file next to it, then a rename. Returns the absolute path. */
export function writeAtomically(file: string, content: string): string {
    const target = checkWritable(file);
    const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
    try {
        writeFileSync(temp, content, { encoding: 'utf8', mode: 0o600 });
        renameSync(temp, target);
    } catch (err) {
        rmSync(temp, { force: true });
        throw new InputError(`Can't write ${file}: ${(err as Error).message.split('\n')[0]}`, [], 'BadOutputFile');
    }
    return target;
}
