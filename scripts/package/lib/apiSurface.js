'use strict';
// Upgrade safety: the public and global Apex API surface of the package.
// A managed package may never remove or change a `global` signature once a version is released
// (subscribers' code compiles against it), and `public` signatures are the contract between the
// package's own Apex and its LWC (@AuraEnabled) — so every disappearance needs a version note.
// `extractSurface` reads the signatures; `compareSurface` says which recorded signatures are gone
// and whether CHANGELOG.md's Unreleased section notes each of them.
const { existsSync, mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { apexClasses, packagedDirectories, readProject } = require('./sources.js');

const MODIFIERS = ['static', 'final', 'virtual', 'override', 'abstract', 'transient', 'webservice', 'testmethod'];
const SHARING = /\b(with|without|inherited)\s+sharing\b/gi;

function squash(text) {
    return text
        .replace(/\s+/g, ' ')
        .replace(/\s*([<,([])\s*/g, '$1')
        .replace(/\s*([>)\]])/g, '$1')
        .trim();
}

/** Splits a parameter list into its types (names do not matter to callers). */
function parameterTypes(params) {
    const out = [];
    let depth = 0;
    let current = '';
    for (const ch of params) {
        if (ch === '<') depth += 1;
        if (ch === '>') depth -= 1;
        if (ch === ',' && depth === 0) {
            out.push(current);
            current = '';
        } else current += ch;
    }
    if (current.trim()) out.push(current);
    return out.map((p) => {
        const param = squash(p.replace(/\bfinal\b/gi, ' '));
        const named = /^(.*\S)\s+\w+$/.exec(param);
        return named ? named[1] : param;
    });
}

/**
 * Parses one member declaration (the text before its `{` or `;`, annotations included) of a class
 * body. Returns null for anything that is not public or global.
 */
function parseMember(statement, className, isInterface) {
    const annotations = [...statement.matchAll(/@(\w+)(\s*\([^)]*\))?/g)].map((m) => `@${m[1]}`);
    let decl = squash(statement.replace(/@\w+(\s*\([^)]*\))?/g, ' ').replace(SHARING, ' '));
    const visibility = /\b(global|public)\b/i.exec(decl);
    if (!visibility && !isInterface) return null;
    const vis = visibility ? visibility[1].toLowerCase() : 'public';
    decl = decl.replace(/\b(global|public|private|protected)\b/gi, ' ');
    const mods = [];
    for (const word of squash(decl).split(' ')) if (MODIFIERS.includes(word.toLowerCase())) mods.push(word.toLowerCase());
    decl = squash(decl.replace(new RegExp(`\\b(${MODIFIERS.join('|')})\\b`, 'gi'), ' '));
    const aura = annotations.filter((a) => /^@(AuraEnabled|InvocableMethod|InvocableVariable|RemoteAction|NamespaceAccessible|Deprecated)$/i.test(a));
    const suffix = [...mods, ...aura].join(' ');
    const typeDecl = /^(class|interface|enum)\s+(\w+)(.*)$/i.exec(decl);
    if (typeDecl) {
        return { kind: 'type', name: typeDecl[2], signature: squash(`${vis} ${suffix} ${typeDecl[1].toLowerCase()} ${typeDecl[2]}${typeDecl[3]}`) };
    }
    const assignment = decl.indexOf('=');
    if (assignment >= 0) decl = squash(decl.slice(0, assignment));
    const method = assignment >= 0 ? null : /^(.*?)\b(\w+)\s*\((.*)\)$/.exec(decl);
    if (method) {
        const returnType = squash(method[1]);
        const isCtor = returnType === '' && method[2].toLowerCase() === className.toLowerCase();
        const params = parameterTypes(method[3]).join(',');
        const name = `${method[2]}(${params})`;
        return { kind: isCtor ? 'constructor' : 'method', name, signature: squash(`${vis} ${suffix} ${isCtor ? '' : returnType} ${name}`) };
    }
    const field = /^(.*?)\b(\w+)$/.exec(decl);
    if (field && field[1].trim()) {
        return { kind: 'property', name: field[2], signature: squash(`${vis} ${suffix} ${field[1]} ${field[2]}`) };
    }
    return null;
}

/**
 * The public/global surface of one Apex class: { "<Class>[.<Inner>]#<member>": "<signature>" }.
 * Reads the code with comments and strings removed, tracking braces so inner classes and
 * property accessors are told apart from method bodies.
 */
