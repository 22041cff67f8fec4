/** The boot screen's view of a replay in progress (tiny: the first paint's bundle imports it). */
import { create } from 'zustand';

export const useBoot = create<{ progress?: number; abort?: () => void }>(() => ({}));
