/**
 * Runs the fake APIMart in its own process so a benchmark measures only the
 * engine's CPU. Prints one JSON line with its URLs (and the URL of any file
 * passed with --file), then serves until stdin closes.
 */
import { startFakeApimart } from '../../electron/core/demo/fake-apimart.js';

const args = process.argv.slice(2);
const fileArg = args.indexOf('--file');
const pollsArg = args.indexOf('--polls');
const fake = await startFakeApimart({
  apiKey: 'sk-bench-key-000000',
  progress: { mode: 'polls', pollsToComplete: pollsArg >= 0 ? Number(args[pollsArg + 1]) : 1_000_000 },
});
const fileUrl = fileArg >= 0 ? fake.registerFile(args[fileArg + 1]!) : undefined;
process.stdout.write(`${JSON.stringify({ apiUrl: fake.apiUrl, fileUrl })}\n`);
process.stdin.resume();
process.stdin.on('end', () => void fake.close().then(() => process.exit(0)));
