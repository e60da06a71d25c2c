'use strict';
// Reads the project's Salesforce sources for the packaging checks (package content rules, Apex
// API surface). CommonJS so the Node scripts in scripts/package and the Jest tests in
// tests/package share exactly the same code. Pure reading: nothing here writes or calls an org.
const { existsSync, readdirSync, readFileSync, statSync } = require('node:fs');
const { basename, join, relative, sep } = require('node:path');

/** Every file under `dir` (absolute) whose name passes `keep`, as paths relative to `root`, sorted. */
function listFiles(root, dir, keep = () => true) {
    const out = [];
    const walk = (d) => {
        if (!existsSync(d)) return;
        for (const name of readdirSync(d)) {
            if (name === 'node_modules' || name.startsWith('.')) continue;
            const p = join(d, name);
            if (statSync(p).isDirectory()) walk(p);
            else if (keep(name)) out.push(relative(root, p).split(sep).join('/'));
        }
    };
    walk(join(root, dir));
    return out.sort();
}

/** The project's sfdx-project.json, parsed; throws a readable error when missing or invalid. */
function readProject(root) {
    const file = join(root, 'sfdx-project.json');
    if (!existsSync(file)) throw new Error(`sfdx-project.json not found in ${root}`);
    try {
        return JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
        throw new Error(`sfdx-project.json is not valid JSON: ${error.message}`);
    }
}

/** The package directory that holds the package (the one with a `package` name), and the unpackaged one. */
function packagedDirectories(project) {
    const dirs = Array.isArray(project.packageDirectories) ? project.packageDirectories : [];
    const packaged = dirs.find((d) => typeof d.package === 'string' && d.package.length > 0);
    if (!packaged) throw new Error('sfdx-project.json has no package directory with a "package" name');
    const unpackagedPath = packaged.unpackagedMetadata && packaged.unpackagedMetadata.path;
    return { packaged, packagedPath: packaged.path, unpackagedPath };
}

/**
 * Apex source with comments removed and string literals kept (the checks need literals such as
 * custom permission names). Line breaks are preserved so offsets still map to lines.
 */
function stripApexComments(source) {
    let out = '';
    let i = 0;
    while (i < source.length) {
        const c = source[i];
        const next = source[i + 1];
        if (c === "'") {
            let j = i + 1;
            while (j < source.length && source[j] !== "'") j += source[j] === '\\' ? 2 : 1;
            out += source.slice(i, j + 1);
            i = j + 1;
        } else if (c === '/' && next === '/') {
            while (i < source.length && source[i] !== '\n') i += 1;
        } else if (c === '/' && next === '*') {
            const end = source.indexOf('*/', i + 2);
            const stop = end < 0 ? source.length : end + 2;
            out += source.slice(i, stop).replace(/[^\n]/g, ' ');
            i = stop;
        } else {
            out += c;
            i += 1;
        }
    }
    return out;
}

/** Apex source without comments and with every string literal emptied (for structural parsing). */
function stripApexCommentsAndStrings(source) {
    return stripApexComments(source).replace(/'(?:\\.|[^'\\])*'/g, "''");
}

/** The annotations and modifiers written before the top-level `class`/`interface`/`enum` keyword. */
function topLevelHeader(code) {
    const m = /^([\s\S]*?)\b(class|interface|enum)\s+([A-Za-z_]\w*)/i.exec(code);
    return m ? { header: m[1], kind: m[2].toLowerCase(), name: m[3] } : null;
}

/**
 * Every Apex class or trigger under `dir` (relative to `root`): name, path, source, whether it is
 * a test class (`@IsTest` on the top-level type).
 */
function apexClasses(root, dir) {
    return listFiles(root, dir, (n) => n.endsWith('.cls')).map((path) => {
        const source = readFileSync(join(root, path), 'utf8');
        const code = stripApexCommentsAndStrings(source);
        const top = topLevelHeader(code);
        return {
            name: basename(path, '.cls'),
            path,
            source,
            code,
            kind: top ? top.kind : 'unknown',
            isTest: top ? /@istest\b/i.test(top.header) : false
        };
    });
}

/** `<tag>value</tag>` values of a simple XML document, in order (metadata files are flat enough). */
function xmlValues(xml, tag) {
    const re = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g');
    return [...xml.matchAll(re)].map((m) => m[1].trim());
}

/** `<tag>…</tag>` blocks of an XML document, each as its inner XML. */
function xmlBlocks(xml, tag) {
    return xmlValues(xml, tag);
}

/** The custom labels defined in `dir`: [{ name, file }]. */
function customLabels(root, dir) {
    return listFiles(root, dir, (n) => n.endsWith('.labels-meta.xml')).flatMap((file) =>
        xmlBlocks(readFileSync(join(root, file), 'utf8'), 'labels').map((block) => ({
            name: (xmlValues(block, 'fullName')[0] || '').trim(),
            file
        }))
    );
}

/** Metadata components of one type, found by their file suffix: [{ name, file }]. */
function components(root, dir, suffix) {
    return listFiles(root, dir, (n) => n.endsWith(suffix)).map((file) => ({
        name: basename(file).slice(0, -suffix.length),
        file
    }));
}

module.exports = {
    listFiles,
    readProject,
    packagedDirectories,
    stripApexComments,
    stripApexCommentsAndStrings,
    apexClasses,
    xmlValues,
    xmlBlocks,
    customLabels,
    components
};
