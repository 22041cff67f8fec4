/**
 * Images the simulated registry does not know. A real cluster pulls any image that exists, so
 * one that looks real — a registry host (`us-central1-docker.pkg.dev/…`, `gcr.io/…`,
 * `localhost:5000/…`) or a Docker Hub `org/name` with a tag (`myteam/api:1.4`) — runs here as a
 * generic stand-in process listening on the container's declared ports. A name one or two
 * keystrokes from a known official image (`ngnix`, `busybx`, `redsi`) is almost surely a typo:
 * it fails as Docker Hub does for a repository that does not exist.
 */
import type { ImageVerdict } from './images';
import type { ParsedImage } from '../util/imageref';
import { bound, immutable } from '../sim/forkable';
import { persistentTable } from '../sim/persistable';

/** Why an image that is not in the known list runs anyway. */
export type GenericWhy = 'registryHost' | 'orgWithTag';

/**
 * Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions): `redsi`
 * is one edit from `redis`, `ngnix` one from `nginx`.
 */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** Names shorter than this are too short to call a typo (`ngx` is as far from nginx as from anything). */
const MIN_TYPO_LENGTH = 4;
const MAX_TYPO_DISTANCE = 2;

/**
 * The known official image a Docker Hub library name most likely meant, if it is within two
 * edits of one (closest first, then alphabetical, so the answer is stable).
 */
export function likelyTypoOf(p: ParsedImage, knownLibraryNames: readonly string[]): string | undefined {
  if (p.registry !== 'docker.io' || !p.repository.startsWith('library/')) return undefined;
  const name = p.repository.slice('library/'.length);
  if (name.length < MIN_TYPO_LENGTH) return undefined;
  let best: { name: string; distance: number } | undefined;
  for (const known of knownLibraryNames) {
    if (known === name) return undefined;
    const distance = editDistance(name, known);
    if (distance > MAX_TYPO_DISTANCE || distance >= known.length) continue;
    if (!best || distance < best.distance || (distance === best.distance && known < best.name)) best = { name: known, distance };
  }
  return best?.name;
}

/**
 * Whether an unknown image looks like one a real registry would serve: it names a registry
 * host, or it is a Docker Hub `org/name` pinned to a tag or digest. A bare `org/name` (which
 * means `:latest`) or a bare library name is not enough to tell it from a mistake.
 */
export function genericWhy(p: ParsedImage, image: string): GenericWhy | undefined {
  if (p.registry !== 'docker.io') return 'registryHost';
  if (p.repository.startsWith('library/')) return undefined;
  const slash = image.lastIndexOf('/');
  const tagged = image.indexOf(':', slash + 1) >= 0 || image.includes('@');
  return tagged ? 'orgWithTag' : undefined;
}

/** The kubelet's reason for a pull's verdict (known images need none: the events say it all). */
export function imageReason(
  verdict: ImageVerdict,
  container: { ports?: { containerPort?: number }[] },
  p: ParsedImage,
): { key: ImageReasonKey; params: Record<string, string> } | undefined {
  const ports = (container.ports ?? []).map((x) => x.containerPort).filter((n) => n !== undefined).join(', ') || '—';
  switch (verdict.kind) {
    case 'known':
      return undefined;
    case 'generic':
      return verdict.why === 'registryHost'
        ? { key: 'kubelet.genericImageRegistry', params: { registry: p.registry, ports } }
        : { key: 'kubelet.genericImageTagged', params: { ports } };
    case 'typo':
      return { key: 'kubelet.imageTypo', params: { suggestion: verdict.suggestion } };
    case 'unknownTag':
      return { key: 'kubelet.imageUnknownTag', params: { repository: verdict.repository, tag: p.tag, tags: verdict.tags } };
    case 'unknownRepository':
      return { key: 'kubelet.imageUnknownRepository', params: {} };
  }
}

export type ImageReasonKey = 'kubelet.genericImageRegistry' | 'kubelet.genericImageTagged' | 'kubelet.imageTypo' | 'kubelet.imageUnknownTag' | 'kubelet.imageUnknownRepository';

/** What a generic stand-in answers over HTTP: a small JSON document naming itself. */
export function genericHttpBody(image: string, podName: string, path: string): string {
  return `${JSON.stringify({ status: 'ok', image, hostname: podName, path })}\n`;
}

/**
 * What a generic stand-in prints when it starts: structured JSON lines, as most services built
 * for Kubernetes log (the microservices demo's Go and Node services do), naming its ports.
 */
export function genericBanner(image: string, ports: number[]): (startedAt: number, podName: string) => string[] {
  // A bound call of plain data, not a closure: copies of the cluster, and checkpoints kept as data, rebuild it.
  return bound(banners, banners.generic, immutable(parseImageForBanner(image)), immutable([...ports]));
}

function generic(p: { name: string; tag: string }, ports: number[], t: number, pod: string): string[] {
  const ts = new Date(t).toISOString();
  return [
    JSON.stringify({ level: 'info', ts, msg: 'starting service', service: p.name, version: p.tag, hostname: pod }),
    ...ports.map((port) => JSON.stringify({ level: 'info', ts, msg: 'listening', addr: `:${port}` })),
    JSON.stringify({ level: 'info', ts, msg: 'ready to serve requests' }),
  ];
}

const banners = persistentTable('genericImages.banners', { generic });

function parseImageForBanner(image: string): { name: string; tag: string } {
  const slash = image.lastIndexOf('/');
  const last = image.slice(slash + 1).split('@')[0];
  const [name, tag] = last.split(':');
  return { name, tag: tag ?? 'latest' };
}
