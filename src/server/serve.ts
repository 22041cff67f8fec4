/**
 * Starts the served cluster: the engine runner, the API's HTTP server on loopback, and (unless
 * asked not to) the page's server. Used by `npm run serve` and by the conformance tests, which
 * start it on free ports.
 */
import type { Server } from 'node:http';
import { createServer } from 'node:https';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { EngineRunner } from './engineRunner';
import { HttpApi } from './httpApi';
import { kubeconfigYaml } from './kubeconfig';
import { startPageServer } from './pageServer';
import { serverCertificate } from './tls';

export interface ServeOptions {
  port: number;
  pagePort?: number;
  seed: number;
  workers: number;
  speed: number;
  kubeconfig: string;
  page: boolean;
  /** The built page's folder (dist/ by default). */
  pageDir?: string;
  /** A line per request, for debugging. */
  log?: (line: string) => void;
}

export interface RunningServer {
  apiUrl: string;
  pageUrl?: string;
  token: string;
  /** The API's certificate (PEM), which is its own CA: clients trust it through the kubeconfig. */
  caCertificate: string;
  kubeconfig: string;
  runner: EngineRunner;
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';

function listen(server: Server | import('node:https').Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LOOPBACK, () => resolve((server.address() as AddressInfo).port));
  });
}

export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const runner = new EngineRunner({ cluster: { seed: opts.seed, workers: opts.workers }, speed: opts.speed });
  const token = randomBytes(24).toString('base64url');
  const api = new HttpApi({ runner, token, ...(opts.log ? { log: opts.log } : {}) });
  const tls = await serverCertificate();
  const http = createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    api.handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `Internal error occurred: ${e instanceof Error ? e.message : String(e)}`, reason: 'InternalError', code: 500 }));
    });
  });
  http.on('upgrade', (req, socket, head) => api.upgrade(req, socket, head));
  // Long watches: no idle timeout on the API's sockets.
  http.requestTimeout = 0;
  http.keepAliveTimeout = 65_000;
  const port = await listen(http, opts.port);
  const apiUrl = `https://${LOOPBACK}:${port}`;
  runner.start();
  let page: { url: string; close(): Promise<void> } | undefined;
  if (opts.page) page = await startPageServer({ runner, port: opts.pagePort ?? (opts.port === 0 ? 0 : port + 1), host: LOOPBACK, ...(opts.pageDir ? { dir: opts.pageDir } : {}) });
  return {
    apiUrl,
    ...(page ? { pageUrl: page.url } : {}),
    token,
    caCertificate: tls.cert,
    kubeconfig: kubeconfigYaml(apiUrl, token, tls.cert),
    runner,
    async close() {
      runner.stop();
      api.closeAll();
      await page?.close();
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeAllConnections();
      await closed;
    },
  };
}
