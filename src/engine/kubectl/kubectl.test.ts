/**
 * kubectl output pinned against kubectl v1.32's formats: a change in a column, a spacing or
 * a message breaks one of these.
 */
import { describe, expect, it } from 'vitest';
import { newCluster, k, kFail, NGINX_DEPLOYMENT } from '../testing/helpers';
import { humanDuration } from './duration';
import { splitCommandLine } from './args';
import { tabwrite } from './describe/tabwriter';

describe('HumanDuration (AGE)', () => {
  it.each([
    [0, '0s'], [45_000, '45s'], [119_000, '119s'], [120_000, '2m'], [302_000, '5m2s'], [600_000, '10m'], [179 * 60_000, '179m'],
    [3 * 3600_000 + 5 * 60_000, '3h5m'], [4 * 3600_000, '4h'], [23 * 3600_000, '23h'], [50 * 3600_000, '2d2h'], [5 * 86400_000, '5d'],
    [45 * 86400_000, '45d'], [(2 * 365 + 15) * 86400_000, '2y15d'], [9 * 365 * 86400_000, '9y'], [-5000, '<invalid>'],
  ])('%d ms → %s', (ms, text) => expect(humanDuration(ms)).toBe(text));
});

describe('command line', () => {
  it('splits like a shell', () => {
    expect(splitCommandLine(`run x --image=busybox -- sh -c 'echo "hi there"; sleep 5'`)).toEqual(['run', 'x', '--image=busybox', '--', 'sh', '-c', 'echo "hi there"; sleep 5']);
  });
  it('aligns columns per block like Go tabwriter', () => {
    expect(tabwrite('a:\tb\nlonger:\tc\nbreak\nx:\ty\n', 0, 2)).toBe('a:       b\nlonger:  c\nbreak\nx:  y\n');
  });
});

