/**
 * ClusterRole aggregation controller (pkg/controller/clusterroleaggregation): a ClusterRole with
 * an aggregationRule gets, as its rules, the rules of every ClusterRole its selectors match — in
 * name order, each rule once. So `view`, `edit` and `admin` grow when someone labels a role
 * `rbac.authorization.k8s.io/aggregate-to-view: "true"` (how CRDs' authors extend them).
 */
import type { KObject } from '../api/types';
import { matches, selectorFromObject } from '../api/labels';
import { WorkQueue, reportSyncError, type ControllerContext } from '../client/context';
import { bound } from '../sim/forkable';
import type { PolicyRule } from '../api/auth/rbac';

const COMPONENT = 'clusterrole-aggregation-controller';

/** Rules compare as sets of their lists' members (ruleExists uses semantic equality of the sorted lists). */
function ruleKey(r: PolicyRule): string {
  const sorted = (xs: string[] | undefined) => [...(xs ?? [])].sort();
  return JSON.stringify([sorted(r.verbs), sorted(r.apiGroups), sorted(r.resources), sorted(r.resourceNames), sorted(r.nonResourceURLs)]);
}

export class ClusterRoleAggregationController {
  readonly queue: WorkQueue;

  constructor(private ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, COMPONENT, 10, bound(this, this.sync), reportSyncError(ctx, COMPONENT, 'clusterroles'));
    // Any ClusterRole's change may change what an aggregated one gathers: look at all of those again.
    ctx.api.store.watch('clusterroles', bound(this, this.onClusterRole));
    for (const role of ctx.api.store.list('clusterroles')) if (role.aggregationRule) this.queue.add(role.metadata.name!);
  }

  private onClusterRole(): void {
    for (const role of this.ctx.api.store.list('clusterroles')) if (role.aggregationRule) this.queue.add(role.metadata.name!);
  }

  private sync(name: string): void {
    const { api } = this.ctx;
    const role = api.store.get('clusterroles', undefined, name);
    const selectors = (role?.aggregationRule as { clusterRoleSelectors?: unknown[] } | undefined)?.clusterRoleSelectors;
    if (!role || !selectors) return;
    const all = [...api.store.list('clusterroles')].sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1));
    const rules: PolicyRule[] = [];
    const seen = new Set<string>();
    for (const selector of selectors) {
      for (const other of all) {
        if (other.metadata.name === name || !matches(selectorFromObject(selector as never), other.metadata.labels)) continue;
        for (const r of (other.rules as PolicyRule[] | null) ?? []) {
          const key = ruleKey(r);
          if (seen.has(key)) continue;
          seen.add(key);
          rules.push(structuredClone(r));
        }
      }
    }
    const current = (role.rules as PolicyRule[] | null) ?? [];
    if (current.length === rules.length && current.every((r, i) => ruleKey(r) === ruleKey(rules[i]!))) return;
    api.mutate(api.typeOf(role), undefined, name, COMPONENT, (obj: KObject) => ({ ...obj, rules }));
  }
}
