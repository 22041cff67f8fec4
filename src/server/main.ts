/**
 * `npm run serve` (and `npx wheelhouse serve`): the simulated cluster as a Kubernetes API on a
 * loopback port, a kubeconfig for it, and the page showing the same cluster live.
 *
 *   --port N      the API's port (6443)         --page-port N  the page's port (API port + 1)
 *   --seed N      the cluster's seed (1)        --workers N    worker nodes (3)
 *   --speed X     simulated seconds per second (1)
 *   --kubeconfig PATH   where to write the kubeconfig (./wheelhouse.kubeconfig)
 *   --page-dir DIR      the built page to serve (dist/)
 *   --no-page     the API only
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startServer, type ServeOptions } from './serve';

function parseArgs(argv: string[]): ServeOptions {
  const opts: ServeOptions = { port: 6443, seed: 1, workers: 3, speed: 1, kubeconfig: 'wheelhouse.kubeconfig', page: true };
  const number = (name: string, v: string | undefined, min: number, max: number): number => {
    const n = Number(v);
    if (v === undefined || !Number.isFinite(n) || n < min || n > max) {
      process.stderr.write(`wheelhouse serve: --${name} needs a number from ${min} to ${max}, got ${JSON.stringify(v ?? '')}\n`);
      process.exit(2);
    }
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split('=', 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case 'serve':
        break;
      case '--port':
        opts.port = number('port', value(), 0, 65535);
        break;
      case '--page-port':
        opts.pagePort = number('page-port', value(), 0, 65535);
        break;
      case '--seed':
        opts.seed = number('seed', value(), 0, 2 ** 31 - 1);
        break;
      case '--workers':
        opts.workers = number('workers', value(), 0, 5000);
        break;
      case '--speed':
        opts.speed = number('speed', value(), 0.1, 64);
        break;
      case '--kubeconfig':
        opts.kubeconfig = value() ?? opts.kubeconfig;
        break;
      case '--page-dir':
        opts.pageDir = value() ?? '';
        break;
      case '--no-page':
        opts.page = false;
        break;
      case '-h':
      case '--help':
        process.stdout.write('usage: wheelhouse serve [--port 6443] [--page-port N] [--seed 1] [--workers 3] [--speed 1] [--kubeconfig PATH] [--page-dir DIR] [--no-page]\n');
        process.exit(0);
        break;
      default:
        process.stderr.write(`wheelhouse serve: unknown flag ${flag} (see --help)\n`);
        process.exit(2);
    }
  }
  return opts;
}

const opts = parseArgs(process.argv.slice(2));
const server = await startServer(opts).catch((e: unknown) => {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'EADDRINUSE') process.stderr.write(`wheelhouse serve: a port is already in use (${err.message.replace(/^listen EADDRINUSE: address already in use /, '')}); choose others with --port N (and --page-port N)\n`);
  else process.stderr.write(`wheelhouse serve: ${err.message}\n`);
  process.exit(1);
});
const kubeconfigPath = resolve(opts.kubeconfig);
writeFileSync(kubeconfigPath, server.kubeconfig, { mode: 0o600 });
process.stdout.write(`cluster at ${server.apiUrl}\nkubeconfig at ${kubeconfigPath}\n${server.pageUrl ? `page at ${server.pageUrl}\n` : ''}\n  export KUBECONFIG=${kubeconfigPath}\n  kubectl get nodes\n`);
const stop = () => {
  void server.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
