/** kubectl create token: a TokenRequest for a ServiceAccount, printed as the JWT it returns. */
import { KubectlError, str, strings } from '../args';
import { ApiError } from '../../api/errors';
import { namespaceOf, type VerbContext } from '../context';
import { parseGoDuration } from '../../util/cron';

/** `kubectl create token SA`: a TokenRequest for the account (../../api/auth/tokens.ts), printed as the JWT it returns. */
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
  try {
    const issued = ctx.cluster.api.requestToken(ns, name, { expirationSeconds: seconds, audiences: strings(ctx.args, 'audience') });
    ctx.out.push(`${issued.token}\n`);
  } catch (e) {
    // kubectl wraps the API server's answer: "failed to create token: <its message>".
    if (e instanceof ApiError) throw new KubectlError(`error: failed to create token: ${e.message}`);
    throw e;
  }
}
