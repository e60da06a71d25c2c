// The data adapter is the only caller of AccessXRayController (contract in issue 6): it passes
// the documented parameters and normalises the answers.
import { fill, label } from '../../accessXray/__tests__/axrTestSupport';
import apexCollect from '@salesforce/apex/AccessXRayController.collect';
import apexSearchUsers from '@salesforce/apex/AccessXRayController.searchUsers';
import apexAttachVerdict from '@salesforce/apex/AccessXRayController.attachVerdict';
import apexSetupStatus from '@salesforce/apex/AccessXRayController.setupStatus';
import apexCollectWithTargets from '@salesforce/apex/AccessXRayController.collectWithTargets';
import apexSearchSetupItems from '@salesforce/apex/AccessXRayController.searchSetupItems';
import apexCollectWhoCanSee from '@salesforce/apex/AccessXRayController.collectWhoCanSee';
import apexWhoCanSeeJob from '@salesforce/apex/AccessXRayController.whoCanSeeJob';
import apexWhoCanSeePage from '@salesforce/apex/AccessXRayController.whoCanSeePage';
import {
    attachVerdict,
    auditIdOf,
    collect,
    collectWhoCanSee,
    collectWithTargets,
    getCurrentUserId,
    searchSetupItems,
    searchUsers,
    setupStatus,
    whoCanSeeJob,
    whoCanSeePage
} from 'c/accessXrayDataAdapter';

jest.mock('@salesforce/apex/AccessXRayController.collect', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/AccessXRayController.searchUsers', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/AccessXRayController.attachVerdict', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/AccessXRayController.setupStatus', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/AccessXRayController.collectWithTargets', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/AccessXRayController.searchSetupItems', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/AccessXRayController.collectWhoCanSee', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/AccessXRayController.whoCanSeeJob', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/AccessXRayController.whoCanSeePage', () => ({ default: jest.fn() }), { virtual: true });

const mocked = (fn: unknown) => fn as jest.Mock;

