// reduceErrors: the one error helper (lwc-recipes `ldsUtils.reduceErrors` pattern) — every
// error shape the panel can meet becomes readable text; nothing is silently dropped.
import { fill, label } from '../../accessXray/__tests__/axrTestSupport';
import { describeErrors, reduceErrors } from 'c/accessXrayErrors';

describe('reduceErrors', () => {
    it('returns nothing for no error', () => {
        expect(reduceErrors(undefined)).toEqual([]);
        expect(reduceErrors(null)).toEqual([]);
        expect(reduceErrors([])).toEqual([]);
    });

    it('reads an Apex AuraHandledException body', () => {
        expect(reduceErrors({ body: { message: 'Insufficient access to User 005x.' }, status: 500 })).toEqual([
            'Insufficient access to User 005x.'
        ]);
    });

    it('reads UI API / DML errors: body arrays, pageErrors, fieldErrors and output errors', () => {
        expect(reduceErrors({ body: [{ message: 'first' }, { message: 'second' }] })).toEqual(['first', 'second']);
        expect(
            reduceErrors({ body: { pageErrors: [{ message: 'page' }], fieldErrors: { Name: [{ message: 'field' }] } } })
        ).toEqual(['page', 'field']);
        expect(
            reduceErrors({
                body: { output: { errors: [{ message: 'out' }], fieldErrors: { X: [{ message: 'fx' }] } } }
            })
        ).toEqual(['out', 'fx']);
    });

    it('names the JSON path of an engine SnapshotError', () => {
        const error = Object.assign(new Error('tables.User[0].Id: missing'), {
            name: 'SnapshotError',
            path: 'tables.User[0].Id',
            problem: 'missing'
        });
        expect(reduceErrors(error)).toEqual([fill(label('AXR_ErrorSnapshot'), 'tables.User[0].Id', 'missing')]);
    });

    it('reads Error messages and strings, de-duplicated, without stack traces', () => {
        const error = new Error('Unknown user 005Kx0000000099IAA in the snapshot.');
        const out = reduceErrors([error, 'plain text', 'plain text']);
        expect(out).toEqual(['Unknown user 005Kx0000000099IAA in the snapshot.', 'plain text']);
        expect(out.join(' ')).not.toContain('at ');
    });

    it('falls back to the unknown-error label for an unreadable error instead of nothing', () => {
        expect(reduceErrors({})).toEqual([label('AXR_ErrorUnknown')]);
        expect(reduceErrors({ body: {} })).toEqual([label('AXR_ErrorUnknown')]);
        expect(reduceErrors(42)).toEqual(['42']);
    });
});

describe('describeErrors: plain language, details apart, retry only where it helps', () => {
    it('damaged evidence (the engine’s SnapshotError) says what to do and keeps the JSON path in the details', () => {
        const error = Object.assign(new Error('tables.User[3].Id: expected an id'), {
            name: 'SnapshotError',
            path: 'tables.User[3].Id',
            problem: 'expected an id'
        });
        const [d] = describeErrors(error);
        expect(d?.message).toBe(label('AXR_ErrorEvidenceDamaged'));
        expect(d?.message).not.toContain('tables.');
        expect(d?.details).toEqual([fill(label('AXR_ErrorSnapshot'), 'tables.User[3].Id', 'expected an id')]);
        expect(d?.retryable).toBe(false);
    });

    it('the engine’s ExplainError codes become sentences an admin can act on', () => {
        const err = (code: string) => Object.assign(new Error(`technical ${code}`), { name: 'ExplainError', code });
        expect(describeErrors(err('unknownUser'))[0]).toEqual({ message: label('AXR_ErrorUnknownUser'), details: ['technical unknownUser'], retryable: false });
        expect(describeErrors(err('unknownRecord'))[0]?.message).toBe(label('AXR_ErrorUnknownRecord'));
        expect(describeErrors(err('outOfScope'))[0]).toMatchObject({ message: label('AXR_ErrorOutOfScope'), retryable: true });
        expect(describeErrors(err('badRequest'))[0]).toMatchObject({ message: 'technical badRequest', retryable: false });
    });

    it('moves JSON paths out of engine messages (what-if errors) into the details', () => {
        const [d] = describeErrors(new Error('Group 00G1 is not in the snapshot (tables.Group).'));
        expect(d?.message).toBe('Group 00G1 is not in the snapshot.');
        expect(d?.details).toEqual(['Group 00G1 is not in the snapshot (tables.Group).']);
    });

    it('a missing permission is not retryable; a timeout, a row lock or the network is', () => {
        expect(describeErrors({ body: { message: 'You do not have the Access X-Ray permission.' }, status: 500 })[0]?.retryable).toBe(false);
        expect(describeErrors({ body: { message: 'Apex CPU time limit exceeded: request timed out' }, status: 500 })[0]?.retryable).toBe(true);
        expect(describeErrors({ body: { message: 'UNABLE_TO_LOCK_ROW' }, status: 500 })[0]?.retryable).toBe(true);
        expect(describeErrors({ body: { message: 'Disconnected or Canceled' }, status: 0 })[0]?.retryable).toBe(true);
        expect(describeErrors(new TypeError('Failed to fetch'))[0]?.retryable).toBe(true);
    });

    it('never returns nothing for a real error, and nothing for no error', () => {
        expect(describeErrors({})).toEqual([{ message: label('AXR_ErrorUnknown'), details: [], retryable: true }]);
        expect(describeErrors(undefined)).toEqual([]);
        expect(describeErrors(['same', 'same'])).toHaveLength(1);
    });
});
