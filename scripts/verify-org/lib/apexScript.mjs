// The anonymous Apex that calls the real controller for one scenario, and the parser that gets
// the snapshot back out of the debug log. The snapshot travels in base64 chunks between markers
// so no log escaping, line length or stray `|` can change a byte; its length and SHA-256 are
// printed too, and the parser checks both. The evidence plan steps the collector ran
// (AccessXRayCollector.lastTrace: step, SOQL, rows) follow the same way, under their own markers,
// for the comparison with the CLI collector's steps.
import { createHash } from 'node:crypto';

export const CHUNK = 60000;
const MARK = 'AXR-VERIFY';
const TRACE_MARK = 'AXR-VERIFY-STEPS';

/** Apex string literal. */
export const apexString = (value) => `'${String(value).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** Anonymous Apex lines that print `variable` (a String) in base64 chunks between `mark` markers. */
function printed(variable, mark) {
    return [
        `System.debug(LoggingLevel.ERROR, '${mark}-BEGIN ' + ${variable}.length() + ' ' + EncodingUtil.convertToHex(Crypto.generateDigest('SHA-256', Blob.valueOf(${variable}))));`,
        `for (Integer i = 0; i * ${CHUNK} < ${variable}.length(); i++) {`,
        `    String part = ${variable}.substring(i * ${CHUNK}, Math.min(${variable}.length(), (i + 1) * ${CHUNK}));`,
        `    System.debug(LoggingLevel.ERROR, '${mark}-CHUNK ' + i + ' ' + EncodingUtil.base64Encode(Blob.valueOf(part)));`,
        `}`,
        `System.debug(LoggingLevel.ERROR, '${mark}-END');`
    ];
}

/**
 * Anonymous Apex: AccessXRayController.collect(recordId, userId) as the CLI's user, exactly as
 * the panel calls it, then the snapshot (Apex JSON.serialize) and the plan steps the collector
 * ran (AccessXRayCollector.lastTrace) in base64 chunks.
 * @param {{ recordId: string, userId: string, namespace?: string }} input
 */
export function collectScript({ recordId, userId, namespace }) {
    const ns = namespace ? `${namespace}.` : '';
    return [
        `// Access X-Ray verify:org: the panel's call, as the running user.`,
        `${ns}AccessXRaySnapshot snapshot = ${ns}AccessXRayController.collect(${apexString(recordId)}, ${apexString(userId)});`,
        `String json = JSON.serialize(snapshot);`,
        ...printed('json', MARK),
        `String steps = JSON.serialize(${ns}AccessXRayCollector.lastTrace);`,
        ...printed('steps', TRACE_MARK),
        `System.debug(LoggingLevel.ERROR, '${MARK}-LIMITS queries=' + Limits.getQueries() + ' rows=' + Limits.getQueryRows() + ' heap=' + Limits.getHeapSize() + ' cpu=' + Limits.getCpuTime() + ' callouts=' + Limits.getCallouts());`
    ].join('\n');
}

/**
 * One payload printed by `printed`, from the lines of a debug log; null when its markers are absent.
 * @param {string[]} lines
 * @param {string} mark
 * @returns {string | null}
 */
function payloadOf(lines, mark) {
    let expectedLength = null;
    let expectedHash = null;
    const chunks = new Map();
    let ended = false;
    for (const line of lines) {
        const at = line.indexOf(`${mark}-`);
        if (at < 0) continue;
        const [tag, ...rest] = line.slice(at).split(' ');
        if (tag === `${mark}-BEGIN`) {
            expectedLength = Number(rest[0]);
            expectedHash = rest[1];
        } else if (tag === `${mark}-CHUNK`) {
            chunks.set(Number(rest[0]), Buffer.from(rest[1] ?? '', 'base64').toString('utf8'));
        } else if (tag === `${mark}-END`) {
            ended = true;
        }
    }
    if (expectedLength === null && !ended && chunks.size === 0) return null;
    if (expectedLength === null || !ended) {
        throw new Error(`the debug log holds no complete ${mark === MARK ? 'snapshot' : 'step trace'} (markers missing): the Apex failed before printing it, or the log was cut at its 20 MB limit`);
    }
    const json = [...chunks.keys()].sort((a, b) => a - b).map((k) => chunks.get(k)).join('');
    const what = mark === MARK ? 'snapshot' : 'step trace';
    if (json.length !== expectedLength) throw new Error(`the ${what} read back has ${json.length} characters, the Apex printed ${expectedLength}`);
    const hash = createHash('sha256').update(json, 'utf8').digest('hex');
    if (hash !== expectedHash) throw new Error(`the ${what} read back does not match the SHA-256 the Apex printed`);
    return json;
}

/**
 * The snapshot (and the plan steps the collector ran) printed by collectScript, from the debug
 * log `sf apex run --json` returns.
 * @param {string} log the debug log
 * @returns {{ snapshot: object, limits: Record<string, number>, steps: { step: string, soql: string, rows: number }[] | null }}
 */
