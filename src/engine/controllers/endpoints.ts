/**
 * Endpoints controller (pkg/controller/endpoint): keeps an Endpoints object named after each
 * Service with a selector — ready pods under `addresses`, the others under
 * `notReadyAddresses` — so traffic goes only to pods that are ready.
 */
import type { KObject } from '../api/types';
import { typeForKind } from '../api/registry';
import { deepEqual } from '../util/equal';
import { WorkQueue, reportSyncError, splitKey, type ControllerContext } from '../client/context';
import { bound } from '../sim/forkable';
import { backendPorts, serviceBackends, watchServiceBackends } from '../helpers/backends';

const COMPONENT = 'endpoint-controller';
const epType = typeForKind('Endpoints');

export class EndpointsController {
  readonly queue: WorkQueue;

  constructor(private ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, COMPONENT, 5, bound(this, this.sync), reportSyncError(ctx, COMPONENT, 'services'));
    const store = ctx.api.store;
    watchServiceBackends(store, bound(this.queue, this.queue.add));
  }

  private sync(key: string): void {
    const [ns, name] = splitKey(key);
    const { api } = this.ctx;
    const svc = api.store.get('services', ns, name);
    const existing = api.store.get('endpoints', ns, name);
    if (!svc || !svc.spec?.selector) {
      // Endpoints of Services without a selector belong to whoever made them.
      if (!svc && existing) {
        try {
          api.delete(epType, ns, name, COMPONENT);
        } catch {
          // gone already
        }
      }
      return;
    }
    const subsets: Record<string, unknown>[] = [];
    const groups = new Map<string, { ports: unknown; addresses: unknown[]; notReadyAddresses: unknown[] }>();
    for (const b of serviceBackends(api.store, svc)) {
      if (b.terminating) continue;
      const ports = backendPorts(svc, b.pod);
      const portsKey = JSON.stringify(ports);
      let g = groups.get(portsKey);
      if (!g) groups.set(portsKey, (g = { ports, addresses: [], notReadyAddresses: [] }));
      const address: Record<string, unknown> = { ip: b.ip };
      if (b.nodeName) address.nodeName = b.nodeName;
      address.targetRef = { kind: 'Pod', name: b.pod.metadata.name, namespace: b.pod.metadata.namespace, uid: b.pod.metadata.uid };
      (b.ready ? g.addresses : g.notReadyAddresses).push(address);
    }
    for (const g of groups.values()) {
      const subset: Record<string, unknown> = {};
      if (g.addresses.length) subset.addresses = g.addresses;
      if (g.notReadyAddresses.length) subset.notReadyAddresses = g.notReadyAddresses;
      subset.ports = g.ports;
      subsets.push(subset);
    }
    const labels = { ...(svc.metadata.labels ?? {}) };
    const desired: KObject = { apiVersion: 'v1', kind: 'Endpoints', metadata: { name, namespace: ns, labels }, subsets };
    if (Object.keys(labels).length === 0) delete desired.metadata.labels;
    if (subsets.length === 0) delete desired.subsets;
    if (!existing) {
      api.create(desired, COMPONENT);
      return;
    }
    if (deepEqual(existing.subsets, desired.subsets) && deepEqual(existing.metadata.labels, desired.metadata.labels)) return;
    api.update({ ...existing, metadata: { ...existing.metadata, labels: desired.metadata.labels }, subsets: desired.subsets }, COMPONENT);
  }
}
