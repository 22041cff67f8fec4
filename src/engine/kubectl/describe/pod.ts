/** kubectl describe pod (pkg/describe/describe.go describePod, describeContainers). */
import type { KObject } from '../../api/types';
import { controllerOf } from '../../api/types';
import { DescribeWriter, annotationsMultiline, eventsSection, labelsMultiline, rfc1123z, tolerationsMultiline } from './writer';
import { ageSince } from '../duration';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

function probeText(p: Any): string {
  let action = 'unknown';
  if (p.httpGet) action = `http-get ${p.httpGet.scheme === 'HTTPS' ? 'https' : 'http'}://${p.httpGet.host ?? ''}:${p.httpGet.port}${p.httpGet.path ?? '/'}`;
  else if (p.tcpSocket) action = `tcp-socket ${p.tcpSocket.host ?? ''}:${p.tcpSocket.port}`;
  else if (p.exec) action = `exec [${(p.exec.command ?? []).join(' ')}]`;
  else if (p.grpc) action = `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ''}`;
  return `${action} delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 1}s period=${p.periodSeconds ?? 10}s #success=${p.successThreshold ?? 1} #failure=${p.failureThreshold ?? 3}`;
}

function stateLines(w: DescribeWriter, title: string, state: Any, indent: string): void {
  if (!state || Object.keys(state).length === 0) return void w.write(0, `${indent}${title}:\tWaiting\n`);
  if (state.running) {
    w.write(0, `${indent}${title}:\tRunning\n`);
    w.write(0, `${indent}  Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if (state.waiting) {
    w.write(0, `${indent}${title}:\tWaiting\n`);
    if (state.waiting.reason) w.write(0, `${indent}  Reason:\t${state.waiting.reason}\n`);
    if (state.waiting.message) w.write(0, `${indent}  Message:\t${state.waiting.message}\n`);
  } else if (state.terminated) {
    const t = state.terminated;
    w.write(0, `${indent}${title}:\tTerminated\n`);
    if (t.reason) w.write(0, `${indent}  Reason:\t${t.reason}\n`);
    if (t.message) w.write(0, `${indent}  Message:\t${t.message}\n`);
    w.write(0, `${indent}  Exit Code:\t${t.exitCode}\n`);
    if (t.signal) w.write(0, `${indent}  Signal:\t${t.signal}\n`);
    w.write(0, `${indent}  Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(0, `${indent}  Finished:\t${rfc1123z(t.finishedAt)}\n`);
  }
}

function resourceLines(w: DescribeWriter, title: string, values: Record<string, string> | undefined, indent: string): void {
  const keys = Object.keys(values ?? {}).sort();
  if (!keys.length) return;
  w.write(0, `${indent}${title}:\n`);
  for (const k of keys) w.write(0, `${indent}  ${k}:\t${values![k]}\n`);
}

/** describeContainers: each container's image, ports, state, probes, env and mounts. */
export function describeContainers(w: DescribeWriter, title: string, containers: Any[], statuses: Any[] | undefined, indent: string): void {
  w.write(0, `${indent}${title}:${containers.length ? '' : ' <none>'}\n`);
  for (const c of containers) {
    const st = statuses?.find((s) => s.name === c.name);
    // describeContainerBasicInfo: the name at level 1 (one space more inside a template), fields at level 2.
    w.write(0, `  ${indent ? ' ' : ''}${c.name}:\n`);
    const i3 = '    ';
    if (st?.containerID) w.write(0, `${i3}Container ID:\t${st.containerID}\n`);
    w.write(0, `${i3}Image:\t${c.image}\n`);
    if (st) w.write(0, `${i3}Image ID:\t${st.imageID ?? ''}\n`);
    const ports: Any[] = c.ports ?? [];
    const portText = (f: (p: Any) => string) => ports.map(f).join(', ');
    if (ports.length <= 1) {
      w.write(0, `${i3}Port:\t${ports.length ? `${ports[0].containerPort}/${ports[0].protocol ?? 'TCP'}` : '<none>'}\n`);
      w.write(0, `${i3}Host Port:\t${ports.length ? `${ports[0].hostPort ?? 0}/${ports[0].protocol ?? 'TCP'}` : '<none>'}\n`);
    } else {
      w.write(0, `${i3}Ports:\t${portText((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`)}\n`);
      w.write(0, `${i3}Host Ports:\t${portText((p) => `${p.hostPort ?? 0}/${p.protocol ?? 'TCP'}`)}\n`);
    }
    if (c.command?.length) {
      w.write(0, `${i3}Command:\n`);
      for (const part of c.command) for (const line of String(part).split('\n')) w.write(0, `${i3}  ${line}\n`);
    }
    if (c.args?.length) {
      w.write(0, `${i3}Args:\n`);
      for (const part of c.args) for (const line of String(part).split('\n')) w.write(0, `${i3}  ${line}\n`);
    }
    if (st) {
      stateLines(w, 'State', st.state, i3);
      if (st.lastState && Object.keys(st.lastState).length) stateLines(w, 'Last State', st.lastState, i3);
      w.write(0, `${i3}Ready:\t${st.ready ? 'True' : 'False'}\n`);
      w.write(0, `${i3}Restart Count:\t${st.restartCount ?? 0}\n`);
    }
    resourceLines(w, 'Limits', c.resources?.limits, i3);
    resourceLines(w, 'Requests', c.resources?.requests, i3);
    if (c.livenessProbe) w.write(0, `${i3}Liveness:\t${probeText(c.livenessProbe)}\n`);
    if (c.readinessProbe) w.write(0, `${i3}Readiness:\t${probeText(c.readinessProbe)}\n`);
    if (c.startupProbe) w.write(0, `${i3}Startup:\t${probeText(c.startupProbe)}\n`);
    const env: Any[] = c.env ?? [];
    const envFrom: Any[] = c.envFrom ?? [];
    if (envFrom.length) {
      w.write(0, `${i3}Environment Variables from:\n`);
      for (const e of envFrom) {
        const ref = e.configMapRef ?? e.secretRef;
        const kind = e.configMapRef ? 'ConfigMap' : 'Secret';
        w.write(0, `${i3}  ${ref?.name}\t${kind}\tOptional: ${ref?.optional ? 'true' : 'false'}\n`);
      }
    }
    if (!env.length) w.write(0, `${i3}Environment:\t<none>\n`);
    else {
      w.write(0, `${i3}Environment:\n`);
      for (const e of env) {
        if (e.valueFrom?.configMapKeyRef) w.write(0, `${i3}  ${e.name}:\t<set to the key '${e.valueFrom.configMapKeyRef.key}' of config map '${e.valueFrom.configMapKeyRef.name}'>\tOptional: ${e.valueFrom.configMapKeyRef.optional ? 'true' : 'false'}\n`);
        else if (e.valueFrom?.secretKeyRef) w.write(0, `${i3}  ${e.name}:\t<set to the key '${e.valueFrom.secretKeyRef.key}' in secret '${e.valueFrom.secretKeyRef.name}'>\tOptional: ${e.valueFrom.secretKeyRef.optional ? 'true' : 'false'}\n`);
        else if (e.valueFrom?.fieldRef) w.write(0, `${i3}  ${e.name}:\t (${e.valueFrom.fieldRef.apiVersion ?? ''}:${e.valueFrom.fieldRef.fieldPath})\n`);
        else w.write(0, `${i3}  ${e.name}:\t${e.value ?? ''}\n`);
      }
    }
    const mounts: Any[] = c.volumeMounts ?? [];
    if (!mounts.length) w.write(0, `${i3}Mounts:\t<none>\n`);
    else {
      w.write(0, `${i3}Mounts:\n`);
      for (const m of [...mounts].sort((a, b) => (a.mountPath < b.mountPath ? -1 : 1))) {
        const flags = [m.readOnly ? 'ro' : 'rw', ...(m.subPath ? [`path="${m.subPath}"`] : [])];
        w.write(0, `${i3}  ${m.mountPath} from ${m.name} (${flags.join(',')})\n`);
      }
    }
  }
}

export function describeVolumes(w: DescribeWriter, volumes: Any[] | undefined, indent: string): void {
  if (!volumes?.length) return void w.write(0, `${indent}Volumes:\t<none>\n`);
  w.write(0, `${indent}Volumes:\n`);
  for (const v of volumes) {
    w.write(0, `  ${indent ? ' ' : ''}${v.name}:\n`);
    const i = '    ';
    if (v.emptyDir) {
      w.write(0, `${i}Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n`);
      w.write(0, `${i}Medium:\t${v.emptyDir.medium ?? ''}\n`);
      w.write(0, `${i}SizeLimit:\t${v.emptyDir.sizeLimit ?? '<unset>'}\n`);
    } else if (v.configMap) {
      w.write(0, `${i}Type:\tConfigMap (a volume populated by a ConfigMap)\n`);
      w.write(0, `${i}Name:\t${v.configMap.name}\n`);
      w.write(0, `${i}Optional:\t${v.configMap.optional ? 'true' : 'false'}\n`);
    } else if (v.secret) {
      w.write(0, `${i}Type:\tSecret (a volume populated by a Secret)\n`);
      w.write(0, `${i}SecretName:\t${v.secret.secretName}\n`);
      w.write(0, `${i}Optional:\t${v.secret.optional ? 'true' : 'false'}\n`);
    } else if (v.persistentVolumeClaim) {
      w.write(0, `${i}Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n`);
      w.write(0, `${i}ClaimName:\t${v.persistentVolumeClaim.claimName}\n`);
      w.write(0, `${i}ReadOnly:\t${v.persistentVolumeClaim.readOnly ? 'true' : 'false'}\n`);
    } else if (v.hostPath) {
      w.write(0, `${i}Type:\tHostPath (bare host directory volume)\n`);
      w.write(0, `${i}Path:\t${v.hostPath.path}\n`);
      w.write(0, `${i}HostPathType:\t${v.hostPath.type ?? '<none>'}\n`);
    } else if (v.projected) {
      w.write(0, `${i}Type:\tProjected (a volume that contains injected data from multiple sources)\n`);
      // Optional is a *bool printed with %v: <nil> when unset (a set one prints a pointer, which we cannot reproduce).
      const optional = (o: unknown) => (o === undefined || o === null ? '<nil>' : String(o));
      for (const src of v.projected.sources ?? []) {
        if (src.secret) w.write(0, `${i}SecretName:\t${src.secret.name}\n${i}SecretOptionalName:\t${optional(src.secret.optional)}\n`);
        else if (src.downwardAPI) w.write(0, `${i}DownwardAPI:\ttrue\n`);
        else if (src.configMap) w.write(0, `${i}ConfigMapName:\t${src.configMap.name}\n${i}ConfigMapOptional:\t${optional(src.configMap.optional)}\n`);
        else if (src.serviceAccountToken) w.write(0, `${i}TokenExpirationSeconds:\t${src.serviceAccountToken.expirationSeconds ?? 3600}\n`);
      }
    } else if (v.downwardAPI) {
      w.write(0, `${i}Type:\tDownwardAPI (a volume populated by information about the pod)\n${i}Items:\n`);
      for (const it of v.downwardAPI.items ?? []) {
        if (it.fieldRef) w.write(0, `${i}  ${it.fieldRef.fieldPath} -> ${it.path}\n`);
        if (it.resourceFieldRef) w.write(0, `${i}  ${it.resourceFieldRef.resource} -> ${it.path}\n`);
      }
    } else {
      w.write(0, `${i}Type:\t${Object.keys(v).filter((k) => k !== 'name')[0] ?? 'unknown'}\n`);
    }
  }
}

export function describePod(pod: KObject, w: DescribeWriter, events: Parameters<typeof eventsSection>[1], now: number): void {
  const spec = pod.spec ?? {};
  const status = pod.status ?? {};
  w.write(0, `Name:\t${pod.metadata.name}\n`);
  w.write(0, `Namespace:\t${pod.metadata.namespace}\n`);
  if (spec.priority !== undefined) w.write(0, `Priority:\t${spec.priority}\n`);
  if (spec.priorityClassName) w.write(0, `Priority Class Name:\t${spec.priorityClassName}\n`);
  w.write(0, `Service Account:\t${spec.serviceAccountName ?? ''}\n`);
  w.write(0, `Node:\t${spec.nodeName ? `${spec.nodeName}/${status.hostIP ?? ''}` : '<none>'}\n`);
  if (status.startTime) w.write(0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
  labelsMultiline(w, 'Labels', pod.metadata.labels);
  annotationsMultiline(w, 'Annotations', pod.metadata.annotations);
  if (pod.metadata.deletionTimestamp && status.phase !== 'Succeeded' && status.phase !== 'Failed') {
    w.write(0, `Status:\tTerminating (lasts ${ageSince(now, pod.metadata.deletionTimestamp)})\n`);
    w.write(0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s\n`);
  } else w.write(0, `Status:\t${status.phase ?? 'Pending'}\n`);
  if (status.reason) w.write(0, `Reason:\t${status.reason}\n`);
  if (status.message) w.write(0, `Message:\t${status.message}\n`);
  w.write(0, `IP:\t${status.podIP ?? ''}\n`);
  const ips: Any[] = status.podIPs ?? [];
  if (!ips.length) w.write(0, 'IPs:\t<none>\n');
  else {
    w.write(0, 'IPs:\n');
    for (const ip of ips) w.write(0, `  IP:\t${ip.ip}\n`);
  }
  const owner = controllerOf(pod);
  if (owner) w.write(0, `Controlled By:\t${owner.kind}/${owner.name}\n`);
  if (status.nominatedNodeName) w.write(0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
  if (spec.initContainers?.length) describeContainers(w, 'Init Containers', spec.initContainers, status.initContainerStatuses, '');
  describeContainers(w, 'Containers', spec.containers ?? [], status.containerStatuses, '');
  // kubectl describes ephemeral containers as plain containers (targetContainerName is not shown).
  if (spec.ephemeralContainers?.length) describeContainers(w, 'Ephemeral Containers', spec.ephemeralContainers, status.ephemeralContainerStatuses, '');
  const conds: Any[] = status.conditions ?? [];
  if (conds.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\n');
    for (const c of conds) w.write(1, `${c.type} \t${c.status} \n`);
  }
  describeVolumes(w, spec.volumes, '');
  w.write(0, `QoS Class:\t${status.qosClass ?? 'BestEffort'}\n`);
  labelsMultiline(w, 'Node-Selectors', spec.nodeSelector);
  tolerationsMultiline(w, 'Tolerations', spec.tolerations);
  eventsSection(w, events, now);
}
