'use strict';
// `access-xray explain …` → `xray explain …`; help and version as `sf` spells them. Shared by
// bin/access-xray.js and the CLI tests' in-process runner (tests/cli/helpers/cliWorker.mjs).
function oclifArgs(argv) {
    const [first, ...rest] = argv;
    if (first === '--version' || first === '-v' || first === 'version') return ['--version'];
    if (first === undefined || first === '--help' || first === '-h') return ['xray', '--help'];
    if (first === 'help') return ['xray', ...rest, '--help'];
    return ['xray', ...argv];
}

module.exports = { oclifArgs };
