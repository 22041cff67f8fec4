/** kubectl create token: a TokenRequest for a ServiceAccount, printed as the JWT it returns. */
import { KubectlError, str, strings } from '../args';
import { encodeBase64 } from '../../util/base64';
import { namespaceOf, type VerbContext } from '../context';
import { parseGoDuration } from '../../util/cron';

const API_ISSUER = 'https://kubernetes.default.svc.cluster.local';

function base64url(text: string): string {
  return encodeBase64(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * `kubectl create token SA`: a TokenRequest for the account, answered with a JWT shaped as the
 * API server signs them (issuer, audience, expiry, the account and its uid). The signature is
 * random: nothing in the simulator verifies it.
 */
export function createToken(ctx: VerbContext, name: string | undefined): void {
  if (!name) throw new KubectlError("error: exactly one NAME is required, got 0\nSee 'kubectl create token -h' for help and examples");
  const ns = namespaceOf(ctx);
  let seconds = 3600;
  const duration = str(ctx.args, 'duration');
  if (duration !== undefined) {
    let ms: number;
    try {
      ms = parseGoDuration(duration);
    } catch (e) {
      throw new KubectlError(`error: invalid argument "${duration}" for "--duration" flag: ${(e as Error).message}\nSee 'kubectl create token --help' for usage.`);
    }
    if (ms < 0) throw new KubectlError('error: --duration must be greater than or equal to 0');
    if (ms > 0) seconds = Math.floor(ms / 1000);
  }
  const sa = ctx.cluster.api.store.get('serviceaccounts', ns, name);
  if (!sa) throw new KubectlError(`error: failed to create token: serviceaccounts "${name}" not found`);
  if (seconds < 600) throw new KubectlError(`error: failed to create token: TokenRequest.authentication.k8s.io "${name}" is invalid: spec.expirationSeconds: Invalid value: ${seconds}: may not specify a duration less than 10 minutes`);
  const rng = ctx.cluster.rng;
  const now = Math.floor(ctx.cluster.now() / 1000);
  const audiences = strings(ctx.args, 'audience');
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const random = (n: number) => Array.from({ length: n }, () => alphabet[rng.int(64)]).join('');
  const header = { alg: 'RS256', kid: random(43) };
  const claims = {
    aud: audiences.length ? audiences : [API_ISSUER],
    exp: now + seconds,
    iat: now,
    iss: API_ISSUER,
    jti: rng.uuid(),
    'kubernetes.io': { namespace: ns, serviceaccount: { name, uid: sa.metadata.uid } },
    nbf: now,
    sub: `system:serviceaccount:${ns}:${name}`,
  };
  ctx.out.push(`${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}.${random(342)}\n`);
}
