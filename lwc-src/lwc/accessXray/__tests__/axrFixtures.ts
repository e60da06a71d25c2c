/**
 * Explanations used by the panel's component tests. They follow the engine contract
 * (lwc-src/lwc/accessXrayEngine/types.ts) and describe documented situations:
 *  - PARTNER_DENIED: a partner user with Case Read (object permission) but no record
 *    access: external OWD Private and nothing shares the case with him — seed 000
 *    ("Troubleshoot Missing Object or Record Access for Customer or Partner Users",
 *    steps 1–2: object permissions present, external org-wide default Private).
 *  - INTERNAL_ALLOWED: an internal user who reads and edits the case through a criteria
 *    sharing rule to her role and subordinates — seed 001 layer 5 (sharing rules).
 *  - MISMATCH: the engine and UserRecordAccess disagree because a restriction rule
 *    blocks Read — access-semantics.md §13/§14 ("UserRecordAccess ignores restriction rules").
 */
import type { AccessFlags, Explanation, LayerId, LayerResult, LayerStatus } from 'c/accessXrayEngine';

export const RECORD_ID = '500000000000001AAA';
export const PARTNER_ID = '005000000000PATAAA';
export const INTERNAL_ID = '005000000000ANAAAA';
export const RESTRICTED_ID = '005000000000RESAAA';

const NONE: AccessFlags = { read: false, edit: false, delete: false, transfer: false, share: false };
const READ_EDIT: AccessFlags = { ...NONE, read: true, edit: true };
const CRUD: AccessFlags = { read: true, edit: true, delete: true, transfer: false, share: false };

const TITLES: Record<LayerId, string> = {
    objectPermissions: 'Object permissions',
    orgWideDefaults: 'Org-wide defaults',
    ownership: 'Record ownership',
    roleHierarchy: 'Role hierarchy',
    sharingRules: 'Sharing rules',
    territories: 'Territories',
    teams: 'Teams',
    manualShares: 'Manual and Apex shares',
    implicitSharing: 'Implicit sharing',
    systemPermissions: 'System permissions',
    experienceCloud: 'Experience Cloud',
    restrictionRules: 'Restriction rules'
};

function layer(id: LayerId, status: LayerStatus, reason: string, extra: Partial<LayerResult> = {}): LayerResult {
    return { id, title: TITLES[id], status, access: NONE, reason, nextSteps: [], evidence: [], ...extra };
}

export function partnerDenied(): Explanation {
    return {
        userId: PARTNER_ID,
        recordId: RECORD_ID,
        objectApiName: 'Case',
        userName: 'Pat Partner',
        recordName: 'case 00001001',
        access: NONE,
        maxAccessLevel: 'None',
        uncertain: false,
        uncertainties: [],
        summary:
            "Pat Partner can't read case 00001001: the external org-wide default for Case is Private and no layer shares it with him.",
        layers: [
            layer('objectPermissions', 'grants', 'Profile Partner Community User grants Read, Create, Edit on Case.', {
                access: CRUD,
                evidence: ['ObjectPermissions:110000000000001AAA']
            }),
            layer('orgWideDefaults', 'neutral', 'External org-wide default for Case is Private.', {
                evidence: ['EntityDefinition:Case'],
                nextSteps: [
                    {
                        action: 'Share case 00001001 with Pat Partner (Read).',
                        kind: 'manualShare',
                        blastRadius: 'Affects this record only.'
                    }
                ]
            }),
            layer('ownership', 'neutral', 'The case is owned by Olivia Owner, not by Pat Partner.', {
                evidence: [`Case:${RECORD_ID}`]
            }),
            layer('roleHierarchy', 'neutral', 'Partner role Acme Partner User is not above the owner’s role.'),
            layer('sharingRules', 'neutral', 'No sharing rule on Case shares with Pat Partner’s groups or roles.'),
            layer('territories', 'notApplicable', 'Territories do not apply to partner users on cases.'),
            layer('teams', 'neutral', 'Pat Partner is not on the case team.'),
            layer('manualShares', 'neutral', 'No CaseShare row for Pat Partner or his groups.'),
            layer(
                'implicitSharing',
                'neutral',
                'Pat Partner has no access to the parent account Acme that would imply case access.'
            ),
            layer('systemPermissions', 'neutral', 'No View All Data, Modify All Data, or View All on Case.'),
            layer(
                'experienceCloud',
                'neutral',
                'No sharing set or share group applies to the Partner Community profile.'
            ),
            layer('restrictionRules', 'notApplicable', 'No active restriction rule on Case.')
        ],
        paths: [],
        gates: {
            fields: [
                {
                    field: 'Subject',
                    label: 'Subject',
                    readable: true,
                    editable: true,
                    readVia: ['Partner Community User'],
                    editVia: ['Partner Community User'],
                    onLayout: true
                },
                {
                    field: 'Internal_Notes__c',
                    label: 'Internal Notes',
                    readable: false,
                    editable: false,
                    readVia: [],
                    editVia: [],
                    onLayout: false,
                    note: 'No field permission grants Read.'
                }
            ],
            recordType: {
                recordTypeId: '012000000000001AAA',
                name: 'Support',
                available: true,
                reason: 'Record type Support is assigned to profile Partner Community User.'
            },
            layout: {
                name: 'Case (Partner) Layout',
                reason: 'Profile Partner Community User, record type Support.',
                missingFields: ['Internal_Notes__c']
            }
        },
        reconciliation: {
            status: 'agrees',
            platform: { maxAccessLevel: 'None', access: NONE },
            computed: { maxAccessLevel: 'None', access: NONE },
            explanations: []
        },
        whyNot: [
            {
                operation: 'read',
                blockingLayer: 'orgWideDefaults',
                reason: 'Case is Private for external users and nothing shares case 00001001 with Pat Partner.',
                cheapestFix: { action: 'Share case 00001001 with Pat Partner (Read).', kind: 'manualShare' }
            },
            { operation: 'edit', blockingLayer: 'orgWideDefaults', reason: 'No record access at all.' },
            { operation: 'delete', blockingLayer: 'orgWideDefaults', reason: 'No record access at all.' },
            { operation: 'transfer', blockingLayer: 'orgWideDefaults', reason: 'No record access at all.' },
            { operation: 'share', blockingLayer: 'orgWideDefaults', reason: 'No record access at all.' }
        ],
        settingsUsed: [
            {
                key: 'externalSharingModel.Case',
                setting: { value: 'Private', provenance: 'org', source: 'EntityDefinition.ExternalSharingModel' }
            }
        ]
    };
}

