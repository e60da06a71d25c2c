/**
 * What a command shows people, independent of where it goes: blocks of headers, text and
 * tables. The `sf` commands print them with `this.styledHeader`, `this.log` and `this.table`;
 * `--result-format markdown` and `--output-file` use the renderings here.
 */
export interface Column {
    key: string;
    name: string;
}

export interface TableBlock {
    kind: 'table';
    title?: string;
    columns: Column[];
    rows: Record<string, string>[];
}

export type Block = { kind: 'header'; text: string } | { kind: 'text'; text: string } | TableBlock;

export function header(text: string): Block {
    return { kind: 'header', text };
}

export function text(...lines: string[]): Block {
    return { kind: 'text', text: lines.join('\n') };
}

export function table(columns: Column[], rows: Record<string, string>[], title?: string): TableBlock {
    return { kind: 'table', columns, rows, ...(title ? { title } : {}) };
}

/** A column list from "key:Name" pairs. */
export function columns(...specs: string[]): Column[] {
    return specs.map((s) => {
        const [key, name] = s.split(':') as [string, string | undefined];
        return { key, name: name ?? key };
    });
}

/** Plain-text table: padded columns, for files and for snapshot-free rendering. */
export function plainTable(t: TableBlock): string {
    const widths = t.columns.map((c) => Math.max(c.name.length, ...t.rows.map((r) => (r[c.key] ?? '').length)));
    const line = (cells: string[]): string =>
        cells
            .map((v, i) => (i === cells.length - 1 ? v : v.padEnd(widths[i] ?? 0)))
            .join('  ')
            .trimEnd();
    return [
        ...(t.title ? [t.title] : []),
        line(t.columns.map((c) => c.name)),
        line(widths.map((w) => '-'.repeat(w))),
        ...t.rows.map((r) => line(t.columns.map((c) => r[c.key] ?? '')))
    ].join('\n');
}

export function plainText(blocks: Block[]): string {
    return blocks
        .map((b) => (b.kind === 'table' ? plainTable(b) : b.kind === 'header' ? `=== ${b.text}` : b.text))
        .join('\n\n');
}

function mdCell(v: string): string {
    return v.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function markdownTable(t: TableBlock): string {
    return [
        ...(t.title ? [`**${t.title}**`, ''] : []),
        `| ${t.columns.map((c) => mdCell(c.name)).join(' | ')} |`,
        `| ${t.columns.map(() => '---').join(' | ')} |`,
        ...(t.rows.length
            ? t.rows.map((r) => `| ${t.columns.map((c) => mdCell(r[c.key] ?? '')).join(' | ')} |`)
            : [`| ${t.columns.map((_, i) => (i === 0 ? '(none)' : '')).join(' | ')} |`])
    ].join('\n');
}

/** Markdown of blocks: headers as ###, tables as pipe tables. */
export function markdown(blocks: Block[]): string {
    return blocks
        .map((b) => (b.kind === 'table' ? markdownTable(b) : b.kind === 'header' ? `### ${b.text}` : b.text))
        .join('\n\n');
}
