import { describe, it, expect } from 'vitest';
import { main } from '../../../electron/core/demo/run-demo-server.js';

describe('demo server entry point', () => {
  it('prints both URLs as one JSON line, accepts any key, and stops on abort', async () => {
    const controller = new AbortController();
    let printed: (line: string) => void = () => undefined;
    const line = new Promise<string>((resolve) => (printed = resolve));
    const done = main(['--duration-ms', '1000'], { write: (l) => printed(l), signal: controller.signal });
    const text = await line;
    expect(text.endsWith('\n')).toBe(true);
    const urls = JSON.parse(text) as { apiUrl: string; fileUrl: string };
    expect(urls.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(urls.fileUrl).not.toBe(urls.apiUrl);
    const res = await fetch(`${urls.apiUrl}/v1/models`, { headers: { authorization: 'Bearer whatever' } });
    expect(res.status).toBe(200);
    controller.abort();
    expect(await done).toBe(0);
    await expect(fetch(`${urls.apiUrl}/v1/models`)).rejects.toThrow();
  });

  it('rejects a bad option', async () => {
    await expect(main(['--port', 'abc'])).rejects.toThrow('--port');
  });
});
