import {readFile, stat} from 'node:fs/promises';
import {extname, resolve, sep} from 'node:path';
import type {Context} from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=UTF-8',
  '.js': 'text/javascript; charset=UTF-8',
  '.mjs': 'text/javascript; charset=UTF-8',
  '.css': 'text/css; charset=UTF-8',
  '.json': 'application/json; charset=UTF-8',
  '.map': 'application/json; charset=UTF-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=UTF-8',
  '.woff2': 'font/woff2',
};

/** A file under `root`, or null: `..` and absolute tricks never leave `root`. */
export async function serveFile(c: Context, root: string, relative: string): Promise<Response | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relative);
  } catch {
    return null;
  }
  const base = resolve(root);
  const file = resolve(base, '.' + sep + decoded);
  if (file !== base && !file.startsWith(base + sep)) return null;
  const info = await stat(file).catch(() => null);
  const target = info?.isDirectory() ? resolve(file, 'index.html') : file;
  const body = await readFile(target).catch(() => null);
  if (!body) return null;
  c.header('Content-Type', TYPES[extname(target).toLowerCase()] ?? 'application/octet-stream');
  c.header('Cache-Control', 'no-cache');
  return c.body(body);
}
