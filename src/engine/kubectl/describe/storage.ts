/** kubectl describe for PersistentVolumeClaims, PersistentVolumes and StorageClasses (describe.go). */
import type { KObject } from '../../api/types';
import type { EventRecord } from '../../api/events';
import { accessModesString } from '../../helpers/volumeutil';
import { isDefaultClass } from '../../api/defaultstorageclass';
import { annotationsMultiline, eventsSection, labelsMultiline, type DescribeWriter } from './writer';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

const finalizers = (o: KObject) => `[${(o.metadata.finalizers ?? []).join(' ')}]`;

/** "Used By" lists the pods that mount the claim. */
export function describeClaim(pvc: KObject, users: KObject[], w: DescribeWriter, events: EventRecord[], now: number): void {
  w.write(0, `Name:\t${pvc.metadata.name}\n`);
  w.write(0, `Namespace:\t${pvc.metadata.namespace}\n`);
  w.write(0, `StorageClass:\t${pvc.spec?.storageClassName ?? ''}\n`);
  w.write(0, `Status:\t${pvc.metadata.deletionTimestamp ? 'Terminating' : (pvc.status?.phase ?? '')}\n`);
  w.write(0, `Volume:\t${pvc.spec?.volumeName ?? ''}\n`);
  labelsMultiline(w, 'Labels', pvc.metadata.labels);
  annotationsMultiline(w, 'Annotations', pvc.metadata.annotations);
  w.write(0, `Finalizers:\t${finalizers(pvc)}\n`);
  const bound = pvc.status?.phase === 'Bound';
  w.write(0, `Capacity:\t${bound ? (pvc.status?.capacity?.storage ?? '') : ''}\n`);
  w.write(0, `Access Modes:\t${bound ? accessModesString(pvc.status?.accessModes) : ''}\n`);
  w.write(0, `VolumeMode:\t${pvc.spec?.volumeMode ?? 'Filesystem'}\n`);
  if (users.length) {
    w.write(0, `Used By:\t${users[0].metadata.name}\n`);
    for (const p of users.slice(1)) w.write(0, `\t${p.metadata.name}\n`);
  } else w.write(0, 'Used By:\t<none>\n');
  eventsSection(w, events, now);
}

function describeSource(pv: KObject, w: DescribeWriter): void {
  const s: Any = pv.spec ?? {};
  w.write(0, 'Source:\n');
  if (s.csi) {
    w.write(1, 'Type:\tCSI (a Container Storage Interface (CSI) volume source)\n');
    w.write(1, `Driver:\t${s.csi.driver}\n`);
    w.write(1, `FSType:\t${s.csi.fsType ?? ''}\n`);
    w.write(1, `VolumeHandle:\t${s.csi.volumeHandle}\n`);
    w.write(1, `ReadOnly:\t${!!s.csi.readOnly}\n`);
    const attrs = Object.entries(s.csi.volumeAttributes ?? {});
    w.write(1, `VolumeAttributes:\t${attrs.map(([k, v]) => `${k}=${v}`).join('\n\t\t') || '<none>'}\n`);
  } else if (s.hostPath) {
    // printHostPathVolumeSource: LEVEL_2, an empty type as <none>.
    w.write(2, 'Type:\tHostPath (bare host directory volume)\n');
    w.write(2, `Path:\t${s.hostPath.path}\n`);
    w.write(2, `HostPathType:\t${s.hostPath.type ?? '<none>'}\n`);
  } else if (s.nfs) {
    w.write(1, 'Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n');
    w.write(1, `Server:\t${s.nfs.server}\n`);
    w.write(1, `Path:\t${s.nfs.path}\n`);
    w.write(1, `ReadOnly:\t${!!s.nfs.readOnly}\n`);
  } else if (s.local) {
    w.write(1, 'Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n');
    w.write(1, `Path:\t${s.local.path}\n`);
  }
}

