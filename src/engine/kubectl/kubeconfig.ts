/**
 * The terminal's kubeconfig: which contexts exist, which is current, and the namespace each
 * names. It is the learner's side, not the cluster; it is kept beside the cluster's store (one
 * per cluster) so that replaying the commands that changed it (rewind, reload) restores it.
 */
import type { ObjectStore } from '../api/store';
import { KUBECONFIG_USER } from './impersonation';

export const KUBECONFIG_CLUSTER = 'wheelhouse';

export interface KubeconfigContext {
  name: string;
  cluster: string;
  user: string;
  namespace?: string;
}

export interface Kubeconfig {
  contexts: KubeconfigContext[];
  current: string;
}

const configs = new WeakMap<ObjectStore, Kubeconfig>();

/** The kubeconfig of the terminal talking to this cluster: one context, namespace default, to begin with. */
export function kubeconfigOf(store: ObjectStore): Kubeconfig {
  let c = configs.get(store);
  if (!c) {
    c = { contexts: [{ name: KUBECONFIG_CLUSTER, cluster: KUBECONFIG_CLUSTER, user: KUBECONFIG_USER, namespace: 'default' }], current: KUBECONFIG_CLUSTER };
    configs.set(store, c);
  }
  return c;
}

/** The namespace commands without `-n` work in: the current context's, else `default`. */
export function contextNamespace(store: ObjectStore): string {
  const c = kubeconfigOf(store);
  return c.contexts.find((x) => x.name === c.current)?.namespace || 'default';
}
