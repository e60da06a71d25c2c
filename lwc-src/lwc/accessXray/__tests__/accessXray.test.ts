// The record panel / quick action: setup, empty, loading, data, error and reconciliation states;
// picking a user, "me", switching the operation, opening the layer the verdict points at, the
// what-if preview of the fix, who can see, comparing two users, exporting; the compact layout
// for sidebars (flexipageRegionWidth SMALL) and phones. The data adapter (the only Apex caller)
// and the engine's entry points are mocked here so each state is reached deterministically;
// accessXray.engine.test.ts runs the real engine on the demo org.
import { LABEL_VALUES, fill, flushPromises, label, resetDom } from './axrTestSupport';
import { createElement } from 'lwc';
import AccessXray from 'c/accessXray';
import { attachVerdict, collect, getCurrentUserId, setupStatus } from 'c/accessXrayDataAdapter';
import { compareExplanations, explain, loadSnapshot, renderMarkdown } from 'c/accessXrayEngine';
import type { Explanation } from 'c/accessXrayEngine';
import {
    INTERNAL_ID,
    PARTNER_ID,
    RECORD_ID,
    RESTRICTED_ID,
    comparisonOf,
    internalAllowed,
    partnerDenied,
    realMismatch,
    restrictedMismatch
} from './axrFixtures';

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
jest.mock('c/accessXrayEngine', () => ({
    ...jest.requireActual('c/accessXrayEngine'),
    loadSnapshot: jest.fn(),
    explain: jest.fn(),
    compareExplanations: jest.fn(),
    renderMarkdown: jest.fn()
}));

const REAL_MISMATCH_ID = '005000000000MISAAA';

const m = (fn: unknown) => fn as jest.Mock;
const READY = { hasPermission: true, canExplainAnyUser: true, setupConnectionReady: true, missing: [] };
const BY_USER: Record<string, () => Explanation> = {
    [PARTNER_ID]: partnerDenied,
    [INTERNAL_ID]: internalAllowed,
    [RESTRICTED_ID]: restrictedMismatch,
    [REAL_MISMATCH_ID]: realMismatch
};

function q<T extends Element = HTMLElement>(root: Element, selector: string): T | null {
    return root.shadowRoot?.querySelector<T>(selector) ?? null;
}

/** Finds an element inside a child component's shadow root. */
function inChild<T extends Element = HTMLElement>(root: Element, child: string, selector: string): T | null {
    const c = q(root, child);
    return c?.shadowRoot?.querySelector<T>(selector) ?? null;
}

async function mount(props: Record<string, unknown> = {}): Promise<HTMLElement> {
    const element = createElement('c-access-xray', { is: AccessXray });
    Object.assign(element, { recordId: RECORD_ID, objectApiName: 'Case', ...props });
    document.body.appendChild(element);
    await flushPromises();
    return element;
}

function pick(element: HTMLElement, userId: string | null, picker = 'user-picker'): void {
    const p =
        picker === 'compare-picker'
            ? inChild(element, 'c-access-xray-compare', '[data-id="compare-picker"]')
            : q(element, `[data-id="${picker}"]`);
    if (!p) {
        throw new Error(`no ${picker}`);
    }
    p.dispatchEvent(new CustomEvent('change', { detail: { recordId: userId } }));
}

beforeEach(() => {
    m(setupStatus).mockResolvedValue(READY);
    m(getCurrentUserId).mockReturnValue(INTERNAL_ID);
    m(collect).mockImplementation((recordId: string, userId: string) =>
        Promise.resolve({
            schemaVersion: 1,
            meta: { collectedAt: '2026-11-20T09:00:00Z', source: 'fixture', auditId: 'a0A000000000001AAA' },
            tables: {},
            forUser: userId,
            recordId
        })
    );
    m(loadSnapshot).mockImplementation((raw: unknown) => ({ loaded: raw }));
    m(explain).mockImplementation((_s: unknown, req: { userId: string }) => {
        const make = BY_USER[req.userId];
        if (!make) {
            throw Object.assign(new Error(`Unknown user ${req.userId}: the snapshot has no User row with this id.`), {
                name: 'ExplainError'
            });
        }
        return make();
    });
    m(compareExplanations).mockImplementation((a: Explanation, b: Explanation) => comparisonOf(a, b));
    m(renderMarkdown).mockImplementation((e: Explanation) => `## ${e.summary}`);
    m(attachVerdict).mockResolvedValue('a0A000000000001AAA');
});

