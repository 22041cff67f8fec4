/**
 * Pod and container defaults (pkg/apis/core/v1/defaults.go). Applied to pods and to the pod
 * templates inside workloads, so `kubectl get -o yaml` shows the same fields as a real cluster.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

/** `nginx` and `nginx:latest` pull Always; a pinned tag or digest pulls IfNotPresent. */
export function defaultPullPolicy(image: string): string {
  if (image.includes('@')) return 'IfNotPresent';
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  const tag = colon >= 0 ? image.slice(colon + 1) : '';
  return tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

function isDefaulted(c: Any): boolean {
  return (
    c.imagePullPolicy !== undefined &&
    c.terminationMessagePath !== undefined &&
    c.terminationMessagePolicy !== undefined &&
    c.resources !== undefined &&
    !(c.resources.limits && Object.keys(c.resources.limits).some((k) => c.resources.requests?.[k] === undefined)) &&
    !(Array.isArray(c.ports) && c.ports.some((p: Any) => !p.protocol)) &&
    !(Array.isArray(c.env) && c.env.some((e: Any) => e?.valueFrom?.fieldRef && !e.valueFrom.fieldRef.apiVersion)) &&
    !['livenessProbe', 'readinessProbe', 'startupProbe'].some((p) => c[p] && (c[p].timeoutSeconds === undefined || c[p].periodSeconds === undefined || c[p].successThreshold === undefined || c[p].failureThreshold === undefined))
  );
}

function defaultContainer(c: Any): Any {
  // Pods stamped from an already-defaulted template share its container objects (objects in
  // the store are never mutated), which keeps 150,000 pods affordable.
  if (isDefaulted(c)) return c;
  const out: Any = { ...c };
  if (out.image !== undefined && out.imagePullPolicy === undefined) out.imagePullPolicy = defaultPullPolicy(String(out.image));
  if (out.terminationMessagePath === undefined) out.terminationMessagePath = '/dev/termination-log';
  if (out.terminationMessagePolicy === undefined) out.terminationMessagePolicy = 'File';
  if (out.resources === undefined) out.resources = {};
  else if (out.resources.limits && !out.resources.requests) out.resources = { ...out.resources, requests: { ...out.resources.limits } };
  else if (out.resources.limits) {
    // requests default to limits, resource by resource
    const requests = { ...out.resources.requests };
    for (const [k, v] of Object.entries(out.resources.limits)) if (requests[k] === undefined) requests[k] = v;
    out.resources = { ...out.resources, requests };
  }
  if (Array.isArray(out.ports)) out.ports = out.ports.map((p: Any) => (p.protocol ? p : { ...p, protocol: 'TCP' }));
  // SetDefaults_ObjectFieldSelector: a downward-API field reference is to the v1 Pod.
  if (Array.isArray(out.env)) out.env = out.env.map((e: Any) => (e?.valueFrom?.fieldRef && !e.valueFrom.fieldRef.apiVersion ? { ...e, valueFrom: { ...e.valueFrom, fieldRef: { apiVersion: 'v1', ...e.valueFrom.fieldRef } } } : e));
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) if (out[probe]) out[probe] = defaultProbe(out[probe]);
  return out;
}

function defaultProbe(p: Any): Any {
  const out: Any = { timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3, ...p };
  if (out.httpGet) out.httpGet = { path: '/', scheme: 'HTTP', ...out.httpGet };
  return out;
}

function sameIfUnchanged(before: Any[], after: Any[]): Any[] {
  return after.every((x, i) => x === before[i]) ? before : after;
}

export function defaultPodSpec(spec: Any): Any {
  const out: Any = { ...spec };
  if (Array.isArray(out.containers)) out.containers = sameIfUnchanged(out.containers, out.containers.map((c: Any) => (c && typeof c === 'object' ? defaultContainer(c) : c)));
  if (Array.isArray(out.initContainers)) out.initContainers = sameIfUnchanged(out.initContainers, out.initContainers.map((c: Any) => (c && typeof c === 'object' ? defaultContainer(c) : c)));
  // EphemeralContainerCommon takes the container defaults (pull policy, termination message, resources: {}).
  if (Array.isArray(out.ephemeralContainers)) out.ephemeralContainers = sameIfUnchanged(out.ephemeralContainers, out.ephemeralContainers.map((c: Any) => (c && typeof c === 'object' ? defaultContainer(c) : c)));
  out.restartPolicy ??= 'Always';
  out.terminationGracePeriodSeconds ??= 30;
  out.dnsPolicy ??= 'ClusterFirst';
  out.securityContext ??= {};
  out.schedulerName ??= 'default-scheduler';
  // SetDefaults_Volume (no source: an emptyDir) and SetDefaults_HostPathVolumeSource (type "").
  if (Array.isArray(out.volumes)) out.volumes = out.volumes.map((v: Any) => (Object.keys(v).length === 1 && v.name ? { ...v, emptyDir: {} } : v?.hostPath && v.hostPath.type === undefined ? { ...v, hostPath: { ...v.hostPath, type: '' } } : v));
  return out;
}

/** Template defaults (workloads): the pod spec defaults plus `creationTimestamp: null`, as v1.32 serialises it. */
export function defaultPodTemplate(template: Any): Any {
  if (!template || typeof template !== 'object') return template;
  return { ...template, metadata: { creationTimestamp: null, ...(template.metadata ?? {}) }, spec: template.spec ? defaultPodSpec(template.spec) : template.spec };
}

/** What the DefaultTolerationSeconds admission plugin adds; shared (objects are never mutated). */
const DEFAULT_TOLERATIONS: Any[] = Object.freeze([
  Object.freeze({ effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 }),
  Object.freeze({ effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 }),
]) as Any[];

/**
 * Admission-time additions for pods (they are not in templates): the DefaultTolerationSeconds
 * plugin's 300 s tolerations and the default service account (priority is ../priority.ts's).
 */
export function admitPod(spec: Any): Any {
  const out: Any = { ...spec };
  if (!out.tolerations?.length) out.tolerations = DEFAULT_TOLERATIONS;
  else {
    const tolerations: Any[] = [...out.tolerations];
    for (const t of DEFAULT_TOLERATIONS) {
      const has = tolerations.some((x) => (x.key === t.key || (x.key === undefined && x.operator === 'Exists')) && (x.effect === undefined || x.effect === 'NoExecute'));
      if (!has) tolerations.push(t);
    }
    out.tolerations = tolerations;
  }
  out.enableServiceLinks ??= true;
  out.serviceAccountName ??= 'default';
  out.serviceAccount ??= out.serviceAccountName;
  return out;
}
