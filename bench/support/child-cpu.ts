import { readFileSync } from 'node:fs';

/**
 * CPU time (user + system, ms) of this process's finished children, from
 * /proc/self/stat (cutime + cstime); undefined where there is no /proc.
 * Read before and after a child runs, it gives that child's CPU time.
 */
export function childrenCpuMs(): number | undefined {
  try {
    // Fields after the command name, which may itself contain spaces: cutime and cstime are the 14th and 15th.
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
    const ticks = Number(fields[13]) + Number(fields[14]);
    // USER_HZ is 100 on every Linux ABI node runs on.
    return Number.isFinite(ticks) ? ticks * 10 : undefined;
  } catch {
    return undefined;
  }
}
