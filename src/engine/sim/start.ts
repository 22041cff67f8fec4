/** When a new cluster's clock starts: 2 March 2026, 09:00 UTC (any fixed moment would do; replays need one). */
export const DEFAULT_START = Date.UTC(2026, 2, 2, 9, 0, 0);
