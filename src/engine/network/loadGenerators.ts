/**
 * Load generators: a container whose program loops over wget/curl (the HPA walkthrough's
 * `while sleep 0.01; do wget -q -O- http://php-apache; done`) sends that traffic for as long as
 * it runs — the traffic model carries it to the Service's pods, where it shows up as CPU and as
 * requests per second. Nothing to click: running the pod is what sends the load.
 */
import type { KObject } from '../api/types';
import type { ObjectStore, WatchEventType } from '../api/store';
import { programFor, type ContainerProgram } from '../kubelet/runtime';
import { INGRESS_ADDRESS } from './ingress';
import { parseHttpUrl, serviceByName } from './http';
import type { TrafficModel, TrafficTarget } from './traffic';
import { templateIdentity } from '../api/admission';
import { bound } from '../sim/forkable';

const programs = new WeakMap<object, ContainerProgram>();

/** Container specs come from their pod's template (admission's copy aside), so each is compiled once. */
function programOf(container: object): ContainerProgram {
  const key = templateIdentity(container);
  let p = programs.get(key);
  if (!p) programs.set(key, (p = programFor(container as Parameters<typeof programFor>[0])));
  return p;
}

function targetFor(store: ObjectStore, namespace: string, url: string, host?: string): TrafficTarget | undefined {
  const parsed = parseHttpUrl(url);
  if (!parsed) return undefined;
  if (parsed.host === INGRESS_ADDRESS) return { kind: 'Ingress', host: host ?? parsed.host, path: parsed.path };
  if (/^\d+\.\d+\.\d+\.\d+$/.test(parsed.host)) {
    const svc = store.list('services').find((s) => s.spec?.clusterIP === parsed.host);
    return svc ? { kind: 'Service', namespace: svc.metadata.namespace, name: svc.metadata.name! } : { kind: 'LoadBalancer', ip: parsed.host };
  }
  // A name resolves as CoreDNS would; one that does not is a loop of failed requests: no load.
  const svc = serviceByName(store, namespace, parsed.host);
  return svc ? { kind: 'Service', namespace: svc.metadata.namespace, name: svc.metadata.name! } : undefined;
}

export class LoadGenerators {
  /** Traffic source ids per pod, with what they were started for. */
  private active = new Map<string, { signature: string; ids: string[] }>();

  constructor(
    private store: ObjectStore,
    private traffic: TrafficModel,
  ) {
    store.watch('pods', bound(this, this.onPod));
  }

  private onPod(type: WatchEventType, pod: KObject): void {
    this.sync(pod, type === 'DELETED');
  }

  private sync(pod: KObject, deleted: boolean): void {
    // Most pods send nothing: one cached look per container and done (no allocation).
    const containers = (pod.spec?.containers as { name: string }[]) ?? [];
    if (this.active.size === 0 && !containers.some((c) => programOf(c).load)) return;
    const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
    const generators = containers.filter((c) => programOf(c).load);
    if (!generators.length && !this.active.has(key)) return;
    const wanted: { target: TrafficTarget; rps: number; byName: boolean }[] = [];
    if (!deleted && !pod.metadata.deletionTimestamp) {
      const running = new Set(((pod.status?.containerStatuses as { name: string; state?: { running?: unknown } }[]) ?? []).filter((s) => s.state?.running).map((s) => s.name));
      for (const c of generators) {
        if (!running.has(c.name)) continue;
        for (const call of programOf(c).load ?? []) {
          const target = targetFor(this.store, pod.metadata.namespace!, call.url, call.host);
          // A name is looked up in cluster DNS first (which NetworkPolicy may block); an address is not.
          if (target) wanted.push({ target, rps: call.rps, byName: !/^\d+\.\d+\.\d+\.\d+$/.test(parseHttpUrl(call.url)?.host ?? '') });
        }
      }
    }
    const signature = JSON.stringify(wanted);
    const current = this.active.get(key);
    if ((current?.signature ?? '[]') === signature) return;
    for (const id of current?.ids ?? []) this.traffic.stop(id);
    const ids: string[] = [];
    for (const w of wanted) {
      try {
        ids.push(this.traffic.start(w.target, w.rps, { namespace: pod.metadata.namespace!, name: pod.metadata.name!, byName: w.byName }).id);
      } catch {
        // wget to a name that does not resolve: the loop only fails, it sends nothing
      }
    }
    if (ids.length) this.active.set(key, { signature, ids });
    else this.active.delete(key);
  }
}
