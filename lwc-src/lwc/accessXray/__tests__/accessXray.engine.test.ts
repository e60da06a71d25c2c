// The panel with the REAL engine on the bundled demo org (data/demo-org.snapshot.json,
// docs/demo-org.md): only the data adapter is mocked (it would call Apex). Scenario from
// seed 000 "Troubleshoot Missing Object or Record Access for Customer or Partner Users":
// Pat Partner (Partner Community) cannot see case 00001001; the administrator can.
import { flushPromises, resetDom } from './axrTestSupport';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createElement } from 'lwc';
import AccessXray from 'c/accessXray';
import { attachVerdict, collect, getCurrentUserId, setupStatus } from 'c/accessXrayDataAdapter';
import type { Explanation } from 'c/accessXrayEngine';

jest.mock('c/accessXrayDataAdapter', () => ({
    collect: jest.fn(),
    collectWithTargets: jest.fn(),
    searchUsers: jest.fn(),
    searchSetupItems: jest.fn(),
    collectWhoCanSee: jest.fn(),
    whoCanSeeJob: jest.fn(),
    whoCanSeePage: jest.fn(),
    attachVerdict: jest.fn(),
    auditIdOf: (snapshot: { meta?: { auditId?: string } }) => snapshot?.meta?.auditId ?? '',
    setupStatus: jest.fn(),
    getCurrentUserId: jest.fn()
}));

const DEMO = join(__dirname, '..', '..', '..', '..', 'data', 'demo-org.snapshot.json');
const CASE_00001001 = '500Kx0000000001IAA';
const PAT_PARTNER = '005Kx0000000016IAA';
const ADA_ADMIN = '005Kx0000000013IAA';
const m = (fn: unknown) => fn as jest.Mock;

async function mount(): Promise<HTMLElement> {
    const element = createElement('c-access-xray', { is: AccessXray });
    Object.assign(element, { recordId: CASE_00001001, objectApiName: 'Case' });
    document.body.appendChild(element);
    await flushPromises();
    return element;
}

function pick(element: HTMLElement, userId: string, picker = 'user-picker'): void {
    const host = picker === 'compare-picker' ? element.shadowRoot?.querySelector('c-access-xray-compare')?.shadowRoot : element.shadowRoot;
    host?.querySelector(`[data-id="${picker}"]`)?.dispatchEvent(new CustomEvent('change', { detail: { recordId: userId } }));
}

beforeEach(() => {
    const text = readFileSync(DEMO, 'utf8');
    m(collect).mockImplementation(() => {
        const snapshot = JSON.parse(text) as { meta: Record<string, unknown> };
        snapshot.meta.auditId = 'a0A000000000001AAA';
        return Promise.resolve(snapshot);
    });
    m(setupStatus).mockResolvedValue({
        hasPermission: true,
        canExplainAnyUser: true,
        setupConnectionReady: true,
        missing: []
    });
    m(getCurrentUserId).mockReturnValue(ADA_ADMIN);
    m(attachVerdict).mockResolvedValue('a0A000000000001AAA');
});

afterEach(() => {
    resetDom();
    jest.clearAllMocks();
});

describe('c-access-xray with the real engine on the demo org', () => {
    it('explains why Pat Partner cannot read case 00001001 (seed 000): denied, with the object, the deciding layer outlined, all layers listed', async () => {
        const element = await mount();
        pick(element, PAT_PARTNER);
        await flushPromises();
        const verdict = element.shadowRoot?.querySelector('c-access-xray-verdict') as HTMLElement & {
            explanation: Explanation;
        };
        expect(verdict).not.toBeNull();
        const e = verdict.explanation;
        expect(e.userId).toBe(PAT_PARTNER);
        expect(e.access.read).toBe(false);
        const sentence = verdict.shadowRoot?.querySelector('[data-id="verdict-sentence"]')?.textContent ?? '';
        expect(sentence).toBe("Pat Partner can't read Case 00001001.");
        const blocking = e.whyNot.find((w) => w.operation === 'read')?.blockingLayer;
        expect(blocking).toBeDefined();
        const list = element.shadowRoot?.querySelector('c-access-xray-layer-list') as HTMLElement;
        const rows = Array.from(list.shadowRoot?.querySelectorAll<HTMLElement>('[data-id="layer"]') ?? []);
        expect(rows.map((r) => r.dataset.layerId)).toEqual(e.layers.map((l) => l.id));
        const deciding = rows.filter((r) => r.querySelector('[data-id="deciding"]')).map((r) => r.dataset.layerId);
        expect(deciding).toEqual([blocking]);
        // The fix links to where it is done (a manual share: the record, Help seed 000 step 12).
        const fixLink = verdict.shadowRoot?.querySelector('[data-id="fix-link"]') as HTMLElement & { pageReference: { type: string } };
        expect(fixLink.pageReference.type).toBe('standard__recordPage');
        expect(m(attachVerdict).mock.calls[0][0]).toEqual({
            auditId: 'a0A000000000001AAA',
            maxAccessLevel: e.maxAccessLevel,
            summary: e.summary
        });
        await expect(element).toBeAccessible();
    });

    it('compares Pat Partner with the administrator: the administrator reads it and the differing layers are flagged', async () => {
        const element = await mount();
        pick(element, PAT_PARTNER);
        await flushPromises();
        pick(element, ADA_ADMIN, 'compare-picker');
        await flushPromises();
        const compare = element.shadowRoot?.querySelector('c-access-xray-compare') as HTMLElement;
        const right = compare.shadowRoot?.querySelector('[data-id="compare-right-verdict"]')?.textContent ?? '';
        expect(right).toMatch(/^Ada Kowalski can read /);
        const differing = Array.from(compare.shadowRoot?.querySelectorAll('[data-id="differs-badge"]') ?? []);
        expect(differing.length).toBeGreaterThan(0);
        const ops = Array.from(compare.shadowRoot?.querySelectorAll<HTMLElement>('[data-id="compare-operation"]') ?? []);
        expect(ops.find((o) => o.dataset.operation === 'read')?.querySelector('[data-id="differs-badge"]')).not.toBeNull();
    });

    it('the reconciliation of Elio Russo on invoice INV-0003 is an explanation: a restriction rule hides what UserRecordAccess grants (scenario 22)', async () => {
        const element = createElement('c-access-xray', { is: AccessXray });
        Object.assign(element, { recordId: 'a02Kx0000000003IAA', objectApiName: 'Invoice__c' });
        document.body.appendChild(element);
        await flushPromises();
        pick(element, '005Kx0000000005IAA');
        await flushPromises();
        const verdict = element.shadowRoot?.querySelector('c-access-xray-verdict') as HTMLElement;
        expect(verdict.shadowRoot?.querySelector('[data-id="verdict-sentence"]')?.textContent).toBe("Elio Russo can't read Invoice INV-0003.");
        expect(verdict.shadowRoot?.querySelector('[data-id="reconciliation-explained"]')?.textContent).toContain('UserRecordAccess ignores restriction rules');
        expect(verdict.shadowRoot?.querySelector('[data-id="mismatch-banner"]')).toBeNull();
        await expect(element).toBeAccessible();
    });
});
