/**
 * A simulated container registry (docker.io) with the images learners use most, their tags and
 * compressed sizes. Pull time follows size. An unknown tag of a known repository, a likely typo of
 * a known name and a bare unknown name fail as a real pull does (the kubelet turns that into
 * ErrImagePull and then ImagePullBackOff); other real-looking images run as generic stand-ins.
 */
import { parseImage, imageRef } from '../util/imageref';
import { genericWhy, likelyTypoOf, type GenericWhy } from './genericImages';

export interface ImageInfo {
  /** Fully qualified reference, as containerd reports it: docker.io/library/nginx:1.27 */
  ref: string;
  repository: string;
  tag: string;
  sizeBytes: number;
  digest: string;
}

interface Repo {
  tags: string[];
  sizeMb: number;
}

// Sizes are compressed layer totals for linux/amd64, rounded.
const LIBRARY: Record<string, Repo> = {
  nginx: { tags: ['latest', '1.27', '1.27.3', '1.26', '1.25', '1.24', '1.23', '1.21', '1.19', '1.16', '1.14.2', '1.14', 'alpine', 'stable', 'mainline', '1.27-alpine'], sizeMb: 72 },
  httpd: { tags: ['latest', '2.4', '2.4.62', 'alpine', '2.4-alpine'], sizeMb: 58 },
  redis: { tags: ['latest', '7', '7.4', '7.2', '6', '6.2', 'alpine', '7-alpine'], sizeMb: 45 },
  postgres: { tags: ['latest', '17', '16', '15', '14', '13', 'alpine', '16-alpine'], sizeMb: 158 },
  mysql: { tags: ['latest', '9', '8.4', '8.0', '8', '5.7', '5.6'], sizeMb: 172 },
  mariadb: { tags: ['latest', '11', '10.11', '10'], sizeMb: 120 },
  mongo: { tags: ['latest', '8', '7', '6', '5'], sizeMb: 290 },
  busybox: { tags: ['latest', '1.36', '1.36.1', '1.35', '1.28', 'stable', 'glibc', 'musl'], sizeMb: 2 },
  alpine: { tags: ['latest', '3.21', '3.20', '3.19', '3.18', '3', 'edge'], sizeMb: 4 },
  ubuntu: { tags: ['latest', '24.04', '22.04', '20.04', 'noble', 'jammy', 'focal'], sizeMb: 29 },
  debian: { tags: ['latest', '12', '12-slim', 'bookworm', 'bookworm-slim', '11', 'bullseye'], sizeMb: 49 },
  node: { tags: ['latest', '22', '20', '18', 'lts', 'alpine', '22-alpine', '20-alpine', '18-alpine'], sizeMb: 390 },
  python: { tags: ['latest', '3', '3.13', '3.12', '3.11', '3.10', 'alpine', '3.12-slim', '3.12-alpine', 'slim'], sizeMb: 360 },
  golang: { tags: ['latest', '1.23', '1.22', 'alpine'], sizeMb: 300 },
  openjdk: { tags: ['latest', '21', '17', '11'], sizeMb: 320 },
  wordpress: { tags: ['latest', '6', '6.7', '6.2.1-apache', '4.8-apache', 'php8.3-apache'], sizeMb: 250 },
  memcached: { tags: ['latest', '1.6', 'alpine'], sizeMb: 32 },
  rabbitmq: { tags: ['latest', '4', '3', '3-management', 'management'], sizeMb: 110 },
  traefik: { tags: ['latest', 'v3.2', 'v3', 'v2.11'], sizeMb: 50 },
  perl: { tags: ['latest', '5.34.0', '5.40', 'slim'], sizeMb: 330 },
  centos: { tags: ['latest', '7', '8'], sizeMb: 72 },
  fedora: { tags: ['latest', '41', '40'], sizeMb: 60 },
  cassandra: { tags: ['latest', '5', '4.1', '4', '3.11'], sizeMb: 140 },
  zookeeper: { tags: ['latest', '3.9', '3.8'], sizeMb: 120 },
  elasticsearch: { tags: ['8.15.3', '8.16.1', '7.17.25'], sizeMb: 620 },
  tomcat: { tags: ['latest', '11', '10', '9'], sizeMb: 200 },
  haproxy: { tags: ['latest', '3.0', '2.8', 'alpine'], sizeMb: 45 },
  caddy: { tags: ['latest', '2', 'alpine'], sizeMb: 18 },
  hello_world: { tags: ['latest'], sizeMb: 0.01 },
};

