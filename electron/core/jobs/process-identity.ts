import { readFileSync } from 'node:fs';

/**
 * Who a process is, beyond its pid. Pids are reused: a lock naming pid 4242
 * proves nothing once 4242 has exited and another program got the number.
 * On Linux the kernel gives each process a start time (clock ticks since
 * boot, /proc/<pid>/stat field 22) and each boot an id, and together with the
 * pid they name one process for good. Elsewhere these are unknown and callers
 * fall back to the pid alone.
 */
export interface ProcessIdentity {
  pid: number;
  /** Start time in clock ticks since boot (Linux); absent where it cannot be read. */
  start?: string;
  /** The kernel's id for this boot (Linux); absent where it cannot be read. */
  boot?: string;
}

/** Fields after the command name in /proc/<pid>/stat (the name may hold spaces and parentheses). */
function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** Start time of `pid` in clock ticks since boot, when the platform tells. */
export function processStart(pid: number): string | undefined {
  // Field 22 of the stat line; the array starts at field 3 (the state).
  const start = statFields(pid)?.[22 - 3];
  return start !== undefined && /^\d+$/.test(start) ? start : undefined;
}

export function bootId(): string | undefined {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

export function identityOf(pid: number): ProcessIdentity {
  const start = processStart(pid);
  const boot = bootId();
  return { pid, ...(start === undefined ? {} : { start }), ...(boot === undefined ? {} : { boot }) };
}

/** A killed process whose parent has not reaped it yet still answers kill(pid, 0); on Linux, read its state. */
const isZombie = (pid: number): boolean => statFields(pid)?.[0] === 'Z';

/** True when some process has this pid right now (not necessarily the one that wrote a record). */
export function pidRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !isZombie(pid);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * True when the process a record names is still running: its pid is live
 * and, where the platform tells, it is the same boot and the same start time
 * (a different start time means the pid now belongs to another process).
 */
export function stillRunning(recorded: ProcessIdentity): boolean {
  if (!pidRunning(recorded.pid)) return false;
  if (recorded.boot !== undefined) {
    const boot = bootId();
    if (boot !== undefined && boot !== recorded.boot) return false;
  }
  if (recorded.start !== undefined) {
    const start = processStart(recorded.pid);
    if (start !== undefined && start !== recorded.start) return false;
  }
  return true;
}
