/**
 * kubectl config: the terminal's kubeconfig — one cluster, one admin user, a context that names
 * them and a namespace. `set-context --current --namespace=team-a` is how people stop typing
 * `-n`: every later command without `-n` then works in that namespace, as with real kubectl.
 * The kubeconfig belongs to the learner's side, not the cluster; it lives beside the cluster's
 * store so that replaying the commands (rewind, reload) brings it back as it was.
 */
import { KubectlError, bool, str, type FlagSpec } from '../args';
import type { VerbContext } from '../context';
import { tabwrite } from '../describe/tabwriter';
import { KUBECONFIG_USER } from '../impersonation';
import { goJson, toYaml } from '../printers/output';
import { execute, parseTemplate } from '../printers/jsonpathTemplate';
import { KUBECONFIG_CLUSTER as CLUSTER, kubeconfigOf, type Kubeconfig } from '../kubeconfig';

export const CONFIG_FLAGS: FlagSpec[] = [
  { name: 'current', type: 'bool' },
  { name: 'minify', type: 'bool' },
  { name: 'raw', type: 'bool' },
  { name: 'flatten', type: 'bool' },
  { name: 'cluster', type: 'string' },
  { name: 'user', type: 'string' },
  { name: 'no-headers', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
];

/** Where the terminal's kubeconfig would be on disk (what delete-context names). */
export const KUBECONFIG_PATH = '/home/learner/.kube/config';

/** The API server's address, as cluster-info prints it (the control-plane node's InternalIP). */
function serverAddress(ctx: VerbContext): string {
  const cp = ctx.cluster.store.list('nodes').find((n) => n.metadata.labels?.['node-role.kubernetes.io/control-plane'] !== undefined);
  const ip = cp?.status?.addresses?.find((a: { type: string }) => a.type === 'InternalIP')?.address ?? '172.18.0.2';
  return `https://${ip}:6443`;
}

/** The kubeconfig as `config view` shows it (secrets redacted unless --raw). */
function view(ctx: VerbContext, cfg: Kubeconfig, minify: boolean, raw: boolean): Record<string, unknown> {
  const contexts = minify ? cfg.contexts.filter((c) => c.name === cfg.current) : cfg.contexts;
  const usedClusters = minify ? new Set(contexts.map((c) => c.cluster)) : undefined;
  const usedUsers = minify ? new Set(contexts.map((c) => c.user)) : undefined;
  const clusters = [CLUSTER].filter((n) => !usedClusters || usedClusters.has(n)).map((name) => ({ cluster: { 'certificate-authority-data': raw ? 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCndoZWVsaG91c2Utc2ltdWxhdGVkLWNhCi0tLS0tRU5EIENFUlRJRklDQVRFLS0tLS0K' : 'DATA+OMITTED', server: serverAddress(ctx) }, name }));
  const users = [KUBECONFIG_USER].filter((n) => !usedUsers || usedUsers.has(n)).map((name) => ({ name, user: { token: raw ? 'wheelhouse-simulated-admin-token' : 'REDACTED' } }));
  return {
    apiVersion: 'v1',
    clusters,
    contexts: contexts.map((c) => ({ context: { cluster: c.cluster, ...(c.namespace ? { namespace: c.namespace } : {}), user: c.user }, name: c.name })),
    'current-context': cfg.current,
    kind: 'Config',
    preferences: {},
    users,
  };
}

function printView(ctx: VerbContext, doc: Record<string, unknown>): void {
  const output = str(ctx.args, 'output') ?? 'yaml';
  if (output === 'yaml') ctx.out.push(toYaml(doc));
  else if (output === 'json') ctx.out.push(goJson(doc));
  else if (output.startsWith('jsonpath=')) {
    try {
      ctx.out.push(execute(parseTemplate(output.slice('jsonpath='.length)), doc));
    } catch (e) {
      throw new KubectlError(`error: error parsing jsonpath ${output.slice('jsonpath='.length)}, ${(e as Error).message}`);
    }
  } else throw new KubectlError(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: json,jsonpath,jsonpath-as-json,jsonpath-file,yaml`);
}

const CONFIG_HELP = `Modify kubeconfig files using subcommands like "kubectl config set current-context my-context".

 The loading order follows these rules:

  1.  If the --kubeconfig flag is set, then only that file is loaded. The flag may only be set once and no merging takes place.
  2.  If $KUBECONFIG environment variable is set, then it is used as a list of paths (normal path delimiting rules for your system). These paths are merged. When a value is modified, it is modified in the file that defines the stanza. When a value is created, it is created in the first file that exists. If no files in the chain exist, then it creates the last file in the list.
  3.  Otherwise, \${HOME}/.kube/config is used and no merging takes place.

Available Commands:
  current-context   Display the current-context
  delete-cluster    Delete the specified cluster from the kubeconfig
  delete-context    Delete the specified context from the kubeconfig
  delete-user       Delete the specified user from the kubeconfig
  get-clusters      Display clusters defined in the kubeconfig
  get-contexts      Describe one or many contexts
  get-users         Display users defined in the kubeconfig
  rename-context    Rename a context from the kubeconfig file
  set               Set an individual value in a kubeconfig file
  set-cluster       Set a cluster entry in kubeconfig
  set-context       Set a context entry in kubeconfig
  set-credentials   Set a user entry in kubeconfig
  unset             Unset an individual value in a kubeconfig file
  use-context       Set the current-context in a kubeconfig file
  view              Display merged kubeconfig settings or a specified kubeconfig file

Usage:
  kubectl config SUBCOMMAND [options]

Use "kubectl config <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

export function configCommand(ctx: VerbContext): void {
  const [sub, ...args] = ctx.args.positionals;
  const cfg = kubeconfigOf(ctx.cluster.store);
  // `-n` names the namespace to set here, as kubectl's global flag does for set-context.
  const namespace = ctx.args.flags.get('namespace') as string | undefined;
  switch (sub) {
    case undefined:
      ctx.err.push(CONFIG_HELP);
      ctx.failed = true;
      return;
    case 'view':
      return printView(ctx, view(ctx, cfg, bool(ctx.args, 'minify'), bool(ctx.args, 'raw')));
    case 'current-context':
      ctx.out.push(`${cfg.current}\n`);
      return;
    case 'get-clusters':
      ctx.out.push(`NAME\n${CLUSTER}\n`);
      return;
    case 'get-users':
      ctx.out.push(`NAME\n${KUBECONFIG_USER}\n`);
      return;
    case 'get-contexts': {
      const missing = args.filter((n) => !cfg.contexts.some((c) => c.name === n));
      const shown = (args.length ? cfg.contexts.filter((c) => args.includes(c.name)) : cfg.contexts).sort((a, b) => (a.name < b.name ? -1 : 1));
      if (str(ctx.args, 'output') === 'name') ctx.out.push(shown.map((c) => `${c.name}\n`).join(''));
      else {
        const lines = [...(bool(ctx.args, 'no-headers') ? [] : ['CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE']), ...shown.map((c) => `${c.name === cfg.current ? '*' : ''}\t${c.name}\t${c.cluster}\t${c.user}\t${c.namespace ?? ''}`)];
        // printers.GetNewTabWriter: minimum width 6, padding 3.
        ctx.out.push(tabwrite(lines.join('\n') + '\n', 6, 3));
      }
      if (missing.length) {
        ctx.err.push(missing.map((n) => `error: context ${n} not found`).join('\n'));
        ctx.failed = true;
      }
      return;
    }
    case 'use-context':
    case 'use': {
      const name = args[0];
      if (!name) throw new KubectlError('error: Unexpected args: []');
      if (!cfg.contexts.some((c) => c.name === name)) throw new KubectlError(`error: no context exists with the name: "${name}"`);
      cfg.current = name;
      ctx.out.push(`Switched to context "${name}".\n`);
      return;
    }
    case 'set-context': {
      const current = bool(ctx.args, 'current');
      if (current && args.length) throw new KubectlError('error: you cannot specify both a context name and --current');
      const name = current ? cfg.current : args[0];
      if (!name) throw new KubectlError('error: you must specify a non-empty context name or --current');
      let context = cfg.contexts.find((c) => c.name === name);
      const created = !context;
      if (!context) {
        context = { name, cluster: '', user: '' };
        cfg.contexts.push(context);
      }
      const cluster = str(ctx.args, 'cluster');
      const user = str(ctx.args, 'user');
      if (cluster !== undefined) context.cluster = cluster;
      if (user !== undefined) context.user = user;
      if (namespace !== undefined) context.namespace = namespace;
      ctx.out.push(`Context "${name}" ${created ? 'created' : 'modified'}.\n`);
      return;
    }
    case 'delete-context': {
      const name = args[0];
      if (!name) throw new KubectlError('error: Unexpected args: []');
      if (!cfg.contexts.some((c) => c.name === name)) throw new KubectlError(`error: cannot delete context ${name}, not in ${KUBECONFIG_PATH}`);
      cfg.contexts = cfg.contexts.filter((c) => c.name !== name);
      if (cfg.current === name) ctx.err.push(`warning: this removed your active context, use "kubectl config use-context" to select a different one`);
      ctx.out.push(`deleted context ${name} from ${KUBECONFIG_PATH}\n`);
      return;
    }
    case 'rename-context': {
      const [from, to] = args;
      if (!from || !to || args.length !== 2) throw new KubectlError(`error: Unexpected args: [${args.join(' ')}]`);
      const context = cfg.contexts.find((c) => c.name === from);
      if (!context) throw new KubectlError(`error: cannot rename the context "${from}", it's not in ${KUBECONFIG_PATH}`);
      if (cfg.contexts.some((c) => c.name === to)) throw new KubectlError(`error: cannot rename the context "${from}", the context "${to}" already exists in ${KUBECONFIG_PATH}`);
      context.name = to;
      if (cfg.current === from) cfg.current = to;
      ctx.out.push(`Context "${from}" renamed to "${to}".\n`);
      return;
    }
    default:
      if (['set', 'unset', 'set-cluster', 'set-credentials', 'delete-cluster', 'delete-user'].includes(sub)) throw new KubectlError(`error: "kubectl config ${sub}" is not available in this simulator yet: the terminal has one cluster and one user; use set-context, use-context and view`);
      throw new KubectlError(`error: unknown command "${sub}" for "kubectl config"`);
  }
}