// Images outside docker.io/library that the Kubernetes docs and this cluster use.
const OTHER: Record<string, Repo> = {
  'registry.k8s.io/pause': { tags: ['3.10', '3.9'], sizeMb: 0.3 },
  'registry.k8s.io/etcd': { tags: ['3.5.16-0', '3.5.15-0'], sizeMb: 57 },
  'registry.k8s.io/kube-apiserver': { tags: ['v1.32.0'], sizeMb: 28 },
  'registry.k8s.io/kube-controller-manager': { tags: ['v1.32.0'], sizeMb: 26 },
  'registry.k8s.io/kube-scheduler': { tags: ['v1.32.0'], sizeMb: 20 },
  'registry.k8s.io/kube-proxy': { tags: ['v1.32.0'], sizeMb: 31 },
  'registry.k8s.io/coredns/coredns': { tags: ['v1.11.3', 'v1.11.1'], sizeMb: 18 },
  'registry.k8s.io/metrics-server/metrics-server': { tags: ['v0.7.2', 'v0.7.1'], sizeMb: 19 },
  'registry.k8s.io/busybox': { tags: ['latest', '1.27.2'], sizeMb: 1.1 },
  'registry.k8s.io/nginx-slim': { tags: ['0.27', '0.26', '0.8'], sizeMb: 40 },
  'registry.k8s.io/hpa-example': { tags: ['latest'], sizeMb: 170 },
  'registry.k8s.io/liveness': { tags: ['latest'], sizeMb: 2 },
  'registry.k8s.io/goproxy': { tags: ['0.1'], sizeMb: 2 },
  'registry.k8s.io/e2e-test-images/agnhost': { tags: ['2.39', '2.40', '2.45', '2.52'], sizeMb: 50 },
  'registry.k8s.io/ingress-nginx/controller': { tags: ['v1.12.0', 'v1.11.3'], sizeMb: 105 },
  'gcr.io/google-samples/gb-frontend': { tags: ['v5', 'v4'], sizeMb: 140 },
  'gcr.io/google-samples/hello-app': { tags: ['1.0', '2.0'], sizeMb: 11 },
  'gcr.io/google_samples/gb-redis-follower': { tags: ['v2'], sizeMb: 40 },
  'docker.io/redis': { tags: ['6.0.5'], sizeMb: 38 },
  'gcr.io/google_containers/busybox': { tags: ['latest', '1.24'], sizeMb: 1 },
  'polinux/stress': { tags: ['latest', '1.0.4'], sizeMb: 4 },
  'vish/stress': { tags: ['latest'], sizeMb: 2 },
  'alexeiled/stress-ng': { tags: ['latest'], sizeMb: 9 },
  'fluent/fluentd-kubernetes-daemonset': { tags: ['v1-debian-elasticsearch', 'v1'], sizeMb: 200 },
  'quay.io/fluentd_elasticsearch/fluentd': { tags: ['v2.5.2', 'v5.0.1'], sizeMb: 140 },
  'gcr.io/kubernetes-e2e-test-images/volume/nfs': { tags: ['1.0'], sizeMb: 90 },
};

function hash(text: string): string {
  // Deterministic pseudo-digest from the reference (FNV-1a, widened to 64 hex digits).
  let out = '';
  let h = 0x811c9dc5;
  for (let round = 0; round < 8; round++) {
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i) + round;
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    out += h.toString(16).padStart(8, '0');
  }
  return out;
}

/**
 * Which case an image falls in, recorded as the kubelet's reason so the UI can say why a pull
 * worked or failed: a known image; a generic stand-in (see ./genericImages); a likely typo of a
 * known name; a tag the known repository does not have; an unknown repository.
 */
export type ImageVerdict =
  | { kind: 'known' }
  | { kind: 'generic'; why: GenericWhy }
  | { kind: 'typo'; suggestion: string }
  | { kind: 'unknownTag'; repository: string; tags: string }
  | { kind: 'unknownRepository' };

export type PullResult = { ok: true; image: ImageInfo; verdict: ImageVerdict } | { ok: false; error: string; verdict: ImageVerdict };

const LIBRARY_NAMES = Object.keys(LIBRARY).map((n) => n.replace(/_/g, '-'));

/** Looks an image up in the simulated registry. */
export function resolveImage(image: string): PullResult {
  const p = parseImage(image);
  const ref = imageRef(p);
  let repo: Repo | undefined;
  if (p.registry === 'docker.io' && p.repository.startsWith('library/')) repo = LIBRARY[p.repository.slice('library/'.length).replace(/-/g, '_')];
  repo ??= OTHER[`${p.registry}/${p.repository}`] ?? OTHER[p.repository];
  // containerd's words for a Docker Hub repository that does not exist (or is private).
  const denied = `failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`;
  if (!repo) {
    const suggestion = likelyTypoOf(p, LIBRARY_NAMES);
    if (suggestion) return { ok: false, error: denied, verdict: { kind: 'typo', suggestion } };
    const why = genericWhy(p, image);
    if (!why) return { ok: false, error: denied, verdict: { kind: 'unknownRepository' } };
    // A stand-in: a plausible size (20–120 MB) and digest derived from the reference.
    const sizeBytes = 20_000_000 + (parseInt(hash(ref).slice(0, 8), 16) % 100_000_000);
    return { ok: true, image: { ref, repository: `${p.registry}/${p.repository}`, tag: p.tag, sizeBytes, digest: `sha256:${hash(ref)}` }, verdict: { kind: 'generic', why } };
  }
  if (!p.digest && !repo.tags.includes(p.tag)) {
    return {
      ok: false,
      error: `failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${ref}: not found`,
      verdict: { kind: 'unknownTag', repository: `${p.registry}/${p.repository}`, tags: repo.tags.slice(0, 6).join(', ') },
    };
  }
  const sizeBytes = Math.round(repo.sizeMb * 1_000_000 + (parseInt(hash(ref).slice(0, 5), 16) % 1_000_000));
  return { ok: true, image: { ref, repository: `${p.registry}/${p.repository}`, tag: p.tag, sizeBytes, digest: `sha256:${hash(ref)}` }, verdict: { kind: 'known' } };
}

