/**
 * kubectl auth can-i / whoami. can-i asks the API server's RBAC authorizer (a
 * SelfSubjectAccessReview; `--list` a SelfSubjectRulesReview) for the user kubectl is — the
 * cluster's admin, or whoever `--as` names — and prints kubectl's answer: `yes`, or `no` with
 * the authorizer's reason when it gave one (a binding to a missing role), exiting 1. whoami
 * prints who the API server thinks the caller is.
 */
import { ADMIN_USER } from '../../api/auth/user';
import type { Attributes } from '../../api/auth/attributes';
import { KubectlError, bool, str, type FlagSpec } from '../args';
import { namespaceOf, type VerbContext } from '../context';
import { formatTable } from '../table';
import { goJson, toYaml } from '../printers/output';
import { accessRows } from '../rbacRules';

export const AUTH_FLAGS: FlagSpec[] = [
  { name: 'list', type: 'bool' },
  { name: 'quiet', short: 'q', type: 'bool' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'subresource', type: 'string' },
  { name: 'no-headers', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
];

/** The verbs kubectl auth can-i knows (others get a warning, and are asked anyway). */
const KNOWN_VERBS = new Set(['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection', 'use', 'bind', 'impersonate', '*', 'approve', 'sign', 'escalate', 'attest']);
const KNOWN_URL_VERBS = new Set(['get', 'put', 'post', 'head', 'options', 'delete', 'patch', '*']);
/** Resources the API server authorizes that discovery does not list (users and groups, for impersonate). */
const NON_STANDARD_RESOURCES = new Set(['users', 'groups']);

export function authCommand(ctx: VerbContext): void {
  const [sub, ...args] = ctx.args.positionals;
  if (sub === 'can-i') return canI(ctx, args);
  if (sub === 'whoami') return whoami(ctx);
  if (sub === undefined) throw new KubectlError('error: "kubectl auth" needs a subcommand: can-i or whoami (reconcile is not available in this simulator)');
  throw new KubectlError(`error: unknown command "${sub}"\nSee 'kubectl auth -h' for help and examples`);
}

function canI(ctx: VerbContext, args: string[]): void {
  const user = ctx.cluster.user ?? ADMIN_USER;
  const allNamespaces = bool(ctx.args, 'all-namespaces');
  const namespace = allNamespaces ? '' : namespaceOf(ctx);
  if (bool(ctx.args, 'list')) {
    if (args.length) throw new KubectlError('error: list option must be specified with no arguments');
    if (bool(ctx.args, 'quiet') || allNamespaces || ctx.args.flags.has('subresource')) throw new KubectlError("error: list option can't be specified with neither quiet, all-namespaces nor subresource options");
    // A binding to a missing role is an evaluation error, not an incomplete list: kubectl warns of neither.
    const { rules } = ctx.cluster.api.authorizer.rulesFor(user, namespace);
    const table = formatTable(['Resources', 'Non-Resource URLs', 'Resource Names', 'Verbs'], accessRows(rules), { keepTrailingPadding: false });
    ctx.out.push(bool(ctx.args, 'no-headers') ? table.slice(table.indexOf('\n') + 1) : table);
    return;
  }
  if (args.length !== 2) throw new KubectlError("error: you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.");
  const [verb, target] = args as [string, string];
  const subresource = str(ctx.args, 'subresource') ?? '';
  let attributes: Attributes;
  if (target.startsWith('/')) {
    if (subresource) throw new KubectlError('error: --subresource can not be used with NonResourceURL');
    if (!KNOWN_URL_VERBS.has(verb)) ctx.err.push(`Warning: verb '${verb}' is not a known verb\n\n`);
    attributes = { user, verb, path: target };
  } else {
    const [arg, name = ''] = target.split(/\/(.*)/s) as [string, string?];
    const { resource, group, namespaced } = resourceFor(ctx, arg);
    if (!allNamespaces && namespaced === false) ctx.err.push(group ? `Warning: resource '${resource}' is not namespace scoped in group '${group}'\n\n` : `Warning: resource '${resource}' is not namespace scoped\n\n`);
    if (!KNOWN_VERBS.has(verb)) ctx.err.push(`Warning: verb '${verb}' is not a known verb\n\n`);
    // The review carries the namespace kubectl is in, even for a cluster-scoped resource (RBAC then also reads that namespace's RoleBindings).
    attributes = { user, verb, apiGroup: group, resource, ...(subresource ? { subresource } : {}), ...(name ? { name } : {}), ...(namespace ? { namespace } : {}) };
  }
  if (bool(ctx.args, 'no-headers')) throw new KubectlError('error: --no-headers cannot be set without --list specified');
  const decision = ctx.cluster.api.authorizer.authorize(attributes);
  if (!bool(ctx.args, 'quiet')) ctx.out.push(decision.allowed ? 'yes\n' : `no${decision.reason ? ` - ${decision.reason}` : ''}\n`);
  if (!decision.allowed) ctx.failed = true;
}

/** resourceFor: the resource and group kubectl's RESTMapper finds, or the word itself with a warning. */
function resourceFor(ctx: VerbContext, arg: string): { resource: string; group: string; namespaced?: boolean } {
  if (arg === '*') return { resource: '*', group: '' };
  const lower = arg.toLowerCase();
  const t = ctx.cluster.api.types.resolveName(lower);
  if (t) return { resource: t.resource, group: t.group, namespaced: t.namespaced };
  const dot = lower.indexOf('.');
  const [resource, group] = dot < 0 ? [lower, ''] : [lower.slice(0, dot), lower.slice(dot + 1)];
  if (!NON_STANDARD_RESOURCES.has(dot < 0 ? resource : lower)) ctx.err.push(group ? `Warning: the server doesn't have a resource type '${resource}' in group '${group}'\n\n` : `Warning: the server doesn't have a resource type '${resource}'\n\n`);
  return { resource: arg, group: '' };
}

function whoami(ctx: VerbContext): void {
  const user = ctx.cluster.user ?? ADMIN_USER;
  const review = { kind: 'SelfSubjectReview', apiVersion: 'authentication.k8s.io/v1', metadata: { creationTimestamp: null }, status: { userInfo: { username: user.username, ...(user.uid ? { uid: user.uid } : {}), groups: user.groups } } };
  const output = str(ctx.args, 'output');
  if (output === 'json') return void ctx.out.push(goJson(review));
  if (output === 'yaml') return void ctx.out.push(toYaml({ apiVersion: review.apiVersion, kind: review.kind, metadata: review.metadata, status: { userInfo: { groups: user.groups, ...(user.uid ? { uid: user.uid } : {}), username: user.username } } }));
  if (output) throw new KubectlError(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: json,yaml`);
  ctx.out.push(formatTable(['ATTRIBUTE', 'VALUE'], [['Username', user.username], ...(user.uid ? [['UID', user.uid]] : []), ['Groups', `[${user.groups.join(' ')}]`]]));
}
