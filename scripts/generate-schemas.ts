/**
 * Generates src/engine/openapi/definitions.json from the `kubernetes-types` package, which is
 * itself generated from the official Kubernetes OpenAPI spec (Apache-2.0). Keeps the types
 * reachable from the kinds Wheelhouse serves or will serve, with field types, required
 * fields and descriptions — the input for strict decoding, `kubectl explain` and the
 * editor's JSON schemas.
 *
 *   npm run gen:schemas
 */
import { readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { createRequire } from 'node:module';
import type { FieldDef, TypeDef } from '../src/engine/openapi/types';

const require = createRequire(import.meta.url);
const root = dirname(require.resolve('kubernetes-types/package.json'));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const ROOTS = [
  'core/v1.Pod', 'core/v1.Service', 'core/v1.ConfigMap', 'core/v1.Secret', 'core/v1.Namespace', 'core/v1.Node', 'core/v1.Event',
  'core/v1.PersistentVolume', 'core/v1.PersistentVolumeClaim', 'core/v1.Endpoints', 'core/v1.ReplicationController', 'core/v1.ResourceQuota', 'core/v1.LimitRange', 'core/v1.ServiceAccount',
  'apps/v1.Deployment', 'apps/v1.ReplicaSet', 'apps/v1.DaemonSet', 'apps/v1.StatefulSet',
  'batch/v1.Job', 'batch/v1.CronJob', 'coordination/v1.Lease',
  'networking/v1.Ingress', 'networking/v1.IngressClass', 'storage/v1.StorageClass', 'storage/v1.VolumeAttachment', 'autoscaling/v2.HorizontalPodAutoscaler', 'discovery/v1.EndpointSlice',
  'policy/v1.PodDisruptionBudget', 'policy/v1.Eviction',
  'networking/v1.NetworkPolicy', 'scheduling/v1.PriorityClass',
  'rbac/v1.Role', 'rbac/v1.ClusterRole', 'rbac/v1.RoleBinding', 'rbac/v1.ClusterRoleBinding',
];

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.d.ts') ? [p] : [];
  });
}

function cleanDoc(raw: string): string {
  return raw
    .replace(/^\/\*\*/, '')
    .replace(/\*\/$/, '')
    .split('\n')
    .map((l) => l.replace(/^\s*\* ?/, '').trim())
    .join('\n')
    .trim();
}

interface Module {
  imports: Map<string, string>;
  interfaces: Map<string, { doc: string; body: string }>;
  aliases: Map<string, string>;
}

const modules = new Map<string, Module>();
for (const file of walk(root)) {
  const mod = relative(root, file).replace(/\.d\.ts$/, '');
  const text = readFileSync(file, 'utf8');
  const m: Module = { imports: new Map(), interfaces: new Map(), aliases: new Map() };
  for (const im of text.matchAll(/import \{([^}]+)\} from "([^"]+)";/g)) {
    const target = relative(root, resolve(dirname(file), im[2]));
    for (const name of im[1].split(',').map((s) => s.trim()).filter(Boolean)) m.imports.set(name, target);
  }
  for (const it of text.matchAll(/(\/\*\*[\s\S]*?\*\/)?\s*export interface (\w+) \{([\s\S]*?)\n\}/g)) m.interfaces.set(it[2], { doc: it[1] ? cleanDoc(it[1]) : '', body: it[3] });
  for (const al of text.matchAll(/export type (\w+) = ([^;]+);/g)) m.aliases.set(al[1], al[2].trim());
  modules.set(mod, m);
}

const defs: Record<string, TypeDef> = {};
const key = (mod: string, name: string) => `${mod}.${name}`;

function resolveRef(mod: string, name: string): [string, string] {
  const m = modules.get(mod)!;
  if (m.interfaces.has(name) || m.aliases.has(name)) return [mod, name];
  const target = m.imports.get(name);
  if (target) return resolveRef(target, name);
  throw new Error(`cannot resolve ${name} from ${mod}`);
}

