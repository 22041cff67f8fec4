import { describe, expect, it } from 'vitest';
import { newCluster, k } from '../../testing/helpers';

/**
 * describe for Job, CronJob, StatefulSet and Ingress in kubectl 1.32's layout (pkg/describe:
 * describeJob, describeCronJob, describeStatefulSet, describeIngressV1), tabwriter columns and all.
 */
const UID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

function cluster() {
  const c = newCluster();
  k(c, 'create job pi --image=busybox -- echo done');
  k(c, 'create cronjob tick --image=busybox --schedule="*/5 * * * *" -- echo hi');
  k(
    c,
    'apply -f -',
    `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  replicas: 2
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers: [{name: db, image: busybox, command: [sh, -c, sleep 3600]}]
  volumeClaimTemplates:
  - metadata: {name: data}
    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
`,
  );
  k(c, 'create deployment api --image=nginx --port=80 --replicas=4');
  k(c, 'create service clusterip api --tcp=80:80');
  k(c, 'create ingress shop --rule="shop.example.com/api*=api:80,tls=shop-cert" --rule="shop.example.com/=api:80"');
  c.advance(400);
  return c;
}

describe('kubectl describe for jobs, cron jobs, stateful sets and ingresses', () => {
  const c = cluster();

  it('job', () => {
    expect(k(c, 'describe job pi').replace(UID, '<uid>').replace(/pi-[a-z0-9]{5}/, 'pi-xxxxx')).toBe(`Name:             pi
Namespace:        default
Selector:         batch.kubernetes.io/controller-uid=<uid>
Labels:           batch.kubernetes.io/controller-uid=<uid>
                  batch.kubernetes.io/job-name=pi
                  controller-uid=<uid>
                  job-name=pi
Annotations:      <none>
Parallelism:      1
Completions:      1
Completion Mode:  NonIndexed
Suspend:          false
Backoff Limit:    6
Start Time:       Mon, 02 Mar 2026 09:05:00 +0000
Completed At:     Mon, 02 Mar 2026 09:05:02 +0000
Duration:         2s
Pods Statuses:    0 Active (0 Ready) / 1 Succeeded / 0 Failed
Pod Template:
  Labels:  batch.kubernetes.io/controller-uid=<uid>
           batch.kubernetes.io/job-name=pi
           controller-uid=<uid>
           job-name=pi
  Containers:
   pi:
    Image:      busybox
    Port:       <none>
    Host Port:  <none>
    Command:
      echo
      done
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Events:
  Type    Reason            Age    From            Message
  ----    ------            ----   ----            -------
  Normal  SuccessfulCreate  6m40s  job-controller  Created pod: pi-xxxxx
  Normal  Completed         6m38s  job-controller  Job completed
`);
  });

  it('cronjob', () => {
    expect(k(c, 'describe cronjob tick')).toBe(`Name:                          tick
Namespace:                     default
Labels:                        <none>
Annotations:                   <none>
Schedule:                      */5 * * * *
Concurrency Policy:            Allow
Suspend:                       False
Successful Job History Limit:  3
Failed Job History Limit:      1
Starting Deadline Seconds:     <unset>
Selector:                      <unset>
Parallelism:                   <unset>
Completions:                   <unset>
Pod Template:
  Labels:  <none>
  Containers:
   tick:
    Image:      busybox
    Port:       <none>
    Host Port:  <none>
    Command:
      echo
      hi
    Environment:     <none>
    Mounts:          <none>
  Volumes:           <none>
  Node-Selectors:    <none>
  Tolerations:       <none>
Last Schedule Time:  Mon, 02 Mar 2026 09:10:00 +0000
Active Jobs:         <none>
Events:
  Type    Reason            Age   From                Message
  ----    ------            ----  ----                -------
  Normal  SuccessfulCreate  100s  cronjob-controller  Created job tick-29540710
  Normal  SawCompletedJob   98s   cronjob-controller  Saw completed job: tick-29540710, status: Complete
`);
  });

  it('statefulset', () => {
    expect(k(c, 'describe statefulset db')).toBe(`Name:               db
Namespace:          default
CreationTimestamp:  Mon, 02 Mar 2026 09:05:00 +0000
Selector:           app=db
Labels:             <none>
Annotations:        <none>
Replicas:           2 desired | 2 total
Update Strategy:    RollingUpdate
  Partition:        0
Pods Status:        2 Running / 0 Waiting / 0 Succeeded / 0 Failed
Pod Template:
  Labels:  app=db
  Containers:
   db:
    Image:      busybox
    Port:       <none>
    Host Port:  <none>
    Command:
      sh
      -c
      sleep 3600
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Volume Claims:
  Name:          data
  StorageClass:  
  Labels:        <none>
  Annotations:   <none>
  Capacity:      1Gi
  Access Modes:  [ReadWriteOnce]
Events:
  Type    Reason            Age    From                    Message
  ----    ------            ----   ----                    -------
  Normal  SuccessfulCreate  6m40s  statefulset-controller  create Claim data-db-0 Pod db-0 in StatefulSet db success
  Normal  SuccessfulCreate  6m40s  statefulset-controller  create Pod db-0 in StatefulSet db successful
  Normal  SuccessfulCreate  6m32s  statefulset-controller  create Claim data-db-1 Pod db-1 in StatefulSet db success
  Normal  SuccessfulCreate  6m32s  statefulset-controller  create Pod db-1 in StatefulSet db successful
`);
  });

  it('ingress: rules with each backend Service and its first three ready endpoints', () => {
    const out = k(c, 'describe ingress shop').replace(/\(10\.244[^)]*\)/g, '(<endpoints>)');
    expect(out).toBe(`Name:             shop
Labels:           <none>
Namespace:        default
Address:          198.51.100.10
Ingress Class:    nginx
Default backend:  <default>
TLS:
  shop-cert terminates shop.example.com
Rules:
  Host              Path  Backends
  ----              ----  --------
  shop.example.com  
                    /api   api:80 (<endpoints>)
                    /      api:80 (<endpoints>)
Annotations:        <none>
Events:
  Type    Reason  Age    From                      Message
  ----    ------  ----   ----                      -------
  Normal  Sync    6m38s  nginx-ingress-controller  Scheduled for sync
`);
    expect(k(c, 'describe ingress shop')).toMatch(/ api:80 \(10\.244\.\d+\.\d+:80,10\.244\.\d+\.\d+:80,10\.244\.\d+\.\d+:80 \+ 1 more\.\.\.\)\n/);
  });
});

