/** @jest-environment node */
/**
 * `sf xray who-can-see --result-format csv` and `--all`: the audit export an admin hands to an
 * auditor — every user with access, one RFC 4180 row each (quoted where needed, formula-looking
 * names defused as OWASP "CSV Injection" advises), the same users and access as the JSON answer,
 * and a warning on stderr for whoever the file leaves out (users a public default reaches,
 * counted unless --list-public; users beyond the page unless --all).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvField, toCsv } from '../../lwc-src/lwc/accessXrayEngine/csv';
import { startFakeOrg } from '../../cli/src/fakeOrg/server';
import type { Snapshot } from '../../lwc-src/lwc/accessXrayEngine/types';
import { freshHome, loginToFakeOrg, runCli } from './helpers/cli';
import { ROOT } from './helpers/engine';

jest.setTimeout(180_000);

const PAT_CASE = '500Kx0000000001IAA';
/** A demo record under a public org-wide default: users it reaches are counted, not listed. */
const PUBLIC_RECORD = 'a03Kx0000000001IAA';

/** RFC 4180 rows back from CSV text (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
    const rows: string[][] = [];
    let row: string[] = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i] as string;
        if (quoted) {
            if (c === '"' && text[i + 1] === '"') {
                field += '"';
                i++;
            } else if (c === '"') quoted = false;
            else field += c;
        } else if (c === '"') quoted = true;
        else if (c === ',') {
            row.push(field);
            field = '';
        } else if (c === '\r' && text[i + 1] === '\n') {
            row.push(field);
            rows.push(row);
            row = [];
            field = '';
            i++;
        } else field += c;
    }
    return rows;
}

describe('CSV fields', () => {
    test('quoted when they hold a comma, a quote or a line break (RFC 4180 §2.6–2.7)', () => {
        expect(csvField('Chen, Cora')).toBe('"Chen, Cora"');
        expect(csvField('the "EMEA" queue')).toBe('"the ""EMEA"" queue"');
        expect(csvField('two\nlines')).toBe('"two\nlines"');
        expect(csvField('plain')).toBe('plain');
    });

    test('a field a spreadsheet would run as a formula starts with a quote (OWASP CSV Injection)', () => {
        expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
        expect(csvField('+1')).toBe("'+1");
        expect(csvField('-2')).toBe("'-2");
        expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    });

    test('rows end with CRLF and read back to the same values', () => {
        const rows = [['a', 'b,c'], ['d "e"', 'f']];
        const text = toCsv(['x', 'y'], rows);
        expect(text.endsWith('\r\n')).toBe(true);
        expect(parseCsv(text)).toEqual([['x', 'y'], ...rows]);
    });
});

describe('sf xray who-can-see --result-format csv', () => {
    const dir = mkdtempSync(join(tmpdir(), 'axr-wcs-csv-'));

    test('--all: every user with access, the same users and access as the JSON answer', async () => {
        const json = await runCli(['who-can-see', '-s', 'demo', '-i', PAT_CASE, '--all', '--json']);
        expect(json.code).toBe(0);
        const answer = (JSON.parse(json.stdout) as { result: { total: number; users: { userId: string; userName: string; maxAccessLevel: string }[] } }).result;
        expect(answer.users.length).toBe(answer.total);

        const file = join(dir, 'case.csv');
        const run = await runCli(['who-can-see', '-s', 'demo', '-i', PAT_CASE, '--all', '-r', 'csv', '--output-file', file]);
        expect(run.code).toBe(0);
        const [head, ...rows] = parseCsv(readFileSync(file, 'utf8'));
        expect(head).toEqual(['User ID', 'Name', 'Username', 'Access', 'Through', 'Ways in', 'Why', 'Uncertain']);
        expect(rows.map((r) => [r[0], r[1], r[3]])).toEqual(answer.users.map((u) => [u.userId, u.userName, u.maxAccessLevel]));
        expect(rows.every((r) => r.length === head!.length && r[6] !== '')).toBe(true);
    });

    test('a page only: the CSV holds the page and stderr says how to get every user', async () => {
        const run = await runCli(['who-can-see', '-s', 'demo', '-i', PAT_CASE, '--limit', '2', '-r', 'csv']);
        expect(run.code).toBe(0);
        expect(parseCsv(`${run.stdout.trimEnd()}\r\n`.replace(/\r?\n/g, '\r\n'))).toHaveLength(3);
        expect(run.stderr).toMatch(/The CSV holds users 1–2 of \d+: add --all for every user\./);
    });

    test('users a public org-wide default reaches are counted and said to be left out, unless --list-public', async () => {
        const counted = await runCli(['who-can-see', '-s', 'demo', '-i', PUBLIC_RECORD, '--all', '-r', 'csv']);
        expect(counted.code).toBe(0);
        expect(counted.stderr).toMatch(/\d+ internal users? who see it through the org-wide default .+ are counted, not in the CSV: add --list-public to list them\./);
        const listed = await runCli(['who-can-see', '-s', 'demo', '-i', PUBLIC_RECORD, '--all', '--list-public', '-r', 'csv']);
        expect(listed.code).toBe(0);
        expect(listed.stderr).not.toMatch(/not in the CSV/);
        const rows = (s: string) => s.trimEnd().split(/\r?\n/).length - 1;
        expect(rows(listed.stdout)).toBeGreaterThan(rows(counted.stdout));
    });

    test('from an org those users are counted by aggregate queries: the warning says so, not to add --list-public', async () => {
        const demo = JSON.parse(readFileSync(join(ROOT, 'data', 'demo-org.snapshot.json'), 'utf8')) as Snapshot;
        const org = await startFakeOrg({ snapshot: demo });
        try {
            const home = freshHome();
            await loginToFakeOrg(home, 'fake', org.url, org.accessToken);
            const run = await runCli(['who-can-see', '-o', 'fake', '-i', PUBLIC_RECORD, '--all', '-r', 'csv'], { home });
            expect(run.code).toBe(0);
            expect(run.stderr).toMatch(/\d+ internal users? who see it through the org-wide default .+ are counted per profile and permission set .*not listed in the CSV: the org collection counts them without reading them one by one\./);
            expect(run.stderr).not.toMatch(/add --list-public/);
            expect(run.stdout.split(/\r?\n/)[0]).toBe('User ID,Name,Username,Access,Through,Ways in,Why,Uncertain');
        } finally {
            await org.close();
        }
    });

    test('--all with --limit or --offset is a flag error (exit 2)', async () => {
        const run = await runCli(['who-can-see', '-s', 'demo', '-i', PAT_CASE, '--all', '--limit', '3']);
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/--limit=3 cannot also be provided when using --all/);
    });

    test('--with-paths adds every grant path of each user', async () => {
        const run = await runCli(['who-can-see', '-s', 'demo', '-i', PAT_CASE, '--all', '--with-paths', '-r', 'csv']);
        expect(run.code).toBe(0);
        const [head, ...rows] = parseCsv(`${run.stdout.trimEnd().replace(/\r?\n/g, '\r\n')}\r\n`);
        expect(head![head!.length - 1]).toBe('Grant paths');
        expect(rows.some((r) => (r[r.length - 1] ?? '').includes('→'))).toBe(true);
    });
});
