/**
 * The cluster as a list (beside the diagram): the same nodes and pods as text, for screen
 * readers, keyboards and clusters too large to read as a picture.
 */
import { useTranslation } from 'react-i18next';
import { useCluster, type NodeView, type PodView } from '../store/clusterStore';
import { TONE_ICON } from '../diagram/context';

function PodChip({ pod }: { pod: PodView }) {
  const { t } = useTranslation();
  const tone = pod.tone;
  const icon = TONE_ICON[tone];
  return (
    <li className={`pod pod-${tone}`} aria-label={t('diagram.podLabel', { name: pod.name, status: pod.status, ready: pod.ready })} data-status={pod.status}>
      <button type="button" className="pod-open" onClick={() => useCluster.getState().select({ kind: 'Pod', name: pod.name, namespace: pod.namespace })}>
      <span className="pod-icon" aria-hidden="true">
        {icon}
      </span>
      <span className="pod-name">{pod.name}</span>
      <span className="pod-status">
        {pod.status} · {pod.ready}
      </span>
      </button>
    </li>
  );
}

function NodeCard({ node }: { node: NodeView }) {
  const { t } = useTranslation();
  const { stopNode, startNode } = useCluster.getState();
  const ready = node.ready;
  const userPods = node.pods.filter((p) => p.namespace !== 'kube-system');
  const systemPods = node.pods.filter((p) => p.namespace === 'kube-system');
  return (
    <section className={`node ${ready ? 'node-ready' : 'node-notready'} ${node.machineRunning ? '' : 'node-down'}`} aria-label={t('diagram.nodeLabel', { name: node.name, status: node.status })}>
      <header>
        <div>
          <h3>{node.name}</h3>
          <span className="node-role">{node.controlPlane ? t('cluster.controlPlane') : t('cluster.worker')}</span>
        </div>
        <span className={`node-status ${ready ? 'ok' : 'bad'}`}>
          <span aria-hidden="true">{ready ? '✔' : '⚠'}</span> {node.status}
        </span>
      </header>
      {!node.machineRunning && <p className="node-down-note">{t('cluster.stopped')}</p>}
      <ul className="pods" aria-label={t('cluster.pods', { count: node.pods.length })}>
        {userPods.map((p) => (
          <PodChip key={p.uid} pod={p} />
        ))}
        {systemPods.map((p) => (
          <PodChip key={p.uid} pod={p} />
        ))}
      </ul>
      {node.pods.length === 0 && <p className="empty">{t('cluster.noPods')}</p>}
      {!node.controlPlane && (
        <button type="button" className="node-action" onClick={() => (node.machineRunning ? stopNode(node.name) : startNode(node.name))}>
          {node.machineRunning ? t('cluster.stop') : t('cluster.start')}
        </button>
      )}
    </section>
  );
}

export function ClusterList() {
  const { t } = useTranslation();
  const nodes = useCluster((s) => s.model.nodes);
  const pending = useCluster((s) => s.model.pending);
  return (
    <div className="cluster-list">
      {pending.length > 0 && (
        <ul className="pods pending-pods" aria-label={t('diagram.pending', { count: useCluster.getState().model.pendingTotal })}>
          {pending.map((p) => (
            <PodChip key={p.uid} pod={p} />
          ))}
        </ul>
      )}
      <div className="nodes">
        {nodes.map((n) => (
          <NodeCard key={n.name} node={n} />
        ))}
      </div>
    </div>
  );
}