function classSurface(name, code) {
    const surface = {};
    const stack = []; // { kind: 'class'|'block', name, isInterface, isEnum }
    let statement = '';
    const topLevel = () => stack.length > 0 && stack[stack.length - 1].kind === 'class';
    const path = () => stack.filter((s) => s.kind === 'class').map((s) => s.name).join('.');
    for (let i = 0; i < code.length; i += 1) {
        const ch = code[i];
        if (ch === '{') {
            const text = statement;
            statement = '';
            const typeDecl = /\b(class|interface|enum)\s+(\w+)/i.exec(text);
            if (typeDecl && (stack.length === 0 || topLevel())) {
                if (stack.length === 0) {
                    const parsed = parseMember(text, name, false);
                    if (parsed) surface[`${typeDecl[2]}`] = parsed.signature;
                    else break; // a private top-level type cannot exist; stop on unexpected code
                    stack.push({ kind: 'class', name: typeDecl[2], isInterface: /interface/i.test(typeDecl[1]), isEnum: /enum/i.test(typeDecl[1]), hidden: false });
                } else {
                    const parent = stack[stack.length - 1];
                    const parsed = parent.hidden ? null : parseMember(text, name, parent.isInterface);
                    if (parsed) surface[`${path()}.${typeDecl[2]}`] = parsed.signature;
                    // Members of a private inner type are not reachable from outside: not part of the surface.
                    stack.push({ kind: 'class', name: typeDecl[2], isInterface: /interface/i.test(typeDecl[1]), isEnum: /enum/i.test(typeDecl[1]), hidden: !parsed });
                }
                continue;
            }
            if (topLevel() && !stack[stack.length - 1].isEnum && !stack[stack.length - 1].hidden) {
                const parsed = parseMember(text, stack[stack.length - 1].name, stack[stack.length - 1].isInterface);
                if (parsed) surface[`${path()}#${parsed.name}`] = parsed.signature;
            }
            stack.push({ kind: 'block' });
        } else if (ch === '}') {
            const closed = stack.pop();
            if (closed && closed.kind === 'class' && closed.isEnum && !closed.hidden) {
                const values = statement.split(',').map((v) => v.trim()).filter(Boolean);
                surface[`${path() ? `${path()}.` : ''}${closed.name}#values`] = values.join(',');
            }
            statement = '';
        } else if (ch === ';') {
            if (topLevel() && !stack[stack.length - 1].hidden) {
                const parsed = parseMember(statement, stack[stack.length - 1].name, stack[stack.length - 1].isInterface);
                if (parsed) surface[`${path()}#${parsed.name}`] = parsed.signature;
            }
            statement = '';
        } else {
            statement += ch;
        }
    }
    return surface;
}

/** The package's public/global Apex surface, test classes excluded, keys sorted. */
function extractSurface(root) {
    const { packagedPath } = packagedDirectories(readProject(root));
    const all = {};
    for (const cls of apexClasses(root, packagedPath)) {
        if (cls.isTest) continue;
        Object.assign(all, classSurface(cls.name, cls.code));
    }
    return Object.fromEntries(Object.entries(all).sort(([a], [b]) => a.localeCompare(b)));
}

