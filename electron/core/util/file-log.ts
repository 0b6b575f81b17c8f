import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { LogLine } from './redact.js';

const MAX_LOG_BYTES = 5 * 1024 * 1024;

/**
 * Appends JSON log lines to a file (synchronously, so the last lines before a
 * crash are on disk), rotating once at 5 MB. Lines arrive already redacted.
 */
export function fileLogSink(path: string): (line: LogLine) => void {
  mkdirSync(dirname(path), { recursive: true });
  return (line) => {
    try {
      if ((statSync(path, { throwIfNoEntry: false })?.size ?? 0) > MAX_LOG_BYTES) renameSync(path, `${path}.1`);
      appendFileSync(path, `${JSON.stringify(line)}\n`, { mode: 0o600 });
    } catch {
      // Logging must never break a job.
    }
  };
}
