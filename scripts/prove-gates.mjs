#!/usr/bin/env node
// Gate self-test: proves each gate fails, with a clear message, on the fault it exists for.
// Copies the project (sources only; node_modules linked) to a temp dir, injects one fault
// per case, runs the gate that must catch it, and checks it failed saying the right thing.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GATES } from './lib/gates.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SKIP = new Set(['node_modules', '.git', 'dist', '.build', 'coverage', 'artifacts', '.sf', '.sfdx']);

function copyProject() {
    const dir = mkdtempSync(join(tmpdir(), 'axr-gates-'));
    for (const name of readdirSync(root)) {
        if (SKIP.has(name)) continue;
        cpSync(join(root, name), join(dir, name), { recursive: true });
    }
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
    return dir;
}

const write = (dir, rel, text) => {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
};
const edit = (dir, rel, search, replacement) => {
    const text = readFileSync(join(dir, rel), 'utf8');
    if (!text.includes(search)) throw new Error(`${rel} does not contain ${search}`);
    writeFileSync(join(dir, rel), text.replace(search, replacement));
};
const AUDIT_OBJECT = 'force-app/main/default/objects/Access_XRay_Audit__c/Access_XRay_Audit__c.object-meta.xml';
const ADMIN_SET = 'force-app/main/default/permissionsets/Access_XRay_Admin.permissionset-meta.xml';
const APEX_META = `<?xml version="1.0" encoding="UTF-8"?>
<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">
    <apiVersion>65.0</apiVersion>
    <status>Active</status>
</ApexClass>
`;

