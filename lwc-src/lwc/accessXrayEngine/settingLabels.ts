/**
 * Settings keys in the words of the Setup page they come from, for everything a reader sees
 * (the keys themselves stay in `settingsUsed[].key` and in evidence ids).
 */
const FIXED: Readonly<Record<string, string>> = {
    'experienceCloud.grantSiteUsersAccessToRelatedCases': '"Grant site users access to related cases" (Sharing Settings)',
    'sharingSettings.enablePortalUserCaseSharing': '"Grant site users access to related cases" (Sharing Settings, read as enablePortalUserCaseSharing)',
    'experienceCloud.seeContactsNotEnabled': '"Allow users to see contacts that have not been enabled" (Digital Experiences settings)',
    'sharingSettings.enableExternalSharingModel': 'external sharing model (Sharing Settings)'
};

/** "Grant Access Using Hierarchies for Invoice__c", "internal org-wide default of User", … */
export function settingLabel(key: string): string {
    if (Object.prototype.hasOwnProperty.call(FIXED, key)) {
        return FIXED[key] as string;
    }
    const gauh = /^grantAccessUsingHierarchies\.(.+)$/.exec(key);
    if (gauh) {
        return `Grant Access Using Hierarchies for ${gauh[1] ?? ''} (Sharing Settings)`;
    }
    const owd = /^sharingModel\.(.+)\.(internal|external)$/.exec(key);
    if (owd) {
        return `${owd[2] ?? ''} org-wide default of ${owd[1] ?? ''}`;
    }
    return key;
}

/** Where a setting's value came from, in words. */
export function provenanceText(provenance: string): string {
    return provenance === 'org' ? 'read from the org' : provenance === 'admin' ? 'entered by an administrator' : 'assumed: not in the snapshot';
}
