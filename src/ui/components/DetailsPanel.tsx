/**
 * The side panel for whatever is selected in the diagram or the list: its `kubectl describe`,
 * its YAML and its events (all as plain text), the actions that make sense for it, and for a
 * pod first why it is failing, if it is, then the scheduler's decision as it was recorded when
 * the pod was bound ("why here?") or, for a pod still waiting, every node's verdict now.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCluster } from '../store/clusterStore';
import { useEngineQuery } from '../store/useEngineQuery';
import type { SelectedRef } from '../diagram/context';
import { clockText, objectName, reasonSentence, schedulerReason } from '../i18n/words';
import type { PodDiagnosis } from '../store/clusterStore';

const RESOURCE: Record<string, string> = { Pod: 'pod', Node: 'node', Service: 'service', PersistentVolume: 'pv', Deployment: 'deployment', StatefulSet: 'statefulset', DaemonSet: 'daemonset' };
type Tab = 'describe' | 'yaml' | 'events';

function target(ref: SelectedRef): string {
  return `${RESOURCE[ref.kind]} ${ref.name}${ref.namespace ? ` -n ${ref.namespace}` : ''}`;
}

/** The node-by-node table both scheduler views share: one row a node (or group of nodes). */
function VerdictTable({ rows }: { rows: { key: string; node: string; verdict: string; className: string }[] }) {
  const { t } = useTranslation();
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t('details.node')}</th>
          <th scope="col">{t('details.verdict')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} className={r.className}>
            <th scope="row">{r.node}</th>
            <td>{r.verdict}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Why the pod is failing, before anything else: the container's state in plain words. */
function PodProblemNotice({ diagnosis }: { diagnosis: PodDiagnosis }) {
  const { t } = useTranslation();
  const p = diagnosis.problem;
  if (!p) return null;
  return (
    <div className="pod-problem" role="status">
      <h3>{t('details.problem.heading', { reason: p.reason })}</h3>
      <p>{t(`details.problem.${p.kind}`, { container: p.container, image: p.image ?? '', message: p.message ?? '', reason: p.reason, exitCode: p.exitCode ?? '?', restarts: p.restarts ?? 0 })}</p>
      {p.why && <p className="pod-problem-why">{reasonSentence(t, p.why)}</p>}
    </div>
  );
}

/** The decision as the scheduler made it: the nodes it ranked and why the others were out. */
function SchedulerDecision({ diagnosis }: { diagnosis: PodDiagnosis }) {
  const { t } = useTranslation();
  const d = diagnosis.decision!;
  const chosen = d.top.find((x) => x.node === d.node);
  return (
    <div className="verdicts" data-testid="scheduler-decision">
      <p className="verdict-message">{t('details.decided', { time: clockText(d.time), node: d.node, score: Math.round(chosen?.total ?? 0), feasible: d.feasible, evaluated: d.evaluated })}</p>
      <VerdictTable
        rows={[
          ...d.top.map((v) => ({ key: v.node, node: v.node, className: v.node === d.node ? 'chosen' : 'feasible', verdict: `${v.node === d.node ? '★' : '✓'} ${t('details.score', { score: Math.round(v.total) })}${v.node === d.node ? ` — ${t('details.chosen')}` : ''}` })),
          ...d.rejected.map(([reason, count]) => ({ key: reason, node: t('details.nodeCount', { count }), className: 'rejected', verdict: `✕ ${schedulerReason(t, reason)}` })),
        ]}
      />
    </div>
  );
}

function SchedulerVerdicts({ ref: sel }: { ref: SelectedRef }) {
  const { t } = useTranslation();
  const result = useEngineQuery({ type: 'explainPod', namespace: sel.namespace ?? 'default', name: sel.name });
  if (!result) return null;
  return (
    <div className="verdicts">
      <h4>{t('details.whyTitle')}</h4>
      {result.message && <p className="verdict-message">{result.message}</p>}
      <VerdictTable
        rows={result.verdicts.map((v) => ({
          key: v.node,
          node: v.node,
          className: v.rejectedBy.length ? 'rejected' : 'feasible',
          verdict: v.rejectedBy.length ? `✕ ${v.rejectedBy.map((r) => `${r.plugin}: ${r.reasons.map((m) => schedulerReason(t, m)).join(', ')}`).join('; ')}` : `✓ ${t('details.score', { score: Math.round(v.total ?? 0) })}`,
        }))}
      />
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
  const [tab, setTab] = useState<Tab>('describe');
  // What the panel shows is asked of the engine and kept answered as the cluster changes.
  const object = sel && sel.kind !== 'Component' ? sel : undefined;
  const command = object && (tab === 'describe' ? `kubectl describe ${target(object)}` : tab === 'yaml' ? `kubectl get ${target(object)} -o yaml` : `kubectl get events${object.namespace ? ` -n ${object.namespace}` : ''} --field-selector involvedObject.name=${object.name}`);
  const answer = useEngineQuery(command ? { type: 'kubectl', command } : undefined);
  const exists = useEngineQuery(object ? { type: 'exists', kind: object.kind, namespace: object.namespace, name: object.name } : undefined);
  const diagnosis = useEngineQuery(object?.kind === 'Pod' ? { type: 'podDiagnosis', namespace: object.namespace ?? 'default', name: object.name } : undefined);
  if (!sel) return null;
  const { select } = useCluster.getState();
  const title = objectName(t, sel.kind, sel.name, sel.namespace);
  let body = '';
  if (sel.kind === 'Component') body = t(`diagram.about.${sel.name}`);
  else if (answer) body = answer.exitCode === 0 ? answer.stdout || t('details.nothing') : answer.stderr;
  const close = (
    <button type="button" onClick={() => select(undefined)} aria-label={t('details.close')}>
      ✕
    </button>
  );
  // Deleted while selected: say so (not kubectl's NotFound), and offer nothing that would fail.
  if (sel.kind !== 'Component' && exists === false) {
    return (
      <section className="details" aria-label={t('details.heading', { title })}>
        <header>
          <h2>{title}</h2>
          {close}
        </header>
        <p className="details-gone" role="status">
          {t('details.gone', { title })}
        </p>
      </section>
    );
  }
  const scheduling = diagnosis?.decision ? <SchedulerDecision diagnosis={diagnosis} /> : sel.kind === 'Pod' ? <SchedulerVerdicts ref={sel} /> : null;
  return (
    <section className="details" aria-label={t('details.heading', { title })}>
      <header>
        <h2>{title}</h2>
        {close}
      </header>
      {diagnosis && <PodProblemNotice diagnosis={diagnosis} />}
      <Actions sel={sel} />
      {diagnosis?.problem ? (
        <details className="verdicts-fold">
          <summary>{t('details.whyTitle')}</summary>
          {scheduling}
        </details>
      ) : (
        scheduling
      )}
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