describe('accessXrayDataAdapter', () => {
    afterEach(() => jest.clearAllMocks());

    it('collect passes recordId and userId and returns the snapshot object as is', async () => {
        const snapshot = { schemaVersion: 1, meta: { collectedAt: 'x', source: 'org' }, tables: {} };
        mocked(apexCollect).mockResolvedValue(snapshot);
        await expect(collect('500A', '005B')).resolves.toBe(snapshot);
        expect(apexCollect).toHaveBeenCalledWith({ recordId: '500A', userId: '005B' });
    });

    it('collect parses a snapshot returned as JSON text, and names invalid JSON', async () => {
        mocked(apexCollect).mockResolvedValue('{"schemaVersion":1}');
        await expect(collect('500A', '005B')).resolves.toEqual({ schemaVersion: 1 });
        mocked(apexCollect).mockResolvedValue('{not json');
        await expect(collect('500A', '005B')).rejects.toThrow(fill(label('AXR_ErrorNotJson'), '').slice(0, 30));
    });

    it('collect lets Apex errors through for the error helper', async () => {
        const apexError = { body: { message: 'No access' } };
        mocked(apexCollect).mockRejectedValue(apexError);
        await expect(collect('500A', '005B')).rejects.toBe(apexError);
    });

    it('searchUsers passes the term and the active filter, and maps null to []', async () => {
        mocked(apexSearchUsers).mockResolvedValue(null);
        await expect(searchUsers('pat')).resolves.toEqual([]);
        expect(apexSearchUsers).toHaveBeenCalledWith({ searchTerm: 'pat', activeOnly: true });
        const rows = [
            {
                id: '005',
                name: 'Pat',
                username: 'p@x',
                userType: 'PowerPartner',
                profileName: 'Partner',
                isActive: true,
                smallPhotoUrl: null
            }
        ];
        mocked(apexSearchUsers).mockResolvedValue(rows);
        await expect(searchUsers('pat', false)).resolves.toEqual(rows);
        expect(apexSearchUsers).toHaveBeenLastCalledWith({ searchTerm: 'pat', activeOnly: false });
    });

    it('attachVerdict sends the verdict for the server-written audit row and returns its id', async () => {
        mocked(apexAttachVerdict).mockResolvedValue('a0X000000000001');
        const entry = { auditId: 'a0X000000000001', maxAccessLevel: 'Read' as const, summary: 'Pat can read.' };
        await expect(attachVerdict(entry)).resolves.toBe('a0X000000000001');
        expect(apexAttachVerdict).toHaveBeenCalledWith(entry);
        mocked(apexAttachVerdict).mockResolvedValue(null);
        await expect(attachVerdict(entry)).resolves.toBe('');
    });

    it('auditIdOf reads meta.auditId of a collected snapshot, or nothing', () => {
        expect(auditIdOf({ meta: { auditId: 'a0X000000000001' } })).toBe('a0X000000000001');
        expect(auditIdOf({ meta: {} })).toBe('');
        expect(auditIdOf(null)).toBe('');
    });

    it('setupStatus normalises missing fields to "not ready" (never assumes a permission)', async () => {
        mocked(apexSetupStatus).mockResolvedValue({
            hasPermission: true,
            missing: ['Named credential AccessXRay_Setup', 3]
        });
        await expect(setupStatus()).resolves.toEqual({
            hasPermission: true,
            canExplainAnyUser: false,
            setupConnectionReady: false,
            missing: ['Named credential AccessXRay_Setup']
        });
        mocked(apexSetupStatus).mockResolvedValue(null);
        await expect(setupStatus()).resolves.toEqual({
            hasPermission: false,
            canExplainAnyUser: false,
            setupConnectionReady: false,
            missing: []
        });
    });

    it('getCurrentUserId returns the running user id', () => {
        expect(typeof getCurrentUserId()).toBe('string');
    });

    it('collectWithTargets passes the what-if target ids and parses JSON text like collect', async () => {
        mocked(apexCollectWithTargets).mockResolvedValue('{"schemaVersion":1,"tables":{}}');
        await expect(collectWithTargets('500A', '005B', ['0PS1', '00G2'])).resolves.toEqual({ schemaVersion: 1, tables: {} });
        expect(apexCollectWithTargets).toHaveBeenCalledWith({ recordId: '500A', userId: '005B', targetIds: ['0PS1', '00G2'] });
        mocked(apexCollectWithTargets).mockResolvedValue('{oops');
        await expect(collectWithTargets('500A', '005B', [])).rejects.toThrow(fill(label('AXR_ErrorNotJson'), '').slice(0, 30));
    });

    it('searchSetupItems passes the kind and the term, and keeps only well-formed rows', async () => {
        mocked(apexSearchSetupItems).mockResolvedValue([
            { id: '0PS1', name: 'Invoice Viewer', detail: 'Invoice_Viewer' },
            { id: '0PS2', name: 'No detail' },
            { name: 'no id' },
            null
        ]);
        await expect(searchSetupItems('permissionSet', 'inv')).resolves.toEqual([
            { id: '0PS1', name: 'Invoice Viewer', detail: 'Invoice_Viewer' },
            { id: '0PS2', name: 'No detail', detail: '' }
        ]);
        expect(apexSearchSetupItems).toHaveBeenCalledWith({ kind: 'permissionSet', searchTerm: 'inv' });
        mocked(apexSearchSetupItems).mockResolvedValue(null);
        await expect(searchSetupItems('role', '')).resolves.toEqual([]);
    });

    it('collectWhoCanSee returns the snapshot, or the job to follow when the answer is too large for one transaction', async () => {
        const snapshot = { schemaVersion: 1, meta: { scope: { kind: 'records' } }, tables: {} };
        mocked(apexCollectWhoCanSee).mockResolvedValue(snapshot);
        await expect(collectWhoCanSee('500A')).resolves.toEqual({ kind: 'snapshot', snapshot });
        expect(apexCollectWhoCanSee).toHaveBeenCalledWith({ recordId: '500A' });
        mocked(apexCollectWhoCanSee).mockResolvedValue({ jobId: '707A' });
        await expect(collectWhoCanSee('500A')).resolves.toEqual({ kind: 'job', jobId: '707A' });
        mocked(apexCollectWhoCanSee).mockResolvedValue(JSON.stringify({ jobId: '707B' }));
        await expect(collectWhoCanSee('500A')).resolves.toEqual({ kind: 'job', jobId: '707B' });
    });

    it('whoCanSeeJob normalises the AsyncApexJob status and the counts (never a negative or missing number)', async () => {
        mocked(apexWhoCanSeeJob).mockResolvedValue({ status: 'Processing', processed: 40, total: 100, pages: 0 });
        await expect(whoCanSeeJob('707A')).resolves.toEqual({
            state: 'running',
            status: 'Processing',
            processed: 40,
            total: 100,
            pages: 0,
            message: ''
        });
        expect(apexWhoCanSeeJob).toHaveBeenCalledWith({ jobId: '707A' });
        mocked(apexWhoCanSeeJob).mockResolvedValue({ status: 'Completed', processed: 100, total: 100, pages: 3 });
        await expect(whoCanSeeJob('707A')).resolves.toMatchObject({ state: 'done', pages: 3 });
        mocked(apexWhoCanSeeJob).mockResolvedValue({ status: 'Aborted', processed: -1, message: 'Stopped by an admin' });
        await expect(whoCanSeeJob('707A')).resolves.toMatchObject({ state: 'failed', processed: 0, total: 0, message: 'Stopped by an admin' });
    });

    it('whoCanSeePage reads one page of a finished job', async () => {
        mocked(apexWhoCanSeePage).mockResolvedValue('{"schemaVersion":1}');
        await expect(whoCanSeePage('707A', 2)).resolves.toEqual({ schemaVersion: 1 });
        expect(apexWhoCanSeePage).toHaveBeenCalledWith({ jobId: '707A', page: 2 });
    });
});
