/**
 * kubectl's JSONPath templates (k8s.io/client-go/util/jsonpath), for `-o jsonpath=…` and
 * `-o custom-columns=…`: text with `{…}` actions — paths (`.a.b`, `[0]`, `[-1]`, `[1:3]`,
 * `[*]`, `..name`, `['key']`, filters `[?(@.type=="Ready")]`), string literals (`{"\n"}`) and
 * `{range …}…{end}`. As in `kubectl get`, missing keys print nothing instead of failing.
 */
import { getOwn } from '../../util/own';

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'path'; steps: Step[] }
  | { kind: 'range'; steps: Step[]; body: Node[] };

type Step =
  | { kind: 'field'; name: string }
  | { kind: 'wildcard' }
  | { kind: 'recursive'; name: string }
  | { kind: 'index'; index: number }
  | { kind: 'slice'; start?: number; end?: number; step?: number }
  | { kind: 'union'; keys: (string | number)[] }
  | { kind: 'filter'; left: Step[]; op?: string; right?: Step[] | string | number | boolean };

export class JsonPathError extends Error {}

/** Parses a template; throws JsonPathError with client-go's wording. */
export function parseTemplate(template: string): Node[] {
  const root: Node[] = [];
  const stack: { body: Node[] }[] = [{ body: root }];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) {
      stack[stack.length - 1].body.push({ kind: 'text', text: template.slice(i) });
      break;
    }
    if (open > i) stack[stack.length - 1].body.push({ kind: 'text', text: template.slice(i, open) });
    const close = findClose(template, open);
    if (close < 0) throw new JsonPathError('unclosed action');
    const action = template.slice(open + 1, close).trim();
    i = close + 1;
    if (action === 'end') {
      if (stack.length === 1) throw new JsonPathError('not in range, nothing to end');
      stack.pop();
    } else if (action.startsWith('range ') || action === 'range') {
      const node: Node = { kind: 'range', steps: parsePath(action.slice(5).trim()), body: [] };
      stack[stack.length - 1].body.push(node);
      stack.push(node);
    } else if (action.startsWith('"')) {
      stack[stack.length - 1].body.push({ kind: 'text', text: unquote(action) });
    } else {
      stack[stack.length - 1].body.push({ kind: 'path', steps: parsePath(action) });
    }
  }
  if (stack.length > 1) throw new JsonPathError('unclosed range');
  return root;
}

/** The matching `}`, skipping quoted strings (a filter may compare with "}"). */
function findClose(s: string, open: number): number {
  let quote = '';
  for (let j = open + 1; j < s.length; j++) {
    const ch = s[j];
    if (quote) {
      if (ch === '\\') j++;
      else if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '}') return j;
  }
  return -1;
}

function unquote(lit: string): string {
  try {
    return JSON.parse(lit) as string;
  } catch {
    throw new JsonPathError(`invalid string literal ${lit}`);
  }
}

/** Parses `.a.b[0]['c'][?(@.x=="y")]..d` (the leading `$` or `.` may be left out). */
export function parsePath(src: string): Step[] {
  const steps: Step[] = [];
  let s = src.trim();
  if (s.startsWith('$')) s = s.slice(1);
  let i = 0;
  const readName = (): string => {
    let name = '';
    while (i < s.length && !'.[ '.includes(s[i])) {
      if (s[i] === '\\' && i + 1 < s.length) i++;
      name += s[i++];
    }
    return name;
  };
  if (s && s[0] !== '.' && s[0] !== '[' && s[0] !== '@') s = `.${s}`;
  if (s.startsWith('@')) i = 1;
  while (i < s.length) {
    if (s.startsWith('..', i)) {
      i += 2;
      steps.push({ kind: 'recursive', name: readName() });
    } else if (s[i] === '.') {
      i++;
      if (s[i] === '*') {
        i++;
        steps.push({ kind: 'wildcard' });
      } else {
        const name = readName();
        if (name) steps.push({ kind: 'field', name });
      }
    } else if (s[i] === '[') {
      const end = bracketEnd(s, i);
      if (end < 0) throw new JsonPathError('unclosed array expect ]');
      steps.push(parseBracket(s.slice(i + 1, end)));
      i = end + 1;
    } else throw new JsonPathError(`unrecognized character in action: ${JSON.stringify(s[i])}`);
  }
  return steps;
}

