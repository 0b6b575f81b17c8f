#!/usr/bin/env node
// Entry for the `keyframe` command: runs the compiled CLI (npm run build).
import('../dist/electron/cli/bin.js').catch((err) => {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND') {
    process.stderr.write('keyframe: the CLI is not built yet. Run `npm run build` first.\n');
    process.exit(70);
  }
  throw err;
});
