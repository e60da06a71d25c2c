// reduceErrors: the one error helper (lwc-recipes `ldsUtils.reduceErrors` pattern) — every
// error shape the panel can meet becomes readable text; nothing is silently dropped.
import { fill, label } from '../../accessXray/__tests__/axrTestSupport';
import { reduceErrors } from 'c/accessXrayErrors';

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
