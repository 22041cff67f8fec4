/**
 * Label selectors: the metav1.LabelSelector object form used in specs, and the string form
 * kubectl takes with `-l` (apimachinery pkg/labels/selector.go grammar).
 */
export interface Requirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

export type Selector = Requirement[];

export function selectorFromObject(sel: LabelSelector | undefined | null): Selector {
  const reqs: Requirement[] = [];
  if (!sel) return reqs;
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) reqs.push({ key: k, operator: 'In', values: [v] });
  for (const e of sel.matchExpressions ?? []) {
    reqs.push({ key: e.key, operator: e.operator as Requirement['operator'], values: e.values ?? [] });
  }
  return reqs;
}

/** Equality-only selector from a map (Service spec.selector, ReplicationController). */
export function selectorFromMap(m: Record<string, string> | undefined): Selector {
  return Object.entries(m ?? {}).map(([key, v]) => ({ key, operator: 'In' as const, values: [v] }));
}

export function matches(sel: Selector, labels: Record<string, string> | undefined): boolean {
  for (const r of sel) {
    const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, r.key);
    const v = has ? labels![r.key] : undefined;
    switch (r.operator) {
      case 'In':
        if (!has || !r.values.includes(v!)) return false;
        break;
      case 'NotIn':
        if (has && r.values.includes(v!)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
    }
  }
  return true;
}

export class SelectorParseError extends Error {}

/**
 * Parses `app=web,tier!=db,env in (prod,qa),!canary,release`. Throws SelectorParseError with
 * apimachinery's wording for malformed input.
 */
export function parseSelector(text: string): Selector {
  const reqs: Requirement[] = [];
  const s = text.trim();
  if (s === '') return reqs;
  let i = 0;
  const skipWs = () => {
    while (i < s.length && s[i] === ' ') i++;
  };
  const readIdent = () => {
    skipWs();
    const start = i;
    while (i < s.length && !' ,=!()'.includes(s[i])) i++;
    return s.slice(start, i);
  };
  while (i < s.length) {
    skipWs();
    let negate = false;
    if (s[i] === '!') {
      negate = true;
      i++;
    }
    const key = readIdent();
    if (!key) throw new SelectorParseError(`unable to parse requirement: found '${s[i] ?? ''}', expected: identifier`);
    skipWs();
    if (negate) {
      reqs.push({ key, operator: 'DoesNotExist', values: [] });
    } else if (i >= s.length || s[i] === ',') {
      reqs.push({ key, operator: 'Exists', values: [] });
    } else if (s.startsWith('!=', i)) {
      i += 2;
      reqs.push({ key, operator: 'NotIn', values: [readIdent()] });
    } else if (s.startsWith('==', i)) {
      i += 2;
      reqs.push({ key, operator: 'In', values: [readIdent()] });
    } else if (s[i] === '=') {
      i += 1;
      reqs.push({ key, operator: 'In', values: [readIdent()] });
    } else {
      const word = readIdent();
      if (word !== 'in' && word !== 'notin') {
        throw new SelectorParseError(`unable to parse requirement: found '${word}', expected: in, notin, =, ==, !=, gt, lt`);
      }
      skipWs();
      if (s[i] !== '(') throw new SelectorParseError(`unable to parse requirement: found '${s[i] ?? ''}', expected: '('`);
      i++;
      const vals: string[] = [];
      for (;;) {
        const v = readIdent();
        vals.push(v);
        skipWs();
        if (s[i] === ',') {
          i++;
          continue;
        }
        if (s[i] === ')') {
          i++;
          break;
        }
        throw new SelectorParseError(`unable to parse requirement: found '${s[i] ?? ''}', expected: ',', ')' or identifier`);
      }
      reqs.push({ key, operator: word === 'in' ? 'In' : 'NotIn', values: vals });
    }
    skipWs();
    if (i < s.length) {
      if (s[i] !== ',') throw new SelectorParseError(`found '${s[i]}', expected: ',' or 'end of string'`);
      i++;
    }
  }
  return reqs;
}

/** `app=web,tier in (a,b)` as kubectl describe prints selectors. */
export function formatSelector(sel: LabelSelector | undefined): string {
  if (!sel) return '<none>';
  const parts: string[] = [];
  for (const [k, v] of Object.entries(sel.matchLabels ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) parts.push(`${k}=${v}`);
  for (const e of sel.matchExpressions ?? []) {
    if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
    else parts.push(`${e.key} ${e.operator.toLowerCase()} (${(e.values ?? []).join(',')})`);
  }
  return parts.length ? parts.join(',') : '<none>';
}

export function formatLabels(labels: Record<string, string> | undefined, empty = '<none>'): string {
  const entries = Object.entries(labels ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.length ? entries.map(([k, v]) => `${k}=${v}`).join(',') : empty;
}

/**
 * metav1.FormatLabelSelector: the selector as labels.Selector prints it — requirements sorted
 * by key, matchLabels as `k=v`, set values sorted; `<none>` for an empty one, `<error>` for an
 * operator it cannot convert.
 */
export function formatLabelSelector(sel: LabelSelector | undefined | null): string {
  const reqs: { key: string; text: string }[] = [];
  for (const [k, v] of Object.entries(sel?.matchLabels ?? {})) reqs.push({ key: k, text: `${k}=${v}` });
  for (const e of sel?.matchExpressions ?? []) {
    const values = [...new Set(e.values ?? [])].sort().join(',');
    // labels.NewRequirement refuses a set operator without values and an existence one with them.
    if ((e.operator === 'In' || e.operator === 'NotIn') === !values) return '<error>';
    if (e.operator === 'In') reqs.push({ key: e.key, text: `${e.key} in (${values})` });
    else if (e.operator === 'NotIn') reqs.push({ key: e.key, text: `${e.key} notin (${values})` });
    else if (e.operator === 'Exists') reqs.push({ key: e.key, text: e.key });
    else if (e.operator === 'DoesNotExist') reqs.push({ key: e.key, text: `!${e.key}` });
    else return '<error>';
  }
  // sort.Stable by key: matchLabels (in Go's sorted-map order) before expressions of the same key.
  reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return reqs.length ? reqs.map((r) => r.text).join(',') : '<none>';
}
