/**
 * pods/ephemeralcontainers (pkg/registry/core/pod/storage EphemeralContainersREST): the one way
 * to add a container to a running pod. Everything but spec.ephemeralContainers is taken from the
 * stored pod (dropNonEphemeralContainerUpdates), the new list is defaulted and validated, and
 * existing entries may be neither changed nor removed.
 */
import type { KObject } from './types';
import { conflict, invalid } from './errors';
import { applyDefaults } from './defaults';
import { validateEphemeralContainers, validateEphemeralContainersUpdate } from './validation/pod';
import type { StatusCause } from './errors';

/** The pod as the subresource would store it (or the API server's 422/409). */
export function ephemeralContainersUpdate(current: KObject, wanted: KObject): KObject {
  const rv = wanted.metadata?.resourceVersion;
  if (rv && rv !== current.metadata.resourceVersion) throw conflict('pods', current.metadata.name!);
  const list = wanted.spec?.ephemeralContainers;
  const next = applyDefaults({ ...current, spec: { ...current.spec, ephemeralContainers: Array.isArray(list) ? list : [] } }) as KObject;
  if (!next.spec.ephemeralContainers.length) delete next.spec.ephemeralContainers;
  const errs: StatusCause[] = [];
  validateEphemeralContainers(next.spec, errs);
  validateEphemeralContainersUpdate(next, current, errs);
  if (errs.length) throw invalid('Pod', current.metadata.name!, errs, '');
  return next;
}
