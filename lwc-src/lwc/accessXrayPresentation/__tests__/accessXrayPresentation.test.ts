// What the panel says about an explanation: verdict line with the object, the deciding reason
// (near miss first), the fix and its layer, layer states in plain words, reconciliation read as
// an explanation or a disagreement, comparison rows.
import { fill, label } from '../../accessXray/__tests__/axrTestSupport';
import {
    accessText,
    compareModel,
    decidingPath,
    expandedByDefault,
    layerOfStep,
    layerState,
    reconciliationView,
    recordText,
    verdictModel
} from 'c/accessXrayPresentation';
import type { LayerResult } from 'c/accessXrayEngine';
import {
    comparisonOf,
    internalAllowed,
    nearMissDenied,
    partnerDenied,
    realMismatch,
    restrictedMismatch
} from '../../accessXray/__tests__/axrFixtures';

const NONE = { read: false, edit: false, delete: false, transfer: false, share: false };

function layer(partial: Partial<LayerResult>): LayerResult {
    return {
        id: 'sharingRules',
        title: 'Sharing rules',
        status: 'neutral',
        access: NONE,
        reason: '',
        nextSteps: [],
        evidence: [],
        ...partial
    };
}

describe('layer states in plain words', () => {
    it('a granting layer says what it gives; every operation is Full Access (UserRecordAccess level All)', () => {
        expect(layerState(layer({ status: 'grants', access: { ...NONE, read: true } })).text).toBe(
            fill(label('AXR_StateGives'), 'Read')
        );
        expect(layerState(layer({ status: 'grants', access: { ...NONE, read: true, edit: true } })).text).toBe(
            fill(label('AXR_StateGives'), 'Read, Edit')
        );
        expect(
            layerState(layer({ status: 'grants', access: { read: true, edit: true, delete: true, transfer: true, share: true } })).text
        ).toBe(fill(label('AXR_StateGives'), label('AXR_AccessFull')));
    });

    it('object permissions say what they allow, never "gives" (they open no record by themselves)', () => {
        const op = layer({ id: 'objectPermissions', status: 'neutral', access: { ...NONE, read: true, edit: true } });
        expect(layerState(op)).toEqual({ text: fill(label('AXR_StateAllows'), 'Read, Edit'), tone: 'neutral' });
        expect(layerState({ ...op, access: NONE }).text).toBe(label('AXR_StateAllowsNothing'));
        expect(layerState({ ...op, status: 'blocks', access: NONE })).toEqual({ text: label('AXR_StateBlocks'), tone: 'blocks' });
    });

    it('no enum names: blocks, nothing here, not checked, doesn’t apply', () => {
        expect(layerState(layer({ status: 'blocks' })).text).toBe(label('AXR_StateBlocks'));
        expect(layerState(layer({ status: 'neutral' })).text).toBe(label('AXR_StateNothing'));
        expect(layerState(layer({ status: 'uncertain' })).text).toBe(label('AXR_StateNotChecked'));
        expect(layerState(layer({ status: 'notApplicable' })).text).toBe(label('AXR_StateNotApplicable'));
        for (const status of ['grants', 'blocks', 'neutral', 'uncertain', 'notApplicable'] as const) {
            expect(layerState(layer({ status })).text).not.toMatch(/neutral|notApplicable|uncertain|grants/);
        }
    });

    it('accessText is empty when nothing is allowed', () => {
        expect(accessText(NONE)).toBe('');
        expect(accessText(undefined)).toBe('');
    });

    it('only layers that grant, block, are uncertain or hold the near miss start open', () => {
        expect(expandedByDefault(layer({ status: 'grants' }), undefined)).toBe(true);
        expect(expandedByDefault(layer({ status: 'blocks' }), undefined)).toBe(true);
        expect(expandedByDefault(layer({ status: 'uncertain' }), undefined)).toBe(true);
        expect(expandedByDefault(layer({ status: 'neutral' }), undefined)).toBe(false);
        expect(expandedByDefault(layer({ status: 'neutral', id: 'roleHierarchy' }), 'roleHierarchy')).toBe(true);
        expect(expandedByDefault(layer({ status: 'notApplicable' }), undefined)).toBe(false);
    });
});

