// The in-app setup check (issue 9): what the admin still has to do — permission set, whom they
// may explain, the setup metadata connection, optional features the org reports as not enabled.
// Status shape: AccessXRayController.setupStatus() → AccessXRaySetupStatus (hasPermission,
// canExplainAnyUser, setupConnectionReady, missing[]), as produced by AccessXRaySetupStatusService.
import { flushPromises, label, resetDom } from './setupCheckSupport';
import { createElement } from 'lwc';
import AccessXraySetupCheck from 'c/accessXraySetupCheck';
import { setupStatus } from 'c/accessXrayDataAdapter';
import type { SetupStatus } from 'c/accessXrayDataAdapter';

jest.mock('c/accessXrayDataAdapter', () => ({ setupStatus: jest.fn() }));

const mockedSetupStatus = setupStatus as jest.MockedFunction<typeof setupStatus>;

function status(overrides: Partial<SetupStatus>): SetupStatus {
    return { hasPermission: true, canExplainAnyUser: true, setupConnectionReady: true, missing: [], ...overrides };
}

function mount(props: Record<string, unknown> = {}): HTMLElement {
    const element = createElement('c-access-xray-setup-check', { is: AccessXraySetupCheck });
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}

function q(element: HTMLElement, selector: string): HTMLElement | null {
    return element.shadowRoot?.querySelector(selector) ?? null;
}

function steps(element: HTMLElement): { key: string | null; state: string | null; text: string }[] {
    return Array.from(element.shadowRoot?.querySelectorAll('[data-step]') ?? []).map((li) => ({
        key: li.getAttribute('data-step'),
        state: li.getAttribute('data-state'),
        text: li.querySelector('[data-id="step-text"]')?.textContent ?? ''
    }));
}

