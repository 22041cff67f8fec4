/**
 * A panel's question to the engine, kept answered: the engine's worker re-answers it after
 * every change and the store holds the latest answer (undefined until the first arrives).
 */
import { useEffect, useMemo } from 'react';
import { queryKey, type Query, type ResultOf } from '../engineHost/queryTypes';
import { useCluster, watchQuery } from './clusterStore';

export function useEngineQuery<Q extends Query>(query: Q | undefined): ResultOf<Q> | undefined {
  const key = query ? queryKey(query) : undefined;
  // The key stands for the query (the same text, the same question), so a new object with the same content keeps the watch.
  const stable = useMemo(() => (key ? (JSON.parse(key) as Q) : undefined), [key]);
  useEffect(() => (stable ? watchQuery(stable) : undefined), [stable]);
  return useCluster((s) => (key ? s.results[key] : undefined)) as ResultOf<Q> | undefined;
}
