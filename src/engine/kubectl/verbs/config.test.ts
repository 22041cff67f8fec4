/**
 * kubectl config as a learner uses it: see the kubeconfig, switch the namespace commands work in
 * without `-n`, add and remove contexts — with real kubectl 1.32's words, captured from it with a
 * kubeconfig of the same shape (only the file's path differs).
 */
import { describe, expect, it } from 'vitest';
import { rebuildCluster } from '../../port';
import { createCluster, k, kFail } from '../../testing/helpers';

describe('kubectl config', () => {
  it('shows the kubeconfig with its secrets redacted, as config view does', () => {
    const c = createCluster({ seed: 7 });
    expect(k(c, 'config view')).toBe(`apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: DATA+OMITTED
    server: https://172.18.0.2:6443
  name: wheelhouse
contexts:
- context:
    cluster: wheelhouse
    namespace: default
    user: wheelhouse-admin
  name: wheelhouse
current-context: wheelhouse
kind: Config
preferences: {}
users:
- name: wheelhouse-admin
  user:
    token: REDACTED
`);
    expect(k(c, 'config view -o jsonpath={..namespace}')).toBe('default');
    expect(k(c, 'config get-contexts')).toBe('CURRENT   NAME         CLUSTER      AUTHINFO           NAMESPACE\n*         wheelhouse   wheelhouse   wheelhouse-admin   default\n');
    expect(k(c, 'config current-context') + k(c, 'config get-clusters') + k(c, 'config get-users')).toBe('wheelhouse\nNAME\nwheelhouse\nNAME\nwheelhouse-admin\n');
  });

  it('switches the namespace commands without -n work in, and keeps it through a replay', () => {
    const c = createCluster({ seed: 7 });
    k(c, 'create namespace team-a');
    expect(k(c, 'config set-context --current --namespace=team-a')).toBe('Context "wheelhouse" modified.\n');
    expect(k(c, 'config view --minify -o jsonpath={..namespace}')).toBe('team-a');
    expect(k(c, 'run web --image=nginx')).toBe('pod/web created\n');
    expect(c.store.get('pods', 'team-a', 'web')).toBeDefined();
    expect(c.kubectl('get pods -n default').stderr).toBe('No resources found in default namespace.\n');
    // A rewind or a reload replays the commands: the kubeconfig comes back with them.
    const replayed = rebuildCluster({ seed: 7 }, c.actionLog());
    expect(replayed.kubectl('config current-context').stdout + replayed.kubectl('get pods -o name').stdout).toBe('wheelhouse\npod/web\n');
  });

  it('adds, switches, renames and deletes contexts with kubectl words', () => {
    const c = createCluster({ seed: 7 });
    expect(k(c, 'config set-context dev --namespace=dev --cluster=wheelhouse --user=wheelhouse-admin')).toBe('Context "dev" created.\n');
    expect(k(c, 'config get-contexts')).toBe('CURRENT   NAME         CLUSTER      AUTHINFO           NAMESPACE\n          dev          wheelhouse   wheelhouse-admin   dev\n*         wheelhouse   wheelhouse   wheelhouse-admin   default\n');
    expect(k(c, 'config set-context dev --namespace=qa')).toBe('Context "dev" modified.\n');
    expect(k(c, 'config use-context dev')).toBe('Switched to context "dev".\n');
    expect(kFail(c, 'config use-context nope')).toBe('error: no context exists with the name: "nope"\n');
    expect(k(c, 'config rename-context dev qa')).toBe('Context "dev" renamed to "qa".\n');
    expect(k(c, 'config use-context wheelhouse')).toBe('Switched to context "wheelhouse".\n');
    expect(k(c, 'config delete-context qa')).toBe('deleted context qa from /home/learner/.kube/config\n');
    expect(kFail(c, 'config delete-context nope')).toBe('error: cannot delete context nope, not in /home/learner/.kube/config\n');
    expect(kFail(c, 'config set-context')).toBe('error: you must specify a non-empty context name or --current\n');
    const r = c.kubectl('config get-contexts nope');
    expect([r.stdout, r.stderr, r.exitCode]).toEqual(['CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE\n', 'error: context nope not found\n', 1]);
    expect(kFail(c, 'config set-credentials x')).toMatch(/^error: "kubectl config set-credentials" is not available in this simulator yet/);
  });
});
