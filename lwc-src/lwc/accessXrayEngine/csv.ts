/**
 * CSV as RFC 4180 writes it (comma-separated, CRLF line ends, a field quoted when it holds a
 * comma, a quote or a line break, quotes doubled), with a spreadsheet's formula injection
 * defused: a field starting with =, +, -, @, a tab or a carriage return is prefixed with a
 * single quote so Excel or Sheets show it as text (OWASP, "CSV Injection"). Names and reasons
 * come from the org, where anyone who can edit a user or a group can type them. The CLI's
 * `who-can-see --result-format csv` and the panel's who-can-see download write with it.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string): string {
    const text = FORMULA_START.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
    return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
