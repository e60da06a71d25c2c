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
import AXR_VerdictMaxAccess from '@salesforce/label/c.AXR_VerdictMaxAccess';
import AXR_UncertainTitle from '@salesforce/label/c.AXR_UncertainTitle';
import AXR_UncertainBody from '@salesforce/label/c.AXR_UncertainBody';
import AXR_LayerListTitle from '@salesforce/label/c.AXR_LayerListTitle';
import AXR_NextSteps from '@salesforce/label/c.AXR_NextSteps';
import AXR_BlastRadius from '@salesforce/label/c.AXR_BlastRadius';
import AXR_Evidence from '@salesforce/label/c.AXR_Evidence';
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
import AXR_TargetRole from '@salesforce/label/c.AXR_TargetRole';
import AXR_TargetPermissionSet from '@salesforce/label/c.AXR_TargetPermissionSet';
import AXR_TargetPermissionSetGroup from '@salesforce/label/c.AXR_TargetPermissionSetGroup';
import AXR_TargetPermissionSets from '@salesforce/label/c.AXR_TargetPermissionSets';
import AXR_TargetProfile from '@salesforce/label/c.AXR_TargetProfile';
import AXR_TargetUser from '@salesforce/label/c.AXR_TargetUser';
import AXR_TargetRecord from '@salesforce/label/c.AXR_TargetRecord';
import AXR_TargetQueue from '@salesforce/label/c.AXR_TargetQueue';
import AXR_TargetGroup from '@salesforce/label/c.AXR_TargetGroup';
import AXR_TargetTerritory from '@salesforce/label/c.AXR_TargetTerritory';
import AXR_TargetTerritoryModel from '@salesforce/label/c.AXR_TargetTerritoryModel';
import AXR_TargetSharingSettings from '@salesforce/label/c.AXR_TargetSharingSettings';
import AXR_TargetDigitalExperiences from '@salesforce/label/c.AXR_TargetDigitalExperiences';
import AXR_TargetObjectManager from '@salesforce/label/c.AXR_TargetObjectManager';
import AXR_TargetSharingOf from '@salesforce/label/c.AXR_TargetSharingOf';
import AXR_TargetShareRecord from '@salesforce/label/c.AXR_TargetShareRecord';
import AXR_TargetTeamOf from '@salesforce/label/c.AXR_TargetTeamOf';
import AXR_AccessFull from '@salesforce/label/c.AXR_AccessFull';
import AXR_StateGives from '@salesforce/label/c.AXR_StateGives';
import AXR_StateAllows from '@salesforce/label/c.AXR_StateAllows';
import AXR_StateAllowsNothing from '@salesforce/label/c.AXR_StateAllowsNothing';
import AXR_StateBlocks from '@salesforce/label/c.AXR_StateBlocks';
import AXR_StateNothing from '@salesforce/label/c.AXR_StateNothing';
import AXR_StateNotChecked from '@salesforce/label/c.AXR_StateNotChecked';
import AXR_StateNotApplicable from '@salesforce/label/c.AXR_StateNotApplicable';
import AXR_LeadGranted from '@salesforce/label/c.AXR_LeadGranted';
import AXR_LeadNearMiss from '@salesforce/label/c.AXR_LeadNearMiss';
import AXR_LeadBlocked from '@salesforce/label/c.AXR_LeadBlocked';
import AXR_ErrorEvidenceDamaged from '@salesforce/label/c.AXR_ErrorEvidenceDamaged';
import AXR_ErrorUnknownUser from '@salesforce/label/c.AXR_ErrorUnknownUser';
import AXR_ErrorUnknownRecord from '@salesforce/label/c.AXR_ErrorUnknownRecord';
import AXR_ErrorOutOfScope from '@salesforce/label/c.AXR_ErrorOutOfScope';
import AXR_ErrorDetails from '@salesforce/label/c.AXR_ErrorDetails';
import AXR_ShowLayer from '@salesforce/label/c.AXR_ShowLayer';
import AXR_FixHeading from '@salesforce/label/c.AXR_FixHeading';
import AXR_WhatIfButton from '@salesforce/label/c.AXR_WhatIfButton';
import AXR_WhatIfButtonTitle from '@salesforce/label/c.AXR_WhatIfButtonTitle';
import AXR_ReconcileExplainedTitle from '@salesforce/label/c.AXR_ReconcileExplainedTitle';
import AXR_MismatchAction from '@salesforce/label/c.AXR_MismatchAction';
import AXR_CollectAgain from '@salesforce/label/c.AXR_CollectAgain';
import AXR_Sources from '@salesforce/label/c.AXR_Sources';
import AXR_DecidesVerdict from '@salesforce/label/c.AXR_DecidesVerdict';
import AXR_CompareSummary from '@salesforce/label/c.AXR_CompareSummary';
import AXR_CompareAllowed from '@salesforce/label/c.AXR_CompareAllowed';
import AXR_CompareNotAllowed from '@salesforce/label/c.AXR_CompareNotAllowed';
import AXR_CompareOperations from '@salesforce/label/c.AXR_CompareOperations';
import AXR_CompareOperationColumn from '@salesforce/label/c.AXR_CompareOperationColumn';
import AXR_CompareAllLayers from '@salesforce/label/c.AXR_CompareAllLayers';
import AXR_CompareDifferingLayers from '@salesforce/label/c.AXR_CompareDifferingLayers';
import AXR_CompareShowAll from '@salesforce/label/c.AXR_CompareShowAll';
import AXR_LayerObjectPermissions from '@salesforce/label/c.AXR_LayerObjectPermissions';
import AXR_LayerOrgWideDefaults from '@salesforce/label/c.AXR_LayerOrgWideDefaults';
import AXR_LayerOwnership from '@salesforce/label/c.AXR_LayerOwnership';
import AXR_LayerRoleHierarchy from '@salesforce/label/c.AXR_LayerRoleHierarchy';
import AXR_LayerSharingRules from '@salesforce/label/c.AXR_LayerSharingRules';
import AXR_LayerTerritories from '@salesforce/label/c.AXR_LayerTerritories';
import AXR_LayerTeams from '@salesforce/label/c.AXR_LayerTeams';
import AXR_LayerManualShares from '@salesforce/label/c.AXR_LayerManualShares';
import AXR_LayerImplicitSharing from '@salesforce/label/c.AXR_LayerImplicitSharing';
import AXR_LayerSystemPermissions from '@salesforce/label/c.AXR_LayerSystemPermissions';
import AXR_LayerExperienceCloud from '@salesforce/label/c.AXR_LayerExperienceCloud';
import AXR_LayerRestrictionRules from '@salesforce/label/c.AXR_LayerRestrictionRules';
import AXR_TabWhoCanSee from '@salesforce/label/c.AXR_TabWhoCanSee';
import AXR_TabWhatIf from '@salesforce/label/c.AXR_TabWhatIf';
import AXR_WcsTitle from '@salesforce/label/c.AXR_WcsTitle';
import AXR_WcsTitleFor from '@salesforce/label/c.AXR_WcsTitleFor';
import AXR_WcsTotal from '@salesforce/label/c.AXR_WcsTotal';
import AXR_WcsTotalFiltered from '@salesforce/label/c.AXR_WcsTotalFiltered';
import AXR_WcsMechanismCount from '@salesforce/label/c.AXR_WcsMechanismCount';
import AXR_WcsByMechanism from '@salesforce/label/c.AXR_WcsByMechanism';
import AXR_WcsSearchLabel from '@salesforce/label/c.AXR_WcsSearchLabel';
import AXR_WcsSearchPlaceholder from '@salesforce/label/c.AXR_WcsSearchPlaceholder';
import AXR_WcsSortLabel from '@salesforce/label/c.AXR_WcsSortLabel';
import AXR_WcsSortName from '@salesforce/label/c.AXR_WcsSortName';
import AXR_WcsSortAccess from '@salesforce/label/c.AXR_WcsSortAccess';
import AXR_WcsUserColumn from '@salesforce/label/c.AXR_WcsUserColumn';
import AXR_WcsAccessColumn from '@salesforce/label/c.AXR_WcsAccessColumn';
import AXR_WcsReasonColumn from '@salesforce/label/c.AXR_WcsReasonColumn';
import AXR_WcsExplain from '@salesforce/label/c.AXR_WcsExplain';
import AXR_WcsExplainUser from '@salesforce/label/c.AXR_WcsExplainUser';
import AXR_WcsNobody from '@salesforce/label/c.AXR_WcsNobody';
import AXR_WcsNoMatch from '@salesforce/label/c.AXR_WcsNoMatch';
import AXR_WcsRange from '@salesforce/label/c.AXR_WcsRange';
import AXR_WcsPrevious from '@salesforce/label/c.AXR_WcsPrevious';
import AXR_WcsNext from '@salesforce/label/c.AXR_WcsNext';
import AXR_WcsPublicInternal from '@salesforce/label/c.AXR_WcsPublicInternal';
import AXR_WcsPublicExternal from '@salesforce/label/c.AXR_WcsPublicExternal';
import AXR_WcsPublicByProfile from '@salesforce/label/c.AXR_WcsPublicByProfile';
import AXR_WcsPublicByPermissionSet from '@salesforce/label/c.AXR_WcsPublicByPermissionSet';
import AXR_WcsListPublic from '@salesforce/label/c.AXR_WcsListPublic';
import AXR_WcsDownloadCsv from '@salesforce/label/c.AXR_WcsDownloadCsv';
import AXR_WcsCsvColumns from '@salesforce/label/c.AXR_WcsCsvColumns';
import AXR_WcsHidePublic from '@salesforce/label/c.AXR_WcsHidePublic';
import AXR_WcsUncertain from '@salesforce/label/c.AXR_WcsUncertain';
import AXR_WcsJobRunning from '@salesforce/label/c.AXR_WcsJobRunning';
import AXR_WcsJobProgress from '@salesforce/label/c.AXR_WcsJobProgress';
import AXR_WcsJobFailed from '@salesforce/label/c.AXR_WcsJobFailed';
import AXR_WcsJobFailedBecause from '@salesforce/label/c.AXR_WcsJobFailedBecause';
import AXR_WcsErrorTitle from '@salesforce/label/c.AXR_WcsErrorTitle';
import AXR_WhatIfTitle from '@salesforce/label/c.AXR_WhatIfTitle';
import AXR_WhatIfIntro from '@salesforce/label/c.AXR_WhatIfIntro';
import AXR_WhatIfKindLabel from '@salesforce/label/c.AXR_WhatIfKindLabel';
import AXR_WhatIfKindPermissionSet from '@salesforce/label/c.AXR_WhatIfKindPermissionSet';
import AXR_WhatIfKindPermissionSetGroup from '@salesforce/label/c.AXR_WhatIfKindPermissionSetGroup';
import AXR_WhatIfKindGroup from '@salesforce/label/c.AXR_WhatIfKindGroup';
import AXR_WhatIfKindQueue from '@salesforce/label/c.AXR_WhatIfKindQueue';
import AXR_WhatIfKindRole from '@salesforce/label/c.AXR_WhatIfKindRole';
import AXR_WhatIfKindShare from '@salesforce/label/c.AXR_WhatIfKindShare';
import AXR_WhatIfLevelLabel from '@salesforce/label/c.AXR_WhatIfLevelLabel';
import AXR_WhatIfLevelRead from '@salesforce/label/c.AXR_WhatIfLevelRead';
import AXR_WhatIfLevelEdit from '@salesforce/label/c.AXR_WhatIfLevelEdit';
import AXR_WhatIfFind from '@salesforce/label/c.AXR_WhatIfFind';
import AXR_WhatIfSearchPlaceholder from '@salesforce/label/c.AXR_WhatIfSearchPlaceholder';
import AXR_WhatIfPick from '@salesforce/label/c.AXR_WhatIfPick';
import AXR_WhatIfNoResults from '@salesforce/label/c.AXR_WhatIfNoResults';
import AXR_WhatIfSearchError from '@salesforce/label/c.AXR_WhatIfSearchError';
import AXR_WhatIfPreview from '@salesforce/label/c.AXR_WhatIfPreview';
import AXR_WhatIfErrorTitle from '@salesforce/label/c.AXR_WhatIfErrorTitle';
import AXR_WhatIfBefore from '@salesforce/label/c.AXR_WhatIfBefore';
import AXR_WhatIfAfter from '@salesforce/label/c.AXR_WhatIfAfter';
import AXR_WhatIfNoChange from '@salesforce/label/c.AXR_WhatIfNoChange';
import AXR_WhatIfGains from '@salesforce/label/c.AXR_WhatIfGains';
import AXR_WhatIfLoses from '@salesforce/label/c.AXR_WhatIfLoses';
import AXR_WhatIfLayerChange from '@salesforce/label/c.AXR_WhatIfLayerChange';
import AXR_WhatIfOnlyThisRecord from '@salesforce/label/c.AXR_WhatIfOnlyThisRecord';
import AXR_WhatIfOtherRecords from '@salesforce/label/c.AXR_WhatIfOtherRecords';
import AXR_WhatIfOthersUnknown from '@salesforce/label/c.AXR_WhatIfOthersUnknown';
import AXR_WhatIfDoIt from '@salesforce/label/c.AXR_WhatIfDoIt';
import AXR_WhatIfNothingChanged from '@salesforce/label/c.AXR_WhatIfNothingChanged';
import AXR_MoreActions from '@salesforce/label/c.AXR_MoreActions';
import AXR_PickUserFirst from '@salesforce/label/c.AXR_PickUserFirst';
import AXR_WhatIfTypeMore from '@salesforce/label/c.AXR_WhatIfTypeMore';

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
    verdictMaxAccess: AXR_VerdictMaxAccess,
    uncertainTitle: AXR_UncertainTitle,
    uncertainBody: AXR_UncertainBody,
    layerListTitle: AXR_LayerListTitle,
    nextSteps: AXR_NextSteps,
    blastRadius: AXR_BlastRadius,
    evidence: AXR_Evidence,
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
    provenance: AXR_Provenance,
    targetRole: AXR_TargetRole,
    targetPermissionSet: AXR_TargetPermissionSet,
    targetPermissionSetGroup: AXR_TargetPermissionSetGroup,
    targetPermissionSets: AXR_TargetPermissionSets,
    targetProfile: AXR_TargetProfile,
    targetUser: AXR_TargetUser,
    targetRecord: AXR_TargetRecord,
    targetQueue: AXR_TargetQueue,
    targetGroup: AXR_TargetGroup,
    targetTerritory: AXR_TargetTerritory,
    targetTerritoryModel: AXR_TargetTerritoryModel,
    targetSharingSettings: AXR_TargetSharingSettings,
    targetDigitalExperiences: AXR_TargetDigitalExperiences,
    targetObjectManager: AXR_TargetObjectManager,
    targetSharingOf: AXR_TargetSharingOf,
    targetShareRecord: AXR_TargetShareRecord,
    targetTeamOf: AXR_TargetTeamOf,
    accessFull: AXR_AccessFull,
    stateGives: AXR_StateGives,
    stateAllows: AXR_StateAllows,
    stateAllowsNothing: AXR_StateAllowsNothing,
    stateBlocks: AXR_StateBlocks,
    stateNothing: AXR_StateNothing,
    stateNotChecked: AXR_StateNotChecked,
    stateNotApplicable: AXR_StateNotApplicable,
    leadGranted: AXR_LeadGranted,
    leadNearMiss: AXR_LeadNearMiss,
    leadBlocked: AXR_LeadBlocked,
    errorEvidenceDamaged: AXR_ErrorEvidenceDamaged,
    errorUnknownUser: AXR_ErrorUnknownUser,
    errorUnknownRecord: AXR_ErrorUnknownRecord,
    errorOutOfScope: AXR_ErrorOutOfScope,
    errorDetails: AXR_ErrorDetails,
    showLayer: AXR_ShowLayer,
    fixHeading: AXR_FixHeading,
    whatIfButton: AXR_WhatIfButton,
    whatIfButtonTitle: AXR_WhatIfButtonTitle,
    reconcileExplainedTitle: AXR_ReconcileExplainedTitle,
    mismatchAction: AXR_MismatchAction,
    collectAgain: AXR_CollectAgain,
    sources: AXR_Sources,
    decidesVerdict: AXR_DecidesVerdict,
    compareSummary: AXR_CompareSummary,
    compareAllowed: AXR_CompareAllowed,
    compareNotAllowed: AXR_CompareNotAllowed,
    compareOperations: AXR_CompareOperations,
    compareOperationColumn: AXR_CompareOperationColumn,
    compareAllLayers: AXR_CompareAllLayers,
    compareDifferingLayers: AXR_CompareDifferingLayers,
    compareShowAll: AXR_CompareShowAll,
    layerObjectPermissions: AXR_LayerObjectPermissions,
    layerOrgWideDefaults: AXR_LayerOrgWideDefaults,
    layerOwnership: AXR_LayerOwnership,
    layerRoleHierarchy: AXR_LayerRoleHierarchy,
    layerSharingRules: AXR_LayerSharingRules,
    layerTerritories: AXR_LayerTerritories,
    layerTeams: AXR_LayerTeams,
    layerManualShares: AXR_LayerManualShares,
    layerImplicitSharing: AXR_LayerImplicitSharing,
    layerSystemPermissions: AXR_LayerSystemPermissions,
    layerExperienceCloud: AXR_LayerExperienceCloud,
    layerRestrictionRules: AXR_LayerRestrictionRules,
    tabWhoCanSee: AXR_TabWhoCanSee,
    tabWhatIf: AXR_TabWhatIf,
    wcsTitle: AXR_WcsTitle,
    wcsTitleFor: AXR_WcsTitleFor,
    wcsTotal: AXR_WcsTotal,
    wcsTotalFiltered: AXR_WcsTotalFiltered,
    wcsMechanismCount: AXR_WcsMechanismCount,
    wcsByMechanism: AXR_WcsByMechanism,
    wcsSearchLabel: AXR_WcsSearchLabel,
    wcsSearchPlaceholder: AXR_WcsSearchPlaceholder,
    wcsSortLabel: AXR_WcsSortLabel,
    wcsSortName: AXR_WcsSortName,
    wcsSortAccess: AXR_WcsSortAccess,
    wcsUserColumn: AXR_WcsUserColumn,
    wcsAccessColumn: AXR_WcsAccessColumn,
    wcsReasonColumn: AXR_WcsReasonColumn,
    wcsExplain: AXR_WcsExplain,
    wcsExplainUser: AXR_WcsExplainUser,
    wcsNobody: AXR_WcsNobody,
    wcsNoMatch: AXR_WcsNoMatch,
    wcsRange: AXR_WcsRange,
    wcsPrevious: AXR_WcsPrevious,
    wcsNext: AXR_WcsNext,
    wcsPublicInternal: AXR_WcsPublicInternal,
    wcsPublicExternal: AXR_WcsPublicExternal,
    wcsPublicByProfile: AXR_WcsPublicByProfile,
    wcsPublicByPermissionSet: AXR_WcsPublicByPermissionSet,
    wcsListPublic: AXR_WcsListPublic,
    wcsDownloadCsv: AXR_WcsDownloadCsv,
    /** Column headings of the who-can-see CSV, separated by | (translators keep the count and order). */
    wcsCsvColumns: AXR_WcsCsvColumns,
    wcsHidePublic: AXR_WcsHidePublic,
    wcsUncertain: AXR_WcsUncertain,
    wcsJobRunning: AXR_WcsJobRunning,
    wcsJobProgress: AXR_WcsJobProgress,
    wcsJobFailed: AXR_WcsJobFailed,
    wcsJobFailedBecause: AXR_WcsJobFailedBecause,
    wcsErrorTitle: AXR_WcsErrorTitle,
    whatIfTitle: AXR_WhatIfTitle,
    whatIfIntro: AXR_WhatIfIntro,
    whatIfKindLabel: AXR_WhatIfKindLabel,
    whatIfKindPermissionSet: AXR_WhatIfKindPermissionSet,
    whatIfKindPermissionSetGroup: AXR_WhatIfKindPermissionSetGroup,
    whatIfKindGroup: AXR_WhatIfKindGroup,
    whatIfKindQueue: AXR_WhatIfKindQueue,
    whatIfKindRole: AXR_WhatIfKindRole,
    whatIfKindShare: AXR_WhatIfKindShare,
    whatIfLevelLabel: AXR_WhatIfLevelLabel,
    whatIfLevelRead: AXR_WhatIfLevelRead,
    whatIfLevelEdit: AXR_WhatIfLevelEdit,
    whatIfFind: AXR_WhatIfFind,
    whatIfSearchPlaceholder: AXR_WhatIfSearchPlaceholder,
    whatIfPick: AXR_WhatIfPick,
    whatIfNoResults: AXR_WhatIfNoResults,
    whatIfSearchError: AXR_WhatIfSearchError,
    whatIfPreview: AXR_WhatIfPreview,
    whatIfErrorTitle: AXR_WhatIfErrorTitle,
    whatIfBefore: AXR_WhatIfBefore,
    whatIfAfter: AXR_WhatIfAfter,
    whatIfNoChange: AXR_WhatIfNoChange,
    whatIfGains: AXR_WhatIfGains,
    whatIfLoses: AXR_WhatIfLoses,
    whatIfLayerChange: AXR_WhatIfLayerChange,
    whatIfOnlyThisRecord: AXR_WhatIfOnlyThisRecord,
    whatIfOtherRecords: AXR_WhatIfOtherRecords,
    whatIfOthersUnknown: AXR_WhatIfOthersUnknown,
    whatIfDoIt: AXR_WhatIfDoIt,
    whatIfNothingChanged: AXR_WhatIfNothingChanged,
    moreActions: AXR_MoreActions,
    pickUserFirst: AXR_PickUserFirst,
    whatIfTypeMore: AXR_WhatIfTypeMore
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


/** Name of a grant-path step kind. */
export function stepKindLabel(kind: string): string {
    return STEP_LABELS[kind] ?? kind;
}
