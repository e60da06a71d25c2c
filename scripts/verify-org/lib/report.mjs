// The verify:org report: Markdown to paste into an issue, and the same facts as JSON.

const icon = (status) => ({ passed: '✅', failed: '❌', skipped: '⏭️', warning: '⚠️' })[status] ?? '•';

export function markdownReport(run) {
    const lines = [];
    lines.push(`# Access X-Ray: verify:org report`, '');
    lines.push(`- Started: ${run.startedAt}; finished: ${run.finishedAt}`);
    lines.push(`- Org: ${run.org?.username ?? 'not created'}${run.org?.orgId ? ` (${run.org.orgId})` : ''}${run.org?.instanceUrl ? `, ${run.org.instanceUrl}` : ''}`);
    lines.push(`- Mode: ${run.mode}; commit: ${run.commit ?? 'unknown'}; Salesforce CLI: ${run.sfVersion ?? 'unknown'}`);
    lines.push(`- Result: **${run.ok ? 'every required step passed' : `${run.steps.filter((s) => s.status === 'failed').length} step(s) failed`}**`, '');
    lines.push('| # | Step | Result | Expected | Found |', '| --- | --- | --- | --- | --- |');
    run.steps.forEach((s, i) => {
        const found = String(s.found ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
        lines.push(`| ${i + 1} | ${s.title} | ${icon(s.status)} ${s.status} | ${s.expect.replace(/\|/g, '\\|')} | ${found} |`);
    });
    const failed = run.steps.filter((s) => s.status === 'failed');
    if (failed.length) {
        lines.push('', '## What failed and what to do', '');
        for (const s of failed) {
            lines.push(`### ${s.title}`, '', `- Command: \`${s.command ?? '—'}\``, `- Error: ${s.error ?? s.found}`, `- What to do: ${s.fix}`, '');
        }
    }
    if (run.apexTests) {
        lines.push('', '## Apex tests', '');
        lines.push(`${run.apexTests.passing} passed, ${run.apexTests.failing} failed, org-wide coverage ${run.apexTests.coverage ?? '?'}`);
        for (const f of run.apexTests.failures ?? []) lines.push(`- ❌ ${f.name}: ${f.message}`);
        if (run.apexTests.lowCoverage?.length) {
            lines.push('', 'Classes under 75 % coverage:', ...run.apexTests.lowCoverage.map((c) => `- ${c.name}: ${c.coverage}`));
        }
    }
    if (run.scenarios?.length) {
        lines.push('', '## Demo scenarios through the real controller', '');
        lines.push('| # | Scenario | Engine on the Apex snapshot | UserRecordAccess | Check | Queries / rows / heap | CLI collector rows and steps |', '| --- | --- | --- | --- | --- | --- | --- |');
        for (const s of run.scenarios) {
            const limits = s.limits ? `${s.limits.queries ?? '?'} / ${s.limits.rows ?? '?'} / ${s.limits.heap ?? '?'}` : '—';
            const rows = s.rows === undefined ? '—' : s.rows.length === 0 ? 'same rows' : `${s.rows.length} table(s) differ`;
            const steps = s.steps === undefined ? '' : s.steps.length === 0 ? ', same plan steps' : `, plan steps differ in ${s.steps.length} round(s)`;
            const cli = `${rows}${steps}`;
            const check = s.error ? `❌ ${s.error}` : s.ok ? '✅ as documented' : `❌ ${s.problems.join('; ')}`;
            lines.push(`| ${s.n} | ${s.title.replace(/\|/g, '\\|')} | ${s.verdict ?? '—'}${s.uncertain ? ' (uncertain)' : ''} | ${s.platform ?? '—'} (${s.reconciliation ?? '—'}) | ${check} | ${limits} | ${cli} |`);
        }
        const withSteps = run.scenarios.filter((s) => s.steps?.length);
        if (withSteps.length) {
            lines.push('', '### Evidence plan steps run by one collector and not the other (step | query shape | rows)', '');
            for (const s of withSteps) {
                for (const d of s.steps) {
                    lines.push(`- Scenario ${s.n}, round ${d.round}:${d.onlyApex.map((k) => ` only Apex \`${k}\`;`).join('')}${d.onlyCli.map((k) => ` only CLI \`${k}\`;`).join('')}`);
                }
            }
        }
        const withRows = run.scenarios.filter((s) => s.rows?.length);
        if (withRows.length) {
            lines.push('', '### Rows read by one collector and not the other', '');
            for (const s of withRows) {
                lines.push(`- Scenario ${s.n}: ${s.rows.map((d) => `${d.table} (Apex ${d.apex ?? 'not read'}, CLI ${d.cli ?? 'not read'}${d.onlyApex.length ? `; only Apex e.g. ${d.onlyApex.join(', ')}` : ''}${d.onlyCli.length ? `; only CLI e.g. ${d.onlyCli.join(', ')}` : ''})`).join('; ')}`);
            }
        }
    }
    if (run.whoCanSee?.length) {
        lines.push('', '## Who can see, through the real controller', '');
        lines.push('| # | Record | In-org answer | Pages (job) | Queries / rows / heap | CLI | Check |', '| --- | --- | --- | --- | --- | --- | --- |');
        for (const w of run.whoCanSee) {
            const limits = w.limits ? `${w.limits.queries ?? '?'} / ${w.limits.rows ?? '?'} / ${w.limits.heap ?? '?'}` : '—';
            const check = w.ok ? (w.cliUsers === undefined ? '✅ (CLI not compared)' : '✅ as the CLI') : `❌ ${w.problems.join('; ').replace(/\|/g, '\\|')}`;
            lines.push(`| ${w.n} | ${w.recordId} | ${w.users ?? '—'} user(s)${w.uncertain ? ' (uncertain)' : ''} | ${w.pages ?? '—'}${w.job ? ` (${w.job})` : ''} | ${limits} | ${w.cliUsers ?? '—'} | ${check} |`);
        }
    }
    if (run.whoCanSeeJob) {
        const j = run.whoCanSeeJob;
        lines.push('', '## Who can see, through the background job (forced on one record)', '');
        lines.push(
            j.problems.length
                ? `❌ Record ${j.recordId}, ${j.usersPerPage} user(s) per page: ${j.problems.join('; ')}`
                : `✅ Record ${j.recordId}: job ${j.job}, ${j.pages} page(s) of ${j.usersPerPage} user(s) in ${j.links} queueable link(s), the same ${j.users} user(s) with the same access as the answer at once${j.uncertain ? ' (uncertain, as the answer at once)' : ''}.`
        );
    }
    if (run.manualSteps?.length) {
        lines.push('', '## Setup steps the script cannot do (scenarios that depend on them may differ until done)', '', ...run.manualSteps.map((m, i) => `${i + 1}. ${m}`));
    }
    lines.push('', `Artifacts: ${run.outputDir}`);
    return `${lines.join('\n')}\n`;
}
