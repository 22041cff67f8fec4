/**
 * PATCH on the API server: the patch (strategic merge, JSON merge or JSON patch) is applied to
 * the stored object, unknown fields are dropped with a warning (fieldValidation=Warn, the
 * default for a request that names none), and the result goes through the same update path as
 * a PUT — defaulting, validation, admission. Errors carry the API server's reasons and words.
 */
import type { KObject } from '../types';
import { ApiError, badRequest } from '../errors';
import { definitionKey, decodeWithWarnings } from '../schema';
import { mergePatch } from '../../util/mergePatch';
import { applyJsonPatch, decodeJsonPatch, JsonPatchApplyError, JsonPatchDecodeError } from './jsonPatch';
import { StrategicMergeError, strategicMergePatch } from './strategicMergePatch';
import { isPlainObject } from './values';

export type PatchType = 'strategic' | 'merge' | 'json';

/** What Go's json says when a patch is not an object. */
function jsonKind(v: unknown): string {
  return Array.isArray(v) ? 'array' : typeof v === 'string' ? 'string' : typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'bool' : 'object';
}

export function patchedObject(current: KObject, patchType: PatchType, patch: unknown): { obj: KObject; warnings: string[] } {
  let result: unknown;
  switch (patchType) {
    case 'strategic':
      if (!isPlainObject(patch)) throw badRequest(`json: cannot unmarshal ${jsonKind(patch)} into Go value of type map[string]interface {}`);
      try {
        result = strategicMergePatch(current, patch, definitionKey(current.apiVersion, current.kind));
      } catch (e) {
        if (!(e instanceof StrategicMergeError)) throw e;
        throw e.reason === 'BadRequest' ? badRequest(e.message) : new ApiError('InternalError', 500, `Internal error occurred: ${e.message}`);
      }
      break;
    case 'merge':
      if (!isPlainObject(patch)) throw badRequest('Invalid JSON Patch');
      result = mergePatch(current, patch);
      break;
    case 'json': {
      let ops;
      try {
        ops = decodeJsonPatch(patch);
      } catch (e) {
        if (e instanceof JsonPatchDecodeError) throw badRequest(e.message);
        throw e;
      }
      if (ops.length > 10_000) throw new ApiError('RequestEntityTooLarge', 413, `Request entity too large: The allowed maximum operations in a JSON patch is 10000, got ${ops.length}`);
      try {
        result = applyJsonPatch(current, ops);
      } catch (e) {
        // NewGenericServerResponse(422): the library's reason stays on the server.
        if (e instanceof JsonPatchApplyError) throw new ApiError('Invalid', 422, 'the server rejected our request due to an error in our request');
        throw e;
      }
      break;
    }
  }
  if (!isPlainObject(result)) throw new ApiError('Invalid', 422, 'the server rejected our request due to an error in our request');
  const decoded = decodeWithWarnings(result as unknown as KObject);
  if (decoded.typeError) throw badRequest(decoded.typeError);
  return { obj: decoded.obj, warnings: decoded.unknown.map((f) => `unknown field "${f}"`) };
}
