import { describe, expect, it } from 'vitest';
import { newCluster, k, kFail, assertNoTaskFailures } from '../../testing/helpers';

/** `kubectl create job` and `create cronjob`: the bytes below are what kubectl 1.32 prints for the same lines. */
describe('kubectl create job / cronjob', () => {
  it('writes the same CronJob as kubectl (dry run)', () => {
    const c = newCluster();
    expect(k(c, 'create cronjob tick --image=busybox --schedule="*/1 * * * *" --dry-run=client -o yaml -- echo hi')).toBe(`apiVersion: batch/v1
kind: CronJob
metadata:
  creationTimestamp: null
  name: tick
spec:
  jobTemplate:
    metadata:
      creationTimestamp: null
      name: tick
    spec:
      template:
        metadata:
          creationTimestamp: null
        spec:
          containers:
          - command:
            - echo
            - hi
            image: busybox
            name: tick
            resources: {}
          restartPolicy: OnFailure
  schedule: '*/1 * * * *'
status: {}
`);
  });

  it('writes the same Job as kubectl (dry run)', () => {
    const c = newCluster();
    expect(k(c, 'create job pi --image=busybox --dry-run=client -o yaml -- echo done')).toBe(`apiVersion: batch/v1
kind: Job
metadata:
  creationTimestamp: null
  name: pi
spec:
  template:
    metadata:
      creationTimestamp: null
    spec:
      containers:
      - command:
        - echo
        - done
        image: busybox
        name: pi
        resources: {}
      restartPolicy: Never
status: {}
`);
    expect(k(c, 'create job pi --image=busybox --dry-run=client')).toBe('job.batch/pi created (dry run)\n');
  });

  it("answers kubectl's words for missing flags and names", () => {
    const c = newCluster();
    expect(kFail(c, 'create cronjob tick')).toBe('error: required flag(s) "image", "schedule" not set\n');
    expect(kFail(c, 'create cronjob tick --image=b')).toBe('error: required flag(s) "schedule" not set\n');
    expect(kFail(c, 'create cronjob tick --schedule=x')).toBe('error: required flag(s) "image" not set\n');
    expect(kFail(c, 'create cronjob --image=b --schedule="* * * * *"')).toBe("error: exactly one NAME is required, got 0\nSee 'kubectl create cronjob -h' for help and examples\n");
    expect(kFail(c, 'create job x')).toBe('error: either --image or --from must be specified\n');
    expect(kFail(c, 'create job x --image=b --from=cronjob/y')).toBe('error: either --image or --from must be specified\n');
    expect(kFail(c, 'create job')).toBe("error: exactly one NAME is required, got 0\nSee 'kubectl create job -h' for help and examples\n");
    expect(kFail(c, 'create job x --from=cronjob/nope')).toBe('Error from server (NotFound): cronjobs.batch "nope" not found\n');
  });

  it('runs a CronJob now with --from: the Job is marked manual, owned by the CronJob, and completes', () => {
    const c = newCluster();
    k(c, 'create cronjob nightly --image=busybox --schedule="0 3 * * *" -- echo backup');
    expect(k(c, 'create job nightly-now --from=cronjob/nightly')).toBe('job.batch/nightly-now created\n');
    const job = c.store.get('jobs', 'default', 'nightly-now')!;
    expect(job.metadata.annotations).toEqual({ 'cronjob.kubernetes.io/instantiate': 'manual' });
    expect(job.metadata.ownerReferences).toEqual([{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'nightly', uid: c.store.get('cronjobs', 'default', 'nightly')!.metadata.uid, controller: true }]);
    c.advance(40);
    assertNoTaskFailures(c);
    expect(k(c, 'get job nightly-now -o jsonpath={.status.succeeded}')).toBe('1');
    expect(k(c, 'logs job/nightly-now')).toBe('backup\n');
  });
});

