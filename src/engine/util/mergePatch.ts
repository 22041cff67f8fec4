/**
 * JSON merge patch (RFC 7386), what `kubectl run --overrides` applies by default
 * (--override-type=merge): objects merge key by key, `null` removes a key, and anything else —
 * arrays included — replaces what was there. (Replacing arrays is why overriding `containers`
 * this way drops the generated container: the same as in a real cluster.)
 */
import { getOwn, setOwn } from './own';

export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const out: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    // Own properties only: a key named `__proto__` or `constructor` is data like any other.
    if (value === null) delete out[key];
    else setOwn(out, key, mergePatch(getOwn(out, key), value));
  }
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
