#!/usr/bin/env node
import type { CliIo } from './cli-io.js';
import { run } from './run.js';
import { onStopSignal } from './stop-signal.js';

/** The process's own streams, environment and working directory. */
const io: CliIo = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() };

onStopSignal();
const code = await run(process.argv.slice(2), io);
// Let stdout drain before exiting so piped output is never cut; exit rather than wait for the
// event loop, which a driver's or PGlite's handles may keep alive.
await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
process.exit(code);
