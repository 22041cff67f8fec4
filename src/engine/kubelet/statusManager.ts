/**
 * The kubelet's status manager: container changes within one second are reported together,
 * at the next PLEG relist (a one-second boundary), as one status update per pod.
 */
import type { KObject } from '../api/types';
import { typeForKind } from '../api/registry';
import type { ScheduledTask } from '../sim/clock';
import type { ControllerContext } from '../client/context';
import { deepEqual } from '../util/equal';
import { bound } from '../sim/forkable';
import { stateOf } from './containerMachine';
import { buildPodStatus } from './podStatus';
import { COMPONENT, containerViews, initDone, isTerminating, sandboxReady, type PodWorker } from './podWorker';

const podType = typeForKind('Pod');

export class StatusManager {
  private dirty = new Set<string>();
  private flushTask: ScheduledTask | undefined;

  constructor(
    private ctx: ControllerContext,
    private nodeName: string,
    private owner: string,
    private worker: (key: string) => PodWorker | undefined,
    private nodeIP: () => string,
  ) {}

  markDirty(w: PodWorker): void {
    this.dirty.add(w.key);
    if (this.flushTask) return;
    // PLEG relists once a second: status changes within a second are reported together.
    const now = this.ctx.clock.now();
    const at = Math.floor(now / 1000) * 1000 + 1000;
    this.flushTask = this.ctx.clock.at(at, this.owner, bound(this, this.flush));
  }

  forget(key: string): void {
    this.dirty.delete(key);
  }

  /** The machine stopped: nothing more is reported. */
  clear(): void {
    this.ctx.clock.cancel(this.flushTask);
    this.flushTask = undefined;
    this.dirty.clear();
  }

  private flush(): void {
    this.flushTask = undefined;
    const keys = [...this.dirty];
    this.dirty.clear();
    for (const key of keys) {
      const w = this.worker(key);
      if (!w) continue;
      const [ns, name] = key.split('/');
      const pod = this.ctx.api.store.get('pods', ns, name);
      if (!pod || pod.metadata.uid !== w.uid) continue;
      this.writeStatus(w, pod);
    }
  }

  writeStatus(w: PodWorker, pod: KObject): void {
    const views = containerViews(w);
    const podView = {
      init: views.filter((_, i) => w.containers[i].init),
      app: views.filter((_, i) => !w.containers[i].init && !w.containers[i].ephemeral),
      ephemeral: views.filter((_, i) => w.containers[i].ephemeral),
      initDone: initDone(w),
      sandboxReady: sandboxReady(w) && !(isTerminating(w) && w.containers.every((c) => stateOf(c.snapshot).state !== 'Running')),
      podIP: w.podIP,
      hostIP: this.nodeIP(),
      startTime: w.startTime,
      terminating: isTerminating(w),
    };
    const status = buildPodStatus(podView, pod.status, this.ctx.clock.now());
    if (deepEqual(status, pod.status)) return;
    this.ctx.api.updateStatus(podType, pod, status, COMPONENT, this.nodeName);
  }
}
