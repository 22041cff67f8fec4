/**
 * What the learner must be told about their saved work: a save that failed, saved data that could
 * not be used (its raw copy offered as a download), a shared scenario on screen, another tab.
 * Banners read these (./Notices.tsx); nothing here is English — keys into the i18n resources.
 */
import { create } from 'zustand';
import type { RejectReason } from '../store/session';

export type Notice =
  | { kind: 'saveFailed' }
  | { kind: 'rejected'; source: 'saved' | 'link' | 'file'; reason: RejectReason | 'replay' | 'stopped'; raw?: string }
  | { kind: 'shared' }
  | { kind: 'otherTab' }
  | { kind: 'linkTooLong'; chars: number; max: number }
  /** A lesson or course (a link, a file) that could not be used: where in its data, and what, in both languages. */
  | { kind: 'lessonRejected'; where: string; problem: Record<'ko' | 'en', string> }
  /** An imported lesson whose starting point the engine refused to replay (the engine's own message). */
  | { kind: 'lessonNotReplayed'; error: string };

interface NoticeState {
  notices: Notice[];
  show(notice: Notice): void;
  dismiss(kind: Notice['kind']): void;
}

export const useNotices = create<NoticeState>((set, get) => ({
  notices: [],
  show(notice) {
    // One banner per kind: the newest says it.
    set({ notices: [...get().notices.filter((n) => n.kind !== notice.kind), notice] });
  },
  dismiss(kind) {
    set({ notices: get().notices.filter((n) => n.kind !== kind) });
  },
}));

/** Offers text as a file download (a raw saved copy, a scenario). */
export function download(name: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
