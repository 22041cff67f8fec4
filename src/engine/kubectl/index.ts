/**
 * kubectl for the simulated cluster: splits the command line, dispatches to one verb per file
 * and turns failures into kubectl's messages and exit codes. Bad input never throws out of
 * here: anything unexpected becomes an `error:` line, so the terminal always answers.
 */
import { AUTH_FLAGS, authCommand } from './verbs/auth';
import { DIFF_FLAGS, diffCommand } from './verbs/diff';
import { PATCH_FLAGS, patchCommand } from './verbs/patch';
import type { KubectlServer, OutputStream } from './context';
import { actingAs } from './impersonation';
import { REPLACE_FLAGS, replaceCommand } from './verbs/replace';
import { ApiError } from '../api/errors';
import { KubectlError, bool, parseFlags, splitCommandLine, str, type FlagSpec } from './args';
import type { KubectlResult, VerbContext } from './context';
import { GET_FLAGS, getCommand } from './verbs/get';
import { APPLY_FLAGS, applyCommand } from './verbs/apply';
import { CREATE_FLAGS, createCommand } from './verbs/create';
import { DELETE_FLAGS, deleteCommand } from './verbs/delete';
import { SCALE_FLAGS, scaleCommand } from './verbs/scale';
import { LABEL_FLAGS, labelCommand } from './verbs/label';
import { RUN_FLAGS, runCommand } from './verbs/run';
import { API_RESOURCES_FLAGS, API_VERSIONS_FLAGS, VERSION_FLAGS, apiResourcesCommand, apiVersionsCommand, clusterInfoCommand, versionCommand } from './verbs/info';
import { LOGS_FLAGS, logsCommand } from './verbs/logs';
import { EXPLAIN_FLAGS, explainCommand } from './verbs/explain';
import { DESCRIBE_FLAGS, describeCommand } from './describe';
import { EXEC_FLAGS, execCommand } from './verbs/exec';
import { DEBUG_FLAGS, debugCommand } from './verbs/debug';
import { CP_FLAGS, cpCommand } from './verbs/cp';
import { EXPOSE_FLAGS, exposeCommand } from './verbs/expose';
import { TOP_FLAGS, topCommand } from './verbs/top';
import { AUTOSCALE_FLAGS, autoscaleCommand } from './verbs/autoscale';
import { ROLLOUT_FLAGS, SET_FLAGS, rolloutCommand, setCommand } from './verbs/rollout';
import { WAIT_FLAGS, waitCommand } from './verbs/wait';
import { CONFIG_FLAGS, configCommand } from './verbs/config';
import { CORDON_FLAGS, DRAIN_FLAGS, TAINT_FLAGS, cordonCommand, drainCommand, taintCommand } from './verbs/node';

export type { KubectlResult } from './context';

interface Verb {
  flags: FlagSpec[];
  run(ctx: VerbContext): void;
}

export const VERBS: Record<string, Verb> = {
  get: { flags: GET_FLAGS, run: getCommand },
  apply: { flags: APPLY_FLAGS, run: applyCommand },
  create: { flags: CREATE_FLAGS, run: createCommand },
  delete: { flags: DELETE_FLAGS, run: deleteCommand },
  describe: { flags: DESCRIBE_FLAGS, run: describeCommand },
  scale: { flags: SCALE_FLAGS, run: scaleCommand },
  label: { flags: LABEL_FLAGS, run: (ctx) => labelCommand(ctx, 'labels') },
  annotate: { flags: LABEL_FLAGS, run: (ctx) => labelCommand(ctx, 'annotations') },
  run: { flags: RUN_FLAGS, run: runCommand },
  version: { flags: VERSION_FLAGS, run: versionCommand },
  'api-resources': { flags: API_RESOURCES_FLAGS, run: apiResourcesCommand },
  'api-versions': { flags: API_VERSIONS_FLAGS, run: apiVersionsCommand },
  'cluster-info': { flags: [], run: clusterInfoCommand },
  logs: { flags: LOGS_FLAGS, run: logsCommand },
  explain: { flags: EXPLAIN_FLAGS, run: explainCommand },
  cordon: { flags: CORDON_FLAGS, run: (ctx) => cordonCommand(ctx, true) },
  uncordon: { flags: CORDON_FLAGS, run: (ctx) => cordonCommand(ctx, false) },
  taint: { flags: TAINT_FLAGS, run: taintCommand },
  drain: { flags: DRAIN_FLAGS, run: drainCommand },
  rollout: { flags: ROLLOUT_FLAGS, run: rolloutCommand },
  set: { flags: SET_FLAGS, run: setCommand },
  exec: { flags: EXEC_FLAGS, run: execCommand },
  debug: { flags: DEBUG_FLAGS, run: debugCommand },
  cp: { flags: CP_FLAGS, run: cpCommand },
  expose: { flags: EXPOSE_FLAGS, run: exposeCommand },
  top: { flags: TOP_FLAGS, run: topCommand },
  autoscale: { flags: AUTOSCALE_FLAGS, run: autoscaleCommand },
  patch: { flags: PATCH_FLAGS, run: patchCommand },
  wait: { flags: WAIT_FLAGS, run: waitCommand },
  auth: { flags: AUTH_FLAGS, run: authCommand },
  diff: { flags: DIFF_FLAGS, run: diffCommand },
  replace: { flags: REPLACE_FLAGS, run: replaceCommand },
  config: { flags: CONFIG_FLAGS, run: configCommand },
};

