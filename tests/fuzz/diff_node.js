#!/usr/bin/env node
// diff_node.js FILE... — run each FILE as main.py on the web board's wasm
// (boards/web/node.js) in one Node process, each on a fresh heap with seed
// 1, and end each program's output with a line "\x1e STATUS" for
// tests/fuzz/diff.py.
'use strict';
const fs = require('fs');
const path = require('path');
const { load, run } = require(path.resolve(__dirname, '../../boards/web/node.js'));

load().then((m) => {
  for (const file of process.argv.slice(2)) {
    const r = run(m, fs.readFileSync(file), 1);
    fs.writeSync(1, `\x1e ${r}\n`);
  }
}, (err) => {
  console.error(`diff_node: ${err.message}`);
  process.exitCode = 70;
});
