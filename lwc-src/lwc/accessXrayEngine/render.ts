/**
 * Readable exports of an Explanation: Markdown (for a Case comment, a ticket, the panel's
 * "Copy as Markdown") and plain text (for a terminal). Both lead with the verdict and, when
 * access is denied, with the near miss; layers are named by their titles, never their ids;
 * sources come last, under "Sources".
 *
 * Names and reasons come from the org: in Markdown every character that would start a link,
 * an image, HTML, emphasis, code or a table cell is escaped and line breaks are folded, so a
 * record named "# heading" or "![x](javascript:…)" stays text; in plain text, terminal escape
 * sequences, control characters and bidirectional overrides are removed.
 */
import { describeFlags } from './accessLevels';
import { LAYER_TITLES } from './layer';
import type { Explanation, LayerStatus, NextStep, WhyNot } from './types';
import { OPERATIONS } from './types';

const STATUS_MARK: Record<LayerStatus, string> = {
    grants: 'GRANTS',
    blocks: 'BLOCKS',
    neutral: '—',
    uncertain: 'UNCERTAIN',
    notApplicable: 'n/a'
};

/**
 * Text from the org, safe inside a Markdown paragraph, list item or table cell: the characters
 * that open links and images ([ ]), HTML (< >), code, emphasis, strikethrough and table cells
 * are escaped, an underscore only at a word edge (so Invoice__c stays readable), block markers
 * (#, -, +, =, "1.") only at the start, and line breaks are folded into spaces.
 */
