/**
 * Which StorageClass is the cluster's default: the API server's DefaultStorageClass admission
 * plugin reads it to fill in a claim's class, and kubectl marks it "(default)".
 */
import type { KObject } from './types';

export const DEFAULT_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';

export function isDefaultClass(sc: KObject): boolean {
  const v = sc.metadata.annotations?.[DEFAULT_CLASS_ANNOTATION] ?? sc.metadata.annotations?.['storageclass.beta.kubernetes.io/is-default-class'];
  return v === 'true';
}
