/**
 * Protobuf request bodies (`application/vnd.kubernetes.protobuf`): since client-go v0.32 typed
 * clients send built-in kinds this way — kubectl's `create configmap|secret|deployment`,
 * controller-runtime, Helm's release Secrets — with no JSON fallback. The envelope is the magic
 * `k8s\0` and a runtime.Unknown naming apiVersion and kind; its `raw` is the object's own
 * message from the v1.32 `generated.proto` files (./k8s-proto, Apache-2.0), decoded with
 * protobufjs and turned into the object's JSON form — Time as RFC 3339, Quantity and
 * IntOrString as their scalar, bytes (Secret data) as base64, RawExtension as its JSON.
 */
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import protobuf from 'protobufjs';

export class ProtobufError extends Error {}

const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);
const PROTO_DIR = join(dirname(fileURLToPath(import.meta.url)), 'k8s-proto');

/** API group → the proto package of its types. */
const PACKAGES: Record<string, string> = {
  '': 'k8s.io.api.core',
  apps: 'k8s.io.api.apps',
  batch: 'k8s.io.api.batch',
  autoscaling: 'k8s.io.api.autoscaling',
  policy: 'k8s.io.api.policy',
  'networking.k8s.io': 'k8s.io.api.networking',
  'storage.k8s.io': 'k8s.io.api.storage',
  'discovery.k8s.io': 'k8s.io.api.discovery',
  'coordination.k8s.io': 'k8s.io.api.coordination',
  'events.k8s.io': 'k8s.io.api.events',
  'rbac.authorization.k8s.io': 'k8s.io.api.rbac',
  'scheduling.k8s.io': 'k8s.io.api.scheduling',
  'authorization.k8s.io': 'k8s.io.api.authorization',
  'authentication.k8s.io': 'k8s.io.api.authentication',
};

/** Options kinds are meta/v1's whichever group sends them. */
const META_KINDS = new Set(['DeleteOptions', 'CreateOptions', 'UpdateOptions', 'PatchOptions', 'ListOptions', 'GetOptions', 'Status']);

const META = 'k8s.io.apimachinery.pkg.apis.meta.v1';

let root: protobuf.Root | undefined;

function loadRoot(): protobuf.Root {
  if (root) return root;
  const r = new protobuf.Root();
  r.resolvePath = (_origin, target) => join(PROTO_DIR, target);
  const files = ['k8s.io/apimachinery/pkg/runtime/generated.proto', ...Object.values(PACKAGES).flatMap((p) => versionsOf(p))];
  r.loadSync(files, { keepCase: true });
  r.resolveAll();
  root = r;
  return r;
}

function versionsOf(pkg: string): string[] {
  const dir = pkg.replace('k8s.io.api.', 'k8s.io/api/');
  const versions: Record<string, string[]> = { core: ['v1'], apps: ['v1'], batch: ['v1'], autoscaling: ['v1', 'v2'], policy: ['v1'], networking: ['v1'], storage: ['v1'], discovery: ['v1'], coordination: ['v1'], events: ['v1'], rbac: ['v1'], scheduling: ['v1'], authorization: ['v1'], authentication: ['v1'] };
  const name = pkg.slice('k8s.io.api.'.length);
  return (versions[name] ?? []).map((v) => `${dir}/${v}/generated.proto`);
}

function messageType(apiVersion: string, kind: string): protobuf.Type {
  const r = loadRoot();
  const [group, version] = apiVersion.includes('/') ? (apiVersion.split('/') as [string, string]) : ['', apiVersion];
  const name = META_KINDS.has(kind) ? `${META}.${kind}` : PACKAGES[group] ? `${PACKAGES[group]}.${version}.${kind}` : undefined;
  const t = name ? r.lookup(name) : null;
  if (!(t instanceof protobuf.Type)) throw new ProtobufError(`no kind "${kind}" is registered for version "${apiVersion}" in scheme "pkg/runtime/scheme.go:100"`);
  return t;
}

/** Decodes a protobuf body to the object's JSON form; throws ProtobufError with the server's kind of words. */
export function decodeProtobufBody(body: Buffer): Record<string, unknown> {
  if (body.length < 4 || !body.subarray(0, 4).equals(MAGIC)) throw new ProtobufError('provided object is not a protobuf message: the magic number "k8s\\x00" is missing');
  const r = loadRoot();
  const Unknown = r.lookupType('k8s.io.apimachinery.pkg.runtime.Unknown');
  let envelope: { typeMeta?: { apiVersion?: string; kind?: string }; raw?: Uint8Array };
  try {
    envelope = Unknown.decode(body.subarray(4)) as unknown as typeof envelope;
  } catch (e) {
    throw new ProtobufError(`unable to decode the protobuf envelope: ${(e as Error).message}`);
  }
  const apiVersion = envelope.typeMeta?.apiVersion ?? '';
  const kind = envelope.typeMeta?.kind ?? '';
  if (!kind) throw new ProtobufError("Object 'Kind' is missing in the protobuf envelope");
  const type = messageType(apiVersion, kind);
  let message: protobuf.Message;
  try {
    message = type.decode(envelope.raw ?? new Uint8Array());
  } catch (e) {
    throw new ProtobufError(`unable to decode ${kind} in version "${apiVersion}": ${(e as Error).message}`);
  }
  const obj = toJson(type, message) as Record<string, unknown>;
  return { apiVersion, kind, ...obj };
}

