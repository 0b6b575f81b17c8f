import { availableParallelism, loadavg } from 'node:os';

/** One benchmark line: the figure, its same-run baseline, their ratio and the target. */
export function row(name: string, value: string, baseline: string, ratio: number, target: string, pass: boolean): void {
  console.log(`${pass ? 'PASS' : 'MISS'}  ${name.padEnd(46)} ${value.padStart(14)}   baseline ${baseline.padStart(14)}   ratio ${ratio.toFixed(2).padStart(6)}   target ${target}`);
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};

/** The machine's load when the figures were taken (a shared box's figures mean little without it). */
export const loadNote = (): string => {
  const [one = 0, five = 0, fifteen = 0] = loadavg();
  return `load average ${one.toFixed(2)} / ${five.toFixed(2)} / ${fifteen.toFixed(2)} on ${availableParallelism()} cores`;
};
