// Every visible string of the panel, as Custom Labels (force-app/main/default/labels/AccessXRayPanel.labels-meta.xml).
// Generated together with the labels file; the accessXrayLabels Jest test checks they match.
import AXR_Title from '@salesforce/label/c.AXR_Title';
import AXR_Subtitle from '@salesforce/label/c.AXR_Subtitle';
import AXR_QuickActionTitle from '@salesforce/label/c.AXR_QuickActionTitle';
import AXR_UserPickerLabel from '@salesforce/label/c.AXR_UserPickerLabel';
import AXR_UserPickerPlaceholder from '@salesforce/label/c.AXR_UserPickerPlaceholder';
import AXR_MeButton from '@salesforce/label/c.AXR_MeButton';
import AXR_MeButtonTitle from '@salesforce/label/c.AXR_MeButtonTitle';
import AXR_OperationLabel from '@salesforce/label/c.AXR_OperationLabel';
import AXR_OpRead from '@salesforce/label/c.AXR_OpRead';
import AXR_OpEdit from '@salesforce/label/c.AXR_OpEdit';
import AXR_OpDelete from '@salesforce/label/c.AXR_OpDelete';
import AXR_OpTransfer from '@salesforce/label/c.AXR_OpTransfer';
import AXR_OpShare from '@salesforce/label/c.AXR_OpShare';
import AXR_VerbRead from '@salesforce/label/c.AXR_VerbRead';
import AXR_VerbEdit from '@salesforce/label/c.AXR_VerbEdit';
import AXR_VerbDelete from '@salesforce/label/c.AXR_VerbDelete';
import AXR_VerbTransfer from '@salesforce/label/c.AXR_VerbTransfer';
import AXR_VerbShare from '@salesforce/label/c.AXR_VerbShare';
import AXR_Loading from '@salesforce/label/c.AXR_Loading';
import AXR_EmptyTitle from '@salesforce/label/c.AXR_EmptyTitle';
import AXR_EmptyBody from '@salesforce/label/c.AXR_EmptyBody';
import AXR_NoRecord from '@salesforce/label/c.AXR_NoRecord';
import AXR_VerdictAllowed from '@salesforce/label/c.AXR_VerdictAllowed';
import AXR_VerdictDenied from '@salesforce/label/c.AXR_VerdictDenied';
import AXR_VerdictBlockedAt from '@salesforce/label/c.AXR_VerdictBlockedAt';
import AXR_VerdictMaxAccess from '@salesforce/label/c.AXR_VerdictMaxAccess';
import AXR_VerdictCheapestFix from '@salesforce/label/c.AXR_VerdictCheapestFix';
import AXR_VerdictAllowedIcon from '@salesforce/label/c.AXR_VerdictAllowedIcon';
import AXR_VerdictDeniedIcon from '@salesforce/label/c.AXR_VerdictDeniedIcon';
import AXR_ShowBlockingLayer from '@salesforce/label/c.AXR_ShowBlockingLayer';
import AXR_UncertainTitle from '@salesforce/label/c.AXR_UncertainTitle';
import AXR_UncertainBody from '@salesforce/label/c.AXR_UncertainBody';
import AXR_StatusGrants from '@salesforce/label/c.AXR_StatusGrants';
import AXR_StatusBlocks from '@salesforce/label/c.AXR_StatusBlocks';
import AXR_StatusNeutral from '@salesforce/label/c.AXR_StatusNeutral';
import AXR_StatusUncertain from '@salesforce/label/c.AXR_StatusUncertain';
import AXR_StatusNotApplicable from '@salesforce/label/c.AXR_StatusNotApplicable';
import AXR_LayerListTitle from '@salesforce/label/c.AXR_LayerListTitle';
import AXR_BlockingBadge from '@salesforce/label/c.AXR_BlockingBadge';
import AXR_LayerAccess from '@salesforce/label/c.AXR_LayerAccess';
import AXR_LayerAccessNone from '@salesforce/label/c.AXR_LayerAccessNone';
import AXR_NextSteps from '@salesforce/label/c.AXR_NextSteps';
import AXR_BlastRadius from '@salesforce/label/c.AXR_BlastRadius';
import AXR_Evidence from '@salesforce/label/c.AXR_Evidence';
import AXR_NoEvidence from '@salesforce/label/c.AXR_NoEvidence';
import AXR_PathsTitle from '@salesforce/label/c.AXR_PathsTitle';
import AXR_PathsEmpty from '@salesforce/label/c.AXR_PathsEmpty';
import AXR_PathLevel from '@salesforce/label/c.AXR_PathLevel';
import AXR_StepUser from '@salesforce/label/c.AXR_StepUser';
import AXR_StepRole from '@salesforce/label/c.AXR_StepRole';
import AXR_StepGroup from '@salesforce/label/c.AXR_StepGroup';
import AXR_StepQueue from '@salesforce/label/c.AXR_StepQueue';
import AXR_StepTerritory from '@salesforce/label/c.AXR_StepTerritory';
import AXR_StepTeam from '@salesforce/label/c.AXR_StepTeam';
import AXR_StepRule from '@salesforce/label/c.AXR_StepRule';
import AXR_StepShare from '@salesforce/label/c.AXR_StepShare';
import AXR_StepPermissionSet from '@salesforce/label/c.AXR_StepPermissionSet';
import AXR_StepSetting from '@salesforce/label/c.AXR_StepSetting';
import AXR_StepSharingSet from '@salesforce/label/c.AXR_StepSharingSet';
import AXR_StepRecord from '@salesforce/label/c.AXR_StepRecord';
import AXR_StepParentRecord from '@salesforce/label/c.AXR_StepParentRecord';
import AXR_FieldsTitle from '@salesforce/label/c.AXR_FieldsTitle';
import AXR_FieldColumn from '@salesforce/label/c.AXR_FieldColumn';
import AXR_ReadColumn from '@salesforce/label/c.AXR_ReadColumn';
import AXR_EditColumn from '@salesforce/label/c.AXR_EditColumn';
import AXR_ViaColumn from '@salesforce/label/c.AXR_ViaColumn';
import AXR_OnLayoutColumn from '@salesforce/label/c.AXR_OnLayoutColumn';
import AXR_NoteColumn from '@salesforce/label/c.AXR_NoteColumn';
import AXR_Yes from '@salesforce/label/c.AXR_Yes';
import AXR_No from '@salesforce/label/c.AXR_No';
import AXR_Unknown from '@salesforce/label/c.AXR_Unknown';
import AXR_FieldsEmpty from '@salesforce/label/c.AXR_FieldsEmpty';
import AXR_RecordTypeTitle from '@salesforce/label/c.AXR_RecordTypeTitle';
import AXR_RecordTypeAvailable from '@salesforce/label/c.AXR_RecordTypeAvailable';
import AXR_RecordTypeNotAvailable from '@salesforce/label/c.AXR_RecordTypeNotAvailable';
import AXR_RecordTypeNone from '@salesforce/label/c.AXR_RecordTypeNone';
import AXR_LayoutTitle from '@salesforce/label/c.AXR_LayoutTitle';
import AXR_LayoutNone from '@salesforce/label/c.AXR_LayoutNone';
import AXR_LayoutMissingFields from '@salesforce/label/c.AXR_LayoutMissingFields';
import AXR_GatesUncertain from '@salesforce/label/c.AXR_GatesUncertain';
import AXR_CompareTitle from '@salesforce/label/c.AXR_CompareTitle';
import AXR_ComparePickerLabel from '@salesforce/label/c.AXR_ComparePickerLabel';
import AXR_CompareEmpty from '@salesforce/label/c.AXR_CompareEmpty';
import AXR_CompareLayerColumn from '@salesforce/label/c.AXR_CompareLayerColumn';
import AXR_CompareDiffers from '@salesforce/label/c.AXR_CompareDiffers';
import AXR_CompareOnlyDiffering from '@salesforce/label/c.AXR_CompareOnlyDiffering';
import AXR_CompareNoDifferences from '@salesforce/label/c.AXR_CompareNoDifferences';
import AXR_CompareSameUser from '@salesforce/label/c.AXR_CompareSameUser';
import AXR_TabLayers from '@salesforce/label/c.AXR_TabLayers';
import AXR_TabPaths from '@salesforce/label/c.AXR_TabPaths';
import AXR_TabFields from '@salesforce/label/c.AXR_TabFields';
import AXR_TabCompare from '@salesforce/label/c.AXR_TabCompare';
import AXR_CopyMarkdown from '@salesforce/label/c.AXR_CopyMarkdown';
import AXR_DownloadJson from '@salesforce/label/c.AXR_DownloadJson';
import AXR_Copied from '@salesforce/label/c.AXR_Copied';
import AXR_CopyFailed from '@salesforce/label/c.AXR_CopyFailed';
import AXR_MarkdownFallbackLabel from '@salesforce/label/c.AXR_MarkdownFallbackLabel';
import AXR_Downloaded from '@salesforce/label/c.AXR_Downloaded';
import AXR_MismatchTitle from '@salesforce/label/c.AXR_MismatchTitle';
import AXR_MismatchBody from '@salesforce/label/c.AXR_MismatchBody';
import AXR_ReconcileUnavailable from '@salesforce/label/c.AXR_ReconcileUnavailable';
import AXR_ReconcileAgrees from '@salesforce/label/c.AXR_ReconcileAgrees';
import AXR_ErrorTitle from '@salesforce/label/c.AXR_ErrorTitle';
import AXR_ErrorUnknown from '@salesforce/label/c.AXR_ErrorUnknown';
import AXR_ErrorSnapshot from '@salesforce/label/c.AXR_ErrorSnapshot';
import AXR_ErrorNotJson from '@salesforce/label/c.AXR_ErrorNotJson';
import AXR_Retry from '@salesforce/label/c.AXR_Retry';
import AXR_SetupMissingTitle from '@salesforce/label/c.AXR_SetupMissingTitle';
import AXR_SetupMissingBody from '@salesforce/label/c.AXR_SetupMissingBody';
import AXR_SetupConnectionNote from '@salesforce/label/c.AXR_SetupConnectionNote';
import AXR_OnlySelf from '@salesforce/label/c.AXR_OnlySelf';
import AXR_AuditFailed from '@salesforce/label/c.AXR_AuditFailed';
import AXR_SettingsUsed from '@salesforce/label/c.AXR_SettingsUsed';
import AXR_Provenance from '@salesforce/label/c.AXR_Provenance';