describe('the verdict line', () => {
    it('names the object with the record: "can’t read Case 00001001" (the issue’s example)', () => {
        const e = { ...partnerDenied(), recordName: '00001001' };
        expect(verdictModel(e, 'read', 'Case').sentence).toBe(fill(label('AXR_VerdictDenied'), 'Pat Partner', 'read', 'Case 00001001'));
        expect(recordText('Case', 'case 00001001')).toBe('case 00001001');
        expect(recordText('Invoice', 'INV-0003')).toBe('Invoice INV-0003');
    });

    it('a denied verdict leads with the blocking reason and offers the cheapest fix, found in its layer', () => {
        const e = partnerDenied();
        const m = verdictModel(e, 'read', 'Case');
        expect(m.allowed).toBe(false);
        expect(m.leadKind).toBe('blocked');
        expect(m.lead).toBe(fill(label('AXR_LeadBlocked'), e.whyNot[0]?.reason ?? ''));
        expect(m.layer).toBe('orgWideDefaults');
        expect(m.fix?.action).toBe('Share case 00001001 with Pat Partner (Read).');
        // The fix is the org-wide-default layer's next step (same action).
        expect(m.fixLayer).toBe('orgWideDefaults');
        const elsewhere = {
            ...e,
            layers: e.layers.map((l) => {
                if (l.id === 'orgWideDefaults') return { ...l, nextSteps: [] };
                return l.id === 'manualShares' ? { ...l, nextSteps: [e.whyNot[0]!.cheapestFix!] } : l;
            })
        };
        expect(verdictModel(elsewhere, 'read', 'Case').fixLayer).toBe('manualShares');
        expect(layerOfStep(elsewhere, undefined)).toBeUndefined();
    });

    it('the near miss leads the verdict, the smallest fix comes first and its sources are kept apart from the text', () => {
        const e = nearMissDenied();
        const m = verdictModel(e, 'read', 'Compensation Plan');
        expect(m.leadKind).toBe('nearMiss');
        expect(m.lead).toBe(
            fill(label('AXR_LeadNearMiss'), 'Emma Eriksen’s role VP Sales is above the owner’s role', 'Grant Access Using Hierarchies is off for Compensation Plan')
        );
        expect(m.layer).toBe('roleHierarchy');
        // The why-not's cheapest fix (a share of this one record) before the near miss's own fix (an org-wide setting).
        expect(m.fix).toEqual(e.whyNot.find((w) => w.operation === 'read')?.cheapestFix);
        expect(m.fixLayer).toBe(layerOfStep(e, m.fix) ?? 'roleHierarchy');
        expect(m.sources).toContain('Help: Controlling Access Using Hierarchies');
        expect(m.lead).not.toContain('Help:');
    });

    it('an allowed verdict names the reason that decides (the strongest grant path), not the licence', () => {
        const e = internalAllowed();
        const m = verdictModel(e, 'edit', 'Case');
        expect(m.allowed).toBe(true);
        expect(m.leadKind).toBe('granted');
        expect(m.lead).toBe(fill(label('AXR_LeadGranted'), 'Sharing rules', e.paths[0]!.summary));
        expect(m.layer).toBe('sharingRules');
        expect(m.fix).toBeUndefined();
        expect(decidingPath(e, 'read')?.id).toBe('p1');
    });

    it('an allowed verdict without grant paths falls back to the granting layer’s reason', () => {
        const e = { ...internalAllowed(), paths: [] };
        const m = verdictModel(e, 'read', 'Case');
        expect(m.lead).toBe(fill(label('AXR_LeadGranted'), 'Sharing rules', e.layers.find((l) => l.id === 'sharingRules')!.reason));
    });
});

describe('reconciliation with UserRecordAccess', () => {
    it('agrees / unavailable', () => {
        expect(reconciliationView(partnerDenied()).kind).toBe('agrees');
        expect(reconciliationView(nearMissDenied()).kind).toBe('unavailable');
    });

    it('is an explanation when an active restriction rule removes exactly what UserRecordAccess reports (UserRecordAccess ignores restriction rules — Restriction Rules guide, Considerations)', () => {
        const v = reconciliationView(restrictedMismatch());
        expect(v).toMatchObject({ kind: 'explained', platformLevel: 'Edit', computedLevel: 'None' });
        expect(v.explanations).toEqual(['UserRecordAccess ignores restriction rules; rule EMEA only blocks Read.']);
    });

    it('stays a disagreement when nothing names the cause', () => {
        expect(reconciliationView(realMismatch()).kind).toBe('disagrees');
    });

    it('stays a disagreement when the evidence grants more than the platform, even with a restriction rule', () => {
        const e = restrictedMismatch();
        e.reconciliation = { ...e.reconciliation, platform: { maxAccessLevel: 'None', access: NONE }, computed: { maxAccessLevel: 'Read', access: { ...NONE, read: true } } };
        expect(reconciliationView(e).kind).toBe('disagrees');
    });
});

describe('comparison rows', () => {
    it('marks the operations that differ and states each layer in words, so "differs" shows what differs', () => {
        const a = internalAllowed();
        const b = partnerDenied();
        const m = compareModel(a, b, comparisonOf(a, b));
        expect(m.operations.filter((o) => o.differs).map((o) => o.key)).toEqual(['read', 'edit']);
        expect(m.differingOperations).toBe(2);
        const sharing = m.layers.find((l) => l.key === 'sharingRules');
        expect(sharing).toMatchObject({ differs: true, a: { text: fill(label('AXR_StateGives'), 'Read, Edit') }, b: { text: label('AXR_StateNothing') } });
        const objectPerms = m.layers.find((l) => l.key === 'objectPermissions');
        expect(objectPerms?.differs).toBe(false);
        expect(objectPerms?.a.text).toBe(objectPerms?.b.text);
    });
});
