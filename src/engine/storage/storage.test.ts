import { describe, expect, it } from 'vitest';
import { k, kFail, newCluster, rows } from '../testing/helpers';
import type { Cluster } from '../cluster/cluster';

const claim = (name: string, extra = '', size = '1Gi') => `apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: ${name}}
spec:
  accessModes: [ReadWriteOnce]
  resources: {requests: {storage: ${size}}}
${extra}`;

const writerDeployment = (claimName: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: db}
spec:
  replicas: 1
  strategy: {type: Recreate}
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers:
      - name: main
        image: busybox
        command: ["sh", "-c", "sleep 3600"]
        volumeMounts: [{name: data, mountPath: /data}]
      volumes:
      - name: data
        persistentVolumeClaim: {claimName: ${claimName}}
`;

const podOf = (c: Cluster, app: string) => c.store.list('pods', 'default').find((p) => p.metadata.labels?.app === app && !p.metadata.deletionTimestamp)!;
const eventsOf = (c: Cluster, kind: string, name: string, resource = `${kind.toLowerCase()}s`) => {
  const obj = c.store.get(resource, 'default', name)!;
  return c.api.events.forObject({ kind, namespace: 'default', name, uid: obj.metadata.uid });
};
const reasonsOf = (c: Cluster, name: string) => eventsOf(c, 'PersistentVolumeClaim', name, 'persistentvolumeclaims').map((e) => e.reason);

describe('storage classes', () => {
  it('a new cluster has standard (default), ssd and hdd from the simulated disk driver', () => {
    const c = newCluster();
    const table = k(c, 'get storageclass');
    expect(table.split('\n')[0]).toMatch(/^NAME\s+PROVISIONER\s+RECLAIMPOLICY\s+VOLUMEBINDINGMODE\s+ALLOWVOLUMEEXPANSION\s+AGE$/);
    expect(rows(table).map((r) => r.slice(0, 5))).toEqual([
      ['hdd', 'disk.csi.wheelhouse.dev', 'Delete', 'Immediate', 'true'],
      ['ssd', 'disk.csi.wheelhouse.dev', 'Delete', 'WaitForFirstConsumer', 'true'],
      ['standard (default)', 'disk.csi.wheelhouse.dev', 'Delete', 'WaitForFirstConsumer', 'true'],
    ]);
    // Workers are spread over the region's zones.
    expect(k(c, 'get nodes -L topology.kubernetes.io/zone')).toMatch(/worker-1 .* wh-central-1a\n/);
  });

  it('refuses updates to a class parameters and unknown binding modes', () => {
    const c = newCluster();
    const sc = `apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: fast}\nprovisioner: disk.csi.wheelhouse.dev\nparameters: {type: ssd}\n`;
    k(c, 'apply -f -', sc);
    expect(kFail(c, 'apply -f -', sc.replace('type: ssd', 'type: hdd'))).toContain('parameters: Forbidden: updates to parameters are forbidden.');
    expect(kFail(c, 'apply -f -', sc.replace('fast', 'slow') + 'volumeBindingMode: Later\n')).toContain('volumeBindingMode: Unsupported value: "Later": supported values: "Immediate", "WaitForFirstConsumer"');
  });
});

describe('dynamic provisioning', () => {
  it('WaitForFirstConsumer: the claim waits for a pod, then a disk is made in that pod’s zone', () => {
    const c = newCluster();
    k(c, 'apply -f -', claim('data'));
    c.advance(5);
    expect(rows(k(c, 'get pvc'))[0]).toEqual(['data', 'Pending', 'standard', '<unset>', expect.stringMatching(/s$/)]);
    expect(reasonsOf(c, 'data')).toEqual(['WaitForFirstConsumer']);
    expect(k(c, 'get pvc data -o jsonpath={.metadata.finalizers}')).toBe('["kubernetes.io/pvc-protection"]');

    k(c, 'apply -f -', writerDeployment('data'));
    c.advance(3);
    // The scheduler picked a node and holds the pod until the claim is bound.
    const pending = podOf(c, 'db');
    expect(pending.spec.nodeName).toBeUndefined();
    const selected = k(c, String.raw`get pvc data -o jsonpath='{.metadata.annotations.volume\.kubernetes\.io/selected-node}'`);
    expect(selected).toMatch(/^worker-\d$/);
    c.advance(15);
    const pod = podOf(c, 'db');
    expect(pod.spec.nodeName).toBe(selected);
    expect(pod.status.phase).toBe('Running');
    expect(reasonsOf(c, 'data')).toEqual(['WaitForFirstConsumer', 'ExternalProvisioning', 'Provisioning', 'ProvisioningSucceeded']);

    const pvName = k(c, 'get pvc data -o jsonpath={.spec.volumeName}');
    const pvc = rows(k(c, 'get pvc'))[0];
    expect(pvc.slice(0, 6)).toEqual(['data', 'Bound', pvName, '1Gi', 'RWO', 'standard']);
    const pv = rows(k(c, 'get pv'))[0];
    expect(pv.slice(0, 7)).toEqual([pvName, '1Gi', 'RWO', 'Delete', 'Bound', 'default/data', 'standard']);
    const zone = c.store.get('nodes', undefined, selected)!.metadata.labels!['topology.kubernetes.io/zone'];
    expect(k(c, `get pv ${pvName} -o jsonpath={.spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].values[0]}`)).toBe(zone);
    // The disk was attached to the pod's node before the containers started.
    expect(rows(k(c, 'get volumeattachments'))[0].slice(1, 5)).toEqual(['disk.csi.wheelhouse.dev', pvName, selected, 'true']);
    const podEvents = eventsOf(c, 'Pod', pod.metadata.name!).map((e) => e.reason);
    expect(podEvents.indexOf('SuccessfulAttachVolume')).toBeLessThan(podEvents.indexOf('Started'));
    expect(podEvents[0]).toBe('Scheduled');
  });

  it('Immediate binding provisions at once, rounds the size up to whole GiB, and the pod follows the disk’s zone', () => {
    const c = newCluster();
    k(c, 'apply -f -', claim('logs', '  storageClassName: hdd\n', '500Mi'));
    c.advance(10);
    expect(rows(k(c, 'get pvc'))[0].slice(0, 4)).toEqual(['logs', 'Bound', expect.stringMatching(/^pvc-/), '1Gi']);
    const zone = k(c, 'get pv -o jsonpath={.items[0].spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].values[0]}');
    k(c, 'apply -f -', writerDeployment('logs'));
    c.advance(15);
    const node = c.store.get('nodes', undefined, podOf(c, 'db').spec.nodeName)!;
    expect(node.metadata.labels!['topology.kubernetes.io/zone']).toBe(zone);
  });

  it('a claim naming a class that does not exist says so; a claim with class "" waits for a matching PV', () => {
    const c = newCluster();
    k(c, 'apply -f -', claim('typo', '  storageClassName: fast\n'));
    k(c, 'apply -f -', claim('manual', '  storageClassName: ""\n'));
    c.advance(5);
    const typo = eventsOf(c, 'PersistentVolumeClaim', 'typo', 'persistentvolumeclaims');
    expect(typo.map((e) => `${e.type} ${e.reason} ${e.message}`)).toContain('Warning ProvisioningFailed storageclass.storage.k8s.io "fast" not found');
    expect(reasonsOf(c, 'manual')).toEqual(['FailedBinding']);
    expect(k(c, 'describe pvc manual')).toContain('no persistent volumes available for this claim and no storage class is set');
  });
});

describe('static provisioning and reclaim', () => {
  const pv = (name: string, size: string, policy = 'Retain', cls = '""') => `apiVersion: v1