function rfc3339(seconds: number, nanos = 0): string {
  const iso = new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, '');
  return nanos ? `${iso}.${String(nanos).padStart(9, '0').slice(0, 6)}Z` : `${iso}Z`;
}

function num(v: unknown): number {
  return typeof v === 'number' ? v : typeof v === 'object' && v !== null && 'toNumber' in v ? (v as { toNumber(): number }).toNumber() : Number(v);
}

/**
 * Go's zero values: the generated marshallers write every non-pointer field, set or not, so an
 * empty string, an empty list, a zero Time or a zero-valued int or bool on the wire mostly
 * means "not set" — what Go's JSON encoding leaves out (omitempty) and what defaulting then
 * fills in. Pointer fields are written only when set, so their zero is a choice: those below
 * keep it (a `*bool` that defaults to true, a `*string` whose "" means "no class").
 */
const KEEP_EMPTY_STRING = new Set(['storageClassName']);
const KEEP_FALSE = new Set(['automountServiceAccountToken', 'allowPrivilegeEscalation', 'enableServiceLinks']);
/** Non-pointer integers whose zero the API server's defaulting treats as unset (probe timings, ports it allocates, …). */
const VALUE_INTS = new Set(['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold', 'nodePort', 'hostPort', 'minReadySeconds', 'generation', 'observedGeneration', 'weight', 'containerPort', 'port', 'number', 'healthCheckNodePort']);
/** Non-pointer IntOrStrings (a Service port's targetPort, a probe's port): zero is unset. */
const VALUE_INT_OR_STRING = new Set(['targetPort', 'port']);

function isZero(field: protobuf.Field, v: unknown): boolean {
  if (v === '' && !KEEP_EMPTY_STRING.has(field.name)) return true;
  if (v === false && !KEEP_FALSE.has(field.name)) return true;
  if (v === 0 && field.resolvedType === null && VALUE_INTS.has(field.name)) return true;
  if (v === 0 && field.resolvedType !== null && VALUE_INT_OR_STRING.has(field.name)) return true;
  if (v === ZERO_TIME) return true;
  return false;
}

const ZERO_TIME = '1970-01-01T00:00:00Z';

/**
 * Go structs embedded with `json:",inline"`: protobuf names them as fields, JSON lays their
 * fields into the parent (a Volume's hostPath, a Probe's exec, an EphemeralContainer's image).
 */
const INLINE = new Set(['.k8s.io.api.core.v1.Volume.volumeSource', '.k8s.io.api.core.v1.EphemeralContainer.ephemeralContainerCommon', '.k8s.io.api.core.v1.Probe.handler', '.k8s.io.api.core.v1.PersistentVolumeSpec.persistentVolumeSource']);

/** One decoded message → its JSON form, by its type's reflection. */
function toJson(type: protobuf.Type, m: unknown): unknown {
  const msg = m as Record<string, unknown>;
  switch (type.fullName) {
    case `.${META}.Time`:
      return rfc3339(num(msg.seconds ?? 0));
    case `.${META}.MicroTime`:
      return rfc3339(num(msg.seconds ?? 0), num(msg.nanos ?? 0));
    case `.${META}.Duration`: {
      const ns = num(msg.duration ?? 0);
      return `${ns / 1e9}s`;
    }
    case `.${META}.FieldsV1`:
      return parseRaw(msg.Raw as Uint8Array | undefined);
    case '.k8s.io.apimachinery.pkg.api.resource.Quantity':
      return String(msg.string ?? '0');
    case '.k8s.io.apimachinery.pkg.util.intstr.IntOrString':
      return num(msg.type ?? 0) === 1 ? String(msg.strVal ?? '') : num(msg.intVal ?? 0);
    case '.k8s.io.apimachinery.pkg.runtime.RawExtension':
      return parseRaw(msg.raw as Uint8Array | undefined);
  }
  const out: Record<string, unknown> = {};
  for (const field of type.fieldsArray) {
    if (!Object.hasOwn(msg, field.name)) continue;
    const v = msg[field.name];
    if (v === undefined || v === null) continue;
    if (field.map) {
      const entries = Object.entries(v as Record<string, unknown>);
      if (entries.length === 0) continue;
      const o: Record<string, unknown> = {};
      for (const [k, x] of entries) o[k] = scalar(field, x);
      out[field.name] = o;
    } else if (field.repeated) {
      if ((v as unknown[]).length === 0) continue;
      out[field.name] = (v as unknown[]).map((x) => scalar(field, x));
    } else {
      const x = scalar(field, v);
      if (INLINE.has(`${type.fullName}.${field.name}`) && x && typeof x === 'object') Object.assign(out, x);
      else if (!isZero(field, x)) out[field.name] = x;
    }
  }
  return out;
}

function scalar(field: protobuf.Field, v: unknown): unknown {
  if (field.resolvedType instanceof protobuf.Type) return toJson(field.resolvedType, v);
  if (field.type === 'bytes') return Buffer.from(v as Uint8Array).toString('base64');
  if (field.type === 'int64' || field.type === 'uint64' || field.type === 'sint64' || field.type === 'fixed64') return num(v);
  return v;
}

function parseRaw(raw: Uint8Array | undefined): unknown {
  if (!raw || raw.length === 0) return {};
  try {
    return JSON.parse(Buffer.from(raw).toString('utf8'));
  } catch {
    throw new ProtobufError('unable to decode an embedded object: its raw bytes are not JSON');
  }
}