export function describeVolume(pv: KObject, w: DescribeWriter, events: EventRecord[], now: number): void {
  w.write(0, `Name:\t${pv.metadata.name}\n`);
  labelsMultiline(w, 'Labels', pv.metadata.labels);
  annotationsMultiline(w, 'Annotations', pv.metadata.annotations);
  w.write(0, `Finalizers:\t${finalizers(pv)}\n`);
  w.write(0, `StorageClass:\t${pv.spec?.storageClassName ?? ''}\n`);
  w.write(0, `Status:\t${pv.metadata.deletionTimestamp ? 'Terminating' : (pv.status?.phase ?? '')}\n`);
  const ref = pv.spec?.claimRef;
  w.write(0, `Claim:\t${ref?.name ? `${ref.namespace}/${ref.name}` : ''}\n`);
  w.write(0, `Reclaim Policy:\t${pv.spec?.persistentVolumeReclaimPolicy ?? ''}\n`);
  w.write(0, `Access Modes:\t${accessModesString(pv.spec?.accessModes)}\n`);
  w.write(0, `VolumeMode:\t${pv.spec?.volumeMode ?? 'Filesystem'}\n`);
  w.write(0, `Capacity:\t${pv.spec?.capacity?.storage ?? ''}\n`);
  const terms: Any[] = pv.spec?.nodeAffinity?.required?.nodeSelectorTerms ?? [];
  if (!terms.length) w.write(0, 'Node Affinity:\t<none>\n');
  else {
    w.write(0, 'Node Affinity:\t\n');
    w.write(1, 'Required Terms:\t\n');
    terms.forEach((t, i) => {
      const exprs = ((t.matchExpressions as Any[]) ?? []).map((e) => `${e.key} ${String(e.operator).toLowerCase()} [${(e.values ?? []).join(', ')}]`);
      w.write(2, `Term ${i}:\t${exprs.join('\n\t\t\t')}\n`);
    });
  }
  w.write(0, `Message:\t${pv.status?.message ?? ''}\n`);
  describeSource(pv, w);
  eventsSection(w, events, now);
}

export function describeStorageClass(sc: KObject, w: DescribeWriter, events: EventRecord[], now: number): void {
  const o: Any = sc;
  w.write(0, `Name:\t${sc.metadata.name}\n`);
  w.write(0, `IsDefaultClass:\t${isDefaultClass(sc) ? 'Yes' : 'No'}\n`);
  // labels.FormatLabels, as describe.go prints both: every key sorted (the last-applied
  // configuration too, newline and all), k=v joined by commas.
  const formatted = (m: Record<string, string> | undefined) =>
    Object.keys(m ?? {})
      .sort()
      .map((k) => `${k}=${m![k]}`)
      .join(',') || '<none>';
  w.write(0, `Annotations:\t${formatted(sc.metadata.annotations)}\n`);
  w.write(0, `Provisioner:\t${o.provisioner}\n`);
  w.write(0, `Parameters:\t${formatted(o.parameters)}\n`);
  w.write(0, `AllowVolumeExpansion:\t${o.allowVolumeExpansion === undefined ? '<unset>' : o.allowVolumeExpansion ? 'True' : 'False'}\n`);
  // describe.go describeStorageClass: mount options one per line, then the allowed topologies' terms.
  const mountOptions: string[] = o.mountOptions ?? [];
  if (mountOptions.length === 0) w.write(0, 'MountOptions:\t<none>\n');
  else {
    w.write(0, 'MountOptions:\n');
    for (const option of mountOptions) w.write(1, `${option}\n`);
  }
  w.write(0, `ReclaimPolicy:\t${o.reclaimPolicy ?? 'Delete'}\n`);
  w.write(0, `VolumeBindingMode:\t${o.volumeBindingMode ?? 'Immediate'}\n`);
  const topologies: { matchLabelExpressions?: { key: string; values?: string[] }[] }[] | undefined = o.allowedTopologies;
  if (topologies) {
    w.write(0, `AllowedTopologies:\t${topologies.length ? '' : '<none>'}\n`);
    topologies.forEach((term, i) => {
      const reqs = term.matchLabelExpressions ?? [];
      if (reqs.length === 0) return void w.write(1, `Term ${i}:\t<none>\n`);
      reqs.forEach((r, j) => w.write(1, `${j === 0 ? `Term ${i}:` : ''}\t${r.key} in${r.values?.length ? ` [${r.values.join(', ')}]` : ''}\n`));
    });
  }
  eventsSection(w, events, now);
}