kind: PersistentVolume
metadata: {name: ${name}, labels: {tier: fast}}
spec:
  capacity: {storage: ${size}}
  accessModes: [ReadWriteOnce]
  persistentVolumeReclaimPolicy: ${policy}
  storageClassName: ${cls}
  nfs: {server: 10.0.0.5, path: /exports/${name}}
`;

  it('binds the smallest Available volume that fits; deleting the claim releases it (Retain keeps it)', () => {
    const c = newCluster();
    k(c, 'apply -f -', pv('big', '10Gi'));
    k(c, 'apply -f -', pv('small', '2Gi'));
    k(c, 'apply -f -', pv('tiny', '500Mi'));
    c.advance(2);
    expect(rows(k(c, 'get pv')).map((r) => r[4])).toEqual(['Available', 'Available', 'Available']);
    k(c, 'apply -f -', claim('data', '  storageClassName: ""\n'));
    c.advance(2);
    expect(rows(k(c, 'get pvc'))[0].slice(0, 4)).toEqual(['data', 'Bound', 'small', '2Gi']);
    expect(k(c, 'get pv small -o jsonpath={.spec.claimRef.name}')).toBe('data');
    k(c, 'delete pvc data');
    c.advance(2);
    expect(rows(k(c, 'get pv small'))[0].slice(4, 6)).toEqual(['Released', 'default/data']);
    // A released volume is not handed to a new claim: its old claimRef still stands.
    k(c, 'apply -f -', claim('again', '  storageClassName: ""\n'));
    c.advance(2);
    expect(rows(k(c, 'get pvc again'))[0].slice(0, 3)).toEqual(['again', 'Bound', 'big']);
  });

  it('refuses volume sources it does not simulate, and invalid claims with the API server’s words', () => {
    const c = newCluster();
    expect(kFail(c, 'apply -f -', `apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: ebs}\nspec:\n  capacity: {storage: 1Gi}\n  accessModes: [ReadWriteOnce]\n  awsElasticBlockStore: {volumeID: vol-1}\n`)).toContain('the awsElasticBlockStore volume source is not simulated here');
    expect(kFail(c, 'apply -f -', `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: bad}\nspec:\n  resources: {requests: {storage: 1Gi}}\n`)).toContain('spec.accessModes: Required value: at least 1 access mode is required');
    expect(kFail(c, 'apply -f -', `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: bad}\nspec:\n  accessModes: [ReadWriteOnce]\n`)).toContain('spec.resources[storage]: Required value');
    expect(kFail(c, 'apply -f -', `apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: nosrc}\nspec:\n  capacity: {storage: 1Gi}\n  accessModes: [ReadWriteOnce]\n`)).toContain('spec: Required value: must specify a volume type');
    k(c, 'apply -f -', claim('data'));
    expect(kFail(c, 'apply -f -', claim('data').replace('ReadWriteOnce', 'ReadWriteMany'))).toContain('spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims');
  });
});

/** Two nodes in one zone and one in another, so a zonal disk has somewhere to move to. */
const zonedNodes = () => ({
  nodes: [
    { name: 'w1', labels: { 'topology.kubernetes.io/zone': 'wh-central-1a' } },
    { name: 'w2', labels: { 'topology.kubernetes.io/zone': 'wh-central-1a' } },
    { name: 'w3', labels: { 'topology.kubernetes.io/zone': 'wh-central-1b' } },
  ],
});

const pinnedPod = (name: string, node: string, claimName: string) => `apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
  nodeSelector: {kubernetes.io/hostname: ${node}}
  containers:
  - name: main
    image: busybox
    command: ["sh", "-c", "sleep 3600"]
    volumeMounts: [{name: data, mountPath: /data}]
  volumes:
  - name: data
    persistentVolumeClaim: {claimName: ${claimName}}
