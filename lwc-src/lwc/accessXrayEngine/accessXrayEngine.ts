/**
 * Access X-Ray engine: snapshot of evidence in → explanation out. Pure TypeScript: no
 * Salesforce I/O, no Node or DOM APIs, so it runs in the LWC, the Node CLI and Jest.
 */
export * from './types';
export { loadSnapshot, type LoadedSnapshot } from './loadSnapshot';
export { SnapshotError, ExplainError, type ExplainErrorCode } from './errors';
export { explain } from './explain';
export { whoCanSee, whoCanSeePaths } from './whoCanSee';
export { whoCanSeePages } from './whoCanSeePages';
export { mergeWhoCanSeeAnswers } from './whoCanSeeMerge';
export { csvField, toCsv } from './csv';
export { compareExplanations, type Comparison, type ComparisonRow } from './compare';
export { renderMarkdown, renderText } from './render';
export { toId18, isSalesforceId, sameId } from './ids';
export { shareTableFor } from './shareTables';
export { classifyUser, type UserClassification, type UserKind } from './userLicence';
export { describeRowCause, knownRowCauses } from './rowCauses';
export { applyWhatIf } from './whatIf';
export type { WhatIfChange } from './whatIf';
export { externalAccessChecklist, type Checklist, type ChecklistStep, type ChecklistVerdict } from './experienceCloudChecklist';
