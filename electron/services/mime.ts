/**
 * MIME types for what Vite emits into renderer/dist. Correct types matter:
 * with `X-Content-Type-Options: nosniff` Chromium refuses a module script
 * served as anything but JavaScript.
 */
const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
};

export function mimeFor(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return (dot >= 0 ? TYPES[fileName.slice(dot).toLowerCase()] : undefined) ?? 'application/octet-stream';
}