`;

const attachedNodes = (c: Cluster) => c.store.list('volumeattachments').map((va) => `${va.spec.nodeName}:${va.status?.attached}`);

describe('a volume follows its pod', () => {
  it('keeps its data when the pod is replaced on another node; the disk detaches and attaches there', () => {
    const c = newCluster(zonedNodes());
    k(c, 'apply -f -', claim('data'));
    k(c, 'apply -f -', writerDeployment('data').replace('      containers:', '      nodeSelector: {topology.kubernetes.io/zone: wh-central-1a}\n      containers:'));
    c.advance(20);
    const first = podOf(c, 'db');
    expect(first.status.phase).toBe('Running');
    const from = first.spec.nodeName;
    k(c, `exec ${first.metadata.name} -- sh -c "echo 42 > /data/answer"`);
    expect(attachedNodes(c)).toEqual([`${from}:true`]);

    // The node is drained: the pod is evicted and its replacement can only go to the other zone-a node.
    k(c, `drain ${from} --ignore-daemonsets --delete-emptydir-data`);
    c.advance(60);
    const second = podOf(c, 'db');
    expect(second.metadata.name).not.toBe(first.metadata.name);
    expect(second.spec.nodeName).toBe(from === 'w1' ? 'w2' : 'w1');
    expect(second.status.phase).toBe('Running');
    expect(attachedNodes(c)).toEqual([`${second.spec.nodeName}:true`]);
    expect(k(c, `exec ${second.metadata.name} -- cat /data/answer`)).toBe('42\n');
  });

  it('an emptyDir does not survive the pod; a hostPath directory stays on its node', () => {
    const c = newCluster(zonedNodes());
    const pod = (name: string, node: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}}\nspec:\n  nodeName: ${node}\n  containers:\n  - name: main\n    image: busybox\n    command: ["sleep", "3600"]\n    volumeMounts: [{name: scratch, mountPath: /scratch}, {name: host, mountPath: /host}]\n  volumes:\n  - {name: scratch, emptyDir: {}}\n  - {name: host, hostPath: {path: /var/data, type: DirectoryOrCreate}}\n`;
    k(c, 'apply -f -', pod('a', 'w1'));
    c.advance(10);
    k(c, 'exec a -- sh -c "echo tmp > /scratch/f && echo kept > /host/f"');
    k(c, 'delete pod a');
    c.advance(40);
    k(c, 'apply -f -', pod('a', 'w1'));
    k(c, 'apply -f -', pod('b', 'w2'));
    c.advance(10);
    expect(kFail(c, 'exec a -- cat /scratch/f')).toContain('No such file or directory');
    expect(k(c, 'exec a -- cat /host/f')).toBe('kept\n');
    expect(kFail(c, 'exec b -- cat /host/f')).toContain('No such file or directory');
  });
});