afterEach(() => {
    resetDom();
    jest.clearAllMocks();
});

describe('c-access-xray: setup and empty states', () => {
    it('asks for a record when opened outside a record page', async () => {
        const element = await mount({ recordId: undefined });
        expect(q(element, '[data-id="no-record"]')?.textContent).toBe(label('AXR_NoRecord'));
        expect(q(element, '[data-id="controls"]')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('shows the empty state with the user picker (active users only) and "me"', async () => {
        const element = await mount();
        expect(q(element, '[data-id="empty"]')?.textContent).toContain(label('AXR_EmptyTitle'));
        const picker = q(element, '[data-id="user-picker"]') as HTMLElement & {
            objectApiName: string;
            filter: unknown;
        };
        expect(picker.objectApiName).toBe('User');
        expect(picker.filter).toEqual({ criteria: [{ fieldPath: 'IsActive', operator: 'eq', value: true }] });
        expect(q(element, '[data-id="me"]')).not.toBeNull();
        expect(collect).not.toHaveBeenCalled();
        const exportButton = q(element, '[data-id="copy-markdown"]') as HTMLElement & { disabled: boolean };
        expect(exportButton.disabled).toBe(true);
        await expect(element).toBeAccessible();
    });

    it('explains that the package permission is missing, without controls', async () => {
        m(setupStatus).mockResolvedValue({
            hasPermission: false,
            canExplainAnyUser: false,
            setupConnectionReady: false,
            missing: ['Permission set Access X-Ray User']
        });
        const element = await mount();
        const missing = q(element, '[data-id="setup-missing"]');
        expect(missing?.textContent).toContain(label('AXR_SetupMissingTitle'));
        expect(missing?.textContent).toContain('Permission set Access X-Ray User');
        expect(q(element, '[data-id="controls"]')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('notes an unready setup connection, and limits a self-only user to their own access', async () => {
        m(setupStatus).mockResolvedValue({
            hasPermission: true,
            canExplainAnyUser: false,
            setupConnectionReady: false,
            missing: ['Named credential AccessXRay_Setup']
        });
        const element = await mount();
        await flushPromises();
        expect(q(element, '[data-id="connection-note"]')?.textContent).toContain('Named credential AccessXRay_Setup');
        expect(q(element, '[data-id="user-picker"]')).toBeNull();
        expect(q(element, '[data-id="only-self"]')?.textContent).toBe(label('AXR_OnlySelf'));
        expect(collect).toHaveBeenCalledWith(RECORD_ID, INTERNAL_ID);
        await expect(element).toBeAccessible();
    });

    it('shows a readable error when setupStatus fails', async () => {
        m(setupStatus).mockRejectedValue({ body: { message: 'Apex class AccessXRayController is not accessible.' } });
        const element = await mount();
        const panel = q(element, '[data-id="setup-errors"]');
        expect(panel?.shadowRoot?.textContent).toContain('Apex class AccessXRayController is not accessible.');
        await expect(element).toBeAccessible();
    });
});

describe('c-access-xray: explaining a user', () => {
    it('shows the spinner while evidence is collected', async () => {
        let release: (v: unknown) => void = () => undefined;
        m(collect).mockReturnValue(new Promise((resolve) => (release = resolve)));
        const element = await mount();
        pick(element, PARTNER_ID);
        await flushPromises();
        expect(q(element, '[data-id="loading"]')).not.toBeNull();
        expect(q(element, '[data-id="empty"]')).toBeNull();
        await expect(element).toBeAccessible();
        release({ schemaVersion: 1 });
        await flushPromises();
        expect(q(element, '[data-id="loading"]')).toBeNull();
    });

    it('picks a user: collects, runs the engine, renders verdict and layers, writes the audit entry (seed 000)', async () => {
        const element = await mount();
        pick(element, PARTNER_ID);
        await flushPromises();
        expect(collect).toHaveBeenCalledWith(RECORD_ID, PARTNER_ID);
        expect(loadSnapshot).toHaveBeenCalledTimes(1);
        expect(m(explain).mock.calls[0][1]).toEqual({ userId: PARTNER_ID, recordId: RECORD_ID });
        expect(inChild(element, 'c-access-xray-verdict', '[data-id="verdict-sentence"]')?.textContent).toBe(
            fill(label('AXR_VerdictDenied'), 'Pat Partner', 'read', 'case 00001001')
        );
        const list = q(element, 'c-access-xray-layer-list') as HTMLElement & { decidingLayer: string };
        expect(list.decidingLayer).toBe('orgWideDefaults');
        expect(list.shadowRoot?.querySelectorAll('[data-id="layer"]')).toHaveLength(12);
        expect(attachVerdict).toHaveBeenCalledWith({
            auditId: 'a0A000000000001AAA',
            maxAccessLevel: 'None',
            summary: partnerDenied().summary
        });
        expect(q(element, '[data-id="settings-used"]')?.textContent).toContain('externalSharingModel.Case = Private');
        await expect(element).toBeAccessible();
    });

    it('"me" explains the running user', async () => {
        const element = await mount();
        (q(element, '[data-id="me"]') as HTMLElement).click();
        await flushPromises();
        expect(collect).toHaveBeenCalledWith(RECORD_ID, INTERNAL_ID);
        expect(inChild(element, 'c-access-xray-verdict', '[data-id="verdict-sentence"]')?.textContent).toBe(
            fill(label('AXR_VerdictAllowed'), 'Ana Agent', 'read', 'case 00001001')
        );
    });

    it('switching the operation re-targets the verdict and the blocking layer without re-collecting', async () => {
        const element = await mount({ defaultOperation: 'edit' });
        const radio = q(element, '[data-id="operation"]') as HTMLElement & {
            value: string;
            options: { value: string }[];
        };
        expect(radio.value).toBe('edit');
        expect(radio.options.map((o) => o.value)).toEqual(['read', 'edit', 'delete', 'transfer', 'share']);
        pick(element, INTERNAL_ID);
        await flushPromises();
        expect(inChild(element, 'c-access-xray-verdict', '[data-id="verdict-sentence"]')?.textContent).toBe(
            fill(label('AXR_VerdictAllowed'), 'Ana Agent', 'edit', 'case 00001001')
        );
        radio.dispatchEvent(new CustomEvent('change', { detail: { value: 'delete' } }));
        await flushPromises();
        expect(inChild(element, 'c-access-xray-verdict', '[data-id="verdict-sentence"]')?.textContent).toBe(
            fill(label('AXR_VerdictDenied'), 'Ana Agent', 'delete', 'case 00001001')
        );
        expect((q(element, 'c-access-xray-layer-list') as HTMLElement & { decidingLayer: string }).decidingLayer).toBe(
            'objectPermissions'
        );
        expect(collect).toHaveBeenCalledTimes(1);
    });

    it('an invalid default operation falls back to Read', async () => {
        const element = await mount({ defaultOperation: 'destroy' });
        expect((q(element, '[data-id="operation"]') as HTMLElement & { value: string }).value).toBe('read');
    });

    it('"Show …" on the verdict opens the layer it points at in the list', async () => {
        const element = await mount();
        pick(element, PARTNER_ID);
        await flushPromises();
        (inChild(element, 'c-access-xray-verdict', '[data-id="show-layer"]') as HTMLElement).click();
        await flushPromises();
        await flushPromises();
        const button = inChild<HTMLButtonElement>(
            element,
            'c-access-xray-layer-list',
            'button[data-layer="orgWideDefaults"]'
        );
        expect(button?.getAttribute('aria-expanded')).toBe('true');
    });

    it('explains a reconciliation difference a restriction rule causes, in the verdict card (access-semantics §14)', async () => {
        const element = await mount();
        pick(element, RESTRICTED_ID);
        await flushPromises();
        expect(inChild(element, 'c-access-xray-verdict', '[data-id="mismatch-banner"]')).toBeNull();
        const note = inChild(element, 'c-access-xray-verdict', '[data-id="reconciliation-explained"]');
        expect(note?.textContent).toContain('UserRecordAccess ignores restriction rules');
        await expect(element).toBeAccessible();
    });

    it('a real disagreement is a warning whose "Collect again" collects the evidence again', async () => {
        const element = await mount();
        pick(element, REAL_MISMATCH_ID);
        await flushPromises();
        const banner = inChild(element, 'c-access-xray-verdict', '[data-id="mismatch-banner"]');
        expect(banner?.textContent).toContain(label('AXR_MismatchTitle'));
        await expect(element).toBeAccessible();
        (inChild(element, 'c-access-xray-verdict', '[data-id="mismatch-retry"]') as HTMLElement).click();
        await flushPromises();
        expect(collect).toHaveBeenCalledTimes(2);
    });

    it('announces the verdict: it renders inside a polite live region that exists before it arrives', async () => {
        const element = await mount();
        const region = q(element, '[data-id="verdict-region"]');
        expect(region?.getAttribute('aria-live')).toBe('polite');
        expect(region?.querySelector('c-access-xray-verdict')).toBeNull();
        pick(element, PARTNER_ID);
        await flushPromises();
        expect(q(element, '[data-id="verdict-region"]')).toBe(region);
        expect(region?.querySelector('c-access-xray-verdict')).not.toBeNull();
    });

    it('clearing the picker returns to the empty state', async () => {
        const element = await mount();
        pick(element, PARTNER_ID);
        await flushPromises();
        pick(element, null);
        await flushPromises();
        expect(q(element, 'c-access-xray-verdict')).toBeNull();
        expect(q(element, '[data-id="empty"]')).not.toBeNull();
    });

    it('a slower earlier answer never overwrites the later pick', async () => {
        const releases: Record<string, (v: unknown) => void> = {};
        m(collect).mockImplementation(
            (_r: string, userId: string) => new Promise((resolve) => (releases[userId] = resolve))
        );
        const element = await mount();
        pick(element, PARTNER_ID);
        pick(element, INTERNAL_ID);
        releases[INTERNAL_ID]?.({});
        await flushPromises();
        releases[PARTNER_ID]?.({});
        await flushPromises();
        expect(inChild(element, 'c-access-xray-verdict', '[data-id="verdict-sentence"]')?.textContent).toContain(
            'Ana Agent'
        );
    });
});

describe('c-access-xray: errors', () => {
    it('shows an Apex refusal as it is, with no "Try again" (retrying cannot help)', async () => {
        m(collect).mockRejectedValueOnce({
            body: { message: 'You cannot explain users outside your role hierarchy.' }
        });
        const element = await mount();
        pick(element, PARTNER_ID);
        await flushPromises();
        const panel = q(element, '[data-id="errors"]');
        expect(panel?.shadowRoot?.querySelector('[data-id="error-message"]')?.textContent).toBe(
            'You cannot explain users outside your role hierarchy.'
        );
        expect(panel?.shadowRoot?.querySelector('[data-id="retry"]')).toBeNull();
        expect(q(element, 'c-access-xray-verdict')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('offers "Try again" for a timeout, and it collects again', async () => {
        m(collect).mockRejectedValueOnce({ body: { message: 'The request timed out. Try again.' }, status: 500 });
        const element = await mount();
        pick(element, PARTNER_ID);
        await flushPromises();
        const panel = q(element, '[data-id="errors"]');
        expect(panel?.shadowRoot?.querySelector('[data-id="retry"]')).not.toBeNull();
        await expect(element).toBeAccessible();
        panel?.dispatchEvent(new CustomEvent('retry'));
        await flushPromises();
        expect(collect).toHaveBeenCalledTimes(2);
        expect(q(element, '[data-id="errors"]')).toBeNull();
        expect(q(element, 'c-access-xray-verdict')).not.toBeNull();
    });

    it('says in plain words what to do when the user isn’t in the evidence (ExplainError unknownUser), never a stack trace', async () => {
        m(explain).mockImplementationOnce(() => {
            throw Object.assign(new Error('Unknown user 005000000000NOPAAA: the snapshot has no User row with this id.'), {
                name: 'ExplainError',
                code: 'unknownUser'
            });
        });
        const element = await mount();
        pick(element, '005000000000NOPAAA');
        await flushPromises();
        const panel = q(element, '[data-id="errors"]')?.shadowRoot;
        const text = panel?.querySelector('[data-id="error-message"]')?.textContent ?? '';
        expect(text).toBe(label('AXR_ErrorUnknownUser'));
        expect(text).not.toMatch(/\bat .*:\d+/);
        expect(panel?.querySelector('[data-id="error-details"]')?.textContent).toContain('005000000000NOPAAA');
    });

    it('keeps the explanation but warns when the audit entry cannot be written', async () => {
        m(attachVerdict).mockRejectedValue({ body: { message: 'Storage limit exceeded' } });
        const element = await mount();
        pick(element, PARTNER_ID);
        await flushPromises();
        expect(q(element, 'c-access-xray-verdict')).not.toBeNull();
        expect(q(element, '[data-id="audit-warning"]')?.textContent).toBe(
            fill(label('AXR_AuditFailed'), 'Storage limit exceeded')
        );
    });
});

describe('c-access-xray: compare and export', () => {
    it('compares a second user side by side with the differing layers', async () => {
        const element = await mount();
        pick(element, INTERNAL_ID);
        await flushPromises();
        expect(inChild(element, 'c-access-xray-compare', '[data-id="compare-empty"]')?.textContent).toBe(label('AXR_CompareEmpty'));
        pick(element, PARTNER_ID, 'compare-picker');
        await flushPromises();
        expect(collect).toHaveBeenLastCalledWith(RECORD_ID, PARTNER_ID);
        expect(compareExplanations).toHaveBeenCalled();
        const compare = q(element, 'c-access-xray-compare');
        const differing = Array.from(
            compare?.shadowRoot?.querySelectorAll<HTMLElement>('[data-id="compare-row"]') ?? []
        ).filter((r) => r.querySelector('[data-id="differs-badge"]'));
        expect(differing.map((r) => r.dataset.layer)).toEqual(['sharingRules']);
        await expect(element).toBeAccessible();
    });

    it('a new recordId (quick action context arriving, record navigation) re-explains both users for that record', async () => {
        const element = await mount();
        pick(element, INTERNAL_ID);
        await flushPromises();
        pick(element, PARTNER_ID, 'compare-picker');
        await flushPromises();
        m(collect).mockClear();
        Object.assign(element, { recordId: '500000000000002AAA' });
        await flushPromises();
        expect(m(collect).mock.calls).toEqual(
            expect.arrayContaining([
                ['500000000000002AAA', INTERNAL_ID],
                ['500000000000002AAA', PARTNER_ID]
            ])
        );
        expect(m(collect).mock.calls).toHaveLength(2);
    });

    it('shows compare errors in their own panel', async () => {
        const element = await mount();
        pick(element, INTERNAL_ID);
        await flushPromises();
        m(collect).mockRejectedValueOnce(new Error('Evidence for this user could not be read.'));
        pick(element, PARTNER_ID, 'compare-picker');
        await flushPromises();
        expect(inChild(element, 'c-access-xray-compare', '[data-id="compare-errors"]')?.shadowRoot?.textContent).toContain(
            'Evidence for this user could not be read.'
        );
        expect(q(element, 'c-access-xray-verdict')).not.toBeNull();
    });

    it('copies the Markdown rendering to the clipboard and says so', async () => {
        const writeText = jest.fn().mockResolvedValue(undefined);
        Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
        const element = await mount();
        pick(element, PARTNER_ID);
        await flushPromises();
        (q(element, '[data-id="copy-markdown"]') as HTMLElement).click();
        await flushPromises();
        expect(renderMarkdown).toHaveBeenCalledWith(partnerDenied());
        expect(writeText).toHaveBeenCalledWith(`## ${partnerDenied().summary}`);
        expect(q(element, '[data-id="export-status"]')?.textContent).toBe(label('AXR_Copied'));
        await expect(element).toBeAccessible();
    });

    it('falls back to a read-only text area when the clipboard is blocked', async () => {
        Object.defineProperty(navigator, 'clipboard', {
            value: { writeText: jest.fn().mockRejectedValue(new Error('denied')) },
            configurable: true
        });
        const element = await mount();
        pick(element, PARTNER_ID);
        await flushPromises();
        (q(element, '[data-id="copy-markdown"]') as HTMLElement).click();
        await flushPromises();
        expect(q(element, '[data-id="export-status"]')?.textContent).toBe(label('AXR_CopyFailed'));
        expect((q(element, '[data-id="markdown-fallback"]') as HTMLElement & { value: string }).value).toBe(
            `## ${partnerDenied().summary}`
        );
        await expect(element).toBeAccessible();
    });

    it('downloads the explanation and its evidence as JSON', async () => {
        const clicks: HTMLAnchorElement[] = [];
        const spy = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
            this: HTMLAnchorElement
        ) {
            clicks.push(this);
        });
        const element = await mount();
        pick(element, PARTNER_ID);
        await flushPromises();
        (q(element, '[data-id="download-json"]') as HTMLElement).click();
        await flushPromises();
        spy.mockRestore();
        expect(clicks).toHaveLength(1);
        const link = clicks[0] as HTMLAnchorElement;
        const fileName = `access-xray-${RECORD_ID}-${PARTNER_ID}.json`;
        expect(link.download).toBe(fileName);
        const json = JSON.parse(decodeURIComponent(link.href.replace('data:application/json;charset=utf-8,', '')));
        expect(json.format).toBe('access-xray-explanation');
        expect(json.explanation).toEqual(partnerDenied());
        expect(json.snapshot.forUser).toBe(PARTNER_ID);
        expect(q(element, '[data-id="export-status"]')?.textContent).toBe(fill(label('AXR_Downloaded'), fileName));
    });
});

describe('c-access-xray: compact mode and labels', () => {
    it('compact mode shows the verdict and layers only', async () => {
        const element = await mount({ mode: 'compact' });
        pick(element, PARTNER_ID);
        await flushPromises();
        expect(q(element, 'c-access-xray-verdict')).not.toBeNull();
        expect(q(element, 'c-access-xray-layer-list')).not.toBeNull();
        expect(q(element, 'lightning-tabset')).toBeNull();
        expect(q(element, 'c-access-xray-compare')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('every label the panel uses is defined (no raw label names on screen)', async () => {
        const element = await mount();
        pick(element, PARTNER_ID);
        await flushPromises();
        expect(Object.keys(LABEL_VALUES).length).toBeGreaterThan(50);
        const texts: string[] = [];
        const walk = (node: Node): void => {
            texts.push(node.textContent ?? '');
            node.childNodes.forEach(walk);
            const shadow = (node as Element).shadowRoot;
            if (shadow) {
                walk(shadow);
            }
        };
        walk(element);
        expect(texts.join(' ')).not.toMatch(/c\.AXR_/);
        expect(texts.join(' ')).toContain('Pat Partner');
    });
});

describe('c-access-xray: what-if and who can see', () => {
    it('"What if?" on the verdict opens the What if tab with the fix to preview', async () => {
        const e = partnerDenied();
        m(explain).mockImplementation(() => e);
        const element = await mount();
        pick(element, PARTNER_ID);
        await flushPromises();
        const verdict = q(element, 'c-access-xray-verdict') as HTMLElement & { canPreviewFix: boolean };
        // The fix is a manual share for Read: the engine can replay it (what-if share).
        expect(verdict.canPreviewFix).toBe(true);
        verdict.dispatchEvent(new CustomEvent('whatif'));
        await flushPromises();
        expect((q(element, '[data-id="tabs"]') as HTMLElement & { activeTabValue: string }).activeTabValue).toBe('whatIf');
        const whatIf = q(element, 'c-access-xray-what-if') as HTMLElement & { request: unknown };
        expect(whatIf.request).toEqual({ kind: 'share', level: 'Read' });
    });

    it('no "What if?" for a fix the engine can’t replay (an org-wide default change)', async () => {
        const e = partnerDenied();
        e.whyNot[0]!.cheapestFix = { action: 'Raise the external org-wide default', kind: 'changeOwd' };
        m(explain).mockImplementation(() => e);
        const element = await mount();
        pick(element, PARTNER_ID);
        await flushPromises();
        expect((q(element, 'c-access-xray-verdict') as HTMLElement & { canPreviewFix: boolean }).canPreviewFix).toBe(false);
    });

    it('who can see loads only when its tab opens, and "Explain" on a user explains them here', async () => {
        const element = await mount();
        expect(q(element, 'c-access-xray-who-can-see')).toBeNull();
        const tab = q(element, '[data-id="tab-who-can-see"]') as HTMLElement;
        Object.defineProperty(tab, 'value', { value: 'whoCanSee' });
        tab.dispatchEvent(new CustomEvent('active'));
        await flushPromises();
        const wcs = q(element, 'c-access-xray-who-can-see') as HTMLElement & { recordId: string };
        expect(wcs.recordId).toBe(RECORD_ID);
        wcs.dispatchEvent(new CustomEvent('explainuser', { detail: { userId: INTERNAL_ID } }));
        await flushPromises();
        expect(collect).toHaveBeenCalledWith(RECORD_ID, INTERNAL_ID);
        expect((q(element, '[data-id="tabs"]') as HTMLElement & { activeTabValue: string }).activeTabValue).toBe('layers');
        expect(inChild(element, 'c-access-xray-verdict', '[data-id="verdict-sentence"]')?.textContent).toContain('Ana Agent');
    });

    it('who can see is offered only to users who may explain any user (it lists other people’s access)', async () => {
        m(setupStatus).mockResolvedValue({ ...READY, canExplainAnyUser: false });
        const element = await mount();
        await flushPromises();
        expect(q(element, '[data-id="tab-who-can-see"]')).toBeNull();
    });
});

describe('c-access-xray: sizes (App Builder flexipageRegionWidth, phone)', () => {
    it('a wide region: export buttons, picker beside "Me", operations as buttons, six tabs', async () => {
        const element = await mount({ flexipageRegionWidth: 'LARGE' });
        expect(q(element, 'lightning-button-menu')).toBeNull();
        expect(q(element, 'lightning-radio-group[data-id="operation"]')).not.toBeNull();
        expect(q(element, '.controls__picker_stacked')).toBeNull();
        expect(Array.from(q(element, '[data-id="tabs"]')?.querySelectorAll('lightning-tab') ?? []).map((t) => (t as HTMLElement & { value: string }).value)).toEqual([
            'layers',
            'whoCanSee',
            'whatIf',
            'compare',
            'paths',
            'fields'
        ]);
    });

    it('a sidebar (SMALL): actions in an overflow menu, picker and "Me" stacked, operation as a combobox, three tabs with the rest folded under the layers', async () => {
        const element = await mount({ flexipageRegionWidth: 'SMALL' });
        const menu = q(element, '[data-id="actions-menu"]') as HTMLElement & { alternativeText: string; disabled: boolean };
        expect(menu.alternativeText).toBe(label('AXR_MoreActions'));
        expect(menu.disabled).toBe(true);
        expect(q(element, 'lightning-combobox[data-id="operation"]')).not.toBeNull();
        expect(q(element, '.controls__picker_stacked')).not.toBeNull();
        expect(Array.from(q(element, '[data-id="tabs"]')?.querySelectorAll('lightning-tab') ?? []).map((t) => (t as HTMLElement & { value: string }).value)).toEqual([
            'layers',
            'whoCanSee',
            'whatIf'
        ]);
        pick(element, PARTNER_ID);
        await flushPromises();
        expect(q(element, '[data-id="section-compare"]')?.tagName).toBe('DETAILS');
        expect(q(element, '[data-id="section-paths"]')).not.toBeNull();
        expect((q(element, 'c-access-xray-field-gates') as HTMLElement & { compact: boolean }).compact).toBe(true);
        expect((q(element, 'c-access-xray-compare') as HTMLElement & { compact: boolean }).compact).toBe(true);
        await expect(element).toBeAccessible();
    });

    it('the overflow menu copies the Markdown and downloads the JSON', async () => {
        const writeText = jest.fn().mockResolvedValue(undefined);
        Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
        const clicks = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
        const element = await mount({ flexipageRegionWidth: 'SMALL' });
        pick(element, PARTNER_ID);
        await flushPromises();
        const menu = q(element, '[data-id="actions-menu"]') as HTMLElement;
        menu.dispatchEvent(new CustomEvent('select', { detail: { value: 'copy' } }));
        await flushPromises();
        expect(writeText).toHaveBeenCalled();
        menu.dispatchEvent(new CustomEvent('select', { detail: { value: 'download' } }));
        await flushPromises();
        expect(clicks).toHaveBeenCalledTimes(1);
        clicks.mockRestore();
        expect(q(element, '[data-id="export-status"]')?.textContent).toBe(fill(label('AXR_Downloaded'), `access-xray-${RECORD_ID}-${PARTNER_ID}.json`));
    });

    it('the operation combobox switches the verdict like the buttons do', async () => {
        const element = await mount({ flexipageRegionWidth: 'SMALL' });
        pick(element, INTERNAL_ID);
        await flushPromises();
        (q(element, '[data-id="operation"]') as HTMLElement).dispatchEvent(new CustomEvent('change', { detail: { value: 'delete' } }));
        await flushPromises();
        expect(inChild(element, 'c-access-xray-verdict', '[data-id="verdict-sentence"]')?.textContent).toBe(
            fill(label('AXR_VerdictDenied'), 'Ana Agent', 'delete', 'case 00001001')
        );
    });
});
