/**
 * Experience Cloud access that the platform computes rather than stores (or stores as
 * implicit share rows that may be missing from a snapshot):
 * - portal implicit sharing for Customer Community Plus and Partner users (seed 002):
 *   contacts of their own account that are enabled as users (all contacts when "Allow users
 *   to see contacts that have not been enabled…" is on), and Read/Write on cases where they
 *   are the contact when "Grant site users access to related cases" is on — and so does
 *   everyone above them in the portal role hierarchy (CaseShare RowCause RelatedPortalUser;
 *   Spring '19 release notes "Restrict Community User Access to Cases"). Not for Customer
 *   Community (high-volume) users;
 * - high-volume users' licence default access (seed 004; Help "About High-Volume Community
 *   or Site Users"): Read on their own account (Read/Update with the High Volume Customer
 *   Portal / Service Cloud Portal licence), Read/Update on their own contact, and master
 *   records of detail records they own.
 */
import { flagsOf, type GrantLevel } from './accessLevels';
import type { EvaluationContext } from './context';
import { normaliseId, sameId } from './ids';
import type { NearMissCandidate } from './layer';
import { provenanceText } from './settingLabels';
import { externalIdentity } from './sharingSets';
import { SOURCE } from './sources';
import type { PathStep, Row } from './types';

export const SETTING_RELATED_CASES = 'experienceCloud.grantSiteUsersAccessToRelatedCases';
export const SETTING_SEE_UNENABLED_CONTACTS = 'experienceCloud.seeContactsNotEnabled';
/**
 * Also accepted for the related-cases checkbox: the Metadata API field the collectors read
 * (`SharingSettings.enablePortalUserCaseSharing`; its mapping to the checkbox is unconfirmed,
 * api-vocabulary.md §8). The first key present wins; the explanation names the one used.
 */
export const RELATED_CASES_ALIASES = ['sharingSettings.enablePortalUserCaseSharing'];

export const RELATED_CASES_DEFAULT = {
    value: true,
    source: 'assumed: "Grant site users access to related cases" (Setup > Sharing Settings) is selected by default (Spring \u201919 release notes "Restrict Community User Access to Cases"); the API does not expose it reliably'
};
export const SEE_UNENABLED_CONTACTS_DEFAULT = {
    value: false,
    source: 'assumed: "Allow users to see contacts that have not been enabled for partner or customer accounts" (Digital Experiences > Settings) is off by default; no API field is documented for it'
};

export interface ComputedGrant {
    level: GrantLevel;
    steps: PathStep[];
    reason: string;
    evidence: string[];
}

export interface ComputedOutcome {
    grants: ComputedGrant[];
    /** What was checked and didn't grant, in plain words. */
    notes: string[];
    uncertainties: string[];
    /** Next steps that would open access through these mechanisms. */
    fixes: { action: string; kind: 'changeSetting' | 'other'; targetIds?: string[]; grant?: GrantLevel }[];
    /** A mechanism that reached the user but one setting switched off (see nearMiss.ts). */
    nearMisses: NearMissCandidate[];
}

function str(value: unknown): string {
    return typeof value === 'string' ? value : '';
}

function settingOn(value: unknown): boolean {
    return value === true || value === 'true' || value === 1;
}

/** Where the setting's value came from, for the reason ("read from the org", "assumed: not in the snapshot"); names the metadata field when it was read through an alias. */
function settingText(provenance: string, key?: string): string {
    const field = key && RELATED_CASES_ALIASES.includes(key) ? key.split('.').pop() : undefined;
    return field ? `${provenanceText(provenance)} as the metadata field ${field}` : provenanceText(provenance);
}

