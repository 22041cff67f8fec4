/**
 * The token the kubelet writes into a pod's `kube-api-access-*` volume: a JWT bound to the pod,
 * as the TokenRequest the kubelet makes for it would return (issuer, audience, the pod, its node,
 * the account and its uid, an expiry of an hour and seven seconds with `warnafter` at the hour).
 * It is built from the pod alone — deterministic, no random draw — and `npm run serve` accepts
 * it while the account exists (src/engine/rest/authn.ts), so a learner can use it as the pod would.
 */
import type { KObject } from '../api/types';
import { encodeBase64 } from '../util/base64';
import { parseRfc3339 } from '../sim/clock';
import { API_ISSUER } from '../api/auth/tokens';

const b64url = (text: string) => encodeBase64(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** A signature-shaped tail derived from the pod's uid (FNV-1a rounds): the same pod, the same token. */
function pseudoSignature(seed: string, length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let h = 0x811c9dc5;
  let out = '';
  for (let i = 0; out.length < length; i++) {
    h ^= seed.charCodeAt(i % Math.max(1, seed.length)) + i;
    h = Math.imul(h, 0x01000193) >>> 0;
    out += alphabet[h & 63];
  }
  return out;
}

export function boundServiceAccountToken(pod: KObject, serviceAccountUid: string | undefined, expirationSeconds: number): string {
  const ns = pod.metadata.namespace ?? 'default';
  const account = pod.spec?.serviceAccountName ?? 'default';
  const iat = Math.floor((parseRfc3339(pod.status?.startTime) ?? parseRfc3339(pod.metadata.creationTimestamp) ?? 0) / 1000);
  const header = { alg: 'RS256', kid: pseudoSignature(`kid`, 43) };
  const claims = {
    aud: [API_ISSUER],
    exp: iat + expirationSeconds,
    iat,
    iss: API_ISSUER,
    jti: pseudoSignature(`${pod.metadata.uid}/jti`, 36),
    'kubernetes.io': {
      namespace: ns,
      ...(pod.spec?.nodeName ? { node: { name: pod.spec.nodeName } } : {}),
      pod: { name: pod.metadata.name, uid: pod.metadata.uid },
      serviceaccount: { name: account, uid: serviceAccountUid ?? '' },
      warnafter: iat + 3600,
    },
    nbf: iat,
    sub: `system:serviceaccount:${ns}:${account}`,
  };
  return `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}.${pseudoSignature(pod.metadata.uid ?? '', 342)}`;
}
