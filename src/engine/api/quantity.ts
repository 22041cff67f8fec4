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

/**
 * The string the API server stores for a quantity (resource.Quantity's String): `0.5` → `500m`,
 * `1000m` → `1`, `1024Mi` → `1Gi`, `2000` → `2k`, `1.5Gi` → `1536Mi`. Decimal amounts take the
 * largest SI suffix (a power of 1000) that keeps the number whole; binary ones the largest power
 * of 1024, unless under 1024 or fractional, which print as decimal; `1e3` keeps its exponent form.
 * Exact arithmetic (BigInt), as Go's inf.Dec. Undefined when the text is not a quantity.
 */
export function canonicalQuantity(q: string | number): string | undefined {
  const text = typeof q === 'number' ? String(q) : q.trim();
  const m = pattern.exec(text);
  if (!m || m[1] === '.' || (m[1].match(/\./g)?.length ?? 0) > 1 || /^[+-]?\.?$/.test(m[1])) return undefined;
  const negative = m[1].startsWith('-');
  const digits = m[1].replace(/^[+-]/, '');
  const dot = digits.indexOf('.');
  let mantissa = BigInt(digits.replace('.', '') || '0');
  let exp = dot < 0 ? 0 : -(digits.length - dot - 1);
  const suffix = m[2] ?? '';
  let format: 'DecimalSI' | 'BinarySI' | 'DecimalExponent' = 'DecimalSI';
  if (suffix in binary) {
    format = 'BinarySI';
    mantissa *= BigInt(binary[suffix]);
  } else if (/^[eE]/.test(suffix)) {
    format = 'DecimalExponent';
    exp += Number(suffix.slice(1));
  } else exp += Math.round(Math.log10(decimal[suffix]));
  // ParseQuantity keeps nano precision at most, rounding up past it.
  if (exp < -9) {
    const scale = 10n ** BigInt(-9 - exp);
    mantissa = (mantissa + scale - 1n) / scale;
    exp = -9;
  }
  if (mantissa === 0n) return '0';
  const sign = negative ? '-' : '';
  if (format === 'BinarySI') {
    // Under 1024, or not a whole number: shown as decimal so nothing is rounded.
    const whole = exp >= 0 || mantissa % 10n ** BigInt(-exp) === 0n;
    const value = exp >= 0 ? mantissa * 10n ** BigInt(exp) : mantissa / 10n ** BigInt(-exp);
    if (whole && value >= 1024n) {
      let v = value;
      let k = 0;
      while (v % 1024n === 0n && k < 6) {
        v /= 1024n;
        k++;
      }
      return `${sign}${v}${['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'][k]}`;
    }
    format = 'DecimalSI';
  }
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    exp++;
  }
  const rem = ((exp % 3) + 3) % 3;
  mantissa *= 10n ** BigInt(rem);
  exp -= rem;
  const si: Record<number, string> = { [-9]: 'n', [-6]: 'u', [-3]: 'm', 0: '', 3: 'k', 6: 'M', 9: 'G', 12: 'T', 15: 'P', 18: 'E' };
  if (format === 'DecimalSI' && exp in si) return `${sign}${mantissa}${si[exp]}`;
  return `${sign}${mantissa}${exp === 0 ? '' : `e${exp}`}`;
}
