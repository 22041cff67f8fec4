/**
 * User-chosen keys (label and annotation keys, ConfigMap data keys, env names …) may be any
 * string, `__proto__`, `constructor` and `toString` included. Plain objects inherit those names
 * from Object.prototype, and assigning `obj.__proto__ = …` replaces the prototype instead of
 * storing a key. These helpers look only at own properties and store with defineProperty.
 */
const hasOwnProperty = Object.prototype.hasOwnProperty;

export function hasOwn(obj: object | undefined | null, key: string): boolean {
  return obj != null && hasOwnProperty.call(obj, key);
}

export function getOwn<T>(obj: Record<string, T> | undefined | null, key: string): T | undefined {
  return obj != null && hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

/** Stores `key` as an own, enumerable property (even `__proto__`). */
export function setOwn<T>(obj: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}
