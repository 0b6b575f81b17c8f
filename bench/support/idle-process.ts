/** Baseline: an idle Node process with one timer alive; reports its CPU share over the window. */
const windowMs = Number(process.argv[2] ?? 10_000);
const cpu0 = process.cpuUsage();
const t0 = performance.now();
setTimeout(() => {
  const used = process.cpuUsage(cpu0);
  process.send?.(((used.user + used.system) / 1000 / (performance.now() - t0)) * 100);
  process.exit(0);
}, windowMs);