describe('ReadWriteOnce', () => {
  it('a second node gets a Multi-Attach error until the first pod lets go of the disk', () => {
    const c = newCluster(zonedNodes());
    k(c, 'apply -f -', claim('data'));
    k(c, 'apply -f -', pinnedPod('first', 'w1', 'data'));
    c.advance(20);
    k(c, 'exec first -- sh -c "echo from-first > /data/who"');
    k(c, 'apply -f -', pinnedPod('second', 'w2', 'data'));
    c.advance(30);
    expect(rows(k(c, 'get pod second'))[0].slice(0, 3)).toEqual(['second', '0/1', 'ContainerCreating']);
    const pvName = k(c, 'get pvc data -o jsonpath={.spec.volumeName}');
    const failed = eventsOf(c, 'Pod', 'second').filter((e) => e.reason === 'FailedAttachVolume');
    expect(failed[0].type).toBe('Warning');
    expect(failed[0].message).toBe(`Multi-Attach error for volume "${pvName}" Volume is already used by pod(s) first`);
    expect(attachedNodes(c)).toEqual(['w1:true']);
    // The kubelet on w2 gives up waiting after 2m3s and says why.
    c.advance(120);
    expect(eventsOf(c, 'Pod', 'second').map((e) => `${e.reason}: ${e.message}`)).toContain('FailedMount: Unable to attach or mount volumes: unmounted volumes=[data], unattached volumes=[data], failed to process volumes=[]: context deadline exceeded');

    k(c, 'delete pod first');
    c.advance(60);
    expect(rows(k(c, 'get pod second'))[0].slice(0, 3)).toEqual(['second', '1/1', 'Running']);
    expect(attachedNodes(c)).toEqual(['w2:true']);
    expect(k(c, 'exec second -- cat /data/who')).toBe('from-first\n');
  });
});

describe('the scheduler and volumes', () => {
  it('explains claims it cannot use: missing, unbound Immediate, and zone conflicts', () => {
    const c = newCluster(zonedNodes());
    k(c, 'apply -f -', pinnedPod('orphan', 'w1', 'nothing'));
    c.advance(3);
    const msg = (name: string) => eventsOf(c, 'Pod', name).filter((e) => e.reason === 'FailedScheduling').map((e) => e.message)[0];
    expect(msg('orphan')).toBe('0/4 nodes are available: persistentvolumeclaim "nothing" not found. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.');

    // A disk made in zone a for a pod on w1 cannot follow a pod that must run on w3 (zone b).
    k(c, 'apply -f -', claim('data'));
    k(c, 'apply -f -', pinnedPod('a', 'w1', 'data'));
    c.advance(20);
    k(c, 'delete pod a');
    c.advance(40);
    k(c, 'apply -f -', pinnedPod('b', 'w3', 'data'));
    c.advance(3);
    expect(msg('b')).toBe(
      "0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 1 node(s) had volume node affinity conflict, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.",
    );
  });
});