/** Portal implicit sharing for CC+ and Partner users (seed 002). */
export function portalImplicit(ctx: EvaluationContext): ComputedOutcome {
    const out: ComputedOutcome = { grants: [], notes: [], uncertainties: [], fixes: [], nearMisses: [] };
    const me = externalIdentity(ctx.index, ctx.user);
    const record = ctx.record;
    const object = ctx.objectApiName;
    if (object === 'Account') {
        if (me.accountId && sameId(me.accountId, ctx.recordId)) {
            out.grants.push({
                level: 'Read',
                steps: [{ kind: 'user', label: `contact of account ${ctx.recordName}`, id: me.contactId ?? undefined, via: 'portal implicit sharing: belongs to' }],
                reason: `${ctx.userName} is an external user of this account, so portal implicit sharing gives Read on it (AccountShare RowCause PortalImplicit)`,
                evidence: me.contactId ? [`Contact:${me.contactId}`] : []
            });
        } else {
            out.notes.push(`this is not ${ctx.userName}'s own account (${me.accountId ? ctx.name(me.accountId) : 'no account on the user'})`);
        }
        return out;
    }
    if (object === 'Contact') {
        const accountId = normaliseId(record.AccountId);
        if (!me.accountId || !accountId || !sameId(accountId, me.accountId)) {
            out.notes.push(`the contact is not on ${ctx.userName}'s account (${me.accountId ? ctx.name(me.accountId) : 'no account'}), so portal implicit contact sharing doesn't apply`);
            return out;
        }
        if (me.contactId && sameId(me.contactId, ctx.recordId)) {
            out.grants.push({
                level: 'Read',
                steps: [{ kind: 'user', label: 'own contact', via: 'is the user of' }],
                reason: `this is ${ctx.userName}'s own contact (portal implicit sharing, ContactShare RowCause PortalImplicit)`,
                evidence: []
            });
            return out;
        }
        const enabledUsers = ctx.index.rowsWhere('User', 'ContactId', ctx.recordId);
        if (enabledUsers.length > 0) {
            out.grants.push({
                level: 'Read',
                steps: [
                    { kind: 'user', label: `account ${ctx.name(me.accountId)}`, id: me.accountId, via: 'same account; contact enabled as user ' + enabledUsers.map((u) => str(u.Name) || str(u.Id)).join(', ') }
                ],
                reason: `the contact belongs to ${ctx.userName}'s account ${ctx.name(me.accountId)} and is enabled as an Experience Cloud user, so CC+/Partner portal implicit sharing gives Read`,
                evidence: enabledUsers.map((u) => `User:${str(u.Id)}`)
            });
            return out;
        }
        const setting = ctx.setting(SETTING_SEE_UNENABLED_CONTACTS, SEE_UNENABLED_CONTACTS_DEFAULT);
        const value = setting?.value ?? SEE_UNENABLED_CONTACTS_DEFAULT.value;
        const text = settingText(setting?.provenance ?? 'assumed');
        if (settingOn(value)) {
            out.grants.push({
                level: 'Read',
                steps: [
                    { kind: 'user', label: `account ${ctx.name(me.accountId)}`, id: me.accountId, via: 'same account' },
                    { kind: 'setting', label: 'see contacts not enabled for the site', id: `settings:${SETTING_SEE_UNENABLED_CONTACTS}`, via: 'allowed by' }
                ],
                reason: `the contact belongs to ${ctx.userName}'s account and "Allow users to see contacts that have not been enabled" is on (${text}), so portal implicit sharing gives Read`,
                evidence: [`settings:${SETTING_SEE_UNENABLED_CONTACTS}`]
            });
            return out;
        }
        if (ctx.owd.model === 'ControlledByParent') {
            out.uncertainties.push(
                `Contact is Controlled by Parent for external users, so the org-wide default layer follows ${ctx.userName}'s access to account ${ctx.name(me.accountId)}; Salesforce says CC+/Partner users see only the enabled contacts of their account unless "see contacts not enabled" is on, and CommunitiesSettings.enableCspContactVisibilityPref governs contacts of readable accounts under Controlled by Parent — which applies here is unconfirmed: reconcile with UserRecordAccess`
            );
        }
        const truncated = ctx.index.truncated('User');
        if (truncated) {
            out.uncertainties.push(`whether contact ${ctx.recordName} is enabled as a user is unknown: ${truncated}`);
        }
        out.notes.push(`the contact is on ${ctx.userName}'s account but isn't enabled as a site user, and "Allow users to see contacts that have not been enabled" is off (${text}): portal implicit sharing covers only enabled contacts`);
        out.fixes.push({
            kind: 'changeSetting',
            action: 'Turn on "Allow users to see contacts that have not been enabled for partner or customer accounts" (Setup > Digital Experiences > Settings) — it applies to every site user of every partner/customer account',
            targetIds: [`settings:${SETTING_SEE_UNENABLED_CONTACTS}`]
        });
        return out;
    }
    if (object === 'Case') {
        const alias = RELATED_CASES_ALIASES.find((k) => !ctx.index.setting(SETTING_RELATED_CASES) && ctx.index.setting(k));
        const key = alias ?? SETTING_RELATED_CASES;
        const setting = alias ? ctx.setting(alias) : ctx.setting(SETTING_RELATED_CASES, RELATED_CASES_DEFAULT);
        const value = setting?.value ?? RELATED_CASES_DEFAULT.value;
        const text = settingText(setting?.provenance ?? 'assumed', key);
        const caseContactId = normaliseId(record.ContactId);
        if (!Object.prototype.hasOwnProperty.call(record, 'ContactId')) {
            out.uncertainties.push('the case\'s ContactId was not collected, so "related cases" access cannot be checked');
            return out;
        }
        if (!caseContactId) {
            out.notes.push('the case has no contact, so "Grant site users access to related cases" cannot apply');
            return out;
        }
        const isMine = me.contactId !== null && sameId(caseContactId, me.contactId);
        let viaSubordinate: Row | undefined;
        if (!isMine) {
            const myRole = normaliseId(ctx.user.UserRoleId);
            const contactUsers = ctx.index.rowsWhere('User', 'ContactId', caseContactId);
            viaSubordinate = myRole
                ? contactUsers.find((u) => {
                      const theirRole = normaliseId(u.UserRoleId);
                      return !!theirRole && ctx.index.isRoleAbove(myRole, theirRole);
                  })
                : undefined;
            if (!viaSubordinate) {
                out.notes.push(
                    `the case contact ${ctx.name(caseContactId)} is not ${ctx.userName}'s contact, nor a site user below ${ctx.userName} in the portal role hierarchy, so "related cases" access doesn't apply`
                );
                return out;
            }
        }
        if (!settingOn(value)) {
            const mechanism = isMine ? `${ctx.userName} is the case contact` : `the case contact's user ${str(viaSubordinate?.Name)} is below ${ctx.userName} in the portal role hierarchy`;
            out.notes.push(`${mechanism}, but "Grant site users access to related cases" is off (${text})`);
            const fix = {
                kind: 'changeSetting' as const,
                action: 'Turn on "Grant site users access to related cases" (Setup > Sharing Settings) — every CC+/Partner user then gets Read/Write on cases where they are the contact, and so do users above them in the portal role hierarchy',
                targetIds: [`settings:${key}`],
                grant: 'Edit' as const
            };
            out.fixes.push(fix);
            out.nearMisses.push({
                tier: 2,
                layer: 'experienceCloud',
                mechanism,
                stoppedBy: `"Grant site users access to related cases" is off (${text})`,
                fix: { action: fix.action, kind: fix.kind, targetIds: fix.targetIds, source: SOURCE.relatedCases, effect: { grant: flagsOf('Edit') } },
                evidence: [`settings:${key}`],
                source: SOURCE.relatedCases,
                would: flagsOf('Edit')
            });
            return out;
        }
        const steps: PathStep[] = isMine
            ? [{ kind: 'user', label: `case contact ${ctx.name(caseContactId)}`, id: caseContactId, via: 'is the' }]
            : [
                  { kind: 'role', label: `portal role ${ctx.name(normaliseId(ctx.user.UserRoleId))}`, id: normaliseId(ctx.user.UserRoleId) ?? undefined, via: 'above' },
                  { kind: 'user', label: `case contact's user ${str(viaSubordinate?.Name) || str(viaSubordinate?.Id)}`, id: str(viaSubordinate?.Id), via: 'in the portal role hierarchy' }
              ];
        steps.push({ kind: 'setting', label: 'Grant site users access to related cases', id: `settings:${key}`, via: 'granted by' });
        out.grants.push({
            level: 'Edit',
            steps,
            reason: isMine
                ? `${ctx.userName} is the contact on this case and "Grant site users access to related cases" is on (${text}): Read/Write (CaseShare RowCause RelatedPortalUser)`
                : `${ctx.userName} is above the case contact's user ${str(viaSubordinate?.Name)} in the portal role hierarchy and "Grant site users access to related cases" is on (${text}): Read/Write`,
            evidence: [`settings:${key}`, ...(viaSubordinate ? [`User:${str(viaSubordinate.Id)}`] : [])]
        });
        return out;
    }
    return out;
}

