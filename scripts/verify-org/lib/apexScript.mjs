// The anonymous Apex that calls the real controller for one scenario, and the parser that gets
// the snapshot back out of the debug log. The snapshot travels in base64 chunks between markers
// so no log escaping, line length or stray `|` can change a byte; its length and SHA-256 are
// printed too, and the parser checks both.
import { createHash } from 'node:crypto';

export const CHUNK = 60000;
const MARK = 'AXR-VERIFY';

/** Apex string literal. */
export const apexString = (value) => `'${String(value).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/**
 * Anonymous Apex: AccessXRayController.collect(recordId, userId) as the CLI's user, exactly as
 * the panel calls it, then the snapshot (Apex JSON.serialize) in base64 chunks.
 * @param {{ recordId: string, userId: string, namespace?: string }} input
 */
export function collectScript({ recordId, userId, namespace }) {
    const ns = namespace ? `${namespace}.` : '';
    return [
        `// Access X-Ray verify:org: the panel's call, as the running user.`,
        `${ns}AccessXRaySnapshot snapshot = ${ns}AccessXRayController.collect(${apexString(recordId)}, ${apexString(userId)});`,
        `String json = JSON.serialize(snapshot);`,
        `System.debug(LoggingLevel.ERROR, '${MARK}-BEGIN ' + json.length() + ' ' + EncodingUtil.convertToHex(Crypto.generateDigest('SHA-256', Blob.valueOf(json))));`,
        `for (Integer i = 0; i * ${CHUNK} < json.length(); i++) {`,
        `    String part = json.substring(i * ${CHUNK}, Math.min(json.length(), (i + 1) * ${CHUNK}));`,
        `    System.debug(LoggingLevel.ERROR, '${MARK}-CHUNK ' + i + ' ' + EncodingUtil.base64Encode(Blob.valueOf(part)));`,
        `}`,
        `System.debug(LoggingLevel.ERROR, '${MARK}-END');`,
        `System.debug(LoggingLevel.ERROR, '${MARK}-LIMITS queries=' + Limits.getQueries() + ' rows=' + Limits.getQueryRows() + ' heap=' + Limits.getHeapSize() + ' cpu=' + Limits.getCpuTime() + ' callouts=' + Limits.getCallouts());`
    ].join('\n');
}

/**
 * The snapshot printed by collectScript, from the debug log `sf apex run --json` returns.
 * @param {string} log the debug log
 * @returns {{ snapshot: object, limits: Record<string, number> }}
 */
export function parseCollectLog(log) {
    const lines = String(log ?? '').split(/\r?\n/);
    const payload = (line) => {
        const at = line.indexOf(`${MARK}-`);
        return at < 0 ? null : line.slice(at);
    };
    let expectedLength = null;
    let expectedHash = null;
    const chunks = new Map();
    const limits = {};
    let ended = false;
    for (const line of lines) {
        const text = payload(line);
        if (!text) continue;
        const [tag, ...rest] = text.split(' ');
        if (tag === `${MARK}-BEGIN`) {
            expectedLength = Number(rest[0]);
            expectedHash = rest[1];
        } else if (tag === `${MARK}-CHUNK`) {
            chunks.set(Number(rest[0]), Buffer.from(rest[1] ?? '', 'base64').toString('utf8'));
        } else if (tag === `${MARK}-END`) {
            ended = true;
        } else if (tag === `${MARK}-LIMITS`) {
            for (const pair of rest) {
                const [k, v] = pair.split('=');
                limits[k] = Number(v);
            }
        }
    }
    if (expectedLength === null || !ended) {
        throw new Error('the debug log holds no complete snapshot (markers missing): the Apex failed before printing it, or the log was cut at its 20 MB limit');
    }
    const json = [...chunks.keys()].sort((a, b) => a - b).map((k) => chunks.get(k)).join('');
    if (json.length !== expectedLength) throw new Error(`the snapshot read back has ${json.length} characters, the Apex printed ${expectedLength}`);
    const hash = createHash('sha256').update(json, 'utf8').digest('hex');
    if (hash !== expectedHash) throw new Error('the snapshot read back does not match the SHA-256 the Apex printed');
    return { snapshot: JSON.parse(json), limits };
}
