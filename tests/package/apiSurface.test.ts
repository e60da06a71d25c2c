/** @jest-environment node */
/**
 * Upgrade safety (issue 9): "no destructive changes to global/public Apex signatures without a
 * version note". Salesforce ISVforce Guide, "Components Available in Managed Packages" /
 * "Editing Components and Attributes After Installation": once a managed version is released,
 * global Apex signatures cannot be removed or changed (only deprecated). The recorded surface is
 * docs/apex-api-surface.json; a recorded signature may only disappear when CHANGELOG.md's
 * "## [Unreleased]" section names it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeProject, removeProject } from './fixtureProject';

type Surface = Record<string, string>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const api = require('../../scripts/package/lib/apiSurface.js') as {
    SURFACE_FILE: string;
    classSurface: (name: string, code: string) => Surface;
    extractSurface: (root: string) => Surface;
    isCompatibleChange: (was: string, now: string | undefined) => boolean;
    compareSurface: (recorded: Surface, current: Surface, notes: string) => { removed: { member: string }[]; added: string[]; unnoted: { member: string }[] };
    unreleasedNotes: (root: string) => string;
    recordSurface: (root: string) => number;
    checkSurface: (root: string) => { ok: boolean; message: string };
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { stripApexCommentsAndStrings } = require('../../scripts/package/lib/sources.js') as { stripApexCommentsAndStrings: (s: string) => string };

const REPO = join(__dirname, '..', '..');
const surfaceOf = (name: string, source: string): Surface => api.classSurface(name, stripApexCommentsAndStrings(source));

describe('extracting the public/global surface of an Apex class', () => {
    const SOURCE = `/** @description doc with a { brace } and 'quote */
