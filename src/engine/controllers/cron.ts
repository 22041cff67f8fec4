/**
 * Cron schedules as CronJobs take them (robfig/cron's standard parser): five fields — minute,
 * hour, day of month, month, day of week — with *, lists, ranges, steps and names, plus the
 * @yearly/@monthly/@weekly/@daily/@hourly macros and @every <duration>.
 */
export interface CronSchedule {
  next(afterMs: number): number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const MACROS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

export class CronError extends Error {}

function parseField(text: string, min: number, max: number, names?: string[]): { set: Set<number>; star: boolean } {
  const set = new Set<number>();
  const value = (v: string) => {
    const i = names ? names.indexOf(v.toLowerCase()) : -1;
    const n = i >= 0 ? i + (min === 1 ? 1 : 0) : Number(v);
    if (!Number.isInteger(n)) throw new CronError(`failed to parse int from ${v}: strconv.Atoi: parsing "${v}": invalid syntax`);
    return n;
  };
  for (const part of text.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step <= 0) throw new CronError(`failed to parse int from ${stepText}: strconv.Atoi: parsing "${stepText}": invalid syntax`);
    let lo: number;
    let hi: number;
    if (range === '*' || range === '?') [lo, hi] = [min, max];
    else if (range.includes('-')) [lo, hi] = range.split('-').map(value) as [number, number];
    else {
      lo = value(range);
      hi = stepText === undefined ? lo : max;
    }
    if (lo < min || hi > max || lo > hi) throw new CronError(`end of range (${hi}) above maximum (${max}): ${part}`);
    for (let v = lo; v <= hi; v += step) set.add(v === 7 && max === 7 ? 0 : v);
  }
  return { set, star: text === '*' || text === '?' };
}

function parseDuration(text: string): number {
  const re = /(\d+(?:\.\d+)?)(h|m|s|ms)/g;
  let total = 0;
  let matched = '';
  for (const m of text.matchAll(re)) {
    total += Number(m[1]) * { h: 3_600_000, m: 60_000, s: 1000, ms: 1 }[m[2] as 'h']!;
    matched += m[0];
  }
  if (!total || matched !== text) throw new CronError(`failed to parse duration @every ${text}: time: invalid duration "${text}"`);
  return total;
}

export function parseCron(spec: string): CronSchedule {
  const text = spec.trim();
  if (text.startsWith('@every ')) {
    const every = parseDuration(text.slice(7).trim());
    return { next: (after) => Math.floor(after / 1000) * 1000 + Math.max(1000, every) };
  }
  const fields = (MACROS[text] ?? text).split(/\s+/);
  if (fields.length !== 5) throw new CronError(`expected exactly 5 fields, found ${fields.length}: ${text}`);
  const [mi, h, dom, mon, dow] = fields;
  const minute = parseField(mi, 0, 59);
  const hour = parseField(h, 0, 23);
  const day = parseField(dom, 1, 31);
  const month = parseField(mon, 1, 12, MONTHS);
  const weekday = parseField(dow, 0, 7, DAYS);
  return {
    next(after: number): number {
      let t = Math.floor(after / 60_000) * 60_000 + 60_000;
      const limit = t + 5 * 366 * 86_400_000;
      while (t < limit) {
        const d = new Date(t);
        if (!month.set.has(d.getUTCMonth() + 1)) {
          t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
          continue;
        }
        // Day of month and day of week: when both are restricted, either matching is enough.
        const domOk = day.set.has(d.getUTCDate());
        const dowOk = weekday.set.has(d.getUTCDay());
        const dayOk = day.star || weekday.star ? domOk && dowOk : domOk || dowOk;
        if (!dayOk) {
          t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
          continue;
        }
        if (!hour.set.has(d.getUTCHours())) {
          t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours() + 1);
          continue;
        }
        if (!minute.set.has(d.getUTCMinutes())) {
          t += 60_000;
          continue;
        }
        return t;
      }
      throw new CronError('no time in the next five years matches the schedule');
    },
  };
}
