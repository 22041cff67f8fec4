/**
 * Notices about the cluster as a whole, above the diagram: why nothing schedules when every
 * node was deleted (allowed, as in a real cluster), or that the cluster is saturated when pods
 * wait for room (e.g. after `kubectl scale --replicas=1000000`). The engine decides (structured
 * notices); this only words them in the learner's language.
 */
import { useTranslation } from 'react-i18next';
import type { ClusterNotice } from '../../engine/port';
import { useEngineQuery } from '../store/useEngineQuery';

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
  const notices = useEngineQuery({ type: 'notices' }) ?? [];
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