global with sharing class Api {
    public static final String NAME = 'has ; and { inside';
    @AuraEnabled(cacheable=true)
    public static List<Map<String, Object>> rows(Set<Id> ids, final String mode) {
        if (ids == null) { return null; }
        return new List<Map<String, Object>>{ new Map<String, Object>{ 'a' => 1 } };
    }
    global Api(Integer size) {}
    public String label { get; set; }
    private Integer hidden;
    private static void helper() {}
    public List<String> values = new List<String>{ 'x' };
    public enum Mode { FAST, SAFE }
    public class Row {
        @AuraEnabled
        public Id recordId;
        public Row() {}
    }
    private class Secret {
        public Integer shouldNotAppear;
    }
}`;

    it('records public and global members with parameter types (names dropped), annotations kept, private ones left out', () => {
        expect(surfaceOf('Api', SOURCE)).toEqual({
            Api: 'global class Api',
            'Api#NAME': 'public static final String NAME',
            'Api#rows(Set<Id>,String)': 'public static @AuraEnabled List<Map<String,Object>> rows(Set<Id>,String)',
            'Api#Api(Integer)': 'global Api(Integer)',
            'Api#label': 'public String label',
            'Api#values': 'public List<String> values',
            'Api.Mode': 'public enum Mode',
            'Api.Mode#values': 'FAST,SAFE',
            'Api.Row': 'public class Row',
            'Api.Row#recordId': 'public @AuraEnabled Id recordId',
            'Api.Row#Row()': 'public Row()'
        });
    });

    it('interface methods are public by definition', () => {
        expect(surfaceOf('Evidence', 'public interface Evidence {\n    void collect(Context ctx);\n    String name();\n}')).toEqual({
            Evidence: 'public interface Evidence',
            'Evidence#collect(Context)': 'public void collect(Context)',
            'Evidence#name()': 'public String name()'
        });
    });
});

describe('comparing a recorded surface with the current one', () => {
    const recorded = { 'A#run(Id)': 'public static void run(Id)', 'A#size': 'public Integer size' };

    it('a removed signature without a note is reported as unnoted', () => {
        const result = api.compareSurface(recorded, { 'A#size': 'public Integer size' }, '');
        expect(result.unnoted.map((u) => u.member)).toEqual(['A.run']);
    });

    it('a changed signature (new parameter type) counts as removed', () => {
        const result = api.compareSurface(recorded, { ...recorded, 'A#run(Id)': 'public static void run(String)' }, '');
        expect(result.unnoted.map((u) => u.member)).toEqual(['A.run']);
    });

    it('a note naming the member in the Unreleased section accepts the removal', () => {
        const result = api.compareSurface(recorded, { 'A#size': 'public Integer size' }, '### Removed\n- `A.run`: use `A.execute` instead.');
        expect(result.removed.map((r) => r.member)).toEqual(['A.run']);
        expect(result.unnoted).toEqual([]);
    });

    it('widening is compatible: public → global, adding @Deprecated / @AuraEnabled or virtual', () => {
        expect(api.isCompatibleChange('public class Purge implements Schedulable', 'global class Purge implements Schedulable')).toBe(true);
        expect(api.isCompatibleChange('global static void run(Id)', 'global static @Deprecated void run(Id)')).toBe(true);
        expect(api.isCompatibleChange('public String name()', 'public virtual String name()')).toBe(true);
        expect(api.compareSurface({ 'P#run()': 'public void run()' }, { 'P#run()': 'global void run()' }, '').removed).toEqual([]);
    });

    it('narrowing is breaking: global → public, dropping @AuraEnabled, adding static, changing the return type', () => {
        expect(api.isCompatibleChange('global void run()', 'public void run()')).toBe(false);
        expect(api.isCompatibleChange('public static @AuraEnabled Id log(Id)', 'public static Id log(Id)')).toBe(false);
        expect(api.isCompatibleChange('public void run()', 'public static void run()')).toBe(false);
        expect(api.isCompatibleChange('public Integer size()', 'public Long size()')).toBe(false);
        expect(api.isCompatibleChange('public Integer size()', undefined)).toBe(false);
    });

    it('additions never fail (they are recorded when the next version is built)', () => {
        const result = api.compareSurface(recorded, { ...recorded, 'A#extra()': 'public void extra()' }, '');
        expect(result.added).toEqual(['A#extra()']);
        expect(result.unnoted).toEqual([]);
    });
});

describe('the check on a project (record → change → check)', () => {
    let root = '';
    beforeEach(() => {
        root = makeProject();
        api.recordSurface(root);
    });
    afterEach(() => removeProject(root));

    const CONTROLLER = 'force-app/main/default/classes/controllers/AccessXRayController.cls';
    const renameExplain = () => {
        const file = join(root, CONTROLLER);
        writeFileSync(file, readFileSync(file, 'utf8').replace('public static String explain(', 'public static String explainAccess('));
    };

    it('passes right after recording', () => {
        expect(api.checkSurface(root)).toMatchObject({ ok: true });
    });

    it('fails when a recorded public method is renamed, naming it and the fix', () => {
        renameExplain();
        const check = api.checkSurface(root);
        expect(check.ok).toBe(false);
        expect(check.message).toContain('AccessXRayController.explain: was "public static @AuraEnabled String explain(Id,Id)", now gone');
        expect(check.message).toContain('"## [Unreleased]" in CHANGELOG.md');
    });

    it('passes once CHANGELOG.md notes the change under Unreleased — but not under a released version', () => {
        renameExplain();
        const changelog = join(root, 'CHANGELOG.md');
        writeFileSync(changelog, '# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2026-01-01\n\n- `AccessXRayController.explain` renamed.\n');
        expect(api.checkSurface(root).ok).toBe(false);
        writeFileSync(changelog, '# Changelog\n\n## [Unreleased]\n\n### Changed\n\n- `AccessXRayController.explain` is now `explainAccess`.\n\n## [1.0.0] - 2026-01-01\n');
        expect(api.checkSurface(root)).toMatchObject({ ok: true });
    });

    it('a missing or corrupt surface file is a clear failure, not a crash', () => {
        writeFileSync(join(root, api.SURFACE_FILE), '{ not json');
        expect(api.checkSurface(root)).toMatchObject({ ok: false });
        expect(api.checkSurface(root).message).toContain('not valid JSON');
    });
});

describe('the real package', () => {
    it('docs/apex-api-surface.json is intact: no recorded public/global signature disappeared without a CHANGELOG note', () => {
        const check = api.checkSurface(REPO);
        // On failure the message lists each member, its recorded signature, and how to fix it.
        expect(check.message).toMatch(/^Apex API surface: \d+ recorded signature\(s\) intact/);
        expect(check.ok).toBe(true);
    });

    it('the recorded file lists the controller entry points the panel calls', () => {
        const recorded = (JSON.parse(readFileSync(join(REPO, api.SURFACE_FILE), 'utf8')) as { signatures: Surface }).signatures;
        // lwc-src/lwc/accessXrayDataAdapter imports these four @salesforce/apex methods.
        for (const method of ['collect(', 'searchUsers(', 'logExplanation(', 'setupStatus(']) {
            expect(Object.keys(recorded).some((k) => k.startsWith(`AccessXRayController#${method}`))).toBe(true);
        }
    });
});
