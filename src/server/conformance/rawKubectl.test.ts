/**
 * `kubectl get --raw PATH`: the simulator's kubectl prints what the served API answers a GET of
 * that path, byte for byte as real kubectl v1.32 prints it — objects, lists, discovery, health,
 * and the refusals of bad flags and unknown paths.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubectlForSuite, kubectl, serveForTest, type Served } from '../testing/served';

const KUBECTL = kubectlForSuite('the get --raw conformance suite');

describe.runIf(!!KUBECTL)('kubectl get --raw against real kubectl v1.32', () => {
  let served: Served;
  beforeAll(async () => {
    served = await serveForTest({ seed: 3 });
    expect((await kubectl(KUBECTL!, served, ['create', 'configmap', 'cfg', '--from-literal=a=<b>&c'])).code).toBe(0);
    served.server.runner.host.setClock({ paused: true });
  });
  afterAll(async () => {
    served?.server.runner.host.setClock({ paused: false });
    await served?.close();
  });

  it('prints the API server’s answer as it came', async () => {
    const lines = ['get --raw /healthz', 'get --raw /api/v1/namespaces/default/configmaps/cfg', 'get --raw /api/v1/namespaces/default/configmaps/nope', 'get --raw /apis/apps/v1', 'get --raw /nope', 'get --raw /api/v1/namespaces/default/configmaps?limit=1', 'get --raw /healthz pods', 'get --raw /healthz -o yaml', 'get --raw healthz'];
    for (const line of lines) {
      const real = await kubectl(KUBECTL!, served, line.split(' '));
      const mine = served.server.runner.host.run(line);
      expect([mine.stdout, mine.stderr, mine.exitCode], line).toEqual([real.stdout, real.stderr, real.code]);
    }
  });
});
