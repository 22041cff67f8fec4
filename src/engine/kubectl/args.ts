/**
 * kubectl's command line: shell-style words, then pflag-style flags (`-n ns`, `-nns`,
 * `--namespace=ns`, `--namespace ns`, `-oyaml`, boolean `-A`), checked against the flags each
 * verb accepts so an unknown flag fails as kubectl fails.
 */
import { shellWords } from '../util/shell';

export class KubectlError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export interface FlagSpec {
  name: string;
  short?: string;
  type: 'bool' | 'string' | 'int' | 'strings';
  default?: string | boolean | number;
  /** For int flags: Go's Int32Var (32) or IntVar/Int64Var (64, the default). */
  bits?: 32 | 64;
}

export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string | boolean | number | string[]>;
  /** Words after a bare `--` (kubectl exec -- cmd). */
  rest: string[];
}

/** Shell words with single/double quotes and backslashes, as a terminal would split them. */
export function splitCommandLine(line: string): string[] {
  const { words, unterminatedQuote } = shellWords(line);
  if (unterminatedQuote) throw new KubectlError(`error: unterminated quote (${unterminatedQuote}) in command line`);
  return words;
}

/** Flags every kubectl command accepts. */
export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string' },
  { name: 'context', type: 'string' },
  { name: 'cluster', type: 'string' },
  { name: 'user', type: 'string' },
  { name: 'kubeconfig', type: 'string' },
  { name: 'request-timeout', type: 'string' },
  { name: 'v', short: 'v', type: 'string' },
  // Impersonation: the request is authorized as this user (and groups) instead of the admin.
  { name: 'as', type: 'string' },
  { name: 'as-group', type: 'strings' },
  { name: 'as-uid', type: 'string' },
];

export function parseFlags(words: string[], specs: FlagSpec[], verb: string): ParsedArgs {
  const all = [...GLOBAL_FLAGS, ...specs];
  const byName = new Map(all.map((s) => [s.name, s]));
  const byShort = new Map(all.filter((s) => s.short).map((s) => [s.short!, s]));
  const flags = new Map<string, string | boolean | number | string[]>();
  const positionals: string[] = [];
  const usage = `See 'kubectl ${verb} --help' for usage.`;
  const set = (spec: FlagSpec, value: string | boolean) => {
    if (spec.type === 'bool') {
      const v = value === true || value === 'true' ? true : value === 'false' ? false : undefined;
      if (v === undefined) throw new KubectlError(`error: invalid argument "${value}" for "--${spec.name}" flag: strconv.ParseBool: parsing "${value}": invalid syntax\n${usage}`);
      flags.set(spec.name, v);
    } else if (spec.type === 'int') {
      // strconv.ParseInt(s, 0, bits): a sign, then decimal digits (or 0x/0o/0b with base 0).
      const text = String(value);
      const flagName = spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`;
      const fail = (why: string) => new KubectlError(`error: invalid argument "${text}" for "${flagName}" flag: strconv.ParseInt: parsing "${text}": ${why}\n${usage}`);
      const m = /^([+-]?)(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|[0-9]+)$/.exec(text);
      if (!m) throw fail('invalid syntax');
      let big: bigint;
      try {
        big = BigInt(m[2].replace(/_/g, '').replace(/^0(?=[0-7]+$)/, '0o'));
      } catch {
        throw fail('invalid syntax');
      }
      if (m[1] === '-') big = -big;
      const bits = BigInt(spec.bits ?? 64);
      if (big > (1n << (bits - 1n)) - 1n || big < -(1n << (bits - 1n))) throw fail('value out of range');
      // Past 2^53 a JS number is inexact; such counts are refused further on (int32 fields).
      flags.set(spec.name, Number(big));
    } else if (spec.type === 'strings') {
      const prev = (flags.get(spec.name) as string[] | undefined) ?? [];
      flags.set(spec.name, [...prev, String(value)]);
    } else flags.set(spec.name, String(value));
  };
  let i = 0;
  let rest: string[] = [];
  while (i < words.length) {
    const w = words[i];
    if (w === '--') {
      rest = words.slice(i + 1);
      break;
    }
    if (w.startsWith('--') && w.length > 2) {
      const eq = w.indexOf('=');
      const name = eq >= 0 ? w.slice(2, eq) : w.slice(2);
      const spec = byName.get(name);
      if (!spec) throw new KubectlError(`error: unknown flag: --${name}\n${usage}`);
      if (eq >= 0) set(spec, w.slice(eq + 1));
      else if (spec.type === 'bool') set(spec, true);
      else {
        if (i + 1 >= words.length) throw new KubectlError(`error: flag needs an argument: --${name}\n${usage}`);
        set(spec, words[++i]);
      }
    } else if (w.startsWith('-') && w.length > 1 && !/^-\d/.test(w)) {
      // shorthand cluster: -A, -oyaml, -n ns, -it
      let j = 1;
      while (j < w.length) {
        const ch = w[j];
        const spec = byShort.get(ch);
        if (!spec) throw new KubectlError(`error: unknown shorthand flag: '${ch}' in ${w}\n${usage}`);
        if (spec.type === 'bool') {
          if (w[j + 1] === '=') {
            set(spec, w.slice(j + 2));
            break;
          }
          set(spec, true);
          j++;
          continue;
        }
        const inline = w.slice(j + 1).replace(/^=/, '');
        if (inline) set(spec, inline);
        else {
          if (i + 1 >= words.length) throw new KubectlError(`error: flag needs an argument: '${ch}' in -${ch}\n${usage}`);
          set(spec, words[++i]);
        }
        break;
      }
    } else positionals.push(w);
    i++;
  }
  for (const s of all) if (!flags.has(s.name) && s.default !== undefined) flags.set(s.name, s.default);
  return { positionals, flags, rest };
}

export function str(a: ParsedArgs, name: string): string | undefined {
  const v = a.flags.get(name);
  return v === undefined ? undefined : String(v);
}

export function bool(a: ParsedArgs, name: string): boolean {
  return a.flags.get(name) === true;
}

/** A StringArray flag: each occurrence's value as given, commas and all (`--rule`, `--annotation`). */
export function stringArray(a: ParsedArgs, name: string): string[] {
  const v = a.flags.get(name);
  return v === undefined ? [] : Array.isArray(v) ? v : [String(v)];
}

/** A StringSlice flag: occurrences joined, each split at commas (`--image`, `--tcp`). */
export function strings(a: ParsedArgs, name: string): string[] {
  const v = a.flags.get(name);
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [String(v)]).flatMap((x) => x.split(',')).filter((x) => x !== '');
}

export function int(a: ParsedArgs, name: string): number | undefined {
  const v = a.flags.get(name);
  return typeof v === 'number' ? v : undefined;
}