describe('c-access-xray-setup-check', () => {
    afterEach(() => {
        resetDom();
        jest.clearAllMocks();
    });

    it('shows a spinner while the status loads, then the checklist (loading state)', async () => {
        let resolve: (s: SetupStatus) => void = () => undefined;
        mockedSetupStatus.mockReturnValue(new Promise<SetupStatus>((r) => (resolve = r)));
        const element = mount();
        await Promise.resolve();
        const spinner = q(element, '[data-id="loading"] lightning-spinner') as (HTMLElement & { alternativeText?: string }) | null;
        expect(spinner?.alternativeText).toBe(label('AXR_Setup_Loading'));
        expect((q(element, '[data-id="refresh"]') as (HTMLElement & { disabled?: boolean }) | null)?.disabled).toBe(true);
        expect(q(element, '[data-id="summary"]')).toBeNull();
        await expect(element).toBeAccessible();
        resolve(status({}));
        await flushPromises();
        expect(q(element, '[data-id="loading"]')).toBeNull();
        expect(q(element, '[data-id="summary"]')?.textContent).toBe(label('AXR_Setup_AllDone'));
        expect(mockedSetupStatus).toHaveBeenCalledTimes(1);
    });

    it('an admin with everything set up sees "setup complete" and three done/info rows', async () => {
        mockedSetupStatus.mockResolvedValue(status({}));
        const element = mount();
        await flushPromises();
        expect(q(element, '[data-id="summary"]')?.textContent).toBe(label('AXR_Setup_AllDone'));
        expect(steps(element)).toEqual([
            { key: 'permission', state: 'done', text: label('AXR_Setup_PermissionOk') },
            { key: 'scope', state: 'info', text: label('AXR_Setup_ScopeAny') },
            { key: 'connection', state: 'done', text: label('AXR_Setup_ConnectionOk') }
        ]);
        expect(q(element, '[data-id="other-missing"]')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('a user without the permission set is told to get it, and nothing else is checked (Apex returns early)', async () => {
        // AccessXRaySetupStatusService: no permission → missing = [AXR_Apex_SetupAssignPermissionSet], nothing else.
        mockedSetupStatus.mockResolvedValue(
            status({ hasPermission: false, canExplainAnyUser: false, setupConnectionReady: false, missing: [label('AXR_Apex_SetupAssignPermissionSet')] })
        );
        const element = mount();
        await flushPromises();
        expect(steps(element)).toEqual([{ key: 'permission', state: 'todo', text: label('AXR_Setup_PermissionMissing') }]);
        expect(q(element, '[data-id="summary"]')?.textContent).toBe(label('AXR_Setup_StepsLeft').replace('{0}', '1'));
        expect(q(element, '[data-id="needs-permission"]')?.textContent).toBe(label('AXR_Setup_NeedsPermissionFirst'));
        // The Apex sentence for the same step is not listed a second time.
        expect(q(element, '[data-id="other-missing"]')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('a support user with no authorised connection: scope note, connection to do, features not enabled listed once', async () => {
        const territoriesOff = label('AXR_Apex_SetupTerritoriesOff');
        const teamsOff = label('AXR_Apex_SetupAccountTeamsOff');
        mockedSetupStatus.mockResolvedValue(
            status({ canExplainAnyUser: false, setupConnectionReady: false, missing: [label('AXR_Apex_SetupAuthoriseConnection'), territoriesOff, teamsOff] })
        );
        const element = mount();
        await flushPromises();
        expect(steps(element)).toEqual([
            { key: 'permission', state: 'done', text: label('AXR_Setup_PermissionOk') },
            { key: 'scope', state: 'info', text: label('AXR_Setup_ScopeOwn') },
            { key: 'connection', state: 'todo', text: label('AXR_Setup_ConnectionMissing') }
        ]);
        // Optional features are notes, not to-dos: one step left (the connection).
        expect(q(element, '[data-id="summary"]')?.textContent).toBe(label('AXR_Setup_StepsLeft').replace('{0}', '1'));
        const notes = Array.from(element.shadowRoot?.querySelectorAll('[data-id="other-missing"] li') ?? []).map((li) => li.textContent);
        expect(notes).toEqual([territoriesOff, teamsOff]);
        await expect(element).toBeAccessible();
    });

    it('shows a readable error (never a stack trace) with a retry that runs the check again (error state)', async () => {
        mockedSetupStatus.mockRejectedValueOnce({ body: { message: 'Unexpected error: the org connection timed out.' }, status: 500 });
        const element = mount();
        await flushPromises();
        const panel = q(element, 'c-access-xray-error-panel');
        expect(panel).not.toBeNull();
        const messages = Array.from(panel?.shadowRoot?.querySelectorAll('[data-id="error-message"]') ?? []).map((li) => li.textContent);
        expect(messages).toEqual(['Unexpected error: the org connection timed out.']);
        expect(panel?.shadowRoot?.querySelector('h2')?.textContent).toBe(label('AXR_Setup_ErrorTitle'));
        expect(q(element, '[data-id="summary"]')).toBeNull();
        await expect(element).toBeAccessible();

        mockedSetupStatus.mockResolvedValueOnce(status({}));
        (panel?.shadowRoot?.querySelector('[data-id="retry"]') as HTMLElement).click();
        await flushPromises();
        expect(mockedSetupStatus).toHaveBeenCalledTimes(2);
        expect(q(element, 'c-access-xray-error-panel')).toBeNull();
        expect(q(element, '[data-id="summary"]')?.textContent).toBe(label('AXR_Setup_AllDone'));
    });

    it('"Check again" reloads the status and fires statuschange with it', async () => {
        mockedSetupStatus.mockResolvedValueOnce(status({ setupConnectionReady: false, missing: [label('AXR_Apex_SetupAuthoriseConnection')] }));
        const element = mount();
        const events: SetupStatus[] = [];
        element.addEventListener('statuschange', (e) => events.push((e as CustomEvent<SetupStatus>).detail));
        await flushPromises();
        expect(steps(element).find((s) => s.key === 'connection')?.state).toBe('todo');

        mockedSetupStatus.mockResolvedValueOnce(status({}));
        (q(element, '[data-id="refresh"]') as HTMLElement).click();
        await flushPromises();
        expect(steps(element).find((s) => s.key === 'connection')?.state).toBe('done');
        expect(events.map((e) => e.setupConnectionReady)).toEqual([false, true]);
    });

    it('embedded with a status from the panel: no Apex call, only the steps still to do (compact)', async () => {
        const element = mount({ compact: true, status: status({ setupConnectionReady: false, missing: [label('AXR_Apex_SetupAuthoriseConnection')] }) });
        await flushPromises();
        expect(mockedSetupStatus).not.toHaveBeenCalled();
        expect(steps(element)).toEqual([{ key: 'connection', state: 'todo', text: label('AXR_Setup_ConnectionMissing') }]);
        expect(q(element, '[data-id="intro"]')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('embedded and complete: renders nothing (the panel stays uncluttered)', async () => {
        const element = mount({ compact: true, status: status({ missing: [label('AXR_Apex_SetupTerritoriesOff')] }) });
        await flushPromises();
        expect(mockedSetupStatus).not.toHaveBeenCalled();
        expect(q(element, '[data-id="setup-check"]')).toBeNull();
        await expect(element).toBeAccessible();
    });
});
