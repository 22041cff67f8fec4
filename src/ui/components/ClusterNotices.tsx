/**
 * Notices about the cluster as a whole, above the diagram: why nothing schedules when every
 * node was deleted (allowed, as in a real cluster), or that the cluster is saturated when pods
 * wait for room (e.g. after `kubectl scale --replicas=1000000`). The engine decides (structured
 * notices); this only words them in the learner's language.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClusterNotice } from '../../engine/port';
import { engine, useCluster } from '../store/clusterStore';

function text(t: ReturnType<typeof useTranslation>['t'], n: ClusterNotice): string {
  switch (n.key) {
    case 'noNodes':
      return t('cluster.notices.noNodes', { count: n.pending });
    case 'saturated':
      return t('cluster.notices.saturated', { count: n.pending, nodes: n.nodes });
  }
}

export function ClusterNotices() {
  const { t } = useTranslation();
  // The picture is rebuilt after every change: the notices follow it.
  const model = useCluster((s) => s.model);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the engine is read again when the model changes
  const notices = useMemo(() => engine().notices(), [model]);
  if (notices.length === 0) return null;
  return (
    <div className="cluster-notices" role="status" aria-live="polite">
      {notices.map((n) => (
        <p key={n.key} className={`cluster-notice ${n.key}`}>
          {text(t, n)}
        </p>
      ))}
    </div>
  );
}