describe('claims and their volumes over time', () => {
  it('a claim in use stays Terminating until its pod is gone; then Delete removes the disk and its data', () => {
    const c = newCluster(zonedNodes());
    k(c, 'apply -f -', claim('data'));
    k(c, 'apply -f -', pinnedPod('a', 'w1', 'data'));
    c.advance(20);
    const pvName = k(c, 'get pvc data -o jsonpath={.spec.volumeName}');
    const handle = k(c, `get pv ${pvName} -o jsonpath={.spec.csi.volumeHandle}`);
    k(c, 'exec a -- sh -c "echo x > /data/x"');
    expect(c.volumeData.has(`disk:${handle}`)).toBe(true);
    k(c, 'delete pvc data --wait=false');
    c.advance(5);
    expect(rows(k(c, 'get pvc'))[0].slice(0, 2)).toEqual(['data', 'Terminating']);
    expect(k(c, 'describe pvc data')).toMatch(/Used By:\s+a\n/);
    k(c, 'delete pod a');
    c.advance(60);
    expect(k(c, 'get pvc,pv')).toBe('');
    expect(c.store.list('volumeattachments')).toEqual([]);
    expect(c.volumeData.has(`disk:${handle}`)).toBe(false);
  });

  it('StatefulSet replicas get their own claims, which outlive pods, scale-down and the set', () => {
    const c = newCluster();
    k(c, 'apply -f -', `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: web
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: main
        image: busybox
        command: ["sh", "-c", "sleep 3600"]
        volumeMounts: [{name: data, mountPath: /data}]
  volumeClaimTemplates:
  - metadata: {name: data}
    spec:
      accessModes: [ReadWriteOnce]
      resources: {requests: {storage: 2Gi}}
`);
    c.advance(60);
    expect(rows(k(c, 'get pvc')).map((r) => r.slice(0, 2))).toEqual([
      ['data-web-0', 'Bound'],
      ['data-web-1', 'Bound'],
    ]);
    expect(k(c, 'get pvc data-web-0 -o jsonpath={.metadata.labels.app}')).toBe('web');
    expect(eventsOf(c, 'StatefulSet', 'web', 'statefulsets').map((e) => e.message)).toContain('create Claim data-web-0 Pod web-0 in StatefulSet web success');
    k(c, 'exec web-0 -- sh -c "echo zero > /data/id"');
    k(c, 'exec web-1 -- sh -c "echo one > /data/id"');
    k(c, 'delete pod web-0');
    c.advance(60);
    expect(k(c, 'exec web-0 -- cat /data/id')).toBe('zero\n');
    k(c, 'scale statefulset web --replicas=1');
    c.advance(60);
    expect(rows(k(c, 'get pvc')).map((r) => r.slice(0, 2))).toEqual([
      ['data-web-0', 'Bound'],
      ['data-web-1', 'Bound'],
    ]);
    k(c, 'scale statefulset web --replicas=2');
    c.advance(60);
    expect(k(c, 'exec web-1 -- cat /data/id')).toBe('one\n');
  });
});

describe('growing a claim', () => {
  it('expands a dynamically provisioned disk; a class without expansion refuses', () => {
    const c = newCluster(zonedNodes());
    k(c, 'apply -f -', claim('data'));
    k(c, 'apply -f -', pinnedPod('a', 'w1', 'data'));
    c.advance(20);
    k(c, 'apply -f -', claim('data', '', '5Gi'));
    c.advance(5);
    expect(rows(k(c, 'get pvc data'))[0].slice(0, 4)).toEqual(['data', 'Bound', expect.stringMatching(/^pvc-/), '5Gi']);
    expect(rows(k(c, 'get pv'))[0][1]).toBe('5Gi');
    expect(reasonsOf(c, 'data')).toEqual(expect.arrayContaining(['Resizing', 'FileSystemResizeSuccessful']));
    expect(kFail(c, 'apply -f -', claim('data', '', '2Gi'))).toContain('spec.resources.requests.storage: Forbidden: field can not be less than status.capacity');

    k(c, 'apply -f -', `apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: fixed}\nprovisioner: disk.csi.wheelhouse.dev\nvolumeBindingMode: Immediate\n`);
    k(c, 'apply -f -', claim('small', '  storageClassName: fixed\n'));
    c.advance(10);
    expect(kFail(c, 'apply -f -', claim('small', '  storageClassName: fixed\n', '2Gi'))).toContain('persistentvolumeclaims "small" is forbidden: only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize');
  });

  it('ResourceQuota counts requested storage, per class too', () => {
    const c = newCluster();
    k(c, 'create quota disks --hard=requests.storage=3Gi,persistentvolumeclaims=5,ssd.storageclass.storage.k8s.io/requests.storage=1Gi');
    c.advance(2);
    k(c, 'apply -f -', claim('one', '', '2Gi'));
    expect(kFail(c, 'apply -f -', claim('two', '', '2Gi'))).toContain('exceeded quota: disks, requested: requests.storage=2Gi, used: requests.storage=2Gi, limited: requests.storage=3Gi');
    expect(kFail(c, 'apply -f -', claim('fast', '  storageClassName: ssd\n', '2Gi'))).toContain(
      'exceeded quota: disks, requested: requests.storage=2Gi,ssd.storageclass.storage.k8s.io/requests.storage=2Gi, used: requests.storage=2Gi,ssd.storageclass.storage.k8s.io/requests.storage=0, limited: requests.storage=3Gi,ssd.storageclass.storage.k8s.io/requests.storage=1Gi',
    );
    c.advance(2);
    expect(k(c, 'describe quota disks')).toMatch(/requests\.storage\s+2Gi\s+3Gi/);
  });
});
