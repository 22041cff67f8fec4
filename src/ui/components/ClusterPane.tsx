/** The cluster pane: the diagram or the list, namespace and pod label filters, and the workloads present. */
import { useTranslation } from 'react-i18next';
import { useCluster } from '../store/clusterStore';
import { Diagram } from '../diagram/Diagram';
import { ClusterList } from './ClusterList';
import { ClusterNotices } from './ClusterNotices';
import { kindName } from '../i18n/words';

/**
 * The workloads present, each a button that highlights its pods: drawn again only when they
 * change (the diagram's model changes ten times a second; the workloads' list object only when
 * one of them did — modelApply.ts keeps it).
 */
function Workloads() {
  const { t } = useTranslation();
  const workloads = useCluster((s) => s.model.workloads);
  const selected = useCluster((s) => s.selected);
  const { select } = useCluster.getState();
  if (!workloads.length) return null;
  return (
    <ul className="workloads" aria-label={t('diagram.workloads')}>
      {workloads.map((w) => {
        const on = selected?.kind === w.kind && selected.name === w.name && selected.namespace === w.namespace;
        return (
          <li key={w.uid}>
            <button type="button" aria-pressed={on} className={w.ready < w.desired ? 'workload short' : 'workload'} onClick={() => select(on ? undefined : { kind: w.kind, name: w.name, namespace: w.namespace })}>
              <span className="wl-kind">{kindName(t, w.kind)}</span> {w.name} <span className="wl-count">{w.ready}/{w.desired}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

export function ClusterPane() {
  const { t } = useTranslation();
  const view = useCluster((s) => s.view);
  const modelNamespaces = useCluster((s) => s.model.namespaces);
  const namespaces = useCluster((s) => s.namespaces);
  const showSystem = useCluster((s) => s.showSystem);
  const podLabels = useCluster((s) => s.podLabels);
  const podLabelsError = useCluster((s) => s.podLabelsError);
  const { setView, setNamespaces, setPodLabels } = useCluster.getState();
  const filter = namespaces[0] ?? (showSystem ? '*' : '');
  return (
    <section className="cluster" aria-label={t('cluster.heading')}>
      <div className="cluster-head">
        <h2>{t('cluster.heading')}</h2>
        <div className="view-switch" role="group" aria-label={t('diagram.view')}>
          <button type="button" aria-pressed={view === 'diagram'} onClick={() => setView('diagram')}>
            {t('diagram.viewDiagram')}
          </button>
          <button type="button" aria-pressed={view === 'list'} onClick={() => setView('list')}>
            {t('diagram.viewList')}
          </button>
        </div>
        <label className="ns-filter">
          {t('diagram.namespace')}
          <select value={filter} onChange={(e) => (e.target.value === '*' ? setNamespaces([], true) : e.target.value === '' ? setNamespaces([], false) : setNamespaces([e.target.value], false))}>
            <option value="">{t('diagram.userNamespaces')}</option>
            <option value="*">{t('diagram.allNamespaces')}</option>
            {modelNamespaces.map((ns) => (
              <option key={ns} value={ns}>
                {ns}
              </option>
            ))}
          </select>
        </label>
        <label className="label-filter">
          {t('diagram.podLabels')}
          <input type="search" value={podLabels} placeholder={t('diagram.podLabelsPlaceholder')} spellCheck={false} autoComplete="off" aria-invalid={!!podLabelsError} aria-describedby={podLabelsError ? 'pod-labels-error' : undefined} onChange={(e) => setPodLabels(e.target.value)} />
        </label>
      </div>
      {podLabelsError && (
        <p id="pod-labels-error" className="filter-error" role="alert">
          {t('diagram.podLabelsInvalid', { detail: podLabelsError })}
        </p>
      )}
      <ClusterNotices />
      <Workloads />
      {view === 'diagram' ? <Diagram /> : <ClusterList />}
    </section>
  );
}
