/** The kubeconfig `npm run serve` writes: one cluster, one context, the admin's bearer token. */
export function kubeconfigYaml(server: string, token: string, caPem: string): string {
  return `apiVersion: v1
kind: Config
clusters:
- name: wheelhouse
  cluster:
    server: ${server}
    certificate-authority-data: ${Buffer.from(caPem).toString('base64')}
contexts:
- name: wheelhouse
  context:
    cluster: wheelhouse
    user: wheelhouse-admin
    namespace: default
current-context: wheelhouse
preferences: {}
users:
- name: wheelhouse-admin
  user:
    token: ${token}
`;
}
