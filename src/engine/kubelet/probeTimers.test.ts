/** Probe workers keep one pending tick each: ticks that ran are released (no timer per period). */
import { describe, expect, it } from 'vitest';
import { newCluster, k, assertNoTaskFailures } from '../testing/helpers';
import { census, grown } from '../testing/collectionSizes';

const probed = (replicas: number) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: probed
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: probed}
  template:
    metadata:
      labels: {app: probed}
    spec:
      containers:
      - name: web
        image: nginx:1.27
        readinessProbe:
          httpGet: {path: /, port: 80}
          periodSeconds: 5
        livenessProbe:
          tcpSocket: {port: 80}
          periodSeconds: 10
`;

describe('probe timers', () => {
  it('30 probed pods hold the same timers after 10 simulated hours as after one', () => {
    const c = newCluster();
    k(c, 'apply -f -', probed(30));
    c.advance(3600);
    const early = census(c);
    c.advance(9 * 3600);
    const late = census(c);
    assertNoTaskFailures(c);
    expect(grown(early, late).filter((g) => g.path.includes('probes'))).toEqual([]);
    // Each container holds at most its two probes' next ticks.
    const kubelets = [...c.kubelets.values()] as unknown as { workers: Map<string, { name: string; containers: { probes: { timers: Map<string, unknown> } }[] }> }[];
    const counts = kubelets.flatMap((kl) => [...kl.workers.values()].filter((w) => w.name.startsWith('probed-')).flatMap((w) => w.containers.map((ct) => ct.probes.timers.size)));
    expect(counts.length).toBe(30);
    expect(Math.max(...counts)).toBeLessThanOrEqual(2);
  });
});
