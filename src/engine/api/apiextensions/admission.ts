/**
 * The custom resource handler's write path (apiextensions-apiserver pkg/registry/customresource
 * strategy): pruning and defaulting on every write, status through /status only when the
 * version has the status subresource, and no new objects while the CRD is being deleted.
 */
import type { KObject } from '../types';
import type { ObjectStore } from '../store';
import type { ResourceType } from '../registry';
import { ApiError, invalid } from '../errors';
import { defaultCustomResource, pruneCustomResource, validateCustomResourceStatus } from './customresource';

function pruneAndDefault(type: ResourceType, obj: KObject): KObject {
  const schema = type.custom!.schema;
  return defaultCustomResource(schema, pruneCustomResource(schema, obj).obj);
}

export function admitCustomResource(store: ObjectStore, type: ResourceType, obj: KObject): KObject {
  const crd = store.get('customresourcedefinitions', undefined, type.custom!.crd);
  if (crd?.metadata.deletionTimestamp) throw new ApiError('MethodNotAllowed', 405, 'create not allowed while custom resource definition is terminating');
  const out = pruneAndDefault(type, obj);
  // PrepareForCreate: with a status subresource, status is written through it alone.
  if (type.custom!.statusSubresource) delete out.status;
  return out;
}

/** PrepareForUpdate: the main resource keeps the stored status when /status owns it. */
export function prepareCustomResourceUpdate(type: ResourceType, obj: KObject, old: KObject): KObject {
  const out = pruneAndDefault(type, obj);
  if (type.custom!.statusSubresource) {
    if ('status' in old) out.status = old.status;
    else delete out.status;
  }
  return out;
}

/** The /status update: the status pruned, defaulted and validated against the schema's `status`. */
export function admitCustomResourceStatus(type: ResourceType, obj: KObject): KObject {
  const out = pruneAndDefault(type, obj);
  const errs = validateCustomResourceStatus(type.custom!.schema, out);
  if (errs.length) throw invalid(type.kind, out.metadata.name ?? '', errs, type.group);
  return out;
}
