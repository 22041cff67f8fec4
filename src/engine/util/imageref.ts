/** Container image references as containerd normalises them (distribution/reference). */
export type ParsedImage = { registry: string; repository: string; tag: string; digest?: string };

/** Splits `nginx`, `nginx:1.27`, `registry.k8s.io/pause:3.10`, `x@sha256:…` the way containerd normalises them. */
export function parseImage(image: string): ParsedImage {
  let rest = image.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  const slash = rest.lastIndexOf('/');
  const colon = rest.indexOf(':', slash + 1);
  let tag = 'latest';
  if (colon >= 0) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const first = rest.split('/')[0];
  let registry = 'docker.io';
  if (rest.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    registry = first;
    rest = rest.slice(first.length + 1);
  }
  if (registry === 'docker.io' && !rest.includes('/')) rest = `library/${rest}`;
  return { registry, repository: rest, tag, digest };
}

export function imageRef(p: ParsedImage): string {
  return `${p.registry}/${p.repository}:${p.tag}`;
}