/** All panel labels by short key. */
export const LABELS = {
    title: AXR_Title,
    subtitle: AXR_Subtitle,
    quickActionTitle: AXR_QuickActionTitle,
    userPickerLabel: AXR_UserPickerLabel,
    userPickerPlaceholder: AXR_UserPickerPlaceholder,
    meButton: AXR_MeButton,
    meButtonTitle: AXR_MeButtonTitle,
    operationLabel: AXR_OperationLabel,
    opRead: AXR_OpRead,
    opEdit: AXR_OpEdit,
    opDelete: AXR_OpDelete,
    opTransfer: AXR_OpTransfer,
    opShare: AXR_OpShare,
    verbRead: AXR_VerbRead,
    verbEdit: AXR_VerbEdit,
    verbDelete: AXR_VerbDelete,
    verbTransfer: AXR_VerbTransfer,
    verbShare: AXR_VerbShare,
    loading: AXR_Loading,
    emptyTitle: AXR_EmptyTitle,
    emptyBody: AXR_EmptyBody,
    noRecord: AXR_NoRecord,
    verdictAllowed: AXR_VerdictAllowed,
    verdictDenied: AXR_VerdictDenied,
    verdictBlockedAt: AXR_VerdictBlockedAt,
    verdictMaxAccess: AXR_VerdictMaxAccess,
    verdictCheapestFix: AXR_VerdictCheapestFix,
    verdictAllowedIcon: AXR_VerdictAllowedIcon,
    verdictDeniedIcon: AXR_VerdictDeniedIcon,
    showBlockingLayer: AXR_ShowBlockingLayer,
    uncertainTitle: AXR_UncertainTitle,
    uncertainBody: AXR_UncertainBody,
    statusGrants: AXR_StatusGrants,
    statusBlocks: AXR_StatusBlocks,
    statusNeutral: AXR_StatusNeutral,
    statusUncertain: AXR_StatusUncertain,
    statusNotApplicable: AXR_StatusNotApplicable,
    layerListTitle: AXR_LayerListTitle,
    blockingBadge: AXR_BlockingBadge,
    layerAccess: AXR_LayerAccess,
    layerAccessNone: AXR_LayerAccessNone,
    nextSteps: AXR_NextSteps,
    blastRadius: AXR_BlastRadius,
    evidence: AXR_Evidence,
    noEvidence: AXR_NoEvidence,
    pathsTitle: AXR_PathsTitle,
    pathsEmpty: AXR_PathsEmpty,
    pathLevel: AXR_PathLevel,
    stepUser: AXR_StepUser,
    stepRole: AXR_StepRole,
    stepGroup: AXR_StepGroup,
    stepQueue: AXR_StepQueue,
    stepTerritory: AXR_StepTerritory,
    stepTeam: AXR_StepTeam,
    stepRule: AXR_StepRule,
    stepShare: AXR_StepShare,
    stepPermissionSet: AXR_StepPermissionSet,
    stepSetting: AXR_StepSetting,
    stepSharingSet: AXR_StepSharingSet,
    stepRecord: AXR_StepRecord,
    stepParentRecord: AXR_StepParentRecord,
    fieldsTitle: AXR_FieldsTitle,
    fieldColumn: AXR_FieldColumn,
    readColumn: AXR_ReadColumn,
    editColumn: AXR_EditColumn,
    viaColumn: AXR_ViaColumn,
    onLayoutColumn: AXR_OnLayoutColumn,
    noteColumn: AXR_NoteColumn,
    yes: AXR_Yes,
    no: AXR_No,
    unknown: AXR_Unknown,
    fieldsEmpty: AXR_FieldsEmpty,
    recordTypeTitle: AXR_RecordTypeTitle,
    recordTypeAvailable: AXR_RecordTypeAvailable,
    recordTypeNotAvailable: AXR_RecordTypeNotAvailable,
    recordTypeNone: AXR_RecordTypeNone,
    layoutTitle: AXR_LayoutTitle,
    layoutNone: AXR_LayoutNone,
    layoutMissingFields: AXR_LayoutMissingFields,
    gatesUncertain: AXR_GatesUncertain,
    compareTitle: AXR_CompareTitle,
    comparePickerLabel: AXR_ComparePickerLabel,
    compareEmpty: AXR_CompareEmpty,
    compareLayerColumn: AXR_CompareLayerColumn,
    compareDiffers: AXR_CompareDiffers,
    compareOnlyDiffering: AXR_CompareOnlyDiffering,
    compareNoDifferences: AXR_CompareNoDifferences,
    compareSameUser: AXR_CompareSameUser,
    tabLayers: AXR_TabLayers,
    tabPaths: AXR_TabPaths,
    tabFields: AXR_TabFields,
    tabCompare: AXR_TabCompare,
    copyMarkdown: AXR_CopyMarkdown,
    downloadJson: AXR_DownloadJson,
    copied: AXR_Copied,
    copyFailed: AXR_CopyFailed,
    markdownFallbackLabel: AXR_MarkdownFallbackLabel,
    downloaded: AXR_Downloaded,
    mismatchTitle: AXR_MismatchTitle,
    mismatchBody: AXR_MismatchBody,
    reconcileUnavailable: AXR_ReconcileUnavailable,
    reconcileAgrees: AXR_ReconcileAgrees,
    errorTitle: AXR_ErrorTitle,
    errorUnknown: AXR_ErrorUnknown,
    errorSnapshot: AXR_ErrorSnapshot,
    errorNotJson: AXR_ErrorNotJson,
    retry: AXR_Retry,
    setupMissingTitle: AXR_SetupMissingTitle,
    setupMissingBody: AXR_SetupMissingBody,
    setupConnectionNote: AXR_SetupConnectionNote,
    onlySelf: AXR_OnlySelf,
    auditFailed: AXR_AuditFailed,
    settingsUsed: AXR_SettingsUsed,
    provenance: AXR_Provenance
} as const;

