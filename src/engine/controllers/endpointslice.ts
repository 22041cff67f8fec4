/**
 * EndpointSlice controller (pkg/controller/endpointslice): publishes each selector Service's
 * backends as discovery.k8s.io/v1 EndpointSlices named <service>-<random>, labelled
 * kubernetes.io/service-name, at most 100 endpoints a slice, with ready/serving/terminating
 * conditions per endpoint.
 */
import { persistent } from '../sim/persistable';
import type { KObject } from '../api/types';
import { typeForKind } from '../api/registry';
import { deepEqual } from '../util/equal';
import { WorkQueue, reportSyncError, splitKey, type ControllerContext } from '../client/context';
import { bound } from '../sim/forkable';
import { ownerRefTo } from './replicaset';
import { backendPorts, serviceBackends, watchServiceBackends } from '../helpers/backends';

const COMPONENT = 'endpointslice-controller';
const sliceType = typeForKind('EndpointSlice');
const MAX_ENDPOINTS_PER_SLICE = 100;
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/** The index of slices by the Service they belong to (a module function: a checkpoint kept as data names it). */
const sliceService = persistent('endpointslice.byService', (s: KObject) => (s.metadata.labels?.[SERVICE_NAME_LABEL] ? `${s.metadata.namespace}/${s.metadata.labels[SERVICE_NAME_LABEL]}` : undefined));

export class EndpointSliceController {
  readonly queue: WorkQueue;

  constructor(private ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, COMPONENT, 5, bound(this, this.sync), reportSyncError(ctx, COMPONENT, 'services'));
    const store = ctx.api.store;
    store.addIndex('endpointslices', 'service', sliceService);
    watchServiceBackends(store, bound(this.queue, this.queue.add));
  }

  private sync(key: string): void {
    const [ns, name] = splitKey(key);
    const { api } = this.ctx;
    const svc = api.store.get('services', ns, name);
    const existing = api.store.byIndex('endpointslices', 'service', key).sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1));
    if (!svc || !svc.spec?.selector) {
      for (const s of existing) {
        if (s.metadata.labels?.['endpointslice.kubernetes.io/managed-by'] !== 'endpointslice-controller.k8s.io') continue;
        try {
          api.delete(sliceType, ns, s.metadata.name!, COMPONENT);
        } catch {
          // gone already
        }
      }
      return;
    }
    const backends = serviceBackends(api.store, svc);
    // discovery/v1 EndpointPort.name is a *string the controller always sets: an unnamed Service
    // port is published as name: "" (clients such as `kubectl describe service` read it).
    const ports = (backends.length ? backendPorts(svc, backends[0].pod) : backendPorts(svc, { apiVersion: 'v1', kind: 'Pod', metadata: {} })).map((p) => ({ ...p, name: p.name ?? '' }));
    const zoneOf = (node: string) => api.store.get('nodes', undefined, node)?.metadata.labels?.['topology.kubernetes.io/zone'] as string | undefined;
    const endpoints = backends.map((b) => {
      const e: Record<string, unknown> = {
        addresses: [b.ip],
        conditions: { ready: b.ready, serving: b.serving, terminating: b.terminating },
      };
      if (b.nodeName) e.nodeName = b.nodeName;
      e.targetRef = { kind: 'Pod', name: b.pod.metadata.name, namespace: b.pod.metadata.namespace, uid: b.pod.metadata.uid };
      // The endpoint's zone comes from its node's topology label (topology-aware routing reads it).
      const zone = b.nodeName ? zoneOf(b.nodeName) : undefined;
      if (zone) e.zone = zone;
      return e;
    });
    const chunks: Record<string, unknown>[][] = [];
    for (let i = 0; i < Math.max(1, endpoints.length); i += MAX_ENDPOINTS_PER_SLICE) chunks.push(endpoints.slice(i, i + MAX_ENDPOINTS_PER_SLICE));
    const labels = { ...(svc.metadata.labels ?? {}), 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io', [SERVICE_NAME_LABEL]: name };
    chunks.forEach((chunk, i) => {
      const slice = existing[i];
      const body = { addressType: 'IPv4', endpoints: chunk, ports };
      if (!slice) {
        const obj: KObject = {
          apiVersion: 'discovery.k8s.io/v1',
          kind: 'EndpointSlice',
          metadata: { generateName: `${name}-`, namespace: ns, labels, ownerReferences: [ownerRefTo(svc)] },
          ...body,
        };
        api.create(obj, COMPONENT);
      } else if (!deepEqual({ addressType: slice.addressType, endpoints: slice.endpoints, ports: slice.ports }, body) || !deepEqual(slice.metadata.labels, labels)) {
        api.update({ ...slice, metadata: { ...slice.metadata, labels }, ...body }, COMPONENT);
      }
    });
    for (const extra of existing.slice(chunks.length)) {
      try {
        api.delete(sliceType, ns, extra.metadata.name!, COMPONENT);
      } catch {
        // gone already
      }
    }
  }
}
