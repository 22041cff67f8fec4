/**
 * The cloud-controller-manager's service controller for a simulated cloud: a LoadBalancer
 * Service gets an external address a few seconds after it is created (EXTERNAL-IP shows
 * <pending> until then), with the EnsuringLoadBalancer / EnsuredLoadBalancer events; deleting
 * the Service releases it. Addresses come from 203.0.113.0/24 (TEST-NET-3, never routable).
 */
import type { KObject } from '../api/types';
import { refOf } from '../api/types';
import { typeForKind } from '../api/registry';
import { WorkQueue, nsName, splitKey, type ControllerContext } from '../client/context';
import type { WatchEventType } from '../api/store';
import { bound } from '../sim/forkable';

const COMPONENT = 'service-controller';
const svcType = typeForKind('Service');
/** How long the simulated cloud takes to provision a load balancer. */
export const LOAD_BALANCER_PROVISION_MS = 4_000;

export class CloudServiceController {
  readonly queue: WorkQueue;
  private assigned = new Map<string, string>();
  private pending = new Set<string>();

  constructor(private ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, COMPONENT, 5, bound(this, this.sync));
    ctx.api.store.watch('services', bound(this, this.onService));
  }

  private onService(type: WatchEventType, svc: KObject): void {
    const key = nsName(svc.metadata.namespace, svc.metadata.name!);
    if (type === 'DELETED') {
      if (this.assigned.delete(key)) this.ctx.api.event(svc, 'Normal', 'DeletedLoadBalancer', 'Deleted load balancer', COMPONENT);
      return;
    }
    this.queue.add(key);
  }

  private sync(key: string): void {
    const [ns, name] = splitKey(key);
    const svc = this.ctx.api.store.get('services', ns, name);
    if (!svc) return;
    const wants = svc.spec?.type === 'LoadBalancer';
    const has = (svc.status?.loadBalancer?.ingress ?? []).length > 0;
    if (wants && !has && !this.pending.has(key)) {
      this.pending.add(key);
      this.ctx.api.event(svc, 'Normal', 'EnsuringLoadBalancer', 'Ensuring load balancer', COMPONENT);
      this.ctx.clock.after(LOAD_BALANCER_PROVISION_MS, COMPONENT, bound(this, this.provision, key));
    } else if (!wants && has) {
      this.ctx.api.updateStatus(svcType, svc, { ...svc.status, loadBalancer: {} }, COMPONENT);
      this.assigned.delete(key);
      this.ctx.api.event(svc, 'Normal', 'DeletedLoadBalancer', 'Deleted load balancer', COMPONENT);
    }
  }

  private provision(key: string): void {
    this.pending.delete(key);
    const [ns, name] = splitKey(key);
    const svc = this.ctx.api.store.get('services', ns, name);
    if (!svc || svc.spec?.type !== 'LoadBalancer') return;
    const ip = this.allocate(key);
    this.ctx.api.updateStatus(svcType, svc, { ...svc.status, loadBalancer: { ingress: [{ ip, ipMode: 'VIP' }] } }, COMPONENT);
    this.ctx.api.event(svc, 'Normal', 'EnsuredLoadBalancer', 'Ensured load balancer', COMPONENT);
    this.ctx.reasons.record(COMPONENT, 'cloud.loadBalancerReady', { ip }, [refOf(svc as KObject)]);
  }

  private allocate(key: string): string {
    const taken = new Set(this.assigned.values());
    for (let host = 10; host < 255; host++) {
      const ip = `203.0.113.${host}`;
      if (!taken.has(ip)) {
        this.assigned.set(key, ip);
        return ip;
      }
    }
    return '203.0.113.254';
  }
}