export type LabelKey = keyof typeof LABELS;

/** Replaces `{0}`, `{1}`... in a label with the given values (missing values keep the placeholder). */
export function format(template: string, ...values: (string | number)[]): string {
    return template.replace(/\{(\d+)\}/g, (placeholder: string, index: string) => {
        const value = values[Number(index)];
        return value === undefined ? placeholder : String(value);
    });
}

type OperationKey = 'read' | 'edit' | 'delete' | 'transfer' | 'share';

const OPERATION_LABELS: Record<OperationKey, string> = {
    read: LABELS.opRead,
    edit: LABELS.opEdit,
    delete: LABELS.opDelete,
    transfer: LABELS.opTransfer,
    share: LABELS.opShare
};

const OPERATION_VERBS: Record<OperationKey, string> = {
    read: LABELS.verbRead,
    edit: LABELS.verbEdit,
    delete: LABELS.verbDelete,
    transfer: LABELS.verbTransfer,
    share: LABELS.verbShare
};

const STATUS_LABELS: Record<string, string> = {
    grants: LABELS.statusGrants,
    blocks: LABELS.statusBlocks,
    neutral: LABELS.statusNeutral,
    uncertain: LABELS.statusUncertain,
    notApplicable: LABELS.statusNotApplicable
};

const STEP_LABELS: Record<string, string> = {
    user: LABELS.stepUser,
    role: LABELS.stepRole,
    group: LABELS.stepGroup,
    queue: LABELS.stepQueue,
    territory: LABELS.stepTerritory,
    team: LABELS.stepTeam,
    rule: LABELS.stepRule,
    share: LABELS.stepShare,
    permissionSet: LABELS.stepPermissionSet,
    setting: LABELS.stepSetting,
    sharingSet: LABELS.stepSharingSet,
    record: LABELS.stepRecord,
    parentRecord: LABELS.stepParentRecord
};

/** "Read", "Edit"... (button and column text). Unknown operations are shown as given. */
export function operationLabel(operation: string): string {
    return OPERATION_LABELS[operation as OperationKey] ?? operation;
}

/** "read", "edit"... (inside the verdict sentence). */
export function operationVerb(operation: string): string {
    return OPERATION_VERBS[operation as OperationKey] ?? operation;
}

/** Badge text of a layer status. */
export function statusLabel(status: string): string {
    return STATUS_LABELS[status] ?? status;
}

/** Name of a grant-path step kind. */
export function stepKindLabel(kind: string): string {
    return STEP_LABELS[kind] ?? kind;
}
