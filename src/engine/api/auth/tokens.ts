/**
 * TokenRequest (POST serviceaccounts/{name}/token): a JWT for a ServiceAccount, shaped as the API
 * server signs them — issuer, audiences, expiry, the account and its uid. The signature is
 * random; what makes a token valid here is what ../../rest/authn.ts checks: the account still
 * exists with that uid and the token has not expired.
 */
import type { ObjectStore } from '../store';
import type { Rng } from '../../sim/rng';
import { encodeBase64 } from '../../util/base64';
import { invalid, notFound } from '../errors';
import { rfc3339 } from '../../sim/clock';
import { serviceAccountUsername } from './user';

export const API_ISSUER = 'https://kubernetes.default.svc.cluster.local';
/** The shortest token the API server issues (validation of spec.expirationSeconds). */
const MIN_SECONDS = 600;

function base64url(text: string): string {
  return encodeBase64(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export interface IssuedToken {
  token: string;
  expirationTimestamp: string;
  audiences: string[];
  expirationSeconds: number;
}

export function issueToken(store: ObjectStore, rng: Rng, nowMs: number, namespace: string, name: string, opts: { expirationSeconds?: number; audiences?: string[] } = {}): IssuedToken {
  const sa = store.get('serviceaccounts', namespace, name);
  if (!sa) throw notFound('serviceaccounts', name);
  const seconds = opts.expirationSeconds ?? 3600;
  if (seconds < MIN_SECONDS) throw invalid('TokenRequest', name, [{ field: 'spec.expirationSeconds', message: `Invalid value: ${seconds}: may not specify a duration less than 10 minutes` }], 'authentication.k8s.io');
  const now = Math.floor(nowMs / 1000);
  const audiences = opts.audiences?.length ? opts.audiences : [API_ISSUER];
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const random = (n: number) => Array.from({ length: n }, () => alphabet[rng.int(64)]).join('');
  const header = { alg: 'RS256', kid: random(43) };
  const claims = {
    aud: audiences,
    exp: now + seconds,
    iat: now,
    iss: API_ISSUER,
    jti: rng.uuid(),
    'kubernetes.io': { namespace, serviceaccount: { name, uid: sa.metadata.uid } },
    nbf: now,
    sub: serviceAccountUsername(namespace, name),
  };
  const token = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}.${random(342)}`;
  return { token, expirationTimestamp: rfc3339((now + seconds) * 1000), audiences, expirationSeconds: seconds };
}
