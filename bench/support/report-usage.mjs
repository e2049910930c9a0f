// Preload (`node --import`) that writes process.resourceUsage() as JSON to $BENCH_USAGE_FILE at exit.
import { writeFileSync } from 'node:fs';

/** Writes this process's resource usage (µs CPU times, maxRSS in KB) to BENCH_USAGE_FILE, if set. */
export function reportUsage() {
  const file = process.env.BENCH_USAGE_FILE;
  if (file) writeFileSync(file, JSON.stringify(process.resourceUsage()));
}

process.on('exit', reportUsage);
