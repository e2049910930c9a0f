#!/usr/bin/env node
// Runs the compiled CLI (built by `npm run build`, which `npm install`/`npm ci` run via `prepare`).
await import('../dist/cli/main.js');
