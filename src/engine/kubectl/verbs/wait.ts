/**
 * kubectl wait: `--for=condition=NAME[=VALUE]`, `--for=delete`, `--for=create` and
 * `--for=jsonpath='{…}'[=VALUE]`, on named objects, `-l` or `--all`, within `--timeout`
 * (30 s by default), in kubectl 1.32's words (pkg/cmd/wait). The simulated clock runs while it
 * waits, as time passes on a real cluster while kubectl blocks: the answer comes when the
 * condition holds, with the clock that much later.
 */
import type { KObject } from '../../api/types';
import { notFound } from '../../api/errors';
import { qualifiedKindName, qualifiedResource, type ResourceType } from '../../api/registry';
import { KubectlError, bool, str, type FlagSpec } from '../args';
import { namespaceOf, type VerbContext } from '../context';
import { parseResourceArgs } from '../resources';
import { selectorFlag } from './get';
import { MAX_BLOCKING_MS, timeoutFlag } from '../waitTimeout';
import { evaluatePath, parsePath } from '../printers/jsonpathTemplate';

export const WAIT_FLAGS: FlagSpec[] = [
  { name: 'for', type: 'string' },
  { name: 'timeout', type: 'string' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all', type: 'bool' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
];


type Check = (current: KObject | undefined, first: KObject) => boolean;

/** conditionFuncFor: the check a `--for` value asks for. */
function checkFor(condition: string): { check: Check; kind: 'delete' | 'create' | 'state' } {
  const lower = condition.toLowerCase();
  if (lower === 'delete') return { kind: 'delete', check: (current, first) => !current || current.metadata.uid !== first.metadata.uid };
  if (lower === 'create') return { kind: 'create', check: (current) => !!current };
  if (condition.startsWith('condition=')) {
    let name = condition.slice('condition='.length);
    let value = 'true';
    const eq = name.indexOf('=');
    if (eq >= 0) {
      value = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
    return {
      kind: 'state',
      check: (obj) => {
        const cond = ((obj?.status?.conditions ?? []) as { type?: string; status?: string; observedGeneration?: number }[]).find((c) => c.type?.toLowerCase() === name.toLowerCase() && c.status !== undefined);
        if (!obj || !cond) return false;
        // A condition about an older generation does not count (getObservedGeneration).
        const observed = cond.observedGeneration ?? (obj.status as { observedGeneration?: number } | undefined)?.observedGeneration;
        if (obj.metadata.generation !== undefined && observed !== undefined && observed < obj.metadata.generation) return false;
        return cond.status!.toLowerCase() === value.toLowerCase();
      },
    };
  }
  if (condition.startsWith('jsonpath=')) {
    const parts = splitJSONPathInput(condition.slice('jsonpath='.length));
    if (parts.length < 1 || parts.length > 2) throw new KubectlError(`error: jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'`);
    const expression = relaxed(parts[0]);
    const expected = parts.length === 2 ? parts[1].replace(/^['"]+|['"]+$/g, '') : undefined;
    if (expected === '') throw new KubectlError(`error: jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3`);
    if (!expression) throw new KubectlError('error: jsonpath expression cannot be empty');
    let steps: ReturnType<typeof parsePath>;
    try {
      steps = parsePath(expression);
    } catch (e) {
      throw new KubectlError(`error: ${(e as Error).message}`);
    }
    return {
      kind: 'state',
      check: (obj) => {
        if (!obj) return false;
        const found = evaluatePath(obj, steps);
        if (found.length === 0 || found[0] === undefined) return false;
        if (found.length > 1) throw new KubectlError('error: given jsonpath expression matches more than one value');
        if (expected === undefined) return true;
        if (typeof found[0] === 'object' && found[0] !== null) throw new KubectlError('error: jsonpath leads to a nested object or list which is not supported');
        return String(found[0]).trim() === expected.trim();
      },
    };
  }
  throw new KubectlError(`error: unrecognized condition: ${JSON.stringify(condition)}`);
}

/** Splits on single '=' (a doubled '==' stays in the expression), as kubectl does. */
function splitJSONPathInput(input: string): string[] {
  const out: string[] = [];
  let element = '';
  for (let i = 0; i < input.length; i++) {
    if (input[i] === '=') {
      if (input[i + 1] === '=') {
        element += '==';
        i++;
        continue;
      }
      out.push(element);
      element = '';
      continue;
    }
    element += input[i];
  }
  out.push(element);
  return out;
}

/** RelaxedJSONPathExpression: `{.a.b}`, `.a.b` or `a.b` all mean `.a.b`. */
function relaxed(expression: string): string {
  let e = expression.trim().replace(/^'+|'+$/g, '');
  if (e.startsWith('{') && e.endsWith('}')) e = e.slice(1, -1);
  e = e.trim();
  if (e && !e.startsWith('.') && !e.startsWith('$') && !e.startsWith('[')) e = `.${e}`;
  return e;
}

export function waitCommand(ctx: VerbContext): void {
  const { check, kind } = checkFor(str(ctx.args, 'for') ?? '');
  let timeoutMs = timeoutFlag(ctx, '30s', 'wait');
  // kubectl waits a week when given a negative timeout; beyond the simulator's bound, it says so.
  if (timeoutMs < 0) timeoutMs = 168 * 3_600_000;
  if (timeoutMs > MAX_BLOCKING_MS) {
    ctx.err.push(`note: this simulator lets its clock run for at most 1h in one command; waiting 1h`);
    timeoutMs = MAX_BLOCKING_MS;
  }
  const sel = parseResourceArgs(ctx.args.positionals, ctx.cluster.api.types);
  if (sel.items.length === 0) throw new KubectlError(`error: resource(s) were provided, but no name was specified`);
  const ns = namespaceOf(ctx);
  const selector = selectorFlag(ctx);
  const allNamespaces = bool(ctx.args, 'all-namespaces');
  const deadline = ctx.cluster.now() + timeoutMs;
  const timedOut = (type: ResourceType, name: string) => new KubectlError(`error: timed out waiting for the condition on ${type.resource}/${name}`);
  const namespaceFor = (type: ResourceType) => (type.namespaced ? ns : undefined);

  // --for=create: poll until every named object exists (kubectl polls every 0.5 s).
  if (kind === 'create') {
    for (const { type, names } of sel.items) {
      for (const name of names) {
        const made = ctx.cluster.waitFor(() => !!ctx.cluster.api.tryGet(type, namespaceFor(type), name), Math.max(0, deadline - ctx.cluster.now()));
        if (!made) throw new KubectlError(`error: timed out waiting for the condition`);
      }
    }
  }

  let visited = 0;
  for (const { type, names } of sel.items) {
    let targets: (KObject | string)[];
    if (names.length) targets = names.map((n) => ctx.cluster.api.tryGet(type, namespaceFor(type), n) ?? n);
    else if (selector || bool(ctx.args, 'all')) targets = ctx.cluster.api.list(type, allNamespaces || !type.namespaced ? undefined : ns, selector);
    else throw new KubectlError('error: resource(s) were provided, but no name was specified');
    for (const target of targets) {
      if (typeof target === 'string') {
        // Waiting for something to be deleted that is not there: done, with nothing to say.
        if (kind === 'delete') continue;
        throw new KubectlError(notFound(qualifiedResource(type), target).kubectlMessage());
      }
      visited++;
      const name = target.metadata.name!;
      const current = () => ctx.cluster.api.tryGet(type, target.metadata.namespace, name);
      const met = ctx.cluster.waitFor(() => check(current(), target), Math.max(0, deadline - ctx.cluster.now()));
      if (!met) throw timedOut(type, name);
      ctx.out.push(`${qualifiedKindName(type)}/${name} condition met\n`);
    }
  }
  if (visited === 0 && kind !== 'delete') throw new KubectlError('error: no matching resources found');
}
