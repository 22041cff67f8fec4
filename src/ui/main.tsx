import { StrictMode, Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import '@fontsource/noto-sans-kr/400.css';
import '@fontsource/noto-sans-kr/700.css';
import i18n from './i18n';
import './styles.css';
import { applyTheme, savedTheme } from './theme/savedTheme';
import { registerServiceWorker } from './pwa/register';
import { UpdateBanner } from './pwa/UpdateBanner';
import { ErrorBoundary } from './persistence/ErrorBoundary';
import { BootProgress } from './persistence/BootProgress';
import { engineClient } from './engineHost/client';

// The saved theme before the first paint (no flash of the other one).
applyTheme(savedTheme());

// The engine's worker is the longest download and start: it begins now, beside everything else.
void engineClient();

// The app is its own chunk (the engine runs in a Web Worker of its own): the page paints its frame at once and
// the simulated cluster boots right after, instead of the first paint waiting for all of it.
// Saved work (IndexedDB) and a shared link are read, checked and replayed first (persistence/boot).
const App = lazy(() =>
  import('./persistence/boot')
    .then((b) => b.boot())
    .then(() => Promise.all([import('./App'), import('./store/clusterStore'), import('./store/lessonStore'), import('./builder/links')]))
    .then(async ([app, clusterStore, lessonStore, lessonLinks]) => {
      // The stores start only now: importing them restores nothing and schedules nothing.
      await clusterStore.startClusterStore();
      lessonStore.startLessonStore();
      // A `#lesson=` or `#course=` link opens once the lessons are restored.
      lessonLinks.startLessonLinks();
      return { default: app.App };
    }),
);

function Booting() {
  return (
    <div className="booting" role="status">
      <span className="booting-mark" aria-hidden="true" />
      {i18n.t('app.booting')}
      <BootProgress />
    </div>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <Suspense fallback={<Booting />}>
        <App />
        <UpdateBanner />
      </Suspense>
    </ErrorBoundary>
  </StrictMode>,
);

// Offline and updates (a service worker), set up once the page has painted.
registerServiceWorker();
