/**
 * kubectl inside a pod speaks as the pod's ServiceAccount: RBAC decides, with the API server's
 * Forbidden wording, and commands without -n work in the pod's namespace. Images without kubectl
 * have none, and a pod without a mounted token has no in-cluster config.
 */
import { describe, expect, it } from 'vitest';
import { createCluster, k } from '../testing/helpers';

describe('kubectl run inside a pod', () => {
  it('is the pod ServiceAccount, allowed only what RBAC grants it', () => {
    const c = createCluster({ seed: 7 });
    k(c, 'create namespace tools');
    k(c, 'create serviceaccount ci -n tools');
    k(c, `run kc -n tools --image=bitnami/kubectl:1.32 --overrides='{"spec":{"serviceAccountName":"ci"}}' --command -- sleep 3600`);
    k(c, 'run plain --image=busybox:1.36 -- sleep 3600');
    c.advance(40);
    const inPod = (cmd: string) => c.kubectl(`exec -n tools kc -- ${cmd}`);
    expect(inPod('kubectl get pods').stderr).toBe('Error from server (Forbidden): pods is forbidden: User "system:serviceaccount:tools:ci" cannot list resource "pods" in API group "" in the namespace "tools"\ncommand terminated with exit code 1\n');
    expect(inPod('kubectl auth whoami').stdout).toBe('ATTRIBUTE   VALUE\nUsername    system:serviceaccount:tools:ci\nGroups      [system:serviceaccounts system:serviceaccounts:tools system:authenticated]\n');
    k(c, 'create rolebinding ci-view -n tools --clusterrole=view --serviceaccount=tools:ci');
    // The pod's own namespace, not the terminal's.
    expect(inPod('kubectl get pods -o name').stdout).toBe('pod/kc\n');
    expect(inPod('kubectl get pods -n default').stderr).toContain('cannot list resource "pods" in API group "" in the namespace "default"');
    expect(inPod('kubectl delete pod kc').stderr).toContain('pods "kc" is forbidden: User "system:serviceaccount:tools:ci" cannot delete resource "pods"');
    // Impersonating needs the impersonate verb, which the ServiceAccount lacks.
    expect(inPod('kubectl get pods --as=jane').stderr).toContain('users "jane" is forbidden: User "system:serviceaccount:tools:ci" cannot impersonate resource "users"');
  });

  it('is not there in an image without kubectl, nor configured without a mounted token', () => {
    const c = createCluster({ seed: 7 });
    k(c, 'run plain --image=busybox:1.36 -- sleep 3600');
    k(c, `run notoken --image=bitnami/kubectl:1.32 --overrides='{"spec":{"automountServiceAccountToken":false}}' --command -- sleep 3600`);
    c.advance(40);
    const plain = c.kubectl('exec plain -- kubectl get pods');
    expect([plain.stderr, plain.exitCode]).toEqual(['OCI runtime exec failed: exec failed: unable to start container process: exec: "kubectl": executable file not found in $PATH: unknown\ncommand terminated with exit code 126\n', 1]);
    expect(c.kubectl('exec notoken -- kubectl get pods').stderr).toBe('The connection to the server localhost:8080 was refused - did you specify the right host or port?\ncommand terminated with exit code 1\n');
  });
});
