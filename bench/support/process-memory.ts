import { readFileSync } from 'node:fs';

/** Resident memory of a process from /proc/<pid>/status: now (VmRSS) and its peak so far (VmHWM), in bytes. */
export interface ProcessMemory {
  rss: number;
  peakRss: number;
}

export function processMemory(pid: number): ProcessMemory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kB = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kB('VmRSS'), peakRss: kB('VmHWM') };
}

export const MB = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