function bracketEnd(s: string, open: number): number {
  let depth = 0;
  let quote = '';
  for (let j = open; j < s.length; j++) {
    const ch = s[j];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[' || ch === '(') depth++;
    else if (ch === ']' || ch === ')') {
      depth--;
      if (depth === 0 && ch === ']') return j;
    }
  }
  return -1;
}

function parseBracket(inner: string): Step {
  const body = inner.trim();
  if (body === '*') return { kind: 'wildcard' };
  if (body.startsWith('?(') && body.endsWith(')')) return parseFilter(body.slice(2, -1).trim());
  if (/^-?\d*:-?\d*(:-?\d+)?$/.test(body)) {
    const [a, b, c] = body.split(':');
    return { kind: 'slice', start: a ? Number(a) : undefined, end: b ? Number(b) : undefined, step: c ? Number(c) : undefined };
  }
  if (/^-?\d+$/.test(body)) return { kind: 'index', index: Number(body) };
  const keys = body.split(',').map((k) => k.trim());
  if (keys.every((k) => /^'.*'$|^".*"$|^-?\d+$/.test(k))) return { kind: 'union', keys: keys.map((k) => (/^-?\d+$/.test(k) ? Number(k) : k.slice(1, -1))) };
  throw new JsonPathError(`invalid array index ${body}`);
}

function parseFilter(expr: string): Step {
  const m = /^(@[^=!<>\s]*)\s*(==|!=|<=|>=|<|>|=~)?\s*(.*)$/.exec(expr);
  if (!m) throw new JsonPathError(`unrecognized filter ${expr}`);
  const left = parsePath(m[1]);
  if (!m[2]) return { kind: 'filter', left };
  const raw = m[3].trim();
  let right: Step[] | string | number | boolean;
  if (/^".*"$|^'.*'$/.test(raw)) right = raw.slice(1, -1);
  else if (raw === 'true' || raw === 'false') right = raw === 'true';
  else if (raw !== '' && !Number.isNaN(Number(raw))) right = Number(raw);
  else if (raw.startsWith('@')) right = parsePath(raw);
  else throw new JsonPathError(`unrecognized filter ${expr}`);
  return { kind: 'filter', left, op: m[2], right };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function walk(values: unknown[], steps: Step[]): unknown[] {
  let cur = values;
  for (const step of steps) {
    const next: unknown[] = [];
    for (const v of cur) apply(v, step, next);
    cur = next;
  }
  return cur;
}

function apply(v: unknown, step: Step, out: unknown[]): void {
  switch (step.kind) {
    case 'field':
      if (isObject(v) && getOwn(v, step.name) !== undefined) out.push(v[step.name]);
      return;
    case 'wildcard':
      if (Array.isArray(v)) out.push(...v);
      else if (isObject(v)) for (const k of Object.keys(v).sort()) out.push(v[k]);
      return;
    case 'recursive': {
      const visit = (x: unknown) => {
        if (isObject(x)) {
          if (step.name === '' || step.name === '*') out.push(x);
          else if (getOwn(x, step.name) !== undefined) out.push(x[step.name]);
          for (const k of Object.keys(x).sort()) visit(x[k]);
        } else if (Array.isArray(x)) x.forEach(visit);
      };
      visit(v);
      return;
    }
    case 'index':
      if (Array.isArray(v)) {
        const i = step.index < 0 ? v.length + step.index : step.index;
        if (i >= 0 && i < v.length) out.push(v[i]);
      }
      return;
    case 'slice':
      if (Array.isArray(v)) {
        const norm = (n: number | undefined, d: number) => (n === undefined ? d : n < 0 ? Math.max(0, v.length + n) : Math.min(n, v.length));
        const by = step.step && step.step > 0 ? step.step : 1;
        for (let i = norm(step.start, 0); i < norm(step.end, v.length); i += by) out.push(v[i]);
      }
      return;
    case 'union':
      for (const key of step.keys) {
        if (typeof key === 'number') apply(v, { kind: 'index', index: key }, out);
        else apply(v, { kind: 'field', name: key }, out);
      }
      return;
    case 'filter': {
      const items = Array.isArray(v) ? v : isObject(v) ? Object.values(v) : [];
      for (const item of items) if (matches(item, step)) out.push(item);
    }
  }
}

function matches(item: unknown, f: Extract<Step, { kind: 'filter' }>): boolean {
  const lefts = walk([item], f.left);
  if (!f.op) return lefts.length > 0 && lefts.some((l) => l !== null && l !== false);
  const rights = Array.isArray(f.right) ? walk([item], f.right) : [f.right];
  return lefts.some((l) => rights.some((r) => compare(l, f.op!, r)));
}

function compare(l: unknown, op: string, r: unknown): boolean {
  switch (op) {
    case '==':
      return String(l) === String(r);
    case '!=':
      return String(l) !== String(r);
    case '=~':
      return typeof r === 'string' && new RegExp(r).test(String(l));
    default: {
      const a = Number(l);
      const b = Number(r);
      if (Number.isNaN(a) || Number.isNaN(b)) return false;
      return op === '<' ? a < b : op === '>' ? a > b : op === '<=' ? a <= b : a >= b;
    }
  }
}

/** How client-go prints one result: text as is, everything else as compact JSON. */
export function formatValue(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null) return 'null';
  return JSON.stringify(v);
}

/** Every value a path reaches from `data`. */
export function evaluatePath(data: unknown, steps: Step[]): unknown[] {
  return walk([data], steps);
}

/** Runs a parsed template over `data`. */
export function execute(nodes: Node[], data: unknown): string {
  let out = '';
  for (const node of nodes) {
    if (node.kind === 'text') out += node.text;
    else if (node.kind === 'path') out += walk([data], node.steps).map(formatValue).join(' ');
    else for (const item of walk([data], node.steps).flatMap((v) => (Array.isArray(v) ? v : [v]))) out += execute(node.body, item);
  }
  return out;
}
