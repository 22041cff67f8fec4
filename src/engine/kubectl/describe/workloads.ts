/** kubectl describe deployment / replicaset, with their pod templates. */
import type { KObject } from '../../api/types';
import { controllerOf } from '../../api/types';
import { formatLabels, formatSelector } from '../../api/labels';
import type { EventRecord } from '../../api/events';
import { DescribeWriter, annotationsMultiline, eventsSection, labelsMultiline, rfc1123z, tolerationsMultiline } from './writer';
import { describeContainers, describeVolumes } from './pod';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

export function describePodTemplate(w: DescribeWriter, template: Any): void {
  w.write(0, 'Pod Template:\n');
  labelsMultiline(w, '  Labels', template?.metadata?.labels);
  if (template?.metadata?.annotations && Object.keys(template.metadata.annotations).length) annotationsMultiline(w, '  Annotations', template.metadata.annotations);
  const spec = template?.spec ?? {};
  if (spec.serviceAccountName) w.write(0, `  Service Account:\t${spec.serviceAccountName}\n`);
  if (spec.initContainers?.length) describeContainers(w, 'Init Containers', spec.initContainers, undefined, '  ');
  describeContainers(w, 'Containers', spec.containers ?? [], undefined, '  ');
  describeVolumes(w, spec.volumes, '  ');
  if (spec.priorityClassName) w.write(1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  labelsMultiline(w, '  Node-Selectors', spec.nodeSelector);
  tolerationsMultiline(w, '  Tolerations', spec.tolerations);
}

function rsSummary(rs: KObject): string {
  return `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`;
}

export function describeDeployment(d: KObject, rss: KObject[], w: DescribeWriter, events: EventRecord[], now: number): void {
  const spec = d.spec ?? {};
  const status = d.status ?? {};
  w.write(0, `Name:\t${d.metadata.name}\n`);
  w.write(0, `Namespace:\t${d.metadata.namespace}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`);
  labelsMultiline(w, 'Labels', d.metadata.labels);
  annotationsMultiline(w, 'Annotations', d.metadata.annotations);
  w.write(0, `Selector:\t${formatSelector(spec.selector)}\n`);
  w.write(0, `Replicas:\t${spec.replicas ?? 0} desired | ${status.updatedReplicas ?? 0} updated | ${status.replicas ?? 0} total | ${status.availableReplicas ?? 0} available | ${status.unavailableReplicas ?? 0} unavailable\n`);
  w.write(0, `StrategyType:\t${spec.strategy?.type ?? 'RollingUpdate'}\n`);
  w.write(0, `MinReadySeconds:\t${spec.minReadySeconds ?? 0}\n`);
  const ru = spec.strategy?.rollingUpdate;
  if (ru) w.write(0, `RollingUpdateStrategy:\t${ru.maxUnavailable} max unavailable, ${ru.maxSurge} max surge\n`);
  describePodTemplate(w, spec.template);
  const conds: Any[] = status.conditions ?? [];
  if (conds.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(1, '----\t------\t------\n');
    for (const c of conds) w.write(1, `${c.type} \t${c.status}\t${c.reason}\n`);
  }
  const hash = (rs: KObject) => rs.metadata.labels?.['pod-template-hash'];
  const template = spec.template;
  const isNew = (rs: KObject) => JSON.stringify({ ...rs.spec?.template?.metadata?.labels, 'pod-template-hash': undefined }) === JSON.stringify({ ...template?.metadata?.labels, 'pod-template-hash': undefined }) && JSON.stringify(rs.spec?.template?.spec) === JSON.stringify(template?.spec);
  const newRS = rss.find(isNew);
  const old = rss.filter((rs) => rs !== newRS && ((rs.spec?.replicas ?? 0) > 0 || (rs.status?.replicas ?? 0) > 0));
  void hash;
  w.write(0, `OldReplicaSets:\t${old.length ? old.map(rsSummary).join(', ') : '<none>'}\n`);
  w.write(0, `NewReplicaSet:\t${newRS ? rsSummary(newRS) : '<none>'}\n`);
  eventsSection(w, events, now);
}

export function describeReplicaSet(rs: KObject, pods: KObject[], w: DescribeWriter, events: EventRecord[], now: number): void {
  w.write(0, `Name:\t${rs.metadata.name}\n`);
  w.write(0, `Namespace:\t${rs.metadata.namespace}\n`);
  w.write(0, `Selector:\t${formatSelector(rs.spec?.selector)}\n`);
  labelsMultiline(w, 'Labels', rs.metadata.labels);
  annotationsMultiline(w, 'Annotations', rs.metadata.annotations);
  const owner = controllerOf(rs);
  if (owner) w.write(0, `Controlled By:\t${owner.kind}/${owner.name}\n`);
  w.write(0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 0} desired\n`);
  const count = (phase: string) => pods.filter((p) => (p.status?.phase ?? 'Pending') === phase).length;
  w.write(0, `Pods Status:\t${count('Running')} Running / ${count('Pending')} Waiting / ${count('Succeeded')} Succeeded / ${count('Failed')} Failed\n`);
  describePodTemplate(w, rs.spec?.template);
  eventsSection(w, events, now);
}

/** describeReplicationController: like a ReplicaSet's, with a label-map selector and no owner. */
export function describeReplicationController(rc: KObject, pods: KObject[], w: DescribeWriter, events: EventRecord[], now: number): void {
  w.write(0, `Name:\t${rc.metadata.name}\n`);
  w.write(0, `Namespace:\t${rc.metadata.namespace}\n`);
  w.write(0, `Selector:\t${formatLabels(rc.spec?.selector)}\n`);
  labelsMultiline(w, 'Labels', rc.metadata.labels);
  annotationsMultiline(w, 'Annotations', rc.metadata.annotations);
  w.write(0, `Replicas:\t${rc.status?.replicas ?? 0} current / ${rc.spec?.replicas ?? 0} desired\n`);
  const count = (phase: string) => pods.filter((p) => (p.status?.phase ?? 'Pending') === phase).length;
  w.write(0, `Pods Status:\t${count('Running')} Running / ${count('Pending')} Waiting / ${count('Succeeded')} Succeeded / ${count('Failed')} Failed\n`);
  describePodTemplate(w, rc.spec?.template);
  const conditions = (rc.status?.conditions ?? []) as { type: string; status: string; reason?: string }[];
  if (conditions.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(1, '----\t------\t------\n');
    for (const c of conditions) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
  }
  eventsSection(w, events, now);
}

export function describeDaemonSet(ds: KObject, pods: KObject[], w: DescribeWriter, events: EventRecord[], now: number): void {
  const st = ds.status ?? {};
  // describe.go's DaemonSet describer prints no Namespace line.
  w.write(0, `Name:\t${ds.metadata.name}\n`);
  w.write(0, `Selector:\t${formatSelector(ds.spec?.selector)}\n`);
  labelsMultiline(w, 'Node-Selector', ds.spec?.template?.spec?.nodeSelector);
  labelsMultiline(w, 'Labels', ds.metadata.labels);
  annotationsMultiline(w, 'Annotations', ds.metadata.annotations);
  w.write(0, `Desired Number of Nodes Scheduled: ${st.desiredNumberScheduled ?? 0}\n`);
  w.write(0, `Current Number of Nodes Scheduled: ${st.currentNumberScheduled ?? 0}\n`);
  w.write(0, `Number of Nodes Scheduled with Up-to-date Pods: ${st.updatedNumberScheduled ?? 0}\n`);
  w.write(0, `Number of Nodes Scheduled with Available Pods: ${st.numberAvailable ?? 0}\n`);
  w.write(0, `Number of Nodes Misscheduled: ${st.numberMisscheduled ?? 0}\n`);
  const count = (phase: string) => pods.filter((p) => (p.status?.phase ?? 'Pending') === phase).length;
  w.write(0, `Pods Status:\t${count('Running')} Running / ${count('Pending')} Waiting / ${count('Succeeded')} Succeeded / ${count('Failed')} Failed\n`);
  describePodTemplate(w, ds.spec?.template);
  eventsSection(w, events, now);
}

/** describeStatefulSet (v1.32): replicas, update strategy, pod template and volume claim templates. */
export function describeStatefulSet(set: KObject, pods: KObject[], w: DescribeWriter, events: EventRecord[], now: number): void {
  const spec: Any = set.spec ?? {};
  w.write(0, `Name:\t${set.metadata.name}\n`);
  w.write(0, `Namespace:\t${set.metadata.namespace}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(set.metadata.creationTimestamp)}\n`);
  w.write(0, `Selector:\t${formatSelector(spec.selector)}\n`);
  labelsMultiline(w, 'Labels', set.metadata.labels);
  annotationsMultiline(w, 'Annotations', set.metadata.annotations);
  w.write(0, `Replicas:\t${spec.replicas ?? 1} desired | ${set.status?.replicas ?? 0} total\n`);
  w.write(0, `Update Strategy:\t${spec.updateStrategy?.type ?? ''}\n`);
  const ru = spec.updateStrategy?.rollingUpdate;
  if (ru?.partition !== undefined) {
    w.write(1, `Partition:\t${ru.partition}\n`);
    if (ru.maxUnavailable !== undefined) w.write(1, `MaxUnavailable:\t${ru.maxUnavailable}\n`);
  }
  const count = (phase: string) => pods.filter((p) => (p.status?.phase ?? 'Pending') === phase).length;
  w.write(0, `Pods Status:\t${count('Running')} Running / ${count('Pending')} Waiting / ${count('Succeeded')} Succeeded / ${count('Failed')} Failed\n`);
  describePodTemplate(w, spec.template);
  const templates: Any[] = spec.volumeClaimTemplates ?? [];
  if (templates.length === 0) w.write(0, 'Volume Claims:\t<none>\n');
  else {
    w.write(0, 'Volume Claims:\n');
    for (const pvc of templates) {
      w.write(1, `Name:\t${pvc.metadata?.name ?? ''}\n`);
      w.write(1, `StorageClass:\t${pvc.spec?.storageClassName ?? pvc.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? ''}\n`);
      labelsMultiline(w, 'Labels', pvc.metadata?.labels, 1);
      labelsMultiline(w, 'Annotations', pvc.metadata?.annotations, 1);
      w.write(1, `Capacity:\t${pvc.spec?.resources?.requests?.storage ?? '<default>'}\n`);
      // Go's %s of a []PersistentVolumeAccessMode: "[ReadWriteOnce]".
      w.write(1, `Access Modes:\t[${(pvc.spec?.accessModes ?? []).join(' ')}]\n`);
    }
  }
  eventsSection(w, events, now);
}
