import { useEffect } from 'react';
import { TopBar } from './components/TopBar';
import { ClusterPane } from './components/ClusterPane';
import { DetailsPanel } from './components/DetailsPanel';
import { LessonPanel } from './components/LessonPanel';
import './store/lessonStore';
import { WorkArea } from './components/WorkArea';
import { useCluster } from './store/clusterStore';

const TICK_MS = 100;

export function App() {
  useEffect(() => {
    let last = performance.now();
    const id = window.setInterval(() => {
      const now = performance.now();
      useCluster.getState().tick(Math.min(now - last, 500));
      last = now;
    }, TICK_MS);
    return () => window.clearInterval(id);
  }, []);
  return (
    <div className="app">
      <TopBar />
      <main className="workspace">
        <LessonPanel />
        <ClusterPane />
        <div className="side">
          <DetailsPanel />
          <WorkArea />
        </div>
      </main>
    </div>
  );
}
