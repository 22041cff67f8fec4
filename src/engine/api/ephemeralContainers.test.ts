import { describe, expect, it } from 'vitest';
import { k, newCluster } from '../testing/helpers';
import { typeForKind } from './registry';
import { ApiError } from './errors';
import type { Cluster } from '../cluster/cluster';

const pods = typeForKind('Pod');

function withPod(): Cluster {
  const c = newCluster();
  k(c, 'run app --image=nginx:1.27');
  c.advance(10);
  return c;
}

/** The API server's message for a PATCH of pods/app/ephemeralcontainers. */
function patchError(c: Cluster, ephemeralContainers: unknown[]): string {
  try {
    c.api.patch(pods, 'default', 'app', 'strategic', { spec: { ephemeralContainers } }, 'test', { subresource: 'ephemeralcontainers' });
  } catch (e) {
    if (e instanceof ApiError) return e.message;
    throw e;
  }
  return '';
}

describe('pods/ephemeralcontainers', () => {
  it('adds a defaulted ephemeral container and nothing else of the patch', () => {
    const c = withPod();
    const before = c.api.get(pods, 'default', 'app');
    const { object } = c.api.patch(pods, 'default', 'app', 'merge', { metadata: { labels: { sneaky: 'yes' } }, spec: { ephemeralContainers: [{ name: 'dbg', image: 'busybox:1.36' }], containers: [{ name: 'app', image: 'nginx:1.28' }] } }, 'test', { subresource: 'ephemeralcontainers' });
    expect(object.spec.ephemeralContainers).toEqual([{ image: 'busybox:1.36', imagePullPolicy: 'IfNotPresent', name: 'dbg', resources: {}, terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' }]);
    expect(object.metadata.labels).toEqual(before.metadata.labels);
    expect(object.spec.containers).toEqual(before.spec.containers);
  });

  it('allows only additions, and only the fields an ephemeral container may have', () => {
    const c = withPod();
    expect(patchError(c, [{ name: 'dbg', image: 'busybox', ports: [{ containerPort: 80 }], resources: { limits: { cpu: '1' } }, livenessProbe: { exec: { command: ['true'] } }, volumeMounts: [{ name: 'nope', mountPath: '/x' }] }])).toBe(
      'Pod "app" is invalid: spec.ephemeralContainers[0].volumeMounts[0].name: Not found: "nope", spec.ephemeralContainers[0].ports: Forbidden: cannot be set for an Ephemeral Container, spec.ephemeralContainers[0].resources: Forbidden: cannot be set for an Ephemeral Container, spec.ephemeralContainers[0].livenessProbe: Forbidden: cannot be set for an Ephemeral Container',
    );
    expect(patchError(c, [{ name: 'app', image: 'busybox' }])).toBe('Pod "app" is invalid: spec.ephemeralContainers[0].name: Duplicate value: "app"');
    expect(patchError(c, [{ name: 'dbg' }])).toBe('Pod "app" is invalid: spec.ephemeralContainers[0].image: Required value');
    expect(patchError(c, [{ name: 'dbg', image: 'busybox', targetContainerName: 'db' }])).toBe('Pod "app" is invalid: spec.ephemeralContainers[0].targetContainerName: Not found: "db"');
    expect(patchError(c, [{ name: 'dbg', image: 'busybox:1.36' }])).toBe('');
    const current = c.api.get(pods, 'default', 'app');
    expect(() => c.api.updateEphemeralContainers(current, { ...current, spec: { ...current.spec, ephemeralContainers: [] } }, 'test')).toThrow('Pod "app" is invalid: spec.ephemeralContainers: Forbidden: existing ephemeral containers "dbg" may not be removed\n');
    expect(() => c.api.updateEphemeralContainers(current, { ...current, spec: { ...current.spec, ephemeralContainers: [{ ...current.spec.ephemeralContainers[0], image: 'alpine' }] } }, 'test')).toThrow('existing ephemeral containers "dbg" may not be changed');
    // Through the pod itself they are neither set on create nor changed.
    expect(() => c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x', namespace: 'default' }, spec: { containers: [{ name: 'x', image: 'nginx' }], ephemeralContainers: [{ name: 'd', image: 'busybox' }] } }, 'test')).toThrow('Pod "x" is invalid: spec.ephemeralContainers: Forbidden: cannot be set on create');
    expect(() => c.api.update({ ...current, spec: { ...current.spec, ephemeralContainers: [...current.spec.ephemeralContainers, { name: 'e', image: 'busybox', imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', resources: {} }] } }, 'test')).toThrow('Forbidden: pod updates may not change fields');
  });

  it('refuses static pods', () => {
    const c = withPod();
    const pod = c.api.get(pods, 'default', 'app');
    const mirror = { ...pod, metadata: { ...pod.metadata, annotations: { 'kubernetes.io/config.mirror': 'abc' } } };
    expect(() => c.api.updateEphemeralContainers(mirror, { ...mirror, spec: { ...mirror.spec, ephemeralContainers: [{ name: 'd', image: 'busybox' }] } }, 'test')).toThrow('Pod "app" is invalid: : Forbidden: static pods do not support ephemeral containers');
  });
});