function isServiceCloudPortal(licenceName: string | null): boolean {
    const lower = (licenceName ?? '').toLowerCase();
    return lower.includes('high volume customer portal') || lower.includes('service cloud portal');
}

/** High-volume users' licence default access (seed 004). */
export function highVolumeDefaults(ctx: EvaluationContext): ComputedOutcome {
    const out: ComputedOutcome = { grants: [], notes: [], uncertainties: [], fixes: [], nearMisses: [] };
    const me = externalIdentity(ctx.index, ctx.user);
    const scp = isServiceCloudPortal(ctx.classification.licenceName);
    if (ctx.objectApiName === 'Account' && me.accountId && sameId(me.accountId, ctx.recordId)) {
        out.grants.push({
            level: scp ? 'Edit' : 'Read',
            steps: [{ kind: 'user', label: 'own account (high-volume licence default access)', id: me.accountId, via: 'belongs to' }],
            reason: `high-volume users get ${scp ? 'Read and Update' : 'Read'} on the account they belong to (${scp ? 'Service Cloud Portal licence; ' : ''}AccountShare RowCause LpuImplicit)`,
            evidence: []
        });
    } else if (ctx.objectApiName === 'Contact' && me.contactId && sameId(me.contactId, ctx.recordId)) {
        out.grants.push({
            level: 'Edit',
            steps: [{ kind: 'user', label: 'own contact (high-volume licence default access)', id: me.contactId, via: 'is the user of' }],
            reason: 'high-volume users get Read and Update on their own contact (ContactShare RowCause LpuImplicit)',
            evidence: []
        });
    }
    // Master records of detail records the user owns (seed 004: "master records where the user has access to the detail record").
    const describe = ctx.index.snapshot.describe ?? {};
    for (const [childObject, child] of Object.entries(describe)) {
        for (const field of child.fields ?? []) {
            const masterDetail = field.cascadeDelete === true && field.nillable === false;
            if (!masterDetail || !(field.referenceTo ?? []).includes(ctx.objectApiName)) continue;
            const owned = ctx.index.rowsWhere(childObject, field.name, ctx.recordId).find((r) => sameId(r.OwnerId, ctx.userId));
            if (owned) {
                out.grants.push({
                    level: 'Read',
                    steps: [{ kind: 'parentRecord', label: `${childObject} ${ctx.name(str(owned.Id))} (owned, detail of this record)`, id: str(owned.Id), via: `owns a detail record via ${field.name}` }],
                    reason: `${ctx.userName} owns ${childObject} ${ctx.name(str(owned.Id))}, a detail of this record (master-detail ${field.name}); high-volume users can read master records of details they can access`,
                    evidence: [`${childObject}:${str(owned.Id)}`]
                });
                return out;
            }
        }
    }
    return out;
}