/** Real kubectl commands this simulator does not offer (yet): answered clearly, never ignored. */
/** Field managers kubectl names its writes with, where not `kubectl-<verb>` (scale sends none: the user agent's name stands). */
const FIELD_MANAGERS: Record<string, string> = { apply: 'kubectl-client-side-apply', scale: 'kubectl' };

const NOT_AVAILABLE = new Set([
  'edit', 'attach', 'port-forward', 'proxy',
  'certificate', 'events', 'kustomize',
  'plugin', 'completion', 'alpha', 'options',
]);

/** `kubectl create` subcommands' aliases (their cobra Aliases), by the name in their Use. */
const CREATE_SUBCOMMAND_ALIASES: Record<string, string> = { pc: 'priorityclass', pdb: 'poddisruptionbudget', deploy: 'deployment', cm: 'configmap', sa: 'serviceaccount', ns: 'namespace', cj: 'cronjob', ing: 'ingress', svc: 'service', resourcequota: 'quota' };

export function runKubectl(cluster: KubectlServer, commandLine: string, options: { stdin?: string; files?: Record<string, string>; stream?: OutputStream } = {}): KubectlResult {
  const out: string[] = [];
  const err: string[] = [];
  let exitCode = 0;
  let localFiles: Record<string, string> | undefined;
  // A command that stays (get -w) registers how to stop; the caller learns it from `streaming`.
  let stops: (() => void)[] | undefined;
  const stream: OutputStream | undefined = options.stream && { write: (text) => options.stream!.write(text), onStop: (stop) => (stops ??= []).push(stop) };
  try {
    let words = splitCommandLine(commandLine.trim());
    if (words[0] === 'kubectl' || words[0] === 'k') words = words.slice(1);
    if (words.length === 0) throw new KubectlError('kubectl controls the Kubernetes cluster manager.\n\nTry "kubectl get pods", "kubectl get nodes" or "kubectl api-resources".');
    // Global flags may come before the verb: `kubectl -n kube-system get pods`.
    const verbIndex = findVerb(words);
    const verb = words[verbIndex];
    if (verb === undefined) throw new KubectlError('error: no command given');
    const rest = [...words.slice(0, verbIndex), ...words.slice(verbIndex + 1)];
    const spec = VERBS[verb];
    if (!spec) {
      if (NOT_AVAILABLE.has(verb)) throw new KubectlError(`error: "kubectl ${verb}" is not available in this simulator yet`);
      throw new KubectlError(`error: unknown command "${verb}" for "kubectl"`);
    }
    // Commands with subcommands name both in their usage hint ("kubectl create deployment --help").
    const sub = words[verbIndex + 1];
    // cobra's CommandPath names a subcommand by its Use, never by the alias typed (`create pc` → `create priorityclass`).
    const subName = verb === 'create' && sub && Object.hasOwn(CREATE_SUBCOMMAND_ALIASES, sub) ? CREATE_SUBCOMMAND_ALIASES[sub] : sub;
    const usageVerb = (verb === 'create' || verb === 'rollout') && sub && /^[a-z][a-z-]*$/.test(sub) ? `${verb} ${subName}` : verb;
    const args = parseFlags(rest, spec.flags, usageVerb);
    const ctx: VerbContext = { cluster: actingAs(cluster, verb, args), verb, args, stdin: options.stdin, files: options.files ?? {}, out, err, failed: false, ...(stream ? { stream } : {}) };
    // The field manager kubectl sends for this verb (what managedFields will name); a
    // server-side apply records its own Apply entry instead.
    cluster.api.requestManager = verb === 'apply' && bool(args, 'server-side') ? undefined : (str(args, 'field-manager') ?? FIELD_MANAGERS[verb] ?? `kubectl-${verb}`);
    try {
      spec.run(ctx);
    } finally {
      cluster.api.requestManager = undefined;
      localFiles = ctx.localFiles;
    }
    if (ctx.failed) exitCode = 1;
  } catch (e) {
    exitCode = 1;
    if (e instanceof KubectlError) err.push(e.message);
    else if (e instanceof ApiError) err.push(e.kubectlMessage());
    else err.push(`error: ${e instanceof Error ? e.message : String(e)}`);
  }
  const joinLines = (parts: string[]) => parts.map((p) => (p.endsWith('\n') ? p : `${p}\n`)).join('');
  if (stops && exitCode === 0 && options.stream) {
    const all = stops;
    options.stream.onStop(() => all.forEach((s) => s()));
    return { exitCode, stdout: out.join(''), stderr: joinLines(err), streaming: true };
  }
  stops?.forEach((s) => s());
  return { exitCode, stdout: out.join(''), stderr: joinLines(err), ...(localFiles ? { localFiles } : {}) };
}

function findVerb(words: string[]): number {
  const takesValue = new Set(['-n', '--namespace', '--context', '--cluster', '--user', '--kubeconfig', '--request-timeout', '-v', '--as', '--as-group', '--as-uid']);
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (!w.startsWith('-')) return i;
    if (takesValue.has(w)) i++;
  }
  return words.length;
}