describe('kubectl against a fresh cluster', () => {
  const c = newCluster();

  it('get nodes', () => {
    expect(k(c, 'get nodes')).toBe(
      [
        'NAME            STATUS   ROLES           AGE   VERSION',
        'control-plane   Ready    control-plane   5m    v1.32.0',
        'worker-1        Ready    <none>          5m    v1.32.0',
        'worker-2        Ready    <none>          5m    v1.32.0',
        'worker-3        Ready    <none>          5m    v1.32.0',
        '',
      ].join('\n'),
    );
  });

  it('get nodes -o wide', () => {
    const out = k(c, 'get nodes -o wide').split('\n');
    expect(out[0]).toBe('NAME            STATUS   ROLES           AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION     CONTAINER-RUNTIME');
    expect(out[2]).toBe('worker-1        Ready    <none>          5m    v1.32.0   172.18.0.3    <none>        Ubuntu 24.04.1 LTS   6.8.0-49-generic   containerd://1.7.24');
  });

  it('get namespaces', () => {
    expect(k(c, 'get ns')).toBe('NAME              STATUS   AGE\ndefault           Active   5m\nkube-node-lease   Active   5m\nkube-public       Active   5m\nkube-system       Active   5m\n');
  });

  it('shows the control plane running as pods in kube-system', () => {
    const names = k(c, 'get pods -n kube-system -o name').trim().split('\n');
    for (const p of ['pod/etcd-control-plane', 'pod/kube-apiserver-control-plane', 'pod/kube-controller-manager-control-plane', 'pod/kube-scheduler-control-plane']) expect(names).toContain(p);
    expect(names.filter((n) => n.startsWith('pod/kube-proxy-'))).toHaveLength(4);
    expect(names.filter((n) => n.startsWith('pod/coredns-'))).toHaveLength(2);
    const table = k(c, 'get pods -n kube-system');
    expect(table.split('\n')[0]).toBe('NAME                                    READY   STATUS    RESTARTS   AGE');
    expect(table).toContain('etcd-control-plane                      1/1     Running   0          5m\n');
  });

  it('says when nothing matches', () => {
    const r = c.kubectl('get pods');
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('No resources found in default namespace.\n');
    expect(r.exitCode).toBe(0);
    expect(c.kubectl('get pods -A -l app=none').stderr).toBe('No resources found\n');
  });

  it('explains unknown types, verbs and flags as kubectl does', () => {
    expect(kFail(c, 'get foo')).toBe('error: the server doesn\'t have a resource type "foo"\n');
    expect(kFail(c, 'frobnicate')).toBe('error: unknown command "frobnicate" for "kubectl"\n');
    expect(kFail(c, 'get pods --bogus')).toBe("error: unknown flag: --bogus\nSee 'kubectl get --help' for usage.\n");
    expect(kFail(c, 'get pods -z')).toBe("error: unknown shorthand flag: 'z' in -z\nSee 'kubectl get --help' for usage.\n");
    expect(kFail(c, 'get pod nope')).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(kFail(c, 'get deploy nope')).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
    expect(kFail(c, 'get pods -o foo')).toContain('error: unable to match a printer suitable for the output format "foo", allowed formats are:');
    expect(kFail(c, 'port-forward web 8080:80')).toBe('error: "kubectl port-forward" is not available in this simulator yet\n');
    expect(kFail(c, 'get')).toContain('error: Required resource not specified.');
    expect(kFail(c, "get pods -l 'app in (a'")).toContain('error: unable to parse requirement');
    expect(kFail(c, 'get pods "unterminated')).toContain('unterminated quote');
  });

  it('version and api-resources', () => {
    expect(k(c, 'version')).toBe('Client Version: v1.32.0\nKustomize Version: v5.5.0\nServer Version: v1.32.0\n');
    const res = k(c, 'api-resources').split('\n');
    expect(res[0]).toMatch(/^NAME +SHORTNAMES +APIVERSION +NAMESPACED +KIND$/);
    const col = res[0].indexOf('SHORTNAMES');
    expect(res.find((l) => l.startsWith('pods '))).toMatch(new RegExp(`^pods {${col - 4}}po +v1 +true +Pod$`));
    expect(res.find((l) => l.startsWith('deployments '))).toMatch(/^deployments +deploy +apps\/v1 +true +Deployment$/);
    expect(res.find((l) => l.startsWith('statefulsets '))).toMatch(/^statefulsets +sts +apps\/v1 +true +StatefulSet$/);
  });

  it('cluster-info', () => {
    expect(k(c, 'cluster-info')).toBe(
      "Kubernetes control plane is running at https://172.18.0.2:6443\nCoreDNS is running at https://172.18.0.2:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
    );
  });
});

