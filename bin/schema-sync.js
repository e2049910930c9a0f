#!/usr/bin/env node
// Runs the bundled CLI (built by `npm run build`, which `npm pack`/`npm publish` run via `prepack`).
// The parser is a ~1 MB WebAssembly module that a run uses for well under a second: V8's baseline
// compiler (Liftoff) is enough, and skipping the optimizing tier saves ~0.2 s of CPU and ~40 MB.
import { setFlagsFromString } from 'node:v8';
setFlagsFromString('--liftoff-only');
// A command runs for seconds, not hours: with V8's default budget (66 KB of bytecode run before a
// function is considered hot) TurboFan compiled so many briefly-hot functions that its threads
// took ~1.2 s of CPU in a `plan` at 5,000 tables, competing with a local server for 2 cores.
// 8x the budget optimizes only what stays hot: `plan` CPU -7%, `state` -15%, wall a little lower
// (bench/NOTES.md, session 17). Set before the bundle loads, so every function gets it.
setFlagsFromString('--interrupt-budget=540672');
await import('../dist/cli-bundle/main.js');