/** `kubectl create service …`: expected bytes are kubectl 1.32's for the same lines. */
describe('kubectl create service', () => {
  it('writes the same Services as kubectl (dry run)', () => {
    const c = newCluster();
    expect(k(c, 'create service clusterip my --tcp=80:8080 --dry-run=client -o yaml')).toBe(`apiVersion: v1
kind: Service
metadata:
  creationTimestamp: null
  labels:
    app: my
  name: my
spec:
  ports:
  - name: 80-8080
    port: 80
    protocol: TCP
    targetPort: 8080
  selector:
    app: my
  type: ClusterIP
status:
  loadBalancer: {}
`);
    expect(k(c, 'create service nodeport np --tcp=5678:8080 --node-port=30080 --dry-run=client -o yaml')).toContain(`  ports:
  - name: 5678-8080
    nodePort: 30080
    port: 5678
    protocol: TCP
    targetPort: 8080
  selector:
    app: np
  type: NodePort
`);
    expect(k(c, 'create service loadbalancer lb --tcp=80 --dry-run=client -o yaml')).toContain(`  - name: "80"
    port: 80
    protocol: TCP
    targetPort: 80
`);
    expect(k(c, 'create service externalname ex --external-name=example.com --dry-run=client -o yaml')).toContain(`spec:
  externalName: example.com
  selector:
    app: ex
  type: ExternalName
`);
    expect(k(c, 'create service clusterip hl --clusterip=None --dry-run=client -o yaml')).toContain(`spec:
  clusterIP: None
  selector:
    app: hl
  type: ClusterIP
`);
    expect(k(c, 'create service clusterip x --tcp=80:http --tcp=81 --dry-run=client -o yaml')).toContain(`  - name: 80-http
    port: 80
    protocol: TCP
    targetPort: http
  - name: "81"
    port: 81
    protocol: TCP
    targetPort: 81
`);
    expect(k(c, 'create svc clusterip x --tcp=80 --dry-run=client')).toBe('service/x created (dry run)\n');
  });

  it("answers kubectl's words for what it refuses", () => {
    const c = newCluster();
    expect(kFail(c, 'create service clusterip x')).toBe('error: at least one tcp port specifier must be provided\n');
    expect(kFail(c, 'create service clusterip')).toBe("error: exactly one NAME is required, got 0\nSee 'kubectl create service clusterip -h' for help and examples\n");
    expect(kFail(c, 'create service foo x')).toBe('error: unknown command "foo x"\nSee \'kubectl create service -h\' for help and examples\n');
    expect(kFail(c, 'create service externalname x')).toBe('error: required flag(s) "external-name" not set\n');
    expect(kFail(c, 'create service nodeport x --tcp=abc')).toBe('error: strconv.ParseUint: parsing "abc": invalid syntax\n');
    expect(kFail(c, 'create service')).toMatch(/^Create a service using a specified subcommand\.\n[\s\S]*clusterip {6}Create a ClusterIP service\n/);
  });

  it('creates a working Service: its endpoints are the pods labelled app=NAME', () => {
    const c = newCluster();
    k(c, 'create deployment web --image=nginx --replicas=2');
    expect(k(c, 'create service clusterip web --tcp=80:80')).toBe('service/web created\n');
    c.advance(30);
    assertNoTaskFailures(c);
    expect(k(c, 'get endpoints web -o jsonpath={.subsets[0].addresses[*].ip}').split(' ')).toHaveLength(2);
    expect(k(c, 'create service nodeport web2 --tcp=80 --node-port=30080')).toBe('service/web2 created\n');
    expect(k(c, 'get svc web2 -o jsonpath={.spec.ports[0].nodePort}')).toBe('30080');
  });
});

/** `kubectl create ingress`: expected bytes are kubectl 1.32's for the same lines. */
describe('kubectl create ingress', () => {
  it('writes the same Ingresses as kubectl (dry run)', () => {
    const c = newCluster();
    expect(k(c, 'create ingress simple --rule="foo.com/bar=svc1:8080,tls=my-cert" --dry-run=client -o yaml')).toBe(`apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  creationTimestamp: null
  name: simple
spec:
  rules:
  - host: foo.com
    http:
      paths:
      - backend:
          service:
            name: svc1
            port:
              number: 8080
        path: /bar
        pathType: Exact
  tls:
  - hosts:
    - foo.com
    secretName: my-cert
status:
  loadBalancer: {}
`);
    expect(k(c, 'create ingress ann --class=default --rule="foo.com/*=svc:8080" --rule="bar.com/admin*=svc2:http" --default-backend=defaultsvc:http --annotation ingress.annotation1=foo --dry-run=client -o yaml')).toBe(`apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  annotations:
    ingress.annotation1: foo
  creationTimestamp: null
  name: ann
spec:
  defaultBackend:
    service:
      name: defaultsvc
      port:
        name: http
  ingressClassName: default
  rules:
  - host: foo.com
    http:
      paths:
      - backend:
          service:
            name: svc
            port:
              number: 8080
        path: /
        pathType: Prefix
  - host: bar.com
    http:
      paths:
      - backend:
          service:
            name: svc2
            port:
              name: http
        path: /admin
        pathType: Prefix
status:
  loadBalancer: {}
`);
  });

  it("answers kubectl's words for what it refuses", () => {
    const c = newCluster();
    expect(kFail(c, 'create ingress x')).toBe('error: not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)\n');
    expect(kFail(c, 'create ingress x --rule=bad')).toBe('error: rule bad is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]\n');
    expect(kFail(c, 'create ingress x --rule=foo.com/=svc')).toBe('error: rule foo.com/=svc is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]\n');
    expect(kFail(c, 'create ingress x --rule=/=svc:80 --default-backend=bad')).toBe('error: default-backend should be in format servicename:serviceport\n');
    expect(kFail(c, 'create ingress')).toBe("error: exactly one NAME is required, got 0\nSee 'kubectl create ingress -h' for help and examples\n");
  });

  it('routes requests: a created Ingress sends /api to its Service', () => {
    const c = newCluster();
    k(c, 'create deployment api --image=nginx --port=80');
    k(c, 'create service clusterip api --tcp=80:80');
    expect(k(c, 'create ingress shop --rule="shop.example.com/api*=api:80"')).toBe('ingress.networking.k8s.io/shop created\n');
    c.advance(40);
    assertNoTaskFailures(c);
    expect(k(c, 'get ingress shop -o jsonpath={.spec.rules[0].http.paths[0].pathType}')).toBe('Prefix');
    expect(k(c, 'get ingress shop')).toMatch(/^NAME +CLASS +HOSTS +ADDRESS +PORTS +AGE\nshop +nginx +shop\.example\.com +198\.51\.100\.10 +80 +\d+s\n$/);
  });
});

describe('kubectl api-versions', () => {
  it('lists every group/version served, sorted as kubectl sorts them', () => {
    const c = newCluster();
    const out = k(c, 'api-versions').split('\n').filter(Boolean);
    expect(out).toEqual([...out].sort());
    expect(out).toEqual(expect.arrayContaining(['apps/v1', 'autoscaling/v2', 'batch/v1', 'networking.k8s.io/v1', 'v1']));
    expect(out.at(-1)).toBe('v1');
    expect(kFail(c, 'api-versions foo')).toBe("error: unexpected arguments: [foo]\nSee 'kubectl api-versions -h' for help and examples\n");
  });
});
