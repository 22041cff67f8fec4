/**
 * HTTP inside the cluster, for `wget` and `curl` run in a pod: the name is resolved as CoreDNS
 * would, a Service's ClusterIP (or a NodePort, a load balancer's IP, the ingress controller's
 * address) is turned into one ready endpoint the way kube-proxy would, and the simulated server
 * in that pod answers — nginx its welcome page, hello-app its hostname, and so on. kube-proxy's
 * default iptables mode picks an endpoint at random for each connection, so repeating a request
 * shows the load being spread (unevenly over a few calls, evenly over many).
 */
import type { KObject } from '../api/types';
import type { ObjectStore } from '../api/store';
import type { ContainerProgram } from '../kubelet/runtime';
import { INGRESS_ADDRESS, routeIngress } from './ingress';
import { resolveImage } from '../kubelet/images';
import { genericHttpBody } from '../kubelet/genericImages';
import { KUBE_DNS_ADDRESS, NetworkPolicyEvaluator, dnsVerdict, peerOfPod, type Peer, type PolicyVerdict } from './networkPolicy';

export interface HttpDeps {
  store: ObjectStore;
  /**
   * kube-proxy's choice among ready endpoints (iptables mode: at random for each new
   * connection): an Rng the cluster holds, so a copy of the cluster continues the same sequence.
   */
  endpointChoice: { int(maxExclusive: number): number };
  /** The running containers of a pod, if its node is up. */
  containers(namespace: string, pod: string): { program: ContainerProgram; spec: { ports?: { containerPort: number; name?: string }[] } }[] | undefined;
}

/** `denied`: a NetworkPolicy dropped the packets (the client sees a timeout, or a name that does not resolve). */
export type HttpResult = { status: number; body: string; address: string } | { error: 'bad address' | 'refused' | 'timeout' | 'reset'; address?: string; denied?: { verdict: PolicyVerdict; from: Peer; to: Peer; port: number; protocol: 'TCP' | 'UDP' } };

/**
 * The ingress controller as a peer of NetworkPolicy: ingress-nginx's pod, in its own namespace
 * with its usual labels, so the policies people write for it (a namespaceSelector on
 * kubernetes.io/metadata.name: ingress-nginx) admit its requests.
 */
export const INGRESS_CONTROLLER_PEER: Peer = {
  ip: INGRESS_ADDRESS,
  namespace: 'ingress-nginx',
  name: 'ingress-nginx-controller',
  labels: { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/component': 'controller' },
};

function ready(p: KObject): boolean {
  return p.status?.phase === 'Running' && (p.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True');
}

/** host, port (80 by default) and path of an http URL, as wget and curl take it. */
export function parseHttpUrl(url: string): { host: string; port: number; path: string } | undefined {
  const m = /^(?:http:\/\/)?([^/:]+)(?::(\d+))?(\/.*)?$/.exec(url);
  return m ? { host: m[1], port: m[2] ? Number(m[2]) : 80, path: m[3] ?? '/' } : undefined;
}

/** The Service a name means from a pod in `ns` (short, ns-qualified or fully qualified). */
export function serviceByName(store: ObjectStore, ns: string, host: string): KObject | undefined {
  const parts = host.replace(/\.$/, '').split('.');
  if (parts.length === 1) return store.get('services', ns, parts[0]);
  if (parts.length === 2 || (parts.length === 3 && parts[2] === 'svc') || (parts.length === 5 && parts.slice(2).join('.') === 'svc.cluster.local')) return store.get('services', parts[1], parts[0]);
  return undefined;
}

function pickEndpoint(deps: HttpDeps, svc: KObject, port: number): { pod: KObject; port: number } | undefined {
  const sp = ((svc.spec?.ports as { port: number; nodePort?: number; targetPort?: number | string; name?: string }[]) ?? []).find((p) => p.port === port || p.nodePort === port) ?? (svc.spec?.ports?.length === 1 ? svc.spec.ports[0] : undefined);
  if (!sp) return undefined;
  const pods = deps.store
    .list('pods', svc.metadata.namespace)
    .filter((p) => !p.metadata.deletionTimestamp && ready(p) && Object.entries(svc.spec?.selector ?? {}).every(([k, v]) => p.metadata.labels?.[k] === v))
    .sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1));
  if (!pods.length) return undefined;
  const pod = pods[deps.endpointChoice.int(pods.length)];
  let target = sp.targetPort ?? sp.port;
  if (typeof target === 'string') {
    const named = (pod.spec?.containers ?? []).flatMap((c: { ports?: { name?: string; containerPort: number }[] }) => c.ports ?? []).find((p: { name?: string }) => p.name === target);
    target = named?.containerPort ?? Number(target);
  }
  return { pod, port: Number(target) };
}

/** A connection NetworkPolicy drops: packets vanish, so the client waits until it gives up. */
function dropped(ev: NetworkPolicyEvaluator, from: Peer, to: Peer, port: number, address: string): HttpResult | undefined {
  const verdict = ev.evaluate(from, to, port, 'TCP');
  return verdict.allowed ? undefined : { error: 'timeout', address, denied: { verdict, from, to, port, protocol: 'TCP' } };
}