export function internalAllowed(): Explanation {
    const base = partnerDenied();
    return {
        ...base,
        userId: INTERNAL_ID,
        userName: 'Ana Agent',
        access: READ_EDIT,
        maxAccessLevel: 'Edit',
        summary: 'Ana Agent can read and edit case 00001001 through sharing rule EMEA Cases.',
        layers: base.layers.map((l) => {
            if (l.id === 'sharingRules') {
                return {
                    ...l,
                    status: 'grants' as const,
                    access: READ_EDIT,
                    reason: 'Criteria sharing rule EMEA Cases shares Read/Write with role EMEA Support and subordinates.',
                    evidence: ['metadata:SharingRules:Case.EMEA_Cases', 'CaseShare:02s000000000001AAA']
                };
            }
            return l.id === 'orgWideDefaults'
                ? { ...l, reason: 'Internal org-wide default for Case is Private.', nextSteps: [] }
                : l;
        }),
        paths: [
            {
                id: 'p1',
                layer: 'sharingRules',
                level: 'Edit',
                summary: 'Ana Agent → role EMEA Support → rule EMEA Cases → case 00001001 (Edit)',
                steps: [
                    { kind: 'user', label: 'Ana Agent', id: INTERNAL_ID, via: 'holds role' },
                    { kind: 'role', label: 'EMEA Support', via: 'shared with by' },
                    { kind: 'rule', label: 'EMEA Cases', via: 'grants Edit on' },
                    { kind: 'record', label: 'case 00001001', id: RECORD_ID }
                ]
            }
        ],
        reconciliation: {
            status: 'agrees',
            platform: { maxAccessLevel: 'Edit', access: READ_EDIT },
            computed: { maxAccessLevel: 'Edit', access: READ_EDIT },
            explanations: []
        },
        whyNot: [
            {
                operation: 'delete',
                blockingLayer: 'objectPermissions',
                reason: 'Delete on a record needs the owner, the hierarchy above it, or Modify All.'
            },
            { operation: 'transfer', blockingLayer: 'ownership', reason: 'Transfer needs ownership or Modify All.' },
            { operation: 'share', blockingLayer: 'ownership', reason: 'Sharing needs Full Access.' }
        ]
    };
}

