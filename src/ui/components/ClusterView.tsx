import { useTranslation } from 'react-i18next';
import { useCluster, type NodeView, type PodView } from '../store/clusterStore';

/** A colour and a shape for each pod state, so state never depends on colour alone. */
export function podTone(status: string, terminating: boolean): { tone: string; icon: string } {
  if (terminating || status === 'Terminating') return { tone: 'terminating', icon: '◌' };
  if (status === 'Running') return { tone: 'running', icon: '●' };
  if (status === 'Completed' || status === 'Succeeded') return { tone: 'done', icon: '✓' };
  if (/Err|BackOff|Error|Failed|OOMKilled|Evicted|Unknown/.test(status)) return { tone: 'failed', icon: '✕' };
  return { tone: 'pending', icon: '◐' };
}

function PodChip({ pod }: { pod: PodView }) {
  const { tone, icon } = podTone(pod.status, pod.terminating);
  return (
    <li className={`pod pod-${tone}`} aria-label={`pod ${pod.name}: ${pod.status}, ${pod.ready}`} data-status={pod.status}>
      <span className="pod-icon" aria-hidden="true">
        {icon}
      </span>
      <span className="pod-name">{pod.name}</span>
      <span className="pod-status">
        {pod.status} · {pod.ready}
      </span>
    </li>
  );
}

function NodeCard({ node }: { node: NodeView }) {
  const { t } = useTranslation();
  const { stopNode, startNode } = useCluster.getState();
  const ready = node.status.startsWith('Ready');
  const userPods = node.pods.filter((p) => p.namespace !== 'kube-system');
  const systemPods = node.pods.filter((p) => p.namespace === 'kube-system');
  return (
    <section className={`node ${ready ? 'node-ready' : 'node-notready'} ${node.machineRunning ? '' : 'node-down'}`} aria-label={`node ${node.name}: ${node.status}`}>
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

export function ClusterView() {
  const { t } = useTranslation();
  const nodes = useCluster((s) => s.nodes);
  const pending = useCluster((s) => s.pendingPods);
  return (
    <section className="cluster" aria-label={t('cluster.heading')}>
      <h2>{t('cluster.heading')}</h2>
      {pending.length > 0 && (
        <ul className="pods pending-pods" aria-label="Pending">
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
    </section>
  );
}
