import { describe, expect, it } from 'vitest';
import { newCluster, k } from '../testing/helpers';
import { fitErrorMessage } from './scheduler';

describe('scheduler', () => {
  it('reports an unschedulable pod with the real FailedScheduling message', () => {
    const c = newCluster();
    k(c, 'apply -f -', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: big\nspec:\n  containers:\n  - name: app\n    image: nginx\n    resources:\n      requests:\n        cpu: "64"\n');
    c.advance(5);
    expect(k(c, 'get pod big')).toBe('NAME   READY   STATUS    RESTARTS   AGE\nbig    0/1     Pending   0          5s\n');
    const msg = '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.';
    expect(k(c, 'describe pod big')).toMatch(new RegExp(`Warning  FailedScheduling  \\d+s +default-scheduler  ${msg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    const cond = c.store.get('pods', 'default', 'big')!.status.conditions[0];
    expect(cond).toMatchObject({ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: msg });
    // A bigger node makes it fit: the pod is retried when the cluster changes.
    c.addNode({ name: 'worker-big', cpu: 96, memoryGi: 256 });
    c.advance(15);
    expect(c.store.get('pods', 'default', 'big')!.spec.nodeName).toBe('worker-big');
  });

  it('honours nodeSelector', () => {
    const c = newCluster({ nodes: [{ name: 'ssd-1', labels: { disktype: 'ssd' } }, { name: 'hdd-1', labels: { disktype: 'hdd' } }] });
    k(c, 'apply -f -', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: fast\nspec:\n  nodeSelector:\n    disktype: ssd\n  containers:\n  - name: app\n    image: nginx\n');
    c.advance(5);
    expect(c.store.get('pods', 'default', 'fast')!.spec.nodeName).toBe('ssd-1');
    const why = c.scheduler.explain(c.store.get('pods', 'default', 'fast')!);
    expect(why.find((v) => v.node === 'hdd-1')!.rejectedBy[0]).toEqual({ plugin: 'NodeAffinity', reasons: ["node(s) didn't match Pod's node affinity/selector"] });
    expect(why.find((v) => v.node === 'ssd-1')!.total).toBeGreaterThan(0);
  });

  it('formats reasons sorted, with counts', () => {
    expect(fitErrorMessage(3, { 'Insufficient memory': 2, 'Insufficient cpu': 3 }, undefined, 'preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.')).toBe(
      '0/3 nodes are available: 2 Insufficient memory, 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.',
    );
  });
});

describe('scheduler plugins', () => {
  const pod = (name: string, extra: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  labels: {app: ${name.split('-')[0]}}\nspec:\n${extra}  containers:\n  - name: c\n    image: nginx:1.27\n`;

  it('NodePorts: two pods with the same hostPort never share a node', () => {
    const c = newCluster();
    for (let i = 0; i < 4; i++) k(c, 'apply -f -', `apiVersion: v1\nkind: Pod\nmetadata:\n  name: hp-${i}\nspec:\n  containers:\n  - name: c\n    image: nginx:1.27\n    ports:\n    - containerPort: 80\n      hostPort: 8080\n`);
    c.advance(10);
    const nodes = ['hp-0', 'hp-1', 'hp-2'].map((n) => c.store.get('pods', 'default', n)!.spec.nodeName);
    expect(new Set(nodes).size).toBe(3);
    expect(c.store.get('pods', 'default', 'hp-3')!.spec.nodeName).toBeUndefined();
    expect(k(c, 'describe pod hp-3')).toContain("3 node(s) didn't have free ports for the requested pod ports");
  });

  it('required pod anti-affinity keeps replicas on different nodes; the fourth waits', () => {
    const c = newCluster();
    const anti = `  affinity:\n    podAntiAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n      - labelSelector:\n          matchLabels: {app: cache}\n        topologyKey: kubernetes.io/hostname\n`;
    for (let i = 0; i < 4; i++) k(c, 'apply -f -', pod(`cache-${i}`, anti));
    c.advance(10);
    const placed = c.store.list('pods', 'default').filter((p) => p.spec.nodeName).map((p) => p.spec.nodeName);
    expect(placed).toHaveLength(3);
    expect(new Set(placed).size).toBe(3);
    expect(k(c, 'describe pod cache-3')).toMatch(/3 node\(s\) didn't match pod anti-affinity rules/);
  });

  it('required pod affinity puts a pod next to the pod it follows', () => {
    const c = newCluster();
    k(c, 'apply -f -', pod('db-0', ''));
    c.advance(5);
    const dbNode = c.store.get('pods', 'default', 'db-0')!.spec.nodeName;
    const aff = `  affinity:\n    podAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n      - labelSelector:\n          matchLabels: {app: db}\n        topologyKey: kubernetes.io/hostname\n`;
    for (let i = 0; i < 3; i++) k(c, 'apply -f -', pod(`web-${i}`, aff));
    c.advance(5);
    for (let i = 0; i < 3; i++) expect(c.store.get('pods', 'default', `web-${i}`)!.spec.nodeName).toBe(dbNode);
  });

  it('topologySpreadConstraints with DoNotSchedule keep the skew within maxSkew', () => {
    const c = newCluster({ nodes: [{ name: 'a-1', labels: { 'topology.kubernetes.io/zone': 'a' } }, { name: 'a-2', labels: { 'topology.kubernetes.io/zone': 'a' } }, { name: 'b-1', labels: { 'topology.kubernetes.io/zone': 'b' } }] });
    k(c, 'apply -f -', `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: spread\nspec:\n  replicas: 6\n  selector:\n    matchLabels: {app: spread}\n  template:\n    metadata:\n      labels: {app: spread}\n    spec:\n      topologySpreadConstraints:\n      - maxSkew: 1\n        topologyKey: topology.kubernetes.io/zone\n        whenUnsatisfiable: DoNotSchedule\n        labelSelector:\n          matchLabels: {app: spread}\n      containers:\n      - name: c\n        image: nginx:1.27\n`);
    c.advance(20);
    const zones = c.store.list('pods', 'default').map((p) => c.store.get('nodes', undefined, p.spec.nodeName)!.metadata.labels!['topology.kubernetes.io/zone']);
    expect(zones.filter((z) => z === 'a')).toHaveLength(3);
    expect(zones.filter((z) => z === 'b')).toHaveLength(3);
  });

  it('preferred node affinity and PreferNoSchedule taints steer without forcing', () => {
    const c = newCluster({ nodes: [{ name: 'ssd-1', labels: { disktype: 'ssd' } }, { name: 'hdd-1', labels: { disktype: 'hdd' } }] });
    k(c, 'apply -f -', pod('pref', `  affinity:\n    nodeAffinity:\n      preferredDuringSchedulingIgnoredDuringExecution:\n      - weight: 100\n        preference:\n          matchExpressions:\n          - {key: disktype, operator: In, values: [hdd]}\n`));
    c.advance(5);
    expect(c.store.get('pods', 'default', 'pref')!.spec.nodeName).toBe('hdd-1');
    k(c, 'taint node hdd-1 slow=yes:PreferNoSchedule');
    k(c, 'apply -f -', pod('plain', ''));
    c.advance(5);
    expect(c.store.get('pods', 'default', 'plain')!.spec.nodeName).toBe('ssd-1');
  });

  it('ImageLocality: nodes report their images and the scheduler sees them', () => {
    const c = newCluster();
    k(c, 'run big --image=node:22');
    c.advance(30);
    const node = c.store.get('pods', 'default', 'big')!.spec.nodeName;
    const images = c.store.get('nodes', undefined, node)!.status.images;
    expect(images.some((i: { names: string[] }) => i.names.includes('docker.io/library/node:22'))).toBe(true);
    const why = c.scheduler.explain({ ...c.store.get('pods', 'default', 'big')!, status: {} });
    const withImage = why.find((v) => v.node === node)!;
    expect(withImage.scores!.ImageLocality).toBeGreaterThan(0);
    for (const v of why.filter((x) => x.node !== node && x.scores)) expect(v.scores!.ImageLocality).toBe(0);
  });
});

describe('memoised scoring', () => {
  it('places every pod exactly where the general scoring path does', () => {
    // Bare pods, Deployments, image-heavy pods, PreferNoSchedule taints, host ports and a node
    // joining mid-way: the fast path must pick the same nodes, with the same random tie-breaks.
    const run = (memoised: boolean) => {
      const c = newCluster({ workers: 6 });
      c.scheduler.ranking.memoisedScoring = memoised;
      const docs: string[] = [];
      for (let i = 0; i < 12; i++) docs.push(`apiVersion: v1\nkind: Pod\nmetadata: {name: bare-${i}}\nspec:\n  containers: [{name: c, image: ${i % 3 ? 'nginx:1.27' : 'redis:7.4'}, resources: {requests: {cpu: ${50 + (i % 4) * 100}m, memory: 64Mi}}}]\n`);
      docs.push('apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 9\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: c, image: httpd:2.4, resources: {requests: {cpu: 200m}}}]\n');
      docs.push('apiVersion: v1\nkind: Pod\nmetadata: {name: porty}\nspec:\n  containers: [{name: c, image: nginx:1.27, ports: [{containerPort: 80, hostPort: 8080}]}]\n');
      k(c, 'apply -f -', docs.join('---\n'));
      c.advance(20);
      c.addNode({ name: 'worker-late', cpu: 8, memoryGi: 32 });
      // A PreferNoSchedule taint brings a normalising plugin in: the general path again.
      k(c, 'taint nodes worker-2 spare=yes:PreferNoSchedule');
      k(c, 'apply -f -', 'apiVersion: v1\nkind: Pod\nmetadata: {name: after-taint}\nspec:\n  containers: [{name: c, image: nginx:1.27}]\n');
      k(c, 'scale deployment web --replicas=20');
      c.advance(60);
      return c.store
        .list('pods')
        .map((p) => `${p.metadata.name}@${p.spec.nodeName}`)
        .sort();
    };
    const general = run(false);
    expect(general.filter((p) => p.endsWith('@undefined'))).toEqual([]);
    expect(run(true)).toEqual(general);
  });
});