export function restrictedMismatch(): Explanation {
    const base = internalAllowed();
    return {
        ...base,
        userId: RESTRICTED_ID,
        userName: 'Rita Restricted',
        access: NONE,
        maxAccessLevel: 'None',
        uncertain: true,
        uncertainties: ['Restriction rule criteria use $User.Department, which the snapshot did not include.'],
        summary: "Rita Restricted can't read case 00001001: restriction rule EMEA only blocks it.",
        layers: base.layers.map((l): LayerResult => {
            if (l.id !== 'restrictionRules') {
                return l;
            }
            return {
                ...l,
                status: 'blocks',
                access: NONE,
                reason: 'Restriction rule EMEA only hides cases outside Region EMEA.',
                evidence: ['metadata:RestrictionRule:EMEA_only']
            };
        }),
        reconciliation: {
            status: 'disagrees',
            platform: { maxAccessLevel: 'Edit', access: READ_EDIT },
            computed: { maxAccessLevel: 'None', access: NONE },
            explanations: ['UserRecordAccess ignores restriction rules; rule EMEA only blocks Read.']
        },
        whyNot: [
            {
                operation: 'read',
                blockingLayer: 'restrictionRules',
                reason: 'Restriction rule EMEA only hides this case.'
            },
            {
                operation: 'edit',
                blockingLayer: 'restrictionRules',
                reason: 'Restriction rule EMEA only hides this case.'
            }
        ]
    };
}

/** What `compareExplanations(a, b)` returns, built the way the contract describes it. */
export function comparisonOf(a: Explanation, b: Explanation) {
    const rows = a.layers.map((la) => {
        const lb = b.layers.find((l) => l.id === la.id) ?? la;
        return {
            layer: la.id,
            a: la,
            b: lb,
            differs: la.status !== lb.status || JSON.stringify(la.access) !== JSON.stringify(lb.access)
        };
    });
    return {
        differingLayers: rows.filter((r) => r.differs).map((r) => r.layer),
        summary: `${a.userName} and ${b.userName} differ on: ${rows
            .filter((r) => r.differs)
            .map((r) => r.a.title)
            .join(', ')}.`,
        rows
    };
}

/**
 * A real disagreement: UserRecordAccess grants Read, the evidence explains nothing — no
 * restriction rule names the cause (the engine adds the reconciliation to the uncertainties).
 */
export function realMismatch(): Explanation {
    const base = partnerDenied();
    return {
        ...base,
        uncertain: true,
        uncertainties: ['Reconciliation: UserRecordAccess says read, the evidence says nothing'],
        reconciliation: {
            status: 'disagrees',
            platform: { maxAccessLevel: 'Read', access: { ...NONE, read: true } },
            computed: { maxAccessLevel: 'None', access: NONE },
            explanations: [
                'The platform grants read that the evidence does not explain.',
                'No missing evidence explains it: the snapshot may be incomplete or stale; check share rows and group membership for this user.'
            ]
        }
    };
}

export const NEAR_MISS_ROLE = '00E000000000002AAA';

/**
 * Nothing grants, but the role hierarchy came closest: the user's role is above the owner's,
 * and Grant Access Using Hierarchies is off for the custom object (Help, "Controlling Access
 * Using Hierarchies": custom objects can turn it off) — the near miss leads the verdict.
 */
export function nearMissDenied(): Explanation {
    const base = partnerDenied();
    const fix = {
        action: 'Turn on Grant Access Using Hierarchies for Compensation Plan in Sharing Settings.',
        kind: 'changeSetting' as const,
        blastRadius: 'Every user above an owner in the role hierarchy reads that owner’s compensation plans.',
        source: 'https://help.salesforce.com/s/articleView?id=sf.security_sharing_cust_objects.htm'
    };
    return {
        ...base,
        userId: INTERNAL_ID,
        userName: 'Emma Eriksen',
        objectApiName: 'Compensation_Plan__c',
        recordName: 'CP-0001',
        summary: "Emma Eriksen can't read Compensation_Plan__c CP-0001.",
        layers: base.layers.map((l) =>
            (l.id === 'roleHierarchy'
                ? {
                      ...l,
                      reason: 'Emma Eriksen’s role VP Sales is above the owner’s role, but Grant Access Using Hierarchies is off.',
                      nextSteps: [fix],
                      evidence: [`UserRole:${NEAR_MISS_ROLE}`, 'settings:grantAccessUsingHierarchies.Compensation_Plan__c'],
                      sources: ['Help: Controlling Access Using Hierarchies']
                  }
                : l)
        ),
        nearMiss: {
            layer: 'roleHierarchy',
            mechanism: 'Emma Eriksen’s role VP Sales is above the owner’s role',
            stoppedBy: 'Grant Access Using Hierarchies is off for Compensation Plan',
            fix,
            evidence: ['settings:grantAccessUsingHierarchies.Compensation_Plan__c'],
            source: 'Help: Controlling Access Using Hierarchies'
        },
        whyNot: [
            {
                operation: 'read',
                blockingLayer: 'orgWideDefaults',
                reason: 'Compensation Plan is Private and nothing shares CP-0001 with Emma Eriksen.',
                cheapestFix: { action: 'Share CP-0001 with Emma Eriksen (Read).', kind: 'manualShare' }
            }
        ],
        reconciliation: { status: 'unavailable', computed: base.reconciliation.computed, explanations: [] }
    };
}
