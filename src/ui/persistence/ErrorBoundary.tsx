import { Component, type ReactNode } from 'react';
import i18n from '../i18n';
import { clearAll, rawCopy } from './storage';
import { download } from './notices';
import './persistence.css';

/**
 * The last line: if rendering ever throws, the learner sees what happened in their language, can
 * download everything saved, and can reload or reset — never a white page.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error?: Error }> {
  state: { error?: Error } = {};

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  render() {
    if (!this.state.error) return this.props.children;
    const t = i18n.t.bind(i18n);
    return (
      <div className="crash" role="alert">
        <h1>{t('saving.crashTitle')}</h1>
        <p>{t('saving.crashBody')}</p>
        <pre>{String(this.state.error.message).slice(0, 500)}</pre>
        <div className="notice-actions">
          <button type="button" onClick={() => download('wheelhouse-saved.json', rawCopy())}>
            {t('saving.download')}
          </button>
          <button type="button" onClick={() => location.reload()}>
            {t('saving.reload')}
          </button>
          <button
            type="button"
            className="danger"
            onClick={() => {
              void clearAll().then(() => location.reload());
            }}
          >
            {t('saving.resetAll')}
          </button>
        </div>
      </div>
    );
  }
}
