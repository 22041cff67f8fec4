/**
 * The work area's tabs: the kubectl terminal, the events timeline (like `kubectl get events
 * -w`, filterable, each row opening its object) and "Why?" — what the control loops, the
 * scheduler and the kubelets just did and why, in the learner's language.
 */
import { useEffect, useState } from 'react';
import { useFiles } from '../store/filesStore';
import { useTranslation } from 'react-i18next';
import { humanDuration } from '../../engine/port/format';
import { useCluster } from '../store/clusterStore';
import { useEngineQuery } from '../store/useEngineQuery';
import { visibleNamespaces } from '../store/visibleNamespaces';
import { lazy, Suspense } from 'react';
import { Console } from './Console';
import { ageText, reasonSentence } from '../i18n/words';

// The editor (and Monaco with it) loads when its tab is first opened.
const YamlEditor = lazy(() => import('../editor/YamlEditor').then((m) => ({ default: m.YamlEditor })));

type Tab = 'terminal' | 'editor' | 'events' | 'why';
const SELECTABLE = new Set(['Pod', 'Node', 'Service', 'Deployment', 'StatefulSet', 'DaemonSet', 'PersistentVolume']);

function EventsTimeline() {
  const { t } = useTranslation();
  const now = useCluster((s) => s.time);
  const [filter, setFilter] = useState('');
  const { select } = useCluster.getState();
  const f = filter.trim().toLowerCase();
  const namespaces = useCluster((s) => visibleNamespaces(s.model.namespaces, s.namespaces, s.showSystem).join(' '));
  const recent = useEngineQuery({ type: 'events', limit: 300, namespaces: namespaces ? namespaces.split(' ') : [] }) ?? [];
  const events = recent.filter((e) => !f || `${e.reason} ${e.involved.kind}/${e.involved.name} ${e.message}`.toLowerCase().includes(f));
  return (
    <div className="timeline">
      <label className="timeline-filter">
        {t('work.filter')}
        <input type="search" value={filter} placeholder={t('work.filterPlaceholder')} onChange={(e) => setFilter(e.target.value)} />
      </label>
      {events.length === 0 ? (
        <p className="empty">{t('work.noEvents')}</p>
      ) : (
        <ol className="events" aria-label={t('work.events')}>
          {[...events].reverse().map((e) => (
            <li key={`${e.namespace}/${e.name}`} className={e.type === 'Warning' ? 'warning' : ''}>
              <span className="ev-age">{ageText(t, humanDuration(now - e.last))}</span>
              <span className="ev-reason">
                {e.type === 'Warning' ? '⚠ ' : ''}
                {e.reason}
                {e.count > 1 ? ` ×${e.count}` : ''}
              </span>
              {SELECTABLE.has(e.involved.kind) ? (
                <button type="button" className="ev-object" onClick={() => select({ kind: e.involved.kind, name: e.involved.name, namespace: e.involved.namespace || undefined })}>
                  {e.involved.kind.toLowerCase()}/{e.involved.name}
                </button>
              ) : (
                <span className="ev-object">
                  {e.involved.kind.toLowerCase()}/{e.involved.name}
                </span>
              )}
              <span className="ev-message">{e.message}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}


function WhyFeed() {
  const { t } = useTranslation();
  const now = useCluster((s) => s.time);
  const { select } = useCluster.getState();
  const reasons = useEngineQuery({ type: 'reasons', limit: 150 }) ?? [];
  if (!reasons.length) return <p className="empty">{t('work.noReasons')}</p>;
  return (
    <ol className="reasons" aria-label={t('work.why')}>
      {[...reasons].reverse().map((r) => {
        const target = r.objects.find((o) => SELECTABLE.has(o.kind));
        return (
          <li key={r.seq}>
            <span className="ev-age">{ageText(t, humanDuration(now - r.time))}</span>
            {target ? (
              <button type="button" className="reason-text" onClick={() => select({ kind: target.kind, name: target.name, namespace: target.namespace || undefined })}>
                {reasonSentence(t, r)}
              </button>
            ) : (
              <span className="reason-text">{reasonSentence(t, r)}</span>
            )}
          </li>
        );
      })}
    </ol>
  );
}

export function WorkArea() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('terminal');
  // kubectl edit opened a file: show it.
  const revealed = useFiles((s) => s.revealed);
  useEffect(() => {
    if (revealed) setTab('editor');
  }, [revealed]);
  return (
    <section className="work" aria-label={t('work.tabs')}>
      <div className="tabs" role="tablist" aria-label={t('work.tabs')}>
        {(['terminal', 'editor', 'events', 'why'] as Tab[]).map((k) => (
          <button key={k} type="button" role="tab" id={`work-tab-${k}`} aria-selected={tab === k} aria-controls={`work-panel-${k}`} onClick={() => setTab(k)}>
            {t(`work.${k}`)}
          </button>
        ))}
      </div>
      <div className="work-panel" role="tabpanel" id={`work-panel-${tab}`} aria-labelledby={`work-tab-${tab}`}>
        {tab === 'terminal' ? (
          <Console />
        ) : tab === 'editor' ? (
          <Suspense fallback={<p className="empty">{t('editor.loading')}</p>}>
            <YamlEditor />
          </Suspense>
        ) : tab === 'events' ? (
          <EventsTimeline />
        ) : (
          <WhyFeed />
        )}
      </div>
    </section>
  );
}