describe('kubectl with a workload', () => {
  const c = newCluster();
  const applied = k(c, 'apply -f -', NGINX_DEPLOYMENT);
  c.advance(30);

  it('apply reports created, then unchanged, then configured', () => {
    expect(applied).toBe('deployment.apps/web created\n');
    expect(k(c, 'apply -f -', NGINX_DEPLOYMENT)).toBe('deployment.apps/web unchanged\n');
    expect(k(c, 'apply -f -', NGINX_DEPLOYMENT.replace('replicas: 3', 'replicas: 4'))).toBe('deployment.apps/web configured\n');
    expect(k(c, 'apply -f -', NGINX_DEPLOYMENT)).toBe('deployment.apps/web configured\n');
    c.advance(30);
  });

  it('create refuses an object that exists', () => {
    expect(kFail(c, 'create -f -', NGINX_DEPLOYMENT)).toBe('Error from server (AlreadyExists): error when creating "STDIN": deployments.apps "web" already exists\n');
  });

  it('get deployments, replicasets and pods', () => {
    expect(k(c, 'get deploy')).toMatch(/^NAME   READY   UP-TO-DATE   AVAILABLE   AGE\nweb    3\/3     3            3           \d+s\n$/);
    expect(k(c, 'get rs')).toMatch(/^NAME             DESIRED   CURRENT   READY   AGE\nweb-[bcdfghjklmnpqrstvwxz2456789]{6,10}   3         3         3       \d+s\n$/);
    const pods = k(c, 'get pods').trim().split('\n');
    expect(pods).toHaveLength(4);
    for (const line of pods.slice(1)) expect(line).toMatch(/^web-\w+-\w{5}   1\/1     Running   0          \d+s$/);
  });

  it('get -o wide, --show-labels, -l and -o name', () => {
    expect(k(c, 'get deploy -o wide')).toMatch(/CONTAINERS   IMAGES       SELECTOR\nweb    3\/3 .* nginx        nginx:1\.27   app=web\n$/);
    expect(k(c, 'get pods --show-labels').split('\n')[1]).toMatch(/app=web,pod-template-hash=\w+$/);
    expect(k(c, 'get pods -l app=web -o name').trim().split('\n')).toHaveLength(3);
    expect(k(c, 'get pods -l app!=web -o name')).toBe('');
    expect(k(c, 'get deploy web -o name')).toBe('deployment.apps/web\n');
    const wide = k(c, 'get pods -o wide').split('\n');
    expect(wide[0]).toBe('NAME                   READY   STATUS    RESTARTS   AGE   IP           NODE       NOMINATED NODE   READINESS GATES');
    expect(wide[1]).toMatch(/Running   0          \d+s   10\.244\.\d\.\d+   worker-\d   <none>           <none>$/);
  });

  it('get -o yaml prints sorted keys, quoted strings and Lists', () => {
    const y = k(c, 'get deploy web -o yaml');
    expect(y.startsWith('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  annotations:\n    deployment.kubernetes.io/revision: "1"\n')).toBe(true);
    expect(y).toContain('  creationTimestamp: "2026-03-02T09:05:00Z"\n');
    expect(y).toContain('  generation: 3\n');
    expect(y).toContain('      containers:\n      - image: nginx:1.27\n        imagePullPolicy: IfNotPresent\n        name: nginx\n        ports:\n        - containerPort: 80\n          protocol: TCP\n        resources: {}\n');
    expect(y).toContain('    metadata:\n      creationTimestamp: null\n');
    const list = k(c, 'get deploy -o yaml');
    expect(list.startsWith('apiVersion: v1\nitems:\n- apiVersion: apps/v1\n')).toBe(true);
    expect(list.endsWith('kind: List\nmetadata:\n  resourceVersion: ""\n')).toBe(true);
    const json = JSON.parse(k(c, 'get deploy web -o json'));
    expect(Object.keys(json)).toEqual(['apiVersion', 'kind', 'metadata', 'spec', 'status']);
    expect(k(c, 'get deploy web -o json')).toContain('\n    "apiVersion": "apps/v1",\n');
  });

  it('get all with kind prefixes and blank lines between tables', () => {
    const all = k(c, 'get all');
    expect(all).toMatch(/^NAME {2,}READY   STATUS    RESTARTS   AGE\npod\/web-/);
    expect(all).toContain('\n\nNAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\nservice/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   ');
    expect(all).toContain('\n\nNAME                  READY   UP-TO-DATE   AVAILABLE   AGE\ndeployment.apps/web   3/3     3            3           ');
    expect(all).toMatch(/\n\nNAME {2,}DESIRED   CURRENT   READY   AGE\nreplicaset\.apps\/web-\w+   3         3         3       /);
  });

  it('get events: LAST SEEN, TYPE, REASON, OBJECT, MESSAGE', () => {
    const ev = k(c, 'get events').split('\n');
    expect(ev[0]).toMatch(/^LAST SEEN   TYPE     REASON +OBJECT +MESSAGE$/);
    const body = ev.join('\n');
    expect(body).toMatch(/Normal   Scheduled +pod\/web-\S+ +Successfully assigned default\/web-\S+ to worker-\d/);
    expect(body).toMatch(/Normal   Pulled +pod\/web-\S+ +Successfully pulled image "nginx:1\.27" in [\d.]+m?s \([\d.]+m?s including waiting\)\. Image size: \d+ bytes\./);
    expect(body).toMatch(/Normal   Created +pod\/web-\S+ +Created container: nginx/);
    expect(body).toMatch(/Normal   Started +pod\/web-\S+ +Started container nginx/);
    expect(body).toMatch(/Normal   SuccessfulCreate +replicaset\/web-\S+ +Created pod: web-/);
    expect(body).toMatch(/Normal   ScalingReplicaSet +deployment\/web +Scaled up replica set web-\S+ from 0 to 3/);
  });

  it('describe pod, deployment, replicaset, node and service', () => {
    const pod = c.store.list('pods', 'default')[0].metadata.name!;
    const d = k(c, `describe pod ${pod}`);
    expect(d).toMatch(new RegExp(`^Name:             ${pod}\nNamespace:        default\nPriority:         0\nService Account:  default\nNode:             worker-\\d/172\\.18\\.0\\.\\d\nStart Time:       Mon, 02 Mar 2026 09:05:0\\d \\+0000\nLabels:           app=web\n                  pod-template-hash=\\w+\nAnnotations:      <none>\nStatus:           Running\n`));
    expect(d).toContain('Controlled By:  ReplicaSet/web-');
    expect(d).toMatch(/Containers:\n  nginx:\n    Container ID:   containerd:\/\/[0-9a-f]{64}\n    Image:          nginx:1\.27\n    Image ID:       docker\.io\/library\/nginx@sha256:[0-9a-f]{64}\n    Port:           80\/TCP\n    Host Port:      0\/TCP\n    State:          Running\n      Started:      Mon, 02 Mar 2026 09:05:0\d \+0000\n    Ready:          True\n    Restart Count:  0\n    Environment:    <none>\n    Mounts:\n      \/var\/run\/secrets\/kubernetes\.io\/serviceaccount from kube-api-access-[a-z0-9]{5} \(ro\)\n/);
    expect(d).toContain('Conditions:\n  Type                        Status\n  PodReadyToStartContainers   True \n  Initialized                 True \n  Ready                       True \n  ContainersReady             True \n  PodScheduled                True \n');
    // Aligned with the token volume's keys above, as on a real cluster.
    expect(d).toContain('Volumes:\n  kube-api-access-');
    expect(d).toContain(':\n    Type:                    Projected (a volume that contains injected data from multiple sources)\n    TokenExpirationSeconds:  3607\n    ConfigMapName:           kube-root-ca.crt\n    ConfigMapOptional:       <nil>\n    DownwardAPI:             true\nQoS Class:                   BestEffort\n');
    expect(d).toContain('Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s\n                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s\n');
    expect(d).toMatch(/Events:\n  Type    Reason     Age   From               Message\n  ----    ------     ----  ----               -------\n  Normal  Scheduled  \d+s   default-scheduler  Successfully assigned/);
    const dep = k(c, 'describe deploy web');
    expect(dep).toContain('Replicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable\n');
    expect(dep).toContain('RollingUpdateStrategy:  25% max unavailable, 25% max surge\n');
    expect(dep).toContain('Pod Template:\n  Labels:  app=web\n  Containers:\n   nginx:\n    Image:         nginx:1.27\n    Port:          80/TCP\n');
    expect(dep).toContain('Conditions:\n  Type           Status  Reason\n  ----           ------  ------\n  Available      True    MinimumReplicasAvailable\n  Progressing    True    NewReplicaSetAvailable\n');
    expect(dep).toMatch(/NewReplicaSet:   web-\w+ \(3\/3 replicas created\)\n/);
    const rs = k(c, 'describe rs');
    expect(rs).toContain('Replicas:       3 current / 3 desired\nPods Status:    3 Running / 0 Waiting / 0 Succeeded / 0 Failed\n');
    const node = k(c, 'describe node worker-1');
    expect(node).toMatch(/^Name:               worker-1\nRoles:              <none>\n/);
    expect(node).toContain('Taints:             <none>\nUnschedulable:      false\n');
    expect(node).toMatch(/Conditions:\n  Type {13}Status  LastHeartbeatTime/);
    expect(node).toMatch(/  Ready            True    .* KubeletReady                 kubelet is posting ready status\n/);
    const cp = k(c, 'describe node control-plane');
    expect(cp).toContain('Taints:             node-role.kubernetes.io/control-plane:NoSchedule\n');
    expect(k(c, 'describe svc kubernetes')).toContain('Port:                     https  443/TCP\nTargetPort:               6443/TCP\n');
  });

  it('scale, label and annotate', () => {
    expect(k(c, 'scale deployment web --replicas=5')).toBe('deployment.apps/web scaled\n');
    expect(k(c, 'scale deploy/web --replicas=5')).toBe('deployment.apps/web scaled\n');
    expect(kFail(c, 'scale deployment web')).toBe('error: required flag(s) "replicas" not set\n');
    expect(kFail(c, 'scale deployment web --replicas=2 --current-replicas=3')).toBe('error: Expected replicas to be 3, was 5\n');
    expect(k(c, 'label deployment web tier=frontend')).toBe('deployment.apps/web labeled\n');
    expect(kFail(c, 'label deployment web tier=backend')).toBe("error: 'tier' already has a value (frontend), and --overwrite is false\n");
    expect(k(c, 'label deployment web tier=backend --overwrite')).toBe('deployment.apps/web labeled\n');
    expect(k(c, 'label deployment web tier-')).toBe('deployment.apps/web unlabeled\n');
    expect(k(c, 'annotate deployment web note=hello')).toBe('deployment.apps/web annotated\n');
    expect(kFail(c, 'label pods')).toBe('error: at least one label update is required\n');
  });

  it('logs of an nginx container', () => {
    const pod = c.store.list('pods', 'default').find((p) => p.status?.phase === 'Running')!.metadata.name!;
    const logs = k(c, `logs ${pod}`);
    expect(logs.split('\n')[0]).toBe('/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration');
    expect(logs).toMatch(/\[notice\] 1#1: start worker processes\n/);
    expect(k(c, `logs ${pod} --tail=1`)).toMatch(/start worker process \d+\n$/);
    expect(k(c, 'logs deploy/web').length).toBeGreaterThan(100);
    expect(kFail(c, 'logs nope')).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(kFail(c, `logs ${pod} -c sidecar`)).toBe(`error: container sidecar is not valid for pod ${pod}\n`);
    expect(kFail(c, `logs ${pod} --previous`)).toBe(`Error from server (BadRequest): previous terminated container "nginx" in pod "${pod}" not found\n`);
  });

  it('delete by name, by label and everything', () => {
    k(c, 'run one --image=nginx');
    k(c, 'run two --image=nginx --labels=team=b');
    expect(k(c, 'delete pod one')).toBe('pod "one" deleted\n');
    expect(k(c, 'delete pods -l team=b')).toBe('pod "two" deleted\n');
    expect(kFail(c, 'delete pod nope')).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(kFail(c, 'delete pods')).toBe('error: resource(s) were provided, but no name was specified\n');
    expect(k(c, 'delete configmaps -l x=y')).toBe('No resources found\n');
    k(c, 'create configmap one --from-literal=a=1');
    // --all takes the published kube-root-ca.crt too (it comes back at once), as on a real cluster.
    expect(k(c, 'delete configmap --all')).toBe('configmap "kube-root-ca.crt" deleted\nconfigmap "one" deleted\n');
  });

  it('explain a kind and a field', () => {
    const e = k(c, 'explain deployment.spec.replicas');
    // As kubectl 1.32's template prints it: two empty lines after FIELD, an indented empty line after the description, a last newline.
    expect(e).toBe('GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\nFIELD: replicas <integer>\n\n\nDESCRIPTION:\n    Number of desired pods. This is a pointer to distinguish between explicit\n    zero and not specified. Defaults to 1.\n    \n\n');
    const pods = k(c, 'explain pods');
    expect(pods.startsWith('KIND:       Pod\nVERSION:    v1\n\nDESCRIPTION:\n    Pod is a collection of containers')).toBe(true);
    expect(pods).toContain('\n  spec\t<PodSpec>\n');
    expect(kFail(c, 'explain pods.spec.nope')).toBe('error: field "nope" does not exist\n');
  });
});

describe('generators and dry runs', () => {
  const c = newCluster({ minimal: true, bootSeconds: 0 });
  it('create deployment --dry-run=client -o yaml matches kubectl', () => {
    expect(k(c, 'create deployment web --image=nginx --replicas=3 --dry-run=client -o yaml')).toBe(
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: web\n  name: web\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: web\n  strategy: {}\n  template:\n    metadata:\n      creationTimestamp: null\n      labels:\n        app: web\n    spec:\n      containers:\n      - image: nginx\n        name: nginx\n        resources: {}\nstatus: {}\n',
    );
    expect(c.store.list('deployments', 'default')).toHaveLength(0);
  });
  it('create namespace --dry-run=client -o yaml matches kubectl', () => {
    expect(k(c, 'create namespace dev --dry-run=client -o yaml')).toBe('apiVersion: v1\nkind: Namespace\nmetadata:\n  creationTimestamp: null\n  name: dev\nspec: {}\nstatus: {}\n');
  });
  it('run prints pod/NAME created and labels run=NAME', () => {
    expect(k(c, 'run web --image=nginx')).toBe('pod/web created\n');
    expect(c.store.get('pods', 'default', 'web')?.metadata.labels).toEqual({ run: 'web' });
    expect(kFail(c, 'run x')).toBe('error: required flag(s) "image" not set\n');
  });
  it('run --overrides lays inline JSON over the generated pod (a merge patch, the default type)', () => {
    expect(k(c, `run picky --image=nginx --overrides='{"spec":{"nodeSelector":{"disktype":"ssd"}},"metadata":{"labels":{"tier":"web"}}}'`)).toBe('pod/picky created\n');
    const pod = c.store.get('pods', 'default', 'picky')!;
    expect(pod.spec.nodeSelector).toEqual({ disktype: 'ssd' });
    expect(pod.metadata.labels).toEqual({ run: 'picky', tier: 'web' });
    expect(pod.spec.containers[0].image).toBe('nginx');
    expect(k(c, `run plain --image=nginx --dry-run=client -o yaml --overrides='{"spec":{"restartPolicy":"Never"}}'`)).toContain('restartPolicy: Never');
    expect(kFail(c, `run bad --image=nginx --overrides='{"spec":'`)).toBe('error: Invalid JSON Patch\n');
    expect(kFail(c, `run odd --image=nginx --override-type=yaml --overrides='{}'`)).toBe('error: --override-type must be one of (json, merge, strategic)\n');
    expect(kFail(c, `run sp --image=nginx --override-type=strategic --overrides='{}'`)).toContain('not available in this simulator');
    // What the API refuses after the merge is reported as for any create.
    expect(kFail(c, `run neg --image=nginx --overrides='{"spec":{"restartPolicy":"Sometimes"}}'`)).toContain('spec.restartPolicy');
    expect(c.store.get('pods', 'default', 'bad')).toBeUndefined();
  });
  it('create secret generic stores base64 data', () => {
    expect(k(c, 'create secret generic db --from-literal=password=s3cret')).toBe('secret/db created\n');
    expect(c.store.get('secrets', 'default', 'db')?.data).toEqual({ password: 'czNjcmV0' });
    expect(k(c, 'get secret db')).toMatch(/^NAME   TYPE     DATA   AGE\ndb     Opaque   1      0s\n$/);
  });
});