export function escapeMarkdown(text: string): string {
    return String(text)
        .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')
        .replace(/[\\`*[\]<>|~]/g, (c) => `\\${c}`)
        .replace(/(^|[^A-Za-z0-9_])_|_(?=[^A-Za-z0-9_]|$)/g, (m) => m.replace('_', '\\_'))
        .replace(/^(\s*)([#+=-]|\d+[.)])/, '$1\\$2');
}

// eslint-disable-next-line no-control-regex
const ANSI_SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-Z\\-_])/g;
// C0 and C1 controls except tab, bidirectional embeddings, overrides and isolates.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text from the org, safe on a terminal: escape sequences and control characters removed, line breaks folded. */
export function stripControl(text: string): string {
    return String(text)
        .replace(ANSI_SEQUENCE, '')
        .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')
        .replace(CONTROL, '');
}

/**
 * When Read is blocked, every other operation is blocked "because Read is": say the read
 * reason and fix once, and for the others only what they add (e.g. "Object permissions do
 * not allow edit either").
 */
function compactWhyNot(e: Explanation): WhyNot[] {
    const read = e.whyNot.find((w) => w.operation === 'read');
    if (!read) {
        return e.whyNot;
    }
    return e.whyNot.map((w) => {
        if (w === read || !w.reason.includes(read.reason)) {
            return w;
        }
        const reason = w.reason.replace(read.reason, '(see read)').replace(/\s+/g, ' ').trim();
        const sameFix = w.cheapestFix && read.cheapestFix && w.cheapestFix.action === read.cheapestFix.action;
        const copy: WhyNot = { operation: w.operation, blockingLayer: w.blockingLayer, reason };
        return sameFix || !w.cheapestFix ? copy : { ...copy, cheapestFix: w.cheapestFix };
    });
}

/** Every documentation source the explanation rests on, once. */
function sourcesOf(e: Explanation): string[] {
    const out = new Set<string>();
    const addStep = (s: NextStep | undefined): void => {
        if (s?.source) {
            out.add(s.source);
        }
    };
    if (e.nearMiss?.source) {
        out.add(e.nearMiss.source);
    }
    for (const w of e.whyNot) {
        if (w.nearMiss?.source) {
            out.add(w.nearMiss.source);
        }
        addStep(w.cheapestFix);
        addStep(w.nearMiss?.fix);
    }
    for (const l of e.layers) {
        if (l.status === 'grants' || l.status === 'blocks' || l.status === 'uncertain' || e.whyNot.some((w) => w.blockingLayer === l.id)) {
            (l.sources ?? []).forEach((s) => out.add(s));
        }
    }
    // A combined fix cites both sources ("A; B"): list each once.
    return [...new Set([...out].flatMap((s) => s.split('; ')))];
}

function settingLine(s: Explanation['settingsUsed'][number]): string {
    return `${s.label ?? s.key} = ${String(s.setting.value)} (${s.setting.provenance}${s.setting.source ? `: ${s.setting.source}` : ''})`;
}

export function renderMarkdown(e: Explanation): string {
    const md = escapeMarkdown;
    const lines: string[] = [];
    lines.push(`## Access X-Ray: ${md(e.userName)} on ${md(e.objectApiName)} ${md(e.recordName)}`, '');
    lines.push(md(e.summary), '');
    // The summary already leads with the near miss: add the fix for it.
    if (e.nearMiss?.fix) {
        lines.push(`**Fix for what came closest:** ${md(e.nearMiss.fix.action)}.${e.nearMiss.fix.blastRadius ? ` (${md(e.nearMiss.fix.blastRadius)})` : ''}`, '');
    }
    lines.push(`| Operation | Allowed |`, `|---|---|`);
    for (const op of OPERATIONS) {
        lines.push(`| ${op} | ${e.access[op] ? 'yes' : 'no'} |`);
    }
    lines.push('', `Maximum access: **${e.maxAccessLevel}**`, '');
    lines.push('### Layers', '', '| Layer | Status | Reason |', '|---|---|---|');
    for (const l of e.layers) {
        lines.push(`| ${md(l.title)} | ${STATUS_MARK[l.status]} | ${md(l.reason)} |`);
    }
    if (e.paths.length) {
        lines.push('', '### Grant paths', '');
        for (const p of e.paths) {
            lines.push(`- ${md(p.summary)}`);
        }
    }
    if (e.whyNot.length) {
        lines.push('', '### Why not', '');
        for (const w of compactWhyNot(e)) {
            const fix = w.cheapestFix ? ` Cheapest fix: ${md(w.cheapestFix.action)}.${w.cheapestFix.blastRadius ? ` (${md(w.cheapestFix.blastRadius)})` : ''}` : '';
            lines.push(`- **${w.operation}** — ${md(LAYER_TITLES[w.blockingLayer])}: ${md(w.reason)}${fix}`);
        }
    }
    const steps = e.layers.flatMap((l) => l.nextSteps.map((s) => ({ layer: l.title, s })));
    if (steps.length) {
        lines.push('', '### Next steps', '');
        for (const { layer, s } of steps) {
            lines.push(`- ${md(layer)}: ${md(s.action)}${s.blastRadius ? ` — ${md(s.blastRadius)}` : ''}`);
        }
    }
    const hidden = e.gates.fields.filter((f) => !f.readable);
    if (e.gates.fields.length) {
        lines.push('', '### Fields', '', `${e.gates.fields.length - hidden.length} of ${e.gates.fields.length} fields readable.${hidden.length ? ` Hidden: ${hidden.map((f) => md(f.field)).join(', ')}.` : ''}`);
    }
    if (e.gates.recordType) {
        lines.push('', `Record type: ${md(e.gates.recordType.reason)}`);
    }
    if (e.gates.layout) {
        lines.push('', `Layout: ${md(e.gates.layout.reason)}${e.gates.layout.missingFields?.length ? ` Not on layout: ${e.gates.layout.missingFields.map(md).join(', ')}.` : ''}`);
    }
    lines.push('', '### Reconciliation with UserRecordAccess', '', `Status: **${e.reconciliation.status}**`);
    for (const x of e.reconciliation.explanations) {
        lines.push(`- ${md(x)}`);
    }
    if (e.uncertainties.length) {
        lines.push('', '### Uncertain', '');
        for (const u of e.uncertainties) {
            lines.push(`- ${md(u)}`);
        }
    }
    if (e.settingsUsed.length) {
        lines.push('', '### Settings used', '');
        for (const s of e.settingsUsed) {
            lines.push(`- ${md(settingLine(s))}`);
        }
    }
    const sources = sourcesOf(e);
    if (sources.length) {
        lines.push('', '### Sources', '');
        for (const s of sources) {
            lines.push(`- ${md(s)}`);
        }
    }
    return `${lines.join('\n')}\n`;
}

export function renderText(e: Explanation): string {
    const t = stripControl;
    const lines: string[] = [];
    lines.push(`Access X-Ray: ${t(e.userName)} on ${t(e.objectApiName)} ${t(e.recordName)}`);
    lines.push(t(e.summary));
    lines.push(`Access: ${describeFlags(e.access)} (max ${e.maxAccessLevel})`);
    if (e.nearMiss?.fix) {
        lines.push(`Fix for what came closest: ${t(e.nearMiss.fix.action)}${e.nearMiss.fix.blastRadius ? ` (${t(e.nearMiss.fix.blastRadius)})` : ''}`);
    }
    lines.push('');
    const width = Math.max(...e.layers.map((l) => l.title.length));
    for (const l of e.layers) {
        lines.push(`${t(l.title).padEnd(width)}  ${STATUS_MARK[l.status].padEnd(9)}  ${t(l.reason)}`);
    }
    if (e.paths.length) {
        lines.push('', 'Grant paths:');
        for (const p of e.paths) {
            lines.push(`  ${t(p.summary)}`);
        }
    }
    if (e.whyNot.length) {
        lines.push('', 'Why not:');
        for (const w of compactWhyNot(e)) {
            lines.push(`  ${w.operation}: ${LAYER_TITLES[w.blockingLayer]} — ${t(w.reason)}`);
            if (w.cheapestFix) {
                lines.push(`    fix: ${t(w.cheapestFix.action)}${w.cheapestFix.blastRadius ? ` (${t(w.cheapestFix.blastRadius)})` : ''}`);
            }
        }
    }
    lines.push('', `UserRecordAccess: ${e.reconciliation.status}${e.reconciliation.explanations.length ? ` — ${t(e.reconciliation.explanations.join(' '))}` : ''}`);
    if (e.uncertainties.length) {
        lines.push('', 'Uncertain:');
        for (const u of e.uncertainties) {
            lines.push(`  - ${t(u)}`);
        }
    }
    const sources = sourcesOf(e);
    if (sources.length) {
        lines.push('', 'Sources:');
        for (const s of sources) {
            lines.push(`  - ${t(s)}`);
        }
    }
    return `${lines.join('\n')}\n`;
}