describe('kubectl describe for endpoints, slices, ingress classes and the generic describer', () => {
  const c = newCluster();
  k(c, 'create deployment api --image=nginx --port=80 --replicas=2');
  k(c, 'create service clusterip api --tcp=80:80');
  c.advance(60);
  const IP = /10\.244\.\d+\.\d+/g;

  it('endpoints', () => {
    expect(k(c, 'describe endpoints api').replace(IP, '<ip>')).toBe(`Name:         api
Namespace:    default
Labels:       app=api
Annotations:  <none>
Subsets:
  Addresses:          <ip>,<ip>
  NotReadyAddresses:  <none>
  Ports:
    Name   Port  Protocol
    ----   ----  --------
    80-80  80    TCP

Events:  <none>
`);
  });

  it('endpointslice', () => {
    const out = k(c, 'describe endpointslices -l kubernetes.io/service-name=api').replace(IP, '<ip>').replace(/api-[a-z0-9]+-[a-z0-9]{5}/g, 'api-pod').replace(/api-[a-z0-9]{5}\n/, 'api-slice\n').replace(/worker-\d/g, 'worker-n').replace(/wh-central-1[abc]/g, 'zone');
    expect(out).toBe(`Name:         api-slice
Namespace:    default
Labels:       app=api
              endpointslice.kubernetes.io/managed-by=endpointslice-controller.k8s.io
              kubernetes.io/service-name=api
Annotations:  <none>
AddressType:  IPv4
Ports:
  Name   Port  Protocol
  ----   ----  --------
  80-80  80    TCP
Endpoints:
  - Addresses:  <ip>
    Conditions:
      Ready:    true
    Hostname:   <unset>
    TargetRef:  Pod/api-pod
    NodeName:   worker-n
    Zone:       zone
  - Addresses:  <ip>
    Conditions:
      Ready:    true
    Hostname:   <unset>
    TargetRef:  Pod/api-pod
    NodeName:   worker-n
    Zone:       zone
Events:         <none>
`);
  });

  it('ingressclass', () => {
    expect(k(c, 'describe ingressclass nginx')).toBe(`Name:         nginx
Labels:       app.kubernetes.io/component=controller
              app.kubernetes.io/name=ingress-nginx
Annotations:  ingressclass.kubernetes.io/is-default-class: true
Controller:   k8s.io/ingress-nginx
Events:       <none>
`);
  });

  it('a kind without a describer (Lease): every field, names split into words', () => {
    const out = k(c, 'describe lease -n kube-node-lease worker-1').replace(UID, '<uid>');
    expect(out).toMatch(/^Name:         worker-1\nNamespace:    kube-node-lease\nLabels:       <none>\nAnnotations:  <none>\nAPI Version:  coordination\.k8s\.io\/v1\nKind:         Lease\nMetadata:\n  Creation Timestamp:  2026-03-02T09:00:00Z\n  Owner References:\n    API Version:     v1\n    Kind:            Node\n    Name:            worker-1\n    UID:             <uid>\n  Resource Version:  \d+\n  UID:               <uid>\nSpec:\n  Holder Identity:         worker-1\n  Lease Duration Seconds:  40\n  Renew Time:              [0-9T:.-]+Z\nEvents:                    <none>\n$/);
  });
});

describe('kubectl describe namespace', () => {
  it('lists the namespace quotas and limit ranges as kubectl does', () => {
    const c = newCluster();
    k(c, 'create namespace shop');
    expect(k(c, 'describe namespace shop')).toBe(`Name:         shop
Labels:       kubernetes.io/metadata.name=shop
Annotations:  <none>
Status:       Active

No resource quota.

No LimitRange resource.
`);
    k(c, 'create quota small -n shop --hard=pods=10,requests.cpu=2');
    k(
      c,
      'apply -n shop -f -',
      `apiVersion: v1
kind: LimitRange
metadata: {name: defaults}
spec:
  limits:
  - type: Container
    default: {cpu: 500m}
    defaultRequest: {cpu: 250m}
`,
    );
    c.advance(20);
    expect(k(c, 'describe namespace shop')).toBe(`Name:         shop
Labels:       kubernetes.io/metadata.name=shop
Annotations:  <none>
Status:       Active

Resource Quotas
  Name:         small
  Resource      Used  Hard
  --------      ---   ---
  pods          0     10
  requests.cpu  0     2

Resource Limits
 Type       Resource  Min  Max  Default Request  Default Limit  Max Limit/Request Ratio
 ----       --------  ---  ---  ---------------  -------------  -----------------------
 Container  cpu       -    -    250m             500m           -
`);
  });
});
