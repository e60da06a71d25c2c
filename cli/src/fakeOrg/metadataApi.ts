/**
 * The fake org's Metadata API (tests only): the SOAP calls `listMetadata` and `readMetadata`
 * as jsforce's `conn.metadata.list` / `conn.metadata.read` send them, answered from the
 * snapshot's `metadata` section (SharingRules grouped into one component per object, as the
 * Metadata API stores them; SharingSet). readMetadata refuses more than ten names, the
 * documented maximum (Metadata API Developer Guide, "readMetadata()"). Errors are SOAP faults
 * with HTTP 500, as the Metadata API answers them.
 */
import type http from 'node:http';
import type { SharingRuleDefinition, Snapshot } from '../../../lwc-src/lwc/accessXrayEngine/types';

export interface MetadataCall {
    method: 'listMetadata' | 'readMetadata' | string;
    type: string;
    fullNames: string[];
    sessionId: string;
    /** For the request log and fault matching: `readMetadata SharingSet A,B`. */
    label: string;
}

/** Components per readMetadata call (Metadata API Developer Guide, "readMetadata()"). */
export const READ_METADATA_MAX = 10;

const RULE_MEMBERS: Readonly<Record<SharingRuleDefinition['kind'], string>> = {
    criteria: 'sharingCriteriaRules',
    owner: 'sharingOwnerRules',
    guest: 'sharingGuestRules',
    territory: 'sharingTerritoryRules'
};

function unescapeXml(text: string): string {
    return text
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&');
}

function escapeXml(text: string): string {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function elements(body: string, name: string): string[] {
    return [...body.matchAll(new RegExp(`<${name}>([\\s\\S]*?)</${name}>`, 'g'))].map((m) => unescapeXml(m[1] ?? ''));
}

/** The Metadata API call a SOAP request body holds, or undefined when it holds none. */
export function parseMetadataCall(body: string): MetadataCall | undefined {
    const method = /<soapenv:Body[^>]*>\s*<(\w+)>/.exec(body)?.[1];
    if (!method) return undefined;
    const type = elements(body, 'type')[0] ?? '';
    const fullNames = method === 'readMetadata' ? elements(body, 'fullNames') : [];
    const sessionId = elements(body, 'sessionId')[0] ?? '';
    return { method, type, fullNames, sessionId, label: `${method} ${type}${fullNames.length ? ` ${fullNames.join(',')}` : ''}` };
}

/** A value as XML elements named `name` (a list repeats the element). */
function toXml(name: string, value: unknown): string {
    if (value === undefined || value === null) return '';
    if (Array.isArray(value)) return value.map((v) => toXml(name, v)).join('');
    if (typeof value === 'object') {
        return `<${name}>${Object.entries(value as Record<string, unknown>)
            .map(([k, v]) => toXml(k, v))
            .join('')}</${name}>`;
    }
    return `<${name}>${escapeXml(String(value))}</${name}>`;
}

function envelope(inner: string): string {
    return [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
        `<soapenv:Body>${inner}</soapenv:Body>`,
        '</soapenv:Envelope>'
    ].join('');
}

function send(res: http.ServerResponse, status: number, xml: string): number {
    res.statusCode = status;
    res.setHeader('content-type', 'text/xml;charset=UTF-8');
    res.end(xml);
    return status;
}

/** A SOAP fault as the Metadata API sends it: HTTP 500, `sf:` fault code, the code repeated in the fault string. */
export function soapFault(res: http.ServerResponse, code: string, message: string): number {
    return send(res, 500, envelope(`<soapenv:Fault><faultcode>sf:${code}</faultcode><faultstring>${escapeXml(`${code}: ${message}`)}</faultstring></soapenv:Fault>`));
}

/** The components of a type the snapshot holds, by full name, as readMetadata returns them. */
function components(snapshot: Snapshot, type: string): Map<string, Record<string, unknown>> {
    const out = new Map<string, Record<string, unknown>>();
    if (type === 'SharingSet') {
        for (const set of snapshot.metadata?.SharingSet ?? []) {
            // Share-group members are not a SharingSet member in the Metadata API.
            const { shareGroupMembers: _members, ...component } = set;
            out.set(set.fullName, component as Record<string, unknown>);
        }
    } else if (type === 'SharingRules') {
        for (const rule of snapshot.metadata?.SharingRules ?? []) {
            const { object, kind, ...member } = rule;
            const component = out.get(object) ?? { fullName: object };
            const key = RULE_MEMBERS[kind];
            component[key] = [...((component[key] as unknown[] | undefined) ?? []), member];
            out.set(object, component);
        }
    }
    return out;
}

/** Answer a listMetadata or readMetadata call from the snapshot. */
export function metadataCall(res: http.ServerResponse, snapshot: Snapshot, call: MetadataCall): number {
    const known = components(snapshot, call.type);
    if (call.method === 'listMetadata') {
        const results = [...known.keys()]
            .map((fullName) => toXml('result', { fullName, type: call.type, fileName: `${call.type === 'SharingSet' ? 'sharingSets' : 'sharingRules'}/${fullName}`, manageableState: 'unmanaged' }))
            .join('');
        return send(res, 200, envelope(`<listMetadataResponse>${results}</listMetadataResponse>`));
    }
    if (call.method === 'readMetadata') {
        if (call.fullNames.length > READ_METADATA_MAX) {
            return soapFault(res, 'INVALID_OPERATION', `readMetadata takes at most ${READ_METADATA_MAX} full names; ${call.fullNames.length} were sent`);
        }
        const records = call.fullNames
            .map((name) => known.get(name))
            .filter((c): c is Record<string, unknown> => !!c)
            .map((c) => toXml('records', c).replace(/^<records>/, `<records xsi:type="${call.type}">`))
            .join('');
        return send(res, 200, envelope(`<readMetadataResponse><result>${records}</result></readMetadataResponse>`));
    }
    return soapFault(res, 'INVALID_OPERATION', `the fake org does not answer ${call.method}`);
}
