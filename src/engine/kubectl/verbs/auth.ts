/**
 * kubectl auth can-i / whoami. The simulator models no RBAC yet: every request is the cluster
 * admin's (kubernetes-admin, as kind and kubeadm name it), so can-i answers yes — with
 * kubectl's warnings for a verb or type it does not know — and acting as someone else (--as)
 * is refused in words rather than answered as the admin. `npm run serve` answers real kubectl
 * the same way (access reviews allow; impersonation is refused).
 */
import { ADMIN_USER, resolveResourceName } from '../../api/registry';
import { KubectlError, bool, str, type FlagSpec } from '../args';
import type { VerbContext } from '../context';
import { formatTable } from '../table';
import { toYaml } from '../printers/output';

export const AUTH_FLAGS: FlagSpec[] = [
  { name: 'list', type: 'bool' },
  { name: 'quiet', short: 'q', type: 'bool' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'subresource', type: 'string' },
  { name: 'no-headers', type: 'bool' },
  { name: 'as', type: 'string' },
  { name: 'as-group', type: 'strings' },
  { name: 'output', short: 'o', type: 'string' },
];

/** The verbs kubectl auth can-i knows (others get a warning, and are asked anyway). */
const KNOWN_VERBS = new Set(['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection', 'use', 'bind', 'impersonate', '*', 'approve', 'sign', 'escalate', 'attest']);

export const IMPERSONATION_REFUSED = "Error from server (Forbidden): impersonation (kubectl --as) is not available in this simulator: it models no RBAC yet, so every request is the cluster admin's (kubernetes-admin)";

export function authCommand(ctx: VerbContext): void {
  const [sub, ...args] = ctx.args.positionals;
  if (ctx.args.flags.has('as') || ctx.args.flags.has('as-group')) throw new KubectlError(IMPERSONATION_REFUSED);
  if (sub === 'can-i') return canI(ctx, args);
  if (sub === 'whoami') return whoami(ctx);
  if (sub === undefined) throw new KubectlError('error: "kubectl auth" needs a subcommand: can-i or whoami (reconcile is not available in this simulator)');
  throw new KubectlError(`error: unknown command "${sub}"\nSee 'kubectl auth -h' for help and examples`);
}

function canI(ctx: VerbContext, args: string[]): void {
  if (bool(ctx.args, 'list')) {
    const rows = [
      ['*.*', '[]', '[]', '[*]'],
      ['', '[*]', '[]', '[*]'],
    ];
    const table = formatTable(['Resources', 'Non-Resource URLs', 'Resource Names', 'Verbs'], rows, { keepTrailingPadding: false });
    ctx.out.push(bool(ctx.args, 'no-headers') ? table.slice(table.indexOf('\n') + 1) : table);
    return;
  }
  if (args.length < 2) throw new KubectlError("error: you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.");
  const [verb, target] = args as [string, string];
  if (!target.startsWith('/')) {
    const resource = target.split('/')[0]!;
    if (!resolveResourceName(resource) && !resolveResourceName(resource.split('.')[0]!)) ctx.err.push(`Warning: the server doesn't have a resource type '${resource}'\n\n`);
  }
  if (!KNOWN_VERBS.has(verb)) ctx.err.push(`Warning: verb '${verb}' is not a known verb\n\n`);
  if (!bool(ctx.args, 'quiet')) ctx.out.push('yes\n');
}

function whoami(ctx: VerbContext): void {
  const review = { kind: 'SelfSubjectReview', apiVersion: 'authentication.k8s.io/v1', metadata: { creationTimestamp: null }, status: { userInfo: ADMIN_USER } };
  const output = str(ctx.args, 'output');
  if (output === 'json') return void ctx.out.push(`${JSON.stringify(review, null, 4)}\n`);
  if (output === 'yaml') return void ctx.out.push(toYaml({ apiVersion: review.apiVersion, kind: review.kind, metadata: review.metadata, status: { userInfo: { groups: ADMIN_USER.groups, username: ADMIN_USER.username } } }));
  if (output) throw new KubectlError(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: json,yaml`);
  ctx.out.push(formatTable(['ATTRIBUTE', 'VALUE'], [['Username', ADMIN_USER.username], ['Groups', `[${ADMIN_USER.groups.join(' ')}]`]]));
}
