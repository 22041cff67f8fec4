/**
 * The tiny shell a container's `command`/`args` are read with: statements, `sleep`, `echo`,
 * `exit`, `while`/`until`/`for` loops, redirections to files, `wget`/`curl` calls, `stress`
 * and the other commands tutorials use — compiled to steps the simulated process runs.
 */
import { shellWords } from '../util/shell';
import type { HttpCall } from './runtime';

/** One statement of a simulated process; `loop` repeats forever, `for` once per item with `$name` set. */
export type Step =
  | { kind: 'log'; text: string }
  | { kind: 'sleep'; ms: number; request?: HttpCall }
  | { kind: 'exit'; code: number }
  | { kind: 'loop'; body: Step[] }
  | { kind: 'for'; name: string; items: string[]; body: Step[] }
  | { kind: 'serve'; listens: boolean }
  | { kind: 'touch'; path: string }
  | { kind: 'rm'; path: string }
  | { kind: 'use'; memoryBytes: number; milliCpu: number };

/** A request a program sends (wget/curl), by URL and optional Host header. */
/** Splits a script into statements at `;`, `&&` and newlines, outside quotes. */
export function statements(script: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: string | null = null;
  for (let i = 0; i < script.length; i++) {
    const ch = script[i];
    if (quote) {
      if (ch === quote) quote = null;
      cur += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      cur += ch;
    } else if (ch === ';' || ch === '\n' || (ch === '&' && script[i + 1] === '&')) {
      if (ch === '&') i++;
      if (cur.trim()) out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

function parseSleep(arg: string | undefined): number {
  if (!arg || arg === 'infinity') return Infinity;
  const m = /^([0-9.]+)([smhd]?)$/.exec(arg);
  if (!m) return 0;
  const unit = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2]]!;
  return Number(m[1]) * unit;
}

/**
 * A script sh cannot parse: busybox ash prints "sh: syntax error: …" on stderr and exits 2
 * before running any of it (ash.c raise_error_syntax).
 */
class ShellSyntaxError extends Error {}

/** A name a `for` loop may bind (sh: "bad for loop variable" otherwise). */
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The body of a `while`/`until`/`for` from its `do` to the matching `done`, and where it ends. */
function loopBody(list: string[], j: number): [Step[], number] {
  if (!list[j]?.startsWith('do') || /^do\S/.test(list[j])) throw new ShellSyntaxError(j < list.length ? `unexpected word (expecting "do")` : 'unexpected end of file (expecting "do")');
  const first = list[j].slice(2).trim();
  const rest = first ? [first, ...list.slice(j + 1)] : list.slice(j + 1);
  const [body, used, closed] = compileStatements(rest, 0, 'done');
  if (!closed) throw new ShellSyntaxError('unexpected end of file (expecting "done")');
  return [body, j + (first ? used : used + 1)];
}

function compileStatements(list: string[], i = 0, until?: string): [Step[], number, boolean] {
  const steps: Step[] = [];
  while (i < list.length) {
    const stmt = list[i];
    if (until && stmt === until) return [steps, i + 1, true];
    const words = shellWords(stmt).words;
    const cmd = words[0];
    if ((cmd === 'while' || cmd === 'until') && (words[1] === 'true' || words[1] === ':' || (cmd === 'while' && words[1] === 'sleep'))) {
      // while true; do <body>; done — or `while sleep 0.01; do <body>; done`, the sleep running each round
      const [body, next] = loopBody(list, i + 1);
      steps.push({ kind: 'loop', body: words[1] === 'sleep' ? [...compileCommand(words.slice(1)), ...body] : body });
      i = next;
      continue;
    }
    if (cmd === 'for') {
      // for i in a b c; do <body>; done → the body once per item, $i set (not unrolled: the
      // timeline multiplies, so a long word list costs nothing to compile).
      const name = words[1] ?? '';
      if (!NAME.test(name)) throw new ShellSyntaxError('bad for loop variable');
      const items = words[2] === 'in' ? words.slice(3) : [];
      const [body, next] = loopBody(list, i + 1);
      steps.push({ kind: 'for', name, items, body });
      i = next;
      continue;
    }
    steps.push(...compileCommand(words));
    i++;
  }
  return [steps, i, false];
}

/** `sh -c script`: its statements, or sh's syntax error and exit code 2. */
function compileScript(script: string): Step[] {
  try {
    return compileStatements(statements(script))[0];
  } catch (e) {
    if (!(e instanceof ShellSyntaxError)) throw e;
    return [{ kind: 'log', text: `sh: syntax error: ${e.message}` }, { kind: 'exit', code: 2 }];
  }
}

export function compileCommand(words: string[]): Step[] {
  const [cmd, ...args] = words;
  const name = cmd?.split('/').pop();
  switch (name) {
    case undefined:
      return [];
    case 'sh':
    case 'bash':
    case 'ash':
      if (args[0] === '-c' && args[1] !== undefined) return compileScript(args[1]);
      return [{ kind: 'exit', code: 0 }];
    case 'echo': {
      // `echo text > /path` writes a file rather than a log line.
      const redirect = args.findIndex((a) => a === '>' || a === '>>');
      if (redirect >= 0 && args[redirect + 1]) return [{ kind: 'touch', path: args[redirect + 1] }];
      const inline = args.find((a) => a.startsWith('>'));
      if (inline && inline.length > 1) return [{ kind: 'touch', path: inline.replace(/^>+/, '') }];
      return [{ kind: 'log', text: args.filter((a) => a !== '-n' && a !== '-e').join(' ') }];
    }
    case 'touch':
      return args.filter((a) => !a.startsWith('-')).map((path) => ({ kind: 'touch' as const, path }));
    case 'rm':
      return args.filter((a) => !a.startsWith('-')).map((path) => ({ kind: 'rm' as const, path }));
    case 'printf':
      return [{ kind: 'log', text: (args[0] ?? '').replace(/\\n$/, '') }];
    case 'sleep': {
      const ms = parseSleep(args[0]);
      return ms === Infinity ? [{ kind: 'serve', listens: false }] : [{ kind: 'sleep', ms }];
    }
    case 'exit':
      return [{ kind: 'exit', code: Number(args[0] ?? 0) || 0 }];
    case 'false':
      return [{ kind: 'exit', code: 1 }];
    case 'date':
      return [{ kind: 'log', text: '$(date)' }];
    case 'true':
    case 'cat':
    case 'ls':
    case 'mkdir':
    case 'cp':
    case 'env':
      return [];
    case 'wget':
    case 'curl': {
      // A request inside the cluster takes a few milliseconds.
      const url = args.find((a, i) => !a.startsWith('-') && !['-O', '-o', '-H', '--header', '-T', '-m'].includes(args[i - 1] ?? ''));
      const headerAt = args.findIndex((a) => a === '--header' || a === '-H');
      const host = headerAt >= 0 ? /^host:\s*(.+)$/i.exec(args[headerAt + 1] ?? '')?.[1] : undefined;
      return [{ kind: 'sleep', ms: 10, ...(url ? { request: host ? { url, host } : { url } } : {}) }];
    }
    case 'nslookup':
      // A network round trip.
      return [{ kind: 'sleep', ms: 800 }];
    case 'tail':
      return args.includes('-f') || args.includes('-F') ? [{ kind: 'serve', listens: false }] : [];
    case 'stress':
    case 'stress-ng': {
      // stress --vm N --vm-bytes 250M --cpu N: the docs' way to use memory and CPU.
      const value = (flag: string) => {
        const i = args.indexOf(flag);
        return i >= 0 ? args[i + 1] : undefined;
      };
      const workers = Number(value('--vm') ?? 0);
      const perWorker = parseStressBytes(value('--vm-bytes') ?? '256M');
      const timeout = value('--timeout') ?? value('-t');
      const steps: Step[] = [{ kind: 'use', memoryBytes: workers * perWorker, milliCpu: Number(value('--cpu') ?? value('-c') ?? 0) * 1000 }];
      steps.push({ kind: 'log', text: `stress: info: [1] dispatching hogs: ${value('--cpu') ?? 0} cpu, 0 io, ${workers} vm, 0 hdd` });
      if (timeout) steps.push({ kind: 'sleep', ms: parseSleep(timeout) }, { kind: 'log', text: 'stress: info: [1] successful run completed' });
      else steps.push({ kind: 'serve', listens: false });
      return steps;
    }
    case 'perl':
    case 'python':
    case 'python3':
    case 'ruby':
    case 'node': {
      // An interpreter given an inline program computes, prints and exits (the docs' pi Job).
      const flagAt = args.findIndex((a) => /^-(e|c|E|wle|le|we)$/.test(a));
      if (flagAt < 0) return [{ kind: 'serve', listens: true }];
      const code = args[flagAt + 1] ?? '';
      const digits = /bpi\((\d+)\)/.exec(code);
      const printed = /print\s*\(?\s*["']([^"']*)["']/.exec(code);
      const text = digits ? piDigits(Math.min(Number(digits[1]), 5000)) : printed ? printed[1] : '';
      const steps: Step[] = [{ kind: 'sleep', ms: digits ? 2_000 + Number(digits[1]) * 4 : 500 }];
      if (text) steps.push({ kind: 'log', text });
      return steps;
    }
    default:
      // Any other program is taken to be a server that runs until stopped (nginx, redis-server …).
      return [{ kind: 'serve', listens: true }];
  }
}

/** stress's byte sizes: a number with an optional b/k/m/g suffix (powers of 1024). */
function parseStressBytes(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([bBkKmMgG]?)$/.exec(text);
  if (!m) return 0;
  const unit = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2].toLowerCase()]!;
  return Math.round(Number(m[1]) * unit);
}

/** π to `n` decimal places (Machin's formula in BigInt), for `perl -Mbignum=bpi -wle 'print bpi(2000)'`. */
export function piDigits(n: number): string {
  const scale = 10n ** BigInt(n + 10);
  const arctanInv = (x: bigint) => {
    let sum = 0n;
    let term = scale / x;
    const x2 = x * x;
    for (let k = 0n; term !== 0n; k++) {
      sum += k % 2n === 0n ? term / (2n * k + 1n) : -term / (2n * k + 1n);
      term /= x2;
    }
    return sum;
  };
  const pi = 4n * (4n * arctanInv(5n) - arctanInv(239n));
  const text = (pi / 10n ** 10n).toString();
  return `${text[0]}.${text.slice(1, n + 1)}`;
}