const CASES = [
    {
        title: 'an Apex reference to an unknown type fails the Apex semantic check',
        gate: 'apex-semantics',
        expect: /No type declaration found for 'NoSuchType'/,
        inject: (dir) => {
            write(
                dir,
                'force-app/main/default/classes/util/InjectedFault.cls',
                'public with sharing class InjectedFault {\n    public static Integer size() {\n        NoSuchType value = null;\n        return 0;\n    }\n}\n'
            );
            write(dir, 'force-app/main/default/classes/util/InjectedFault.cls-meta.xml', APEX_META);
        }
    },
    {
        title: 'an LWC platform violation (innerHTML) fails ESLint',
        gate: 'lint',
        expect: /@lwc\/lwc\/no-inner-html/,
        inject: (dir) => {
            write(
                dir,
                'lwc-src/lwc/injectedFault/injectedFault.ts',
                "import { LightningElement } from 'lwc';\n\nexport default class InjectedFault extends LightningElement {\n    renderedCallback(): void {\n        const host = this.template.querySelector('div');\n        if (host) {\n            host.innerHTML = '<b>unsafe</b>';\n        }\n    }\n}\n"
            );
        }
    },
    {
        title: 'a TypeScript type error fails the strict type check',
        gate: 'typecheck',
        expect: /error TS2322/,
        inject: (dir) => {
            write(dir, 'lwc-src/lwc/accessXrayEngine/injectedFault.ts', "export const count: number = 'not a number';\n");
        }
    },
    {
        title: 'an unformatted Apex class fails the prettier-plugin-apex check',
        gate: 'apex-format',
        expect: /InjectedFormat\.cls/,
        inject: (dir) => {
            write(
                dir,
                'force-app/main/default/classes/util/InjectedFormat.cls',
                'public with sharing class InjectedFormat{public static Integer one(){return    1;}}\n'
            );
            write(dir, 'force-app/main/default/classes/util/InjectedFormat.cls-meta.xml', APEX_META);
        }
    },
    {
        title: 'an Apex class without its -meta.xml fails the source structure check',
        gate: 'source-structure',
        expect: /without their -meta\.xml[\s\S]*InjectedNoMeta\.cls/,
        inject: (dir) => {
            write(dir, 'force-app/main/default/classes/util/InjectedNoMeta.cls', 'public with sharing class InjectedNoMeta {\n}\n');
        }
    },
    {
        title: 'an LWC bundle without its js-meta.xml fails the deploy/package check',
        gate: 'deploy-package',
        expect: /lwc-src\/lwc\/injectedBundle: Lightning web component bundle without its configuration file/,
        inject: (dir) => {
            write(dir, 'lwc-src/lwc/injectedBundle/injectedBundle.ts', 'export const injected = 1;\n');
        }
    },
    {
        title: 'enableBulkApi and enableSharing without enableStreamingApi fail the deploy/package check',
        gate: 'deploy-package',
        expect: /enableStreamingApi off; the CustomObject rules require/,
        inject: (dir) => edit(dir, AUDIT_OBJECT, '<enableStreamingApi>true</enableStreamingApi>', '<enableStreamingApi>false</enableStreamingApi>')
    },
    {
        title: 'Delete without Edit in a permission set fails the deploy/package check',
        gate: 'deploy-package',
        expect: /allowDelete on Access_XRay_Audit__c without allowEdit/,
        inject: (dir) =>
            edit(
                dir,
                ADMIN_SET,
                '<allowDelete>false</allowDelete>\n        <allowEdit>false</allowEdit>\n        <allowRead>true</allowRead>\n        <modifyAllRecords>false</modifyAllRecords>\n        <object>Access_XRay_Audit__c</object>',
                '<allowDelete>true</allowDelete>\n        <allowEdit>false</allowEdit>\n        <allowRead>true</allowRead>\n        <modifyAllRecords>false</modifyAllRecords>\n        <object>Access_XRay_Audit__c</object>'
            )
    },
    {
        title: 'an external credential description over 255 characters fails the deploy/package check',
        gate: 'deploy-package',
        expect: /external credential description is 300 characters; the limit is 255/,
        inject: (dir) => {
            const file = 'force-app/main/default/externalCredentials/AccessXRay_Org.externalCredential-meta.xml';
            const xml = readFileSync(join(dir, file), 'utf8');
            writeFileSync(join(dir, file), xml.replace(/<description>[\s\S]*?<\/description>/, `<description>${'x'.repeat(300)}</description>`));
        }
    },
    {
        title: 'ancestorVersion HIGHEST before any version exists fails the deploy/package check',
        gate: 'deploy-package',
        expect: /ancestorVersion is "HIGHEST" but packageAliases lists no version/,
        inject: (dir) => {
            const project = JSON.parse(readFileSync(join(dir, 'sfdx-project.json'), 'utf8'));
            project.packageDirectories[0].ancestorVersion = 'HIGHEST';
            writeFileSync(join(dir, 'sfdx-project.json'), JSON.stringify(project, null, 2));
        }
    },
    {
        title: 'the demo metadata as a package directory (deployed by a plain deploy) fails the deploy/package check',
        gate: 'deploy-package',
        expect: /package directory unpackaged\/main\/demo would be deployed by a plain "sf project deploy start"/,
        inject: (dir) => {
            const project = JSON.parse(readFileSync(join(dir, 'sfdx-project.json'), 'utf8'));
            project.packageDirectories.push({ path: 'unpackaged/main/demo', default: false });
            writeFileSync(join(dir, 'sfdx-project.json'), JSON.stringify(project, null, 2));
        }
    },
    {
        title: 'string-built SOQL fails the PMD security rules',
        gate: 'apex-pmd',
        expect: /ApexSOQLInjection/,
        inject: (dir) => {
            write(
                dir,
                'force-app/main/default/classes/util/InjectedSoql.cls',
                "public with sharing class InjectedSoql {\n    public static List<Account> find(String name) {\n        return Database.query('SELECT Id FROM Account WHERE Name = \\'' + name + '\\'');\n    }\n}\n"
            );
            write(dir, 'force-app/main/default/classes/util/InjectedSoql.cls-meta.xml', APEX_META);
        }
    }
];

let passed = 0;
let failed = 0;
for (const c of CASES) {
    const dir = copyProject();
    try {
        c.inject(dir);
        const gate = GATES.find((g) => g.name === c.gate);
        const res = gate.run(dir);
        const ok = !res.ok && c.expect.test(res.output);
        console.log(`${ok ? '✔' : '✖'} ${c.title}`);
        if (ok) passed += 1;
        else {
            failed += 1;
            console.log(`  gate ${c.gate} ${res.ok ? 'PASSED but should have failed' : 'failed without the expected message'}:\n${res.output}`);
        }
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}
console.log(`Selftest: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