/** What the simulated server in a pod answers on `port` for `path`. */
function serve(deps: HttpDeps, pod: KObject, port: number, path: string): HttpResult {
  const address = `${pod.status?.podIP}:${port}`;
  const containers = deps.containers(pod.metadata.namespace!, pod.metadata.name!);
  if (!containers) return { error: 'timeout', address };
  const c = containers.find((x) => x.program.listens.includes(port));
  if (!c) return { error: 'refused', address };
  const image = c.program.image;
  const tag = String((c.spec as { image?: string }).image ?? '').split(':')[1] ?? 'latest';
  switch (image) {
    case 'nginx':
    case 'nginx-slim':
      return path === '/' || path === '/index.html' ? { status: 200, body: NGINX_WELCOME, address } : { status: 404, body: nginxError(404, 'Not Found'), address };
    case 'httpd':
      return path === '/' || path === '/index.html' ? { status: 200, body: '<html><body><h1>It works!</h1></body></html>\n', address } : { status: 404, body: '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n', address };
    case 'hello-app':
      return { status: 200, body: `Hello, world!\nVersion: ${tag === '2.0' ? '2.0.0' : '1.0.0'}\nHostname: ${pod.metadata.name}\n`, address };
    case 'agnhost':
      // agnhost netexec answers with the pod's name (what tutorials use it for).
      return { status: 200, body: pod.metadata.name!, address };
    case 'liveness':
      return { status: 200, body: 'ok', address };
    default:
      // A generic stand-in for an image the simulator does not know answers any path (kubelet/genericImages).
      if (resolveImage(String((c.spec as { image?: string }).image ?? '')).verdict.kind === 'generic') return { status: 200, body: genericHttpBody(String((c.spec as { image?: string }).image), pod.metadata.name!, path), address };
      return { error: 'reset', address };
  }
}

export function httpRequest(deps: HttpDeps, from: KObject, url: string, hostHeader?: string): HttpResult {
  const parsed = parseHttpUrl(url);
  if (!parsed) return { error: 'bad address' };
  const { host, port, path } = parsed;
  const { store } = deps;
  const isIP = /^\d+\.\d+\.\d+\.\d+$/.test(host);
  const policy = new NetworkPolicyEvaluator(store);
  const client = peerOfPod(from);
  // A pod whose egress may not reach CoreDNS resolves no name: the lookup times out.
  if (!isIP && !policy.empty) {
    const dns = dnsVerdict(policy, store, client);
    if (!dns.allowed) return { error: 'bad address', denied: { verdict: dns, from: client, to: { ip: KUBE_DNS_ADDRESS }, port: 53, protocol: 'UDP' } };
  }
  /** The connection to a chosen endpoint, as the policies see it after kube-proxy's DNAT. */
  const deliver = (source: Peer, pod: KObject, podPort: number, connectedTo: string) => dropped(policy, source, peerOfPod(pod), podPort, connectedTo) ?? serve(deps, pod, podPort, path);
  // The ingress controller (its LoadBalancer address) routes by the Host header and path.
  if (host === INGRESS_ADDRESS) {
    const toController = dropped(policy, client, INGRESS_CONTROLLER_PEER, port, `${host}:${port}`);
    if (toController) return toController;
    const route = routeIngress(store, hostHeader ?? host, path);
    if ('error' in route) return { status: route.error.startsWith('404') ? 404 : 503, body: nginxError(route.error.startsWith('404') ? 404 : 503, route.error.startsWith('404') ? 'Not Found' : 'Service Temporarily Unavailable'), address: `${host}:${port}` };
    const svc = store.get('services', route.namespace, route.service);
    const portNumber = typeof route.port?.number === 'number' ? route.port.number : (svc?.spec?.ports?.find((p: { name?: string }) => p.name === route.port?.name)?.port ?? 80);
    const ep = svc && pickEndpoint(deps, svc, portNumber);
    if (!ep) return { status: 503, body: nginxError(503, 'Service Temporarily Unavailable'), address: `${host}:${port}` };
    // nginx gives up on an upstream it cannot connect to with a 504 after proxy_connect_timeout.
    if (dropped(policy, INGRESS_CONTROLLER_PEER, peerOfPod(ep.pod), ep.port, '')) return { status: 504, body: nginxError(504, 'Gateway Time-out'), address: `${host}:${port}` };
    return serve(deps, ep.pod, ep.port, path);
  }
  let svc: KObject | undefined;
  if (isIP) {
    svc = store.list('services').find((s) => s.spec?.clusterIP === host || (s.status?.loadBalancer?.ingress ?? []).some((i: { ip?: string }) => i.ip === host));
    if (!svc) {
      // A node's address with a NodePort, or a pod's own IP.
      const node = store.list('nodes').find((n) => (n.status?.addresses ?? []).some((a: { address: string }) => a.address === host));
      if (node) svc = store.list('services').find((s) => (s.spec?.ports ?? []).some((p: { nodePort?: number }) => p.nodePort === port));
      if (!svc) {
        const pod = store.list('pods').find((p) => p.status?.podIP === host && !p.metadata.deletionTimestamp);
        if (pod) return deliver(client, pod, port, `${host}:${port}`);
        return node ? { error: 'refused', address: `${host}:${port}` } : { error: 'timeout', address: `${host}:${port}` };
      }
    }
  } else svc = serviceByName(store, from.metadata.namespace!, host);
  if (!svc) return { error: 'bad address' };
  const address = `${isIP ? host : svc.spec?.clusterIP}:${port}`;
  const ep = pickEndpoint(deps, svc, port);
  if (!ep) return { error: 'refused', address };
  return deliver(client, ep.pod, ep.port, address);
}

function nginxError(code: number, text: string): string {
  return `<html>\n<head><title>${code} ${text}</title></head>\n<body>\n<center><h1>${code} ${text}</h1></center>\n<hr><center>nginx</center>\n</body>\n</html>\n`;
}

const NGINX_WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>
<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;
