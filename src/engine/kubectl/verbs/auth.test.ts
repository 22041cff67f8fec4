import { describe, expect, it } from 'vitest';
import { k, kFail, newCluster } from '../../testing/helpers';

describe('kubectl auth', () => {
  it('answers can-i as the cluster admin, with kubectl’s warnings for unknown verbs and types', () => {
    const c = newCluster();
    expect(k(c, 'auth can-i delete pods')).toBe('yes\n');
    const r = c.kubectl('auth can-i frob widgets');
    expect(r).toMatchObject({ exitCode: 0, stdout: 'yes\n', stderr: "Warning: the server doesn't have a resource type 'widgets'\n\nWarning: verb 'frob' is not a known verb\n\n" });
    expect(kFail(c, 'auth can-i get')).toBe("error: you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.\n");
    expect(k(c, 'auth can-i --list')).toBe('Resources   Non-Resource URLs   Resource Names   Verbs\n*.*         []                  []               [*]\n            [*]                 []               [*]\n');
  });

  it('says who the learner is, and refuses --as rather than answer as the admin', () => {
    const c = newCluster();
    expect(k(c, 'auth whoami')).toBe('ATTRIBUTE   VALUE\nUsername    kubernetes-admin\nGroups      [kubeadm:cluster-admins system:authenticated]\n');
    expect(kFail(c, 'auth can-i delete pods --as=bob')).toContain('impersonation (kubectl --as) is not available in this simulator');
  });
});
