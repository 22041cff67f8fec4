/** What tests compare of two clusters that should be the same: everything a learner or a client can see. */
import type { Cluster } from '../cluster/cluster';

/** Everything a learner or a client can see of the cluster. */
export function picture(c: Cluster): string {
  const parts = [
    `now ${c.now()}`,
    c.query('get all -A -o yaml').stdout,
    c.query('get nodes,leases,events,endpointslices,persistentvolumes,persistentvolumeclaims,volumeattachments,horizontalpodautoscalers,ingresses,configmaps -A -o yaml').stdout,
    c.query('get events -A').stdout,
    c.query('top pods -A').stdout,
  ];
  for (const pod of c.store.list('pods').slice(0, 40)) parts.push(c.query(`logs ${pod.metadata.name} -n ${pod.metadata.namespace} --all-containers --timestamps`).stdout);
  parts.push(JSON.stringify(c.clock.failures));
  return parts.join('\n---\n');
}

