/**
 * What kubeadm puts into a new cluster: the built-in namespaces, the `kubernetes` Service,
 * the control-plane static pods on the control-plane node, kube-proxy on every node and the
 * CoreDNS Deployment with its kube-dns Service.
 */
import type { KObject } from '../api/types';
import { KUBERNETES_VERSION } from '../api/version';

export const SYSTEM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

export function namespaceObject(name: string): KObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
}

export function kubernetesService(): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }], sessionAffinity: 'None', type: 'ClusterIP' },
  };
}

/** The API server publishes its own address as the `kubernetes` Service's endpoints. */
export function kubernetesEndpoints(hostIP: string): KObject[] {
  return [
    { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } }, subsets: [{ addresses: [{ ip: hostIP }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }] },
    {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
      addressType: 'IPv4',
      endpoints: [{ addresses: [hostIP], conditions: { ready: true } }],
      ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
    },
  ];
}

export function kubeDnsService(): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kube-dns',
      namespace: 'kube-system',
      labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
      annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
    },
    spec: {
      clusterIP: '10.96.0.10',
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
      selector: { 'k8s-app': 'kube-dns' },
      type: 'ClusterIP',
    },
  };
}

/** A stand-in for the md5 of a static pod's manifest: 32 hex digits, the same for the same pod. */
function manifestHash(component: string, node: string): string {
  let out = '';
  for (let round = 0; round < 4; round++) {
    let h = 0x811c9dc5 ^ round;
    for (const ch of `${component}/${node}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out;
}

const cpToleration = [{ effect: 'NoExecute', operator: 'Exists' }];

function staticPod(component: string, node: string, image: string, cpu: string, command: string[], hostIP: string): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${component}-${node}`,
      namespace: 'kube-system',
      labels: { component, tier: 'control-plane' },
      annotations: {
        // The kubelet names a static pod by its manifest's hash; the mirror pod carries it.
        'kubernetes.io/config.hash': manifestHash(component, node),
        'kubernetes.io/config.mirror': manifestHash(component, node),
        'kubernetes.io/config.source': 'file',
        ...(component === 'kube-apiserver' ? { 'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': `${hostIP}:6443` } : {}),
        ...(component === 'etcd' ? { 'kubeadm.kubernetes.io/etcd.advertise-client-urls': `https://${hostIP}:2379` } : {}),
      },
    },
    spec: {
      nodeName: node,
      hostNetwork: true,
      priorityClassName: 'system-node-critical',
      priority: 2000001000,
      tolerations: cpToleration,
      containers: [{ name: component, image, command, resources: { requests: { cpu } } }],
    },
  };
}

export function controlPlanePods(node: string, hostIP: string): KObject[] {
  return [
    staticPod('etcd', node, 'registry.k8s.io/etcd:3.5.16-0', '100m', ['etcd', `--advertise-client-urls=https://${hostIP}:2379`, '--data-dir=/var/lib/etcd'], hostIP),
    staticPod('kube-apiserver', node, `registry.k8s.io/kube-apiserver:${KUBERNETES_VERSION}`, '250m', ['kube-apiserver', `--advertise-address=${hostIP}`, '--service-cluster-ip-range=10.96.0.0/12'], hostIP),
    staticPod('kube-controller-manager', node, `registry.k8s.io/kube-controller-manager:${KUBERNETES_VERSION}`, '200m', ['kube-controller-manager', '--cluster-cidr=10.244.0.0/16', '--node-monitor-grace-period=50s'], hostIP),
    staticPod('kube-scheduler', node, `registry.k8s.io/kube-scheduler:${KUBERNETES_VERSION}`, '100m', ['kube-scheduler', '--leader-elect=true'], hostIP),
  ];
}

/** A ServiceAccount, as the add-ons' manifests declare their own. */
export function serviceAccount(name: string, namespace: string): KObject {
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace } };
}

/** kube-proxy runs on every node, from a DaemonSet (as kubeadm installs it). */
export function kubeProxyDaemonSet(): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'kube-proxy', namespace: 'kube-system', labels: { 'k8s-app': 'kube-proxy' } },
    spec: {
      selector: { matchLabels: { 'k8s-app': 'kube-proxy' } },
      template: {
        metadata: { labels: { 'k8s-app': 'kube-proxy' } },
        spec: {
          hostNetwork: true,
          priorityClassName: 'system-node-critical',
          serviceAccountName: 'kube-proxy',
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          tolerations: [{ operator: 'Exists' }],
          containers: [{ name: 'kube-proxy', image: `registry.k8s.io/kube-proxy:${KUBERNETES_VERSION}`, command: ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf', '--hostname-override=$(NODE_NAME)'], env: [{ name: 'NODE_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } }], securityContext: { privileged: true } }],
        },
      },
    },
  };
}

export function coreDnsDeployment(): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'coredns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { 'k8s-app': 'kube-dns' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 1 } },
      template: {
        metadata: { labels: { 'k8s-app': 'kube-dns' } },
        spec: {
          priorityClassName: 'system-cluster-critical',
          serviceAccountName: 'coredns',
          tolerations: [
            { key: 'CriticalAddonsOnly', operator: 'Exists' },
            { effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' },
          ],
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          containers: [
            {
              name: 'coredns',
              image: 'registry.k8s.io/coredns/coredns:v1.11.3',
              args: ['-conf', '/etc/coredns/Corefile'],
              ports: [
                { containerPort: 53, name: 'dns', protocol: 'UDP' },
                { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
                { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
              ],
              resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
              readinessProbe: { httpGet: { path: '/ready', port: 8181, scheme: 'HTTP' } },
            },
          ],
        },
      },
    },
  };
}

/** The metrics-server add-on (kubernetes-sigs/metrics-server components.yaml, v0.7). */
export function metricsServerDeployment(): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'metrics-server', namespace: 'kube-system', labels: { 'k8s-app': 'metrics-server' } },
    spec: {
      replicas: 1,
      selector: { matchLabels: { 'k8s-app': 'metrics-server' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0 } },
      template: {
        metadata: { labels: { 'k8s-app': 'metrics-server' } },
        spec: {
          priorityClassName: 'system-cluster-critical',
          serviceAccountName: 'metrics-server',
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          containers: [
            {
              name: 'metrics-server',
              image: 'registry.k8s.io/metrics-server/metrics-server:v0.7.2',
              args: ['--cert-dir=/tmp', '--secure-port=10250', '--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname', '--kubelet-use-node-status-port', '--metric-resolution=15s'],
              ports: [{ containerPort: 10250, name: 'https', protocol: 'TCP' }],
              resources: { requests: { cpu: '100m', memory: '200Mi' } },
            },
          ],
        },
      },
    },
  };
}