function fieldType(mod: string, t: string): FieldDef {
  t = t.trim();
  if (t.startsWith('Array<') && t.endsWith('>')) return { type: 'array', items: fieldType(mod, t.slice(6, -1)) };
  const map = /^\{\s*\[\w+: string\]: (.+)\s*\}$/.exec(t);
  if (map) return { type: 'map', items: fieldType(mod, map[1]) };
  if (t === 'string') return { type: 'string' };
  if (t === 'number | string' || t === 'string | number') return { type: 'int-or-string' };
  if (t === 'number') return { type: 'integer' };
  if (t === 'boolean') return { type: 'boolean' };
  if (/^"[^"]*"$/.test(t)) return { type: 'string', enum: [t.slice(1, -1)] };
  if (t === 'any' || t === 'object' || t === 'unknown') return { type: 'any' };
  const [m2, name] = resolveRef(mod, t);
  const alias = modules.get(m2)!.aliases.get(name);
  if (alias !== undefined) {
    if (name === 'IntOrString') return { type: 'int-or-string' };
    if (name === 'Quantity') return { type: 'quantity' };
    if (name === 'Time' || name === 'MicroTime') return { type: 'time' };
    return fieldType(m2, alias);
  }
  visit(m2, name);
  return { type: 'object', ref: key(m2, name) };
}

/** Splits an interface body into fields, reading each type up to the `;` at brace depth 0. */
function fieldsOf(body: string): { name: string; optional: boolean; type: string; doc?: string }[] {
  const out: { name: string; optional: boolean; type: string; doc?: string }[] = [];
  let i = 0;
  let doc: string | undefined;
  while (i < body.length) {
    const rest = body.slice(i);
    const ws = /^\s+/.exec(rest);
    if (ws) {
      i += ws[0].length;
      continue;
    }
    if (rest.startsWith('/**')) {
      const end = rest.indexOf('*/');
      doc = rest.slice(0, end + 2);
      i += end + 2;
      continue;
    }
    const head = /^(readonly )?"?([\w$-]+)"?(\?)?: /.exec(rest);
    if (!head) throw new Error(`cannot parse field at: ${rest.slice(0, 80)}`);
    i += head[0].length;
    let depth = 0;
    let j = i;
    for (; j < body.length; j++) {
      const ch = body[j];
      if (ch === '{' || ch === '<' || ch === '(') depth++;
      else if (ch === '}' || ch === '>' || ch === ')') depth--;
      else if (ch === ';' && depth === 0) break;
    }
    out.push({ name: head[2], optional: !!head[3], type: body.slice(i, j).trim(), doc });
    doc = undefined;
    i = j + 1;
  }
  return out;
}

function visit(mod: string, name: string): void {
  const k = key(mod, name);
  if (defs[k]) return;
  const it = modules.get(mod)!.interfaces.get(name);
  if (!it) throw new Error(`no interface ${k}`);
  const def: TypeDef = { description: it.doc, fields: {}, required: [] };
  defs[k] = def;
  if (['RawExtension', 'FieldsV1', 'JSON'].includes(name)) return;
  for (const f of fieldsOf(it.body)) {
    const fd = fieldType(mod, f.type.replace(/\s+/g, ' ').replace(/; \}/, ' }'));
    if (f.doc) fd.description = cleanDoc(f.doc);
    def.fields[f.name] = fd;
    if (!f.optional) def.required.push(f.name);
  }
}

for (const r of ROOTS) {
  const [mod, name] = r.split('.');
  visit(mod, name);
}

// Fields added in v1.31 and v1.32 that the package (v1.30) predates; Wheelhouse targets v1.32.
const V132_ADDITIONS: [string, string, FieldDef][] = [
  ['core/v1.PodSpec', 'resources', { type: 'object', ref: 'core/v1.ResourceRequirements', description: 'Resources is the total amount of CPU and Memory resources required by all containers in the pod. It supports specifying Requests and Limits for "cpu" and "memory" resource names only. ResourceClaims are not supported. This field enables fine-grained control over resource allocation for the entire pod, allowing resource sharing among containers in a pod. This is an alpha field and requires enabling the PodLevelResources feature gate.' }],
  ['core/v1.ContainerStatus', 'stopSignal', { type: 'string', description: 'StopSignal reports the effective stop signal for this container' }],
];
for (const [type, field, def] of V132_ADDITIONS) if (defs[type] && !defs[type].fields[field]) defs[type].fields[field] = def;

const out = resolve('src/engine/openapi/definitions.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify({ source: `kubernetes-types@${pkg.version} (generated from the Kubernetes OpenAPI spec, Apache-2.0)`, roots: ROOTS.map((r) => r.replace('/', '.')), definitions: defs }));
console.log(`wrote ${Object.keys(defs).length} definitions to ${out}`);
