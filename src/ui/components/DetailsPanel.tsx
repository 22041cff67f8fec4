/**
 * The side panel for whatever is selected in the diagram or the list: its `kubectl describe`,
 * its YAML and its events (all as plain text), the actions that make sense for it, and for a
 * pod the scheduler's verdict on every node ("why here?", "why not scheduled?").
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCluster } from '../store/clusterStore';
import type { SelectedRef } from '../diagram/context';
import { objectName, schedulerReason } from '../i18n/words';

const RESOURCE: Record<string, string> = { Pod: 'pod', Node: 'node', Service: 'service', PersistentVolume: 'pv', Deployment: 'deployment', StatefulSet: 'statefulset', DaemonSet: 'daemonset' };
type Tab = 'describe' | 'yaml' | 'events';

function target(ref: SelectedRef): string {
  return `${RESOURCE[ref.kind]} ${ref.name}${ref.namespace ? ` -n ${ref.namespace}` : ''}`;
}

function SchedulerVerdicts({ ref: sel }: { ref: SelectedRef }) {
  const { t } = useTranslation();
  useCluster((s) => s.time);
  const result = useCluster.getState().explainPod(sel.namespace ?? 'default', sel.name);
  if (!result) return null;
  return (
    <div className="verdicts">
      <h4>{t('details.whyTitle')}</h4>
      {result.message && <p className="verdict-message">{result.message}</p>}
      <table>
        <thead>
          <tr>
            <th scope="col">{t('details.node')}</th>
            <th scope="col">{t('details.verdict')}</th>
          </tr>
        </thead>
        <tbody>
          {result.verdicts.map((v) => (
            <tr key={v.node} className={v.rejectedBy.length ? 'rejected' : 'feasible'}>
              <th scope="row">{v.node}</th>
              <td>{v.rejectedBy.length ? `✕ ${v.rejectedBy.map((r) => `${r.plugin}: ${r.reasons.map((m) => schedulerReason(t, m)).join(', ')}`).join('; ')}` : `✓ ${t('details.score', { score: Math.round(v.total ?? 0) })}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Actions({ sel }: { sel: SelectedRef }) {
  const { t } = useTranslation();
  const model = useCluster((s) => s.model);
  const { run, stopNode, startNode, select } = useCluster.getState();
  if (sel.kind === 'Node') {
    const node = model.nodes.find((n) => n.name === sel.name);
    if (!node) return null;
    return (
      <div className="actions">
        {!node.controlPlane && (
          <button type="button" onClick={() => (node.machineRunning ? stopNode(node.name) : startNode(node.name))}>
            {node.machineRunning ? t('cluster.stop') : t('cluster.start')}
          </button>
        )}
        <button type="button" onClick={() => run(`kubectl ${node.cordoned ? 'uncordon' : 'cordon'} ${node.name}`)}>
          {node.cordoned ? t('details.uncordon') : t('details.cordon')}
        </button>
        {!node.controlPlane && (
          <button type="button" onClick={() => run(`kubectl drain ${node.name} --ignore-daemonsets --delete-emptydir-data`)}>
            {t('details.drain')}
          </button>
        )}
      </div>
    );
  }
  if (sel.kind === 'Pod') {
    const pod = [...model.pending, ...model.nodes.flatMap((n) => n.pods)].find((p) => p.name === sel.name && p.namespace === sel.namespace);
    return (
      <div className="actions">
        <button type="button" onClick={() => run(`kubectl delete pod ${sel.name} -n ${sel.namespace} --wait=false`)}>
          {t('details.deletePod')}
        </button>
        {pod?.owner && (
          <button type="button" onClick={() => select({ kind: pod.owner!.kind, name: pod.owner!.name, namespace: sel.namespace })}>
            {t('details.owner', { owner: objectName(t, pod.owner.kind, pod.owner.name) })}
          </button>
        )}
      </div>
    );
  }
  if (sel.kind === 'Deployment' || sel.kind === 'StatefulSet') {
    const w = model.workloads.find((x) => x.kind === sel.kind && x.name === sel.name && x.namespace === sel.namespace);
    if (!w) return null;
    const scale = (n: number) => run(`kubectl scale ${RESOURCE[sel.kind]} ${sel.name} -n ${sel.namespace} --replicas=${Math.max(0, n)}`);
    return (
      <div className="actions" role="group" aria-label={t('details.replicas')}>
        <button type="button" onClick={() => scale(w.desired - 1)} aria-label={t('details.scaleDown')}>
          −
        </button>
        <span className="replicas" aria-live="polite">
          {t('details.readyOf', { ready: w.ready, desired: w.desired })}
        </span>
        <button type="button" onClick={() => scale(w.desired + 1)} aria-label={t('details.scaleUp')}>
          +
        </button>
      </div>
    );
  }
  return null;
}

export function DetailsPanel() {
  const { t } = useTranslation();
  const sel = useCluster((s) => s.selected);
  useCluster((s) => s.time);
  const [tab, setTab] = useState<Tab>('describe');
  if (!sel) return null;
  const { query, select } = useCluster.getState();
  const title = objectName(t, sel.kind, sel.name, sel.namespace);
  let body = '';
  if (sel.kind === 'Component') body = t(`diagram.about.${sel.name}`);
  else {
    const cmd = tab === 'describe' ? `kubectl describe ${target(sel)}` : tab === 'yaml' ? `kubectl get ${target(sel)} -o yaml` : `kubectl get events${sel.namespace ? ` -n ${sel.namespace}` : ''} --field-selector involvedObject.name=${sel.name}`;
    const r = query(cmd);
    body = r.exitCode === 0 ? r.stdout || t('details.nothing') : r.stderr;
  }
  return (
    <section className="details" aria-label={t('details.heading', { title })}>
      <header>
        <h2>{title}</h2>
        <button type="button" onClick={() => select(undefined)} aria-label={t('details.close')}>
          ✕
        </button>
      </header>
      <Actions sel={sel} />
      {sel.kind === 'Pod' && <SchedulerVerdicts ref={sel} />}
      {sel.kind !== 'Component' && (
        <div className="tabs" role="tablist" aria-label={t('details.tabs')}>
          {(['describe', 'yaml', 'events'] as Tab[]).map((k) => (
            <button key={k} type="button" role="tab" aria-selected={tab === k} onClick={() => setTab(k)}>
              {t(`details.tab.${k}`)}
            </button>
          ))}
        </div>
      )}
      {sel.kind === 'Component' ? (
        <p className="details-about">{body}</p>
      ) : (
        <pre className="details-body" role="tabpanel" tabIndex={0}>
          {body}
        </pre>
      )}
    </section>
  );
}
