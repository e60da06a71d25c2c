#!/usr/bin/env node
/**
 * Serves the built preview (preview/dist) on http://localhost:PORT (default 3456, env PORT,
 * or --port N). Loopback only; static files; no data leaves the machine.
 * Usage: node preview/server.mjs [--port 3456]
 */
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), 'dist');
const TYPES = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.json': 'application/json; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.woff': 'font/woff',
    '.woff2': 'font/woff2'
};

/** Starts the server; resolves to { url, close() }. Port 0 picks a free port. */
export function startPreviewServer(port = 3456) {
    if (!existsSync(join(dist, 'index.html'))) {
        throw new Error('preview/dist is missing: run `npm start` (or `node preview/build.mjs`) first.');
    }
    const server = createServer((req, res) => {
        const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
        const file = normalize(join(dist, path === '/' ? 'index.html' : path));
        if (!file.startsWith(dist + sep) || !existsSync(file) || !statSync(file).isFile()) {
            res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
            res.end(`Not found: ${path}`);
            return;
        }
        res.writeHead(200, {
            'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
            'cache-control': 'no-store'
        });
        res.end(readFileSync(file));
    });
    return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => {
            const address = server.address();
            resolve({
                url: `http://localhost:${address.port}/`,
                close: () => new Promise((r) => server.close(() => r()))
            });
        });
    });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
    const i = process.argv.indexOf('--port');
    const port = Number(i >= 0 ? process.argv[i + 1] : (process.env.PORT ?? 3456));
    try {
        const { url } = await startPreviewServer(port);
        console.log(`Access X-Ray preview: ${url}  (demo org: Kestrel Instruments; Ctrl+C to stop)`);
    } catch (error) {
        console.error(`preview: ${error.message}`);
        process.exit(1);
    }
}
