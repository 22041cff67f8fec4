/**
 * kubectl run inside a pod (`kubectl exec ci -- kubectl get pods` in a bitnami/kubectl container):
 * with no kubeconfig it uses the in-cluster config — the ServiceAccount token mounted at
 * /var/run/secrets/kubernetes.io/serviceaccount — so every request is the pod's ServiceAccount's,
 * authorized by RBAC, and commands without -n work in the pod's own namespace.
 */
import { serviceAccountUser } from '../api/auth/user';
import type { KObject } from '../api/types';
import type { KubectlServer } from '../kubectl/context';
import { runKubectl } from '../kubectl';
import type { ExecResult } from '../kubelet/exec';

/** A word as a POSIX shell would read it back: quoted when it has to be. */
const shellQuote = (w: string) => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`);

export function kubectlInPod(server: KubectlServer, pod: KObject, words: string[]): ExecResult {
  const namespace = pod.metadata.namespace ?? 'default';
  // No token mounted (automountServiceAccountToken: false): no in-cluster config, and kubectl falls back to localhost:8080.
  const hasToken = ((pod.spec?.volumes ?? []) as { name?: string; projected?: unknown }[]).some((v) => !!v.projected && v.name?.startsWith('kube-api-access-'));
  if (!hasToken) return { stdout: '', stderr: 'The connection to the server localhost:8080 was refused - did you specify the right host or port?\n', exitCode: 1 };
  const identity = serviceAccountUser(namespace, pod.spec?.serviceAccountName || 'default');
  const inPod: KubectlServer = { api: server.api, store: server.store, rng: server.rng, now: () => server.now(), waitFor: (done, ms) => server.waitFor(done, ms), identity, defaultNamespace: namespace };
  const r = runKubectl(inPod, words.map(shellQuote).join(' '));
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
}
