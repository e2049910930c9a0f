#!/usr/bin/env node
// Runs the bundled CLI (built by `npm run build`, which `npm pack`/`npm publish` run via `prepack`).
// The parser is a ~1 MB WebAssembly module that a run uses for well under a second: V8's baseline
// compiler (Liftoff) is enough, and skipping the optimizing tier saves ~0.2 s of CPU and ~40 MB.
import { setFlagsFromString } from 'node:v8';
setFlagsFromString('--liftoff-only');
await import('../dist/cli-bundle/main.js');
