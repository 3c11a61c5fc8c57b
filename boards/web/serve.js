#!/usr/bin/env node
// serve.js — the playground's web server: the page (web/), its bundle
// (build/web/ as /app/), the wasm (build/wasm/ as /wasm/), the examples
// with a JSON index (/examples/), and the micro:bit firmware when built
// (/hex/pith.hex). Every answer carries COOP/COEP so the page is
// cross-origin isolated and gets SharedArrayBuffer.
// Usage: node boards/web/serve.js [--port N]   (PORT=0 picks a free port)
'use strict';
const fs = require('fs');
const http = require('http');
const path = require('path');

const ROOT = path.resolve(__dirname, '../..');
const MOUNTS = [
  ['/app/', 'build/web'],
  ['/wasm/', 'build/wasm'],
  ['/examples/', 'web/examples'],
  ['/hex/', 'build/microbit'],
  ['/', 'web'],
];
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml',
  '.py': 'text/plain; charset=utf-8', '.exp': 'text/plain; charset=utf-8',
  '.hex': 'application/octet-stream', '.png': 'image/png',
};

function send(res, status, type, body) {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-cache',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Embedder-Policy': 'require-corp',
    'Cross-Origin-Resource-Policy': 'same-origin',
  });
  res.end(body);
}

function examplesIndex() {
  const dir = path.join(ROOT, 'web/examples');
  const names = fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => n.endsWith('.py')).sort() : [];
  return JSON.stringify(names);
}

function handle(req, res) {
  const url = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (url === '/examples/' || url === '/examples/index.json')
    return send(res, 200, TYPES['.json'], examplesIndex());
  const [prefix, dir] = MOUNTS.find(([p]) => url.startsWith(p));
  let file = path.join(ROOT, dir, url.slice(prefix.length) || 'index.html');
  if (!file.startsWith(path.join(ROOT, dir)))
    return send(res, 403, 'text/plain', 'forbidden');
  fs.readFile(file, (err, data) => {
    if (err) return send(res, 404, 'text/plain', 'not found');
    send(res, 200, TYPES[path.extname(file)] || 'application/octet-stream',
      req.method === 'HEAD' ? undefined : data);
  });
}

// Start serving on port (0: any free port); resolves to the base URL.
function serve(port) {
  const server = http.createServer(handle);
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(port, '127.0.0.1', () =>
      resolve({ server, url: `http://localhost:${server.address().port}/` }));
  });
}

module.exports = { serve };

if (require.main === module) {
  const i = process.argv.indexOf('--port');
  const port = Number(i > 0 ? process.argv[i + 1] : process.env.PORT || 8000);
  serve(port).then(({ url }) => console.log(`pith playground: ${url}`), (err) => {
    console.error(`serve: ${err.message}`);
    process.exit(1);
  });
}
