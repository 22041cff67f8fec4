import { useEffect, useRef } from 'react';
import { Splitter, restorePaneWidths } from './components/Splitter';
import { TopBar } from './components/TopBar';
import { ClusterPane } from './components/ClusterPane';
import { DetailsPanel } from './components/DetailsPanel';
import { LessonPanel } from './components/LessonPanel';
import { WorkArea } from './components/WorkArea';
import { useCluster } from './store/clusterStore';
import { AppFooter } from './pwa/AppFooter';
import { Notices } from './persistence/Notices';
import { SkipLinks } from './components/SkipLinks';
import { PaneTabs } from './components/PaneTabs';
import { useLayout } from './store/layoutStore';
import { TICK_MS, tickInterval } from './store/clockPace';

export function App() {
  const workspace = useRef<HTMLElement>(null);
  const pane = useLayout((s) => s.pane);
  useEffect(() => {
    if (workspace.current) restorePaneWidths(workspace.current);
  }, []);
  useEffect(() => {
    // A chain of timeouts, not an interval: the wait depends on the cluster drawn (clockPace.ts).
    let last = performance.now();
    let id = 0;
    const run = () => {
      const now = performance.now();
      useCluster.getState().tick(Math.min(now - last, 500));
      last = now;
      id = window.setTimeout(run, tickInterval(useCluster.getState().model));
    };
    id = window.setTimeout(run, TICK_MS);
    return () => window.clearTimeout(id);
  }, []);
  return (
    <div className="app">
      <SkipLinks />
      <TopBar />
      <PaneTabs />
      <main className="workspace" ref={workspace} data-pane={pane}>
        <LessonPanel />
        <Splitter variable="--lesson-w" direction={1} min={220} max={520} label="panes.lesson" />
        <ClusterPane />
        <Splitter variable="--side-w" direction={-1} min={320} max={760} label="panes.side" />
        <div className="side">
          <DetailsPanel />
          <WorkArea />
        </div>
      </main>
      <AppFooter />
      <Notices />
    </div>
  );
}
