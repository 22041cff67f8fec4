/**
 * Which endpoint a URL path names, as the API server's mux reads it: the discovery documents,
 * `/version` and the health checks, and resource paths —
 * `/api/v1[/namespaces/{ns}]/{resource}[/{name}[/{subresource}]]` and the same under
 * `/apis/{group}/{version}`.
 */
export type Endpoint =
  | { kind: 'version' | 'health' | 'api' | 'apis' | 'openapiV3Index' | 'openapiV2' }
  | { kind: 'openapiV3'; groupVersion: string }
  | { kind: 'group'; group: string }
  | { kind: 'resourceList'; group: string; version: string }
  | { kind: 'resource'; group: string; version: string; namespace?: string; resource: string; name?: string; subresource?: string }
  | { kind: 'unknown' };

export function parsePath(path: string): Endpoint {
  const clean = path.replace(/\/+$/, '') || '/';
  if (clean === '/version') return { kind: 'version' };
  if (/^\/(healthz|readyz|livez)(\/.*)?$/.test(clean)) return { kind: 'health' };
  if (clean === '/api') return { kind: 'api' };
  if (clean === '/apis') return { kind: 'apis' };
  if (clean === '/openapi/v3') return { kind: 'openapiV3Index' };
  if (clean === '/openapi/v2') return { kind: 'openapiV2' };
  if (clean.startsWith('/openapi/v3/')) return { kind: 'openapiV3', groupVersion: clean.slice('/openapi/v3/'.length) };
  const parts = clean.split('/').slice(1).map(safeDecode);
  if (parts.some((p) => p === undefined)) return { kind: 'unknown' };
  let group: string;
  let version: string;
  let rest: string[];
  if (parts[0] === 'api') {
    if (parts.length < 2) return { kind: 'unknown' };
    group = '';
    version = parts[1]!;
    rest = parts.slice(2) as string[];
  } else if (parts[0] === 'apis') {
    if (parts.length === 2) return { kind: 'group', group: parts[1]! };
    if (parts.length < 3) return { kind: 'unknown' };
    group = parts[1]!;
    version = parts[2]!;
    rest = parts.slice(3) as string[];
  } else return { kind: 'unknown' };
  if (rest.length === 0) return { kind: 'resourceList', group, version };
  let namespace: string | undefined;
  // `namespaces/{ns}/{resource}…` is a namespaced path; `namespaces/{name}[/status|finalize]` is
  // the Namespace object itself.
  if (rest[0] === 'namespaces' && rest.length >= 3 && !(rest.length === 3 && (rest[2] === 'status' || rest[2] === 'finalize'))) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  if (rest.length > 3) return { kind: 'unknown' };
  const e: Endpoint = { kind: 'resource', group, version, resource: rest[0]! };
  if (namespace !== undefined) e.namespace = namespace;
  if (rest[1] !== undefined) e.name = rest[1];
  if (rest[2] !== undefined) e.subresource = rest[2];
  return e;
}

function safeDecode(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}
