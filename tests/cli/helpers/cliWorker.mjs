// One Node process that runs many `access-xray …` commands for a test file, each as
// bin/access-xray.js would run it in its own process, without paying Node's and oclif's
// start-up (seconds on a busy machine) for every command. Started by helpers/cli.ts with
// child_process.fork; one request at a time over IPC: { id, args, env, cwd } → { id, code,
// stdout, stderr }.
//
// Per command, as a fresh process would have it:
// - process.env is exactly the request's env (HOME: a throwaway home with its own sf logins),
//   process.cwd() its cwd, process.argv its argv, process.exitCode unset;
// - the @salesforce/core caches that outlive a command (ConfigAggregator, StateAggregator,
//   SfProject, the Lifecycle's listeners) are emptied, so logins and config written since the
//   last command are read again;
// - stdout and stderr are captured, oclif's spinner included (they stay pipes, never a TTY, as
//   for a spawned child);
// - an exit through process.exit (oclif's error handler) is caught, not taken.
// The oclif Config is loaded once, from the package root, like bin/access-xray.js.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const BIN = join(ROOT, 'bin', 'access-xray.js');
// Resolve the dependencies from the package, as the commands in dist/cli do: one instance each.
const require = createRequire(BIN);
const oclif = require('@oclif/core');
const { ConfigAggregator, Lifecycle, SfProject, StateAggregator } = require('@salesforce/core');
const { oclifArgs } = require(join(ROOT, 'bin', 'oclif-args.js'));

const config = await oclif.Config.load(BIN);

/** Empties what @salesforce/core keeps between commands in one process. */
async function forgetSalesforceState() {
    await ConfigAggregator.clearInstance();
    for (const dir of [...StateAggregator.instanceMap.keys()]) StateAggregator.clearInstance(dir);
    SfProject.clearInstances();
    const lifecycle = Lifecycle.getInstance();
    for (const event of Object.keys(lifecycle.listeners ?? {})) lifecycle.removeAllListeners(event);
}

function replaceEnv(env) {
    for (const key of Object.keys(process.env)) delete process.env[key];
    Object.assign(process.env, env);
}

async function runCommand({ args, env, cwd }) {
    const saved = { env: { ...process.env }, cwd: process.cwd(), argv: process.argv };
    const out = { stdout: '', stderr: '' };
    const writes = { stdout: process.stdout.write, stderr: process.stderr.write };
    const exit = process.exit;
    let exitCode;
    const capture = (stream) =>
        function write(chunk, encoding, callback) {
            out[stream] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString(typeof encoding === 'string' ? encoding : 'utf8');
            const done = typeof encoding === 'function' ? encoding : callback;
            if (done) process.nextTick(done);
            return true;
        };
    replaceEnv(env);
    process.chdir(cwd);
    process.argv = [process.execPath, BIN, ...args];
    process.exitCode = undefined;
    await forgetSalesforceState();
    process.stdout.write = capture('stdout');
    process.stderr.write = capture('stderr');
    // oclif's spinner keeps the writes it found when it was created, to draw on "the real" streams.
    const action = oclif.ux.action;
    const actionWrites = action.stdmockOrigs;
    action.stdmockOrigs = { stdout: process.stdout.write, stderr: process.stderr.write };
    process.exit = (code) => {
        exitCode ??= code ?? process.exitCode ?? 0;
    };
    try {
        // What oclif's execute() does for bin/access-xray.js: run, flush, and on error its handler.
        try {
            await oclif.run(oclifArgs(args), config);
            await oclif.flush();
        } catch (error) {
            await oclif.handle(error);
        }
    } catch (error) {
        // bin/access-xray.js: whatever escapes oclif is one line and exit 10.
        out.stderr += `Error (InternalError): ${error && error.message ? error.message.split('\n')[0] : String(error)}\n`;
        exitCode ??= 10;
    } finally {
        action.stdmockOrigs = actionWrites;
        process.stdout.write = writes.stdout;
        process.stderr.write = writes.stderr;
        process.exit = exit;
        const code = exitCode ?? (typeof process.exitCode === 'number' ? process.exitCode : 0);
        process.exitCode = undefined;
        replaceEnv(saved.env);
        process.chdir(saved.cwd);
        process.argv = saved.argv;
        out.code = code;
    }
    return out;
}

// Requests arrive one at a time (helpers/cli.ts queues them); answer each in order.
let queue = Promise.resolve();
process.on('message', (request) => {
    queue = queue.then(async () => {
        let reply;
        try {
            reply = { id: request.id, ...(await runCommand(request)) };
        } catch (error) {
            reply = { id: request.id, code: null, stdout: '', stderr: '', failure: error instanceof Error ? error.stack : String(error) };
        }
        process.send(reply);
    });
});
process.send({ ready: true });
