import { create } from 'zustand';

/**
 * Which part of the page a phone shows (one column, one pane at a time). Wider screens show all
 * three side by side and ignore it.
 */
export type Pane = 'lesson' | 'cluster' | 'work';

export const useLayout = create<{ pane: Pane; setPane: (pane: Pane) => void }>((set) => ({
  pane: 'cluster',
  setPane: (pane) => set({ pane }),
}));
