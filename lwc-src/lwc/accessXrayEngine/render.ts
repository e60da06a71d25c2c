/**
 * Readable exports of an Explanation: Markdown (for a Case comment or a ticket) and plain
 * text (for a terminal).
 */
import { describeFlags } from './accessLevels';
import type { Explanation, LayerStatus, WhyNot } from './types';
import { OPERATIONS } from './types';

const STATUS_MARK: Record<LayerStatus, string> = {
    grants: 'GRANTS',
    blocks: 'BLOCKS',
    neutral: '—',
    uncertain: 'UNCERTAIN',
    notApplicable: 'n/a'
};

function escapeCell(text: string): string {
    return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
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
        return sameFix ? { operation: w.operation, blockingLayer: w.blockingLayer, reason } : { ...w, reason };
    });
}

export function renderMarkdown(e: Explanation): string {
    const lines: string[] = [];
    lines.push(`## Access X-Ray: ${e.userName} on ${e.objectApiName} ${e.recordName}`, '');
    lines.push(e.summary, '');
    lines.push(`| Operation | Allowed |`, `|---|---|`);
    for (const op of OPERATIONS) {
        lines.push(`| ${op} | ${e.access[op] ? 'yes' : 'no'} |`);
    }
    lines.push('', `Maximum access: **${e.maxAccessLevel}**`, '');
    lines.push('### Layers', '', '| Layer | Status | Reason |', '|---|---|---|');
    for (const l of e.layers) {
        lines.push(`| ${l.title} | ${STATUS_MARK[l.status]} | ${escapeCell(l.reason)} |`);
    }
    if (e.paths.length) {
        lines.push('', '### Grant paths', '');
        for (const p of e.paths) {
            lines.push(`- ${p.summary}`);
        }
    }
    if (e.whyNot.length) {
        lines.push('', '### Why not', '');
        for (const w of compactWhyNot(e)) {
            lines.push(`- **${w.operation}** — blocked at ${w.blockingLayer}: ${w.reason}${w.cheapestFix ? ` Cheapest fix: ${w.cheapestFix.action}.${w.cheapestFix.blastRadius ? ` (${w.cheapestFix.blastRadius})` : ''}` : ''}`);
        }
    }
    const steps = e.layers.flatMap((l) => l.nextSteps.map((s) => ({ layer: l.title, s })));
    if (steps.length) {
        lines.push('', '### Next steps', '');
        for (const { layer, s } of steps) {
            lines.push(`- ${layer}: ${s.action}${s.blastRadius ? ` — ${s.blastRadius}` : ''}`);
        }
    }
    const hidden = e.gates.fields.filter((f) => !f.readable);
    if (e.gates.fields.length) {
        lines.push('', '### Fields', '', `${e.gates.fields.length - hidden.length} of ${e.gates.fields.length} fields readable.${hidden.length ? ` Hidden: ${hidden.map((f) => f.field).join(', ')}.` : ''}`);
    }
    if (e.gates.recordType) {
        lines.push('', `Record type: ${e.gates.recordType.reason}`);
    }
    if (e.gates.layout) {
        lines.push('', `Layout: ${e.gates.layout.reason}${e.gates.layout.missingFields?.length ? ` Not on layout: ${e.gates.layout.missingFields.join(', ')}.` : ''}`);
    }
    lines.push('', '### Reconciliation with UserRecordAccess', '', `Status: **${e.reconciliation.status}**`);
    for (const x of e.reconciliation.explanations) {
        lines.push(`- ${x}`);
    }
    if (e.uncertainties.length) {
        lines.push('', '### Uncertain', '');
        for (const u of e.uncertainties) {
            lines.push(`- ${u}`);
        }
    }
    if (e.settingsUsed.length) {
        lines.push('', '### Settings used', '');
        for (const s of e.settingsUsed) {
            lines.push(`- ${s.key} = ${String(s.setting.value)} (${s.setting.provenance}${s.setting.source ? `: ${s.setting.source}` : ''})`);
        }
    }
    return `${lines.join('\n')}\n`;
}

export function renderText(e: Explanation): string {
    const lines: string[] = [];
    lines.push(`Access X-Ray: ${e.userName} on ${e.objectApiName} ${e.recordName}`);
    lines.push(e.summary);
    lines.push(`Access: ${describeFlags(e.access)} (max ${e.maxAccessLevel})`);
    lines.push('');
    const width = Math.max(...e.layers.map((l) => l.title.length));
    for (const l of e.layers) {
        lines.push(`${l.title.padEnd(width)}  ${STATUS_MARK[l.status].padEnd(9)}  ${l.reason}`);
    }
    if (e.paths.length) {
        lines.push('', 'Grant paths:');
        for (const p of e.paths) {
            lines.push(`  ${p.summary}`);
        }
    }
    if (e.whyNot.length) {
        lines.push('', 'Why not:');
        for (const w of compactWhyNot(e)) {
            lines.push(`  ${w.operation}: ${w.blockingLayer} — ${w.reason}`);
            if (w.cheapestFix) {
                lines.push(`    fix: ${w.cheapestFix.action}${w.cheapestFix.blastRadius ? ` (${w.cheapestFix.blastRadius})` : ''}`);
            }
        }
    }
    lines.push('', `UserRecordAccess: ${e.reconciliation.status}${e.reconciliation.explanations.length ? ` — ${e.reconciliation.explanations.join(' ')}` : ''}`);
    if (e.uncertainties.length) {
        lines.push('', 'Uncertain:');
        for (const u of e.uncertainties) {
            lines.push(`  - ${u}`);
        }
    }
    return `${lines.join('\n')}\n`;
}
