import { runCli } from './main.js';

// The `keyframe` executable (bin/keyframe.js loads this compiled module).
process.exitCode = await runCli(process.argv.slice(2));
