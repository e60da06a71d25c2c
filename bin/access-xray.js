#!/usr/bin/env node
// `access-xray <command> …` is `sf xray <command> …` without the Salesforce CLI: a thin alias that
// runs the same oclif commands (dist/cli/commands, built by `npm run build`). CommonJS and no
// dependency before the Node check, so an old Node gets one clear line instead of a crash.
'use strict';
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const needed = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).engines.node; // ">=22"
const neededMajor = Number(/\d+/.exec(needed)[0]);
const foundMajor = Number(process.versions.node.split('.')[0]);
if (foundMajor < neededMajor) {
    process.stderr.write(
        `Error (UnsupportedNodeVersion): access-xray needs Node.js ${neededMajor} or newer (engines: node ${needed}); this is Node.js ${process.versions.node} (${process.execPath}). Install Node.js ${neededMajor} LTS, or run it from this repository with npm exec -- access-xray, which uses the node@${neededMajor} dev dependency.\n`
    );
    process.exit(1);
}

if (!existsSync(join(root, 'dist', 'cli', 'commands'))) {
    process.stderr.write('Error (NotBuilt): access-xray is not built yet; run npm run build first.\n');
    process.exit(1);
}

// `access-xray … | head` closes the pipe early: stop quietly instead of crashing on EPIPE.
process.stdout.on('error', (err) => {
    if (err && err.code === 'EPIPE') process.exit(0);
    throw err;
});

const { oclifArgs } = require('./oclif-args.js');

require('@oclif/core')
    .execute({ dir: __filename, args: oclifArgs(process.argv.slice(2)) })
    .catch((err) => {
        process.stderr.write(`Error (InternalError): ${err && err.message ? err.message.split('\n')[0] : String(err)}\n`);
        process.exit(10);
    });
