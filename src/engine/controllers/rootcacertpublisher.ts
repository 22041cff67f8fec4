/**
 * Root CA certificate publisher (pkg/controller/certificates/rootcacertpublisher): every
 * namespace gets a `kube-root-ca.crt` ConfigMap holding the cluster CA, and gets it back if it
 * is deleted — which is why `kubectl get configmaps` is never empty in a fresh namespace.
 */
import type { KObject } from '../api/types';
import { Rng } from '../sim/rng';
import { WorkQueue, reportSyncError, type ControllerContext } from '../client/context';
import type { WatchEventType } from '../api/store';
import { bound } from '../sim/forkable';

const COMPONENT = 'root-ca-cert-publisher';
import { ROOT_CA_CONFIGMAP } from '../api/admission';
export { ROOT_CA_CONFIGMAP };
const DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.';

/** A stand-in CA in PEM form; its own RNG so publishing it does not shift the cluster's draws. */
function fakeCaPem(): string {
  const rng = new Rng(0xca);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let body = 'MIIDBTCCAe2gAwIBAgIIY';
  while (body.length < 1044) body += alphabet[rng.int(64)];
  body += '==';
  const lines = body.match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

export class RootCaCertPublisher {
  readonly queue: WorkQueue;
  private pem = fakeCaPem();

  constructor(private ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, COMPONENT, 20, bound(this, this.sync), reportSyncError(ctx, COMPONENT, 'namespaces'));
    const store = ctx.api.store;
    store.watch('namespaces', bound(this, this.onNamespace));
    store.watch('configmaps', bound(this, this.onConfigMap));
    // The namespaces made before the controller manager started.
    for (const ns of store.list('namespaces')) this.queue.add(ns.metadata.name!);
  }

  private onNamespace(type: WatchEventType, ns: KObject): void {
    if (type !== 'DELETED' && !ns.metadata.deletionTimestamp) this.queue.add(ns.metadata.name!);
  }

  private onConfigMap(type: WatchEventType, cm: KObject): void {
    if (type === 'DELETED' && cm.metadata.name === ROOT_CA_CONFIGMAP) this.queue.add(cm.metadata.namespace!);
  }

  private sync(ns: string): void {
    const { api } = this.ctx;
    const namespace = api.store.get('namespaces', undefined, ns);
    if (!namespace || namespace.metadata.deletionTimestamp) return;
    if (api.store.get('configmaps', ns, ROOT_CA_CONFIGMAP)) return;
    const cm: KObject = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: ROOT_CA_CONFIGMAP, namespace: ns, annotations: { 'kubernetes.io/description': DESCRIPTION } },
      data: { 'ca.crt': this.pem },
    };
    try {
      api.create(cm, COMPONENT);
    } catch {
      // A quota on configmaps may refuse it, as on a real cluster; nothing else to do.
    }
  }
}
