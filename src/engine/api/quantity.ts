/**
 * resource.Quantity: parse `500m`, `1.5`, `128Mi`, `1G`, `2e3` into numbers, and print them back
 * the way Kubernetes canonicalises them.
 */
const binary: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const decimal: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

const pattern = /^([+-]?[0-9.]+)(e[+-]?[0-9]+|E[+-]?[0-9]+|Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?$/;

/** The quantity's value in base units (cores, bytes), or undefined if it does not parse. */
export function parseQuantity(q: string | number | undefined | null): number | undefined {
  if (q === undefined || q === null) return undefined;
  if (typeof q === 'number') return Number.isFinite(q) ? q : undefined;
  const m = pattern.exec(q.trim());
  if (!m || m[1] === '.' || (m[1].match(/\./g)?.length ?? 0) > 1) return undefined;
  const n = Number(m[1]);
  const suffix = m[2] ?? '';
  if (Number.isNaN(n)) return undefined;
  if (suffix in binary) return n * binary[suffix];
  if (suffix in decimal) return n * decimal[suffix];
  if (/^[eE]/.test(suffix)) return n * 10 ** Number(suffix.slice(1));
  return undefined;
}

/** Millicores, the unit the scheduler counts CPU in. */
export function milliCpu(q: string | number | undefined): number {
  const v = parseQuantity(q);
  return v === undefined ? 0 : Math.ceil(v * 1000 - 1e-9);
}

export function bytes(q: string | number | undefined): number {
  const v = parseQuantity(q);
  return v === undefined ? 0 : Math.ceil(v - 1e-9);
}

/** CPU as kubectl describe shows requests: `250m`, `2`. */
export function formatMilliCpu(m: number): string {
  return m % 1000 === 0 ? String(m / 1000) : `${m}m`;
}

/** Memory in the largest exact binary unit: `128Mi`, `2Gi`, else plain bytes. */
export function formatBytes(b: number): string {
  for (const unit of ['Ei', 'Pi', 'Ti', 'Gi', 'Mi', 'Ki']) {
    if (b !== 0 && b % binary[unit] === 0) return `${b / binary[unit]}${unit}`;
  }
  return String(b);
}
