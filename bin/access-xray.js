#!/usr/bin/env node
// Launcher for the access-xray CLI (CommonJS so it runs without "type": "module"): the
// command logic is bundled by `npm run build` (cli/src/main.ts → dist/cli/access-xray.mjs).
// Exit codes: docs/cli.md.
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

// `access-xray … | head` closes the pipe early: stop quietly instead of crashing on EPIPE.
process.stdout.on('error', (err) => {
    if (err && err.code === 'EPIPE') process.exit(0);
    throw err;
});

const bundle = join(__dirname, '..', 'dist', 'cli', 'access-xray.mjs');
if (!existsSync(bundle)) {
    process.stderr.write('Error (NotBuilt): access-xray is not built yet; run npm run build first.\n');
    process.exit(70);
}
import(pathToFileURL(bundle).href)
    .then(({ run }) => run(process.argv.slice(2)))
    .then((code) => {
        // Flush stdout, then exit: a hung org request must not keep the process alive.
        process.stdout.write('', () => process.exit(code));
    })
    .catch((err) => {
        process.stderr.write(
            `Error (InternalError): ${err && err.message ? err.message.split('\n')[0] : String(err)}\n`
        );
        process.exit(70);
    });
