/**
 * zod compiles fast parsers with `new Function`, which the page's CSP (no
 * 'unsafe-eval') forbids. zod probes for that when its first object schema is
 * built, and the probe alone is reported as a CSP violation on every load. Its
 * `jitless` setting skips the probe, but `z.config()` can only run once zod is
 * loaded, after the shared modules that build schemas as they load. zod v4
 * keeps its settings on `globalThis.__zod_globalConfig` (shared by every copy
 * of zod in a page), so the boot script sets it there before zod exists.
 * tests/e2e/host-job.spec.ts fails on any CSP violation, should that change.
 */
const scope = globalThis as typeof globalThis & { __zod_globalConfig?: { jitless?: boolean } };
scope.__zod_globalConfig = { ...scope.__zod_globalConfig, jitless: true };
