import { describe, expect, it } from 'vitest';
import { newCluster, kFail, k } from '../../testing/helpers';

const c = newCluster({ minimal: true, bootSeconds: 0 });

describe('validation errors read as the API server words them', () => {
  it('rejects a bad object name', () => {
    expect(kFail(c, 'apply -f -', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: Bad_Name\nspec:\n  containers:\n  - name: a\n    image: nginx\n')).toBe(
      `The Pod "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')\n`,
    );
  });

  it('lists several causes one per line', () => {
    const err = kFail(c, 'apply -f -', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  restartPolicy: Sometimes\n  containers:\n  - name: a\n');
    expect(err).toBe(
      'The Pod "p" is invalid: \n* spec.containers[0].image: Required value\n* spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"\n',
    );
  });

  it('rejects a Deployment whose selector does not match its template', () => {
    const yaml = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
      - name: nginx
        image: nginx
`;
    expect(kFail(c, 'apply -f -', yaml)).toBe(
      'The Deployment "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"api"}: `selector` does not match template `labels`\n',
    );
  });

  it('rejects a negative replica count and a missing selector', () => {
    const yaml = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: -1\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: nginx\n        image: nginx\n';
    const err = kFail(c, 'apply -f -', yaml);
    expect(err).toContain('* spec.replicas: Invalid value: -1: must be greater than or equal to 0\n');
    expect(err).toContain('* spec.selector: Required value\n');
  });

  it('keeps the selector of a Deployment immutable', () => {
    k(c, 'create deployment api --image=nginx');
    const d = JSON.parse(k(c, 'get deployment api -o json'));
    d.spec.selector.matchLabels = { app: 'other' };
    d.spec.template.metadata.labels = { app: 'other' };
    delete d.metadata.annotations;
    expect(kFail(c, 'apply -f -', JSON.stringify(d))).toContain('spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"other"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable');
  });

  it('refuses changes to a running pod other than its image', () => {
    k(c, 'run solo --image=nginx');
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: solo\nspec:\n  containers:\n  - name: solo\n    image: nginx\n    env:\n    - name: X\n      value: "1"\n';
    expect(kFail(c, 'apply -f -', pod)).toContain('The Pod "solo" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`');
  });

  it('rejects Service ports out of range and bad node ports', () => {
    const svc = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  type: NodePort\n  ports:\n  - port: 70000\n    nodePort: 80\n';
    const err = kFail(c, 'apply -f -', svc);
    expect(err).toContain('* spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive\n');
    expect(err).toContain('* spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767\n');
  });

  it('checks label keys and values', () => {
    const err = kFail(c, 'apply -f -', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n  labels:\n    app: "bad value!"\n');
    expect(err).toContain(`metadata.labels: Invalid value: "bad value!": a valid label must be an empty string or consist of alphanumeric characters`);
  });

  it('refuses unknown fields (strict decoding) and wrong types', () => {
    const typo = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: typo\nspec:\n  replica: 3\n  selector:\n    matchLabels: {app: t}\n  template:\n    metadata:\n      labels: {app: t}\n    spec:\n      containers:\n      - name: c\n        imagee: nginx\n';
    expect(kFail(c, 'apply -f -', typo)).toBe(
      'Error from server (BadRequest): error when creating "STDIN": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replica", unknown field "spec.template.spec.containers[0].imagee"\n',
    );
    const wrongType = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: typo\nspec:\n  replicas: three\n  selector:\n    matchLabels: {app: t}\n  template:\n    metadata:\n      labels: {app: t}\n    spec:\n      containers:\n      - name: c\n        image: nginx\n';
    expect(kFail(c, 'apply -f -', wrongType)).toBe(
      'Error from server (BadRequest): error when creating "STDIN": Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32\n',
    );
  });

  it('names a missing namespace', () => {
    expect(kFail(c, 'create deployment x --image=nginx -n nowhere')).toBe('error: failed to create deployment: namespaces "nowhere" not found\n');
  });
});
