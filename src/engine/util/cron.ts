/**
 * Cron schedules as CronJobs take them (robfig/cron's standard parser): five fields — minute,
 * hour, day of month, month, day of week — with *, lists, ranges, steps and names, plus the
 * @yearly/@monthly/@weekly/@daily/@hourly macros and @every <duration>.
 */
export interface CronSchedule {
  /**
   * The first activation strictly after `afterMs`, or undefined when none comes within five
   * years (robfig/cron returns the zero time then: `0 0 31 2 *` parses but never fires).
   */
  next(afterMs: number): number | undefined;
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

const UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Go's time.ParseDuration, in milliseconds (fractions kept), with Go's error words. */
export function parseGoDuration(text: string): number {
  const quoted = JSON.stringify(text);
  let rest = text;
  let sign = 1;
  if (rest[0] === '-' || rest[0] === '+') {
    if (rest[0] === '-') sign = -1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') throw new CronError(`time: invalid duration ${quoted}`);
  let total = 0;
  while (rest !== '') {
    const num = /^(\d*)(\.\d*)?/.exec(rest)!;
    if (num[0] === '' || num[0] === '.') throw new CronError(`time: invalid duration ${quoted}`);
    rest = rest.slice(num[0].length);
    const unit = /^[^\d.]*/.exec(rest)![0];
    if (unit === '') throw new CronError(`time: missing unit in duration ${quoted}`);
    const factor = UNITS[unit];
    if (factor === undefined) throw new CronError(`time: unknown unit ${JSON.stringify(unit)} in duration ${quoted}`);
    rest = rest.slice(unit.length);
    total += Number(num[0]) * factor;
  }
  // Go keeps durations in int64 nanoseconds (about 292 years).
  if (total * 1e6 > 9.223372036854776e18) throw new CronError(`time: invalid duration ${quoted}`);
  return sign * total;
}

/**
 * robfig/cron v3's Every: under a second rounds up to one second, and any part of a second is
 * dropped, so `@every 500ms` is accepted and fires every second, `@every 1.5s` every second.
 */
function everyDelay(ms: number): number {
  const d = ms < 1000 ? 1000 : ms;
  return d - (d % 1000);
}

export function parseCron(spec: string): CronSchedule {
  const text = spec.trim();
  if (text.startsWith('@every ')) {
    let every: number;
    try {
      every = everyDelay(parseGoDuration(text.slice(7)));
    } catch (e) {
      throw new CronError(`failed to parse duration ${text}: ${(e as Error).message}`);
    }
    // ConstantDelaySchedule.Next: t + delay - (t's fraction of a second).
    return { next: (after) => Math.floor(after / 1000) * 1000 + every };
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
    next(after: number): number | undefined {
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
      return undefined;
    },
  };
}
