/**
 * JSON merge patch (RFC 7386, `kubectl patch --type merge`): objects merge key by key, `null`
 * removes a key, anything else — lists included — replaces what was there.
 */
import { isPlainObject } from './values';

export function jsonMergePatch(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return patch;
  const out: Record<string, unknown> = isPlainObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = jsonMergePatch(out[key], value);
  }
  return out;
}
