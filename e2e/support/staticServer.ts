import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { SECURITY_HEADERS } from '../../src/deploy/securityHeaders';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticSite {
  /** The site's address, ending in its prefix, e.g. http://127.0.0.1:4317/wheelhouse/ */
  url: string;
  /** Every path asked for outside the prefix or not found (a build that works anywhere asks for none). */
  misses: string[];
  /** Serve another folder from now on (a new deploy). */
  setRoot(dir: string): void;
  close(): Promise<void>;
}

/**
 * A plain static host, as GitHub Pages or nginx would be: the folder under a path prefix, the
 * site's security headers, `no-cache` for the page and the service worker, nothing else.
 */
export async function serveStatic(root: string, port: number, prefix = '/'): Promise<StaticSite> {
  const misses: string[] = [];
  let dir = root;
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(prefix)) {
      misses.push(path);
      res.writeHead(404).end();
      return;
    }
    let file = normalize(join(dir, path.slice(prefix.length)));
    if (!file.startsWith(normalize(dir))) return void res.writeHead(403).end();
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': /(index\.html|sw\.js)$/.test(file) ? 'no-cache' : 'max-age=3600' });
      res.end(body);
    } catch {
      misses.push(path);
      res.writeHead(404, SECURITY_HEADERS).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    misses,
    setRoot: (d) => void (dir = d),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The port the e2e suite's own server uses (playwright.config.ts), and others beside it. */
export const basePort = Number(process.env.E2E_PORT ?? 4173);
export const distDir = process.env.E2E_DIST ?? 'dist';
