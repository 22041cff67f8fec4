import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { download, useNotices, type Notice } from './notices';
import { takeOver } from './tabs';
import { useCluster } from '../store/clusterStore';
import './persistence.css';

function stamp(): string {
  return new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
}

/** Banners about the learner's saved work, in their language, each with what they can do about it. */
export function Notices() {
  const { t, i18n } = useTranslation();
  const notices = useNotices((s) => s.notices);
  const confirm = useRef<HTMLDialogElement>(null);
  if (!notices.length) return null;
  const dismiss = (kind: Notice['kind']) => useNotices.getState().dismiss(kind);
  const text = (n: Notice): string => {
    switch (n.kind) {
      case 'saveFailed':
        return t('saving.saveFailed');
      case 'rejected':
        return t(n.source === 'saved' ? 'saving.rejectedSaved' : n.source === 'link' ? 'saving.rejectedLink' : 'saving.rejectedFile', { why: t(`saving.why.${n.reason}`) });
      case 'shared':
        return t('saving.shared');
      case 'otherTab':
        return t('saving.otherTab');
      case 'linkTooLong':
        return t('saving.linkTooLong', { chars: n.chars.toLocaleString(), max: n.max.toLocaleString() });
      case 'lessonNotReplayed':
        return t('saving.lessonNotReplayed', { error: n.error, interpolation: { escapeValue: false } });
      case 'lessonRejected':
        return t('saving.lessonRejected', { where: n.where, problem: n.problem[i18n.language === 'ko' ? 'ko' : 'en'], interpolation: { escapeValue: false } });
    }
  };
  return (
    <div className="notices">
      {notices.map((n) => (
        <div key={n.kind} className={`notice notice-${n.kind}`} role={n.kind === 'shared' || n.kind === 'linkTooLong' ? 'status' : 'alert'}>
          <p>{text(n)}</p>
          <div className="notice-actions">
            {n.kind === 'saveFailed' && (
              <button type="button" onClick={async () => download(`wheelhouse-${stamp()}.wheelhouse.json`, await useCluster.getState().scenarioFile())}>
                {t('saving.downloadScenario')}
              </button>
            )}
            {n.kind === 'rejected' && n.raw && (
              <button type="button" onClick={() => download(`wheelhouse-saved-${stamp()}.json`, n.raw!)}>
                {t('saving.download')}
              </button>
            )}
            {n.kind === 'shared' && (
              <>
                <button type="button" onClick={() => useCluster.getState().leaveShared(false)}>
                  {t('saving.backToSandbox')}
                </button>
                <button type="button" onClick={() => confirm.current?.showModal()}>
                  {t('saving.keepShared')}
                </button>
                <dialog ref={confirm} className="confirm" aria-labelledby="keep-shared-title">
                  <h2 id="keep-shared-title">{t('saving.keepShared')}</h2>
                  <p>{t('saving.keepSharedConfirm')}</p>
                  <form method="dialog" className="confirm-actions">
                    <button type="submit" value="cancel" autoFocus>
                      {t('session.cancel')}
                    </button>
                    <button type="submit" value="keep" className="danger" onClick={() => useCluster.getState().leaveShared(true)}>
                      {t('saving.keepShared')}
                    </button>
                  </form>
                </dialog>
              </>
            )}
            {n.kind === 'otherTab' && (
              <button type="button" onClick={takeOver}>
                {t('saving.useHere')}
              </button>
            )}
            {n.kind !== 'otherTab' && n.kind !== 'shared' && (
              <button type="button" className="quiet" onClick={() => dismiss(n.kind)}>
                {t('saving.dismiss')}
              </button>
            )}
          </div>
        </div>
      ))}
    </div>
  );
}

