/**
 * The two pieces of goal data that are small languages of their own: a field path into an object
 * (`spec.containers[0].env[name=PASSWORD].valueFrom`), and a regular expression. Both come from
 * lesson files anyone can share, so both are parsed defensively: a path never reaches
 * `__proto__`, and a pattern that could backtrack for ever is refused.
 */

/** One step of a path: a key, a list index, or the list element whose `key` equals `value`. */
export type PathStep = { key: string } | { index: number } | { where: string; equals: string };

const FORBIDDEN_KEYS = new Set(['__proto__', 'prototype', 'constructor']);
export const MAX_PATH_LENGTH = 300;
export const MAX_PATTERN_LENGTH = 300;

/** Parses a path; throws a plain Error saying what is wrong. */
export function parsePath(path: string): PathStep[] {
  if (typeof path !== 'string' || !path.length || path.length > MAX_PATH_LENGTH) throw new Error(`a field path has 1 to ${MAX_PATH_LENGTH} characters`);
  const steps: PathStep[] = [];
  const re = /\.?([A-Za-z0-9_$-]+)|\[(\d+)\]|\[([A-Za-z0-9_.-]+)=([^\]]*)\]|\["([^"]+)"\]/y;
  let at = 0;
  while (at < path.length) {
    re.lastIndex = at;
    const m = re.exec(path);
    if (!m) throw new Error(`cannot read the field path "${path}" at character ${at + 1}`);
    at = re.lastIndex;
    if (m[1] !== undefined || m[5] !== undefined) steps.push({ key: (m[1] ?? m[5])! });
    else if (m[2] !== undefined) steps.push({ index: Number(m[2]) });
    else steps.push({ where: m[3]!, equals: m[4]! });
  }
  for (const s of steps) if (('key' in s && FORBIDDEN_KEYS.has(s.key)) || ('where' in s && FORBIDDEN_KEYS.has(s.where))) throw new Error(`the field path "${path}" names a forbidden key`);
  return steps;
}

const pathCache = new Map<string, PathStep[]>();

/** The value at a path (undefined when any step is missing). */
export function fieldValue(obj: unknown, path: string): unknown {
  let steps = pathCache.get(path);
  if (!steps) {
    steps = parsePath(path);
    if (pathCache.size > 500) pathCache.clear();
    pathCache.set(path, steps);
  }
  let v: unknown = obj;
  for (const s of steps) {
    if (v === null || typeof v !== 'object') return undefined;
    if ('key' in s) v = Object.prototype.hasOwnProperty.call(v, s.key) ? (v as Record<string, unknown>)[s.key] : undefined;
    else if ('index' in s) v = Array.isArray(v) ? v[s.index] : undefined;
    else v = Array.isArray(v) ? v.find((x) => x && typeof x === 'object' && String((x as Record<string, unknown>)[s.where]) === s.equals) : undefined;
  }
  return v;
}

/**
 * A quantifier applied to a group that itself repeats — `(a+)+`, `(a*)*`, `(a|a)*` — is what makes
 * a regular expression backtrack exponentially; lesson patterns have no need of one.
 */
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)\s*[+*{]|\((?:[^()\\]|\\.)*\|(?:[^()\\]|\\.)*\)\s*[+*{]/;
/** Back-references can also explode, and lookbehinds are not needed. */
const UNSUPPORTED = /\\[1-9]|\(\?<[=!]/;

/** Why a pattern is refused, or undefined when it is safe to use. */
export function patternProblem(source: string): string | undefined {
  if (typeof source !== 'string' || source.length > MAX_PATTERN_LENGTH) return `a pattern has at most ${MAX_PATTERN_LENGTH} characters`;
  if (NESTED_QUANTIFIER.test(source)) return 'a pattern may not repeat a group that itself repeats or alternates';
  if (UNSUPPORTED.test(source)) return 'a pattern may not use back-references or lookbehind';
  try {
    new RegExp(source);
  } catch (e) {
    return (e as Error).message;
  }
  return undefined;
}

const patternCache = new Map<string, RegExp>();

/** The compiled pattern; one refused as unsafe never matches. */
export function safePattern(source: string): RegExp {
  let re = patternCache.get(source);
  if (!re) {
    re = patternProblem(source) === undefined ? new RegExp(source) : /(?!)/;
    if (patternCache.size > 500) patternCache.clear();
    patternCache.set(source, re);
  }
  return re;
}