/** The text of CHANGELOG.md's `## [Unreleased]` section ('' when the file or section is missing). */
function unreleasedNotes(root) {
    let text;
    try {
        text = readFileSync(join(root, 'CHANGELOG.md'), 'utf8');
    } catch {
        return '';
    }
    const start = text.search(/^## \[Unreleased\]/im);
    if (start < 0) return '';
    const rest = text.slice(start + 1);
    const end = rest.search(/^## /m);
    return end < 0 ? rest : rest.slice(0, end);
}

/** Splits a recorded signature into visibility, modifiers, annotations and the rest. */
function signatureParts(signature) {
    const words = String(signature).split(' ');
    let visibility = null;
    if (words[0] === 'public' || words[0] === 'global') visibility = words.shift();
    const modifiers = new Set();
    const annotations = new Set();
    while (words.length > 0 && (MODIFIERS.includes(words[0]) || words[0].startsWith('@'))) {
        const word = words.shift();
        (word.startsWith('@') ? annotations : modifiers).add(word);
    }
    return { visibility, modifiers, annotations, rest: words.join(' ') };
}

/**
 * Whether `now` keeps every caller of `was` working: same member shape, visibility not narrowed
 * (public → global is fine), no annotation removed (adding @Deprecated or @AuraEnabled is fine), and
 * no modifier added or removed except `virtual` being added.
 */
function isCompatibleChange(was, now) {
    if (now === undefined || now === null) return false;
    if (was === now) return true;
    const a = signatureParts(was);
    const b = signatureParts(now);
    if (a.rest !== b.rest) return false;
    if (a.visibility === 'global' && b.visibility !== 'global') return false;
    for (const annotation of a.annotations) if (!b.annotations.has(annotation)) return false;
    const added = [...b.modifiers].filter((m) => !a.modifiers.has(m));
    const removed = [...a.modifiers].filter((m) => !b.modifiers.has(m));
    return removed.length === 0 && added.every((m) => m === 'virtual');
}

/**
 * Compares the recorded surface with the current one. A recorded signature that is gone or
 * incompatibly changed is `unnoted` unless the Unreleased section of CHANGELOG.md names its member
 * (`Class.member`, e.g. `AccessXRayController.collect`).
 */
function compareSurface(recorded, current, notes) {
    const removed = Object.keys(recorded).filter((key) => !isCompatibleChange(recorded[key], current[key]));
    const added = Object.keys(current).filter((key) => !(key in recorded));
    const memberOf = (key) => key.replace('#', '.').replace(/\(.*$/, '');
    const unnoted = removed.filter((key) => !notes.includes(memberOf(key)));
    return {
        removed: removed.map((key) => ({ key, member: memberOf(key), was: recorded[key], now: current[key] ?? null })),
        added,
        unnoted: unnoted.map((key) => ({ key, member: memberOf(key), was: recorded[key], now: current[key] ?? null }))
    };
}

/** Where the recorded surface lives, relative to the project root. */
const SURFACE_FILE = 'docs/apex-api-surface.json';

/** Writes the current surface to docs/apex-api-surface.json; returns the number of signatures. */
function recordSurface(root) {
    const surface = extractSurface(root);
    const doc = {
        description:
            'Public and global Apex signatures of the Access X-Ray package (test classes excluded), recorded by scripts/package/apex-api-surface.mjs --record (and by create-version.mjs after each package version). A recorded signature that disappears or changes needs a note naming it in the Unreleased section of CHANGELOG.md.',
        signatures: surface
    };
    mkdirSync(dirname(join(root, SURFACE_FILE)), { recursive: true });
    writeFileSync(join(root, SURFACE_FILE), `${JSON.stringify(doc, null, 2)}\n`);
    return Object.keys(surface).length;
}

/** Compares the recorded surface with the sources: { ok, message, result }. */
function checkSurface(root) {
    const file = join(root, SURFACE_FILE);
    if (!existsSync(file)) {
        return { ok: false, message: `${SURFACE_FILE} is missing: record the surface with npm run apex:api:record`, result: null };
    }
    let recorded;
    try {
        recorded = JSON.parse(readFileSync(file, 'utf8')).signatures;
    } catch (error) {
        return { ok: false, message: `${SURFACE_FILE} is not valid JSON (${error.message}): re-record it with npm run apex:api:record`, result: null };
    }
    if (!recorded || typeof recorded !== 'object' || Array.isArray(recorded)) {
        return { ok: false, message: `${SURFACE_FILE} has no "signatures" object: re-record it with npm run apex:api:record`, result: null };
    }
    const result = compareSurface(recorded, extractSurface(root), unreleasedNotes(root));
    if (result.unnoted.length > 0) {
        const lines = result.unnoted.map((u) => `  - ${u.member}: was "${u.was}"${u.now ? `, now "${u.now}"` : ', now gone'}`);
        return {
            ok: false,
            result,
            message: [
                `${result.unnoted.length} public/global Apex signature(s) disappeared or changed without a version note:`,
                ...lines,
                'Restore them, or name each member (e.g. AccessXRayController.collect) under "## [Unreleased]" in CHANGELOG.md,',
                'saying what changed and what callers must do. Global signatures of a released version can never be removed:',
                'deprecate them (@Deprecated) instead.'
            ].join('\n')
        };
    }
    const noted = result.removed.length > 0 ? `, ${result.removed.length} change(s) noted in CHANGELOG.md` : '';
    const added = result.added.length > 0 ? `, ${result.added.length} new signature(s) (recorded at the next package version)` : '';
    return { ok: true, result, message: `Apex API surface: ${Object.keys(recorded).length} recorded signature(s) intact${noted}${added}` };
}

module.exports = { SURFACE_FILE, isCompatibleChange, classSurface, extractSurface, compareSurface, unreleasedNotes, parameterTypes, recordSurface, checkSurface };