export function parseCollectLog(log) {
    const lines = String(log ?? '').split(/\r?\n/);
    const limits = {};
    for (const line of lines) {
        const at = line.indexOf(`${MARK}-LIMITS `);
        if (at < 0) continue;
        for (const pair of line.slice(at).split(' ').slice(1)) {
            const [k, v] = pair.split('=');
            limits[k] = Number(v);
        }
    }
    const snapshot = payloadOf(lines, MARK);
    if (snapshot === null) {
        throw new Error('the debug log holds no complete snapshot (markers missing): the Apex failed before printing it, or the log was cut at its 20 MB limit');
    }
    const steps = payloadOf(lines, TRACE_MARK);
    return { snapshot: JSON.parse(snapshot), limits, steps: steps === null ? null : JSON.parse(steps) };
}

/**
 * Anonymous Apex: AccessXRayController.collectWhoCanSee(recordId) as the CLI's user, exactly as the
 * panel calls it; what it returns (a snapshot's JSON, or `{"jobId": …}` when the answer is too
 * large for one request) and the plan steps the who-can-see collector ran
 * (AccessXRayWhoCanSeeCollector.lastTrace), printed as collectScript prints them.
 * @param {{ recordId: string, namespace?: string }} input
 */
export function whoCanSeeScript({ recordId, namespace }) {
    const ns = namespace ? `${namespace}.` : '';
    return [
        `// Access X-Ray verify:org: the panel's who-can-see call, as the running user.`,
        `String json = ${ns}AccessXRayController.collectWhoCanSee(${apexString(recordId)});`,
        ...printed('json', MARK),
        `String steps = JSON.serialize(${ns}AccessXRayWhoCanSeeCollector.lastTrace);`,
        ...printed('steps', TRACE_MARK),
        `System.debug(LoggingLevel.ERROR, '${MARK}-LIMITS queries=' + Limits.getQueries() + ' rows=' + Limits.getQueryRows() + ' heap=' + Limits.getHeapSize() + ' cpu=' + Limits.getCpuTime() + ' callouts=' + Limits.getCallouts());`
    ].join('\n');
}

/**
 * Anonymous Apex: the progress of a who-can-see job (AccessXRayController.whoCanSeeJob), or one of
 * its evidence pages (whoCanSeePage), printed as collectScript prints a snapshot.
 * @param {{ jobId: string, page?: number, namespace?: string }} input
 */
export function whoCanSeeJobScript({ jobId, page, namespace }) {
    const ns = namespace ? `${namespace}.` : '';
    const call =
        page === undefined
            ? `JSON.serialize(${ns}AccessXRayController.whoCanSeeJob(${apexString(jobId)}))`
            : `${ns}AccessXRayController.whoCanSeePage(${apexString(jobId)}, ${Number(page)})`;
    return [`// Access X-Ray verify:org: a who-can-see job, as the user who started it.`, `String json = ${call};`, ...printed('json', MARK)].join('\n');
}

/**
 * Anonymous Apex: the running user's own who-can-see sizing (hierarchy custom setting
 * Access_XRay_Settings__c, read by AccessXRayWhoCanSeeSizing): `usersAtOnce` and `usersPerPage`
 * set on the user's row (created when missing), or with `remove` the user's row deleted. Prints
 * what the row held before, so verify:org can put it back:
 * `{ "existed": bool, "usersAtOnce": n|null, "usersPerPage": n|null }`.
 * @param {{ usersAtOnce?: number | null, usersPerPage?: number | null, remove?: boolean, namespace?: string }} input
 */
export function whoCanSeeSizingScript({ usersAtOnce = null, usersPerPage = null, remove = false, namespace }) {
    const prefix = namespace ? `${namespace}__` : '';
    const setting = `${prefix}Access_XRay_Settings__c`;
    const atOnce = `${prefix}Who_Can_See_Users_At_Once__c`;
    const perPage = `${prefix}Who_Can_See_Users_Per_Page__c`;
    const value = (n) => (n === null || n === undefined ? 'null' : String(Math.trunc(Number(n))));
    return [
        `// Access X-Ray verify:org: the running user's who-can-see sizing.`,
        `${setting} row = ${setting}.getValues(UserInfo.getUserId());`,
        `String json = JSON.serialize(new Map<String, Object>{ 'existed' => row != null, 'usersAtOnce' => row?.${atOnce}, 'usersPerPage' => row?.${perPage} });`,
        ...(remove
            ? [`if (row != null) { delete row; }`]
            : [
                  `if (row == null) { row = new ${setting}(SetupOwnerId = UserInfo.getUserId()); }`,
                  `row.${atOnce} = ${value(usersAtOnce)};`,
                  `row.${perPage} = ${value(usersPerPage)};`,
                  `upsert row;`
              ]),
        ...printed('json', MARK)
    ].join('\n');
}
