/**
 * CustomResourceDefinition in the API server (issue 16): a CRD is validated and defaulted as
 * apiextensions.k8s.io/v1 is; once Established its kind is served (discovery, kubectl names,
 * categories) with the structural schema's pruning, defaulting and validation — in the API
 * server's words — and the status subresource's rules; deleting the CRD deletes its objects,
 * then the type.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertNoTaskFailures, k, kFail, newCluster } from '../../testing/helpers';
import type { Cluster } from '../../cluster/cluster';

const testdata = resolve(__dirname, '../../testdata/crd');
const WIDGET_CRD = readFileSync(`${testdata}/widget-crd.yaml`, 'utf8');
const WIDGETS = readFileSync(`${testdata}/widgets.yaml`, 'utf8');

/** A cluster with the Widget CRD Established. */
function widgetCluster(): Cluster {
  const c = newCluster();
  k(c, 'apply -f -', WIDGET_CRD);
  c.advance(1);
  return c;
}

const widget = (name: string, spec: string) => `apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: ${name}\nspec:\n${spec}`;

describe('a CustomResourceDefinition', () => {
  it('is Established by the controllers, with its names accepted and its storage version recorded', () => {
    const c = newCluster();
    expect(k(c, 'apply -f -', WIDGET_CRD)).toBe('customresourcedefinition.apiextensions.k8s.io/widgets.example.com created\n');
    // Not served until Established: kubectl's discovery does not know the kind yet.
    expect(kFail(c, 'get widgets')).toBe('error: the server doesn\'t have a resource type "widgets"\n');
    c.advance(1);
    const crd = c.store.get('customresourcedefinitions', undefined, 'widgets.example.com')!;
    expect(crd.spec.conversion).toEqual({ strategy: 'None' });
    expect(crd.spec.names.listKind).toBe('WidgetList');
    expect(crd.status.storedVersions).toEqual(['v1']);
    expect(crd.status.acceptedNames).toEqual({ categories: ['all'], kind: 'Widget', listKind: 'WidgetList', plural: 'widgets', shortNames: ['wd'], singular: 'widget' });
    expect(crd.status.conditions.map((x: { type: string; status: string; reason: string; message: string }) => [x.type, x.status, x.reason, x.message])).toEqual([
      ['NamesAccepted', 'True', 'NoConflicts', 'no conflicts found'],
      ['Established', 'True', 'InitialNamesAccepted', 'the initial names have been accepted'],
    ]);
    expect(k(c, 'get crd')).toBe('NAME                  CREATED AT\nwidgets.example.com   2026-03-02T09:05:00Z\n');
    expect(k(c, 'get widgets')).toBe('');
    expect(c.kubectl('get widgets').stderr).toBe('No resources found in default namespace.\n');
    assertNoTaskFailures(c);
  });

  it('is refused with apiextensions validation’s messages', () => {
    const c = newCluster();
    const bad = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: things.example.com
spec:
  group: example
  names: {plural: Things, kind: Thing}
  versions:
  - name: v1
    served: true
    storage: false
  - name: v2
    served: true
    storage: false
    schema:
      openAPIV3Schema:
        properties:
          spec:
            properties:
              a: {type: string}
`;
    expect(kFail(c, 'apply -f -', bad)).toBe(
      'The CustomResourceDefinition "things.example.com" is invalid: \n' +
        '* metadata.name: Invalid value: "things.example.com": must be spec.names.plural+"."+spec.group\n' +
        '* spec.group: Invalid value: "example": should be a domain with at least one dot\n' +
        '* spec.scope: Required value\n' +
        '* spec.versions[0].schema.openAPIV3Schema: Required value: schemas are required\n' +
        '* spec.versions[1].schema.openAPIV3Schema.type: Required value: must not be empty at the root\n' +
        '* spec.versions[1].schema.openAPIV3Schema.properties[spec].type: Required value: must not be empty for specified object fields\n' +
        '* spec.versions: Invalid value: []apiextensions.CustomResourceDefinitionVersion{apiextensions.CustomResourceDefinitionVersion{Name:"v1", Served:true, Storage:false, ...}, apiextensions.CustomResourceDefinitionVersion{Name:"v2", Served:true, Storage:false, ...}}: must have exactly one version marked as storage version\n' +
        "* spec.names.plural: Invalid value: \"Things\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')\n",
    );
  });

  it('serves its kind under every name discovery gives it, and in its categories', () => {
    const c = widgetCluster();
    expect(k(c, 'apply -f -', WIDGETS)).toBe('widget.example.com/small created\nwidget.example.com/large created\n');
    for (const name of ['widgets', 'widget', 'wd', 'Widget', 'widgets.example.com', 'widget.example.com', 'widgets.v1.example.com']) {
      expect(k(c, `get ${name} -o name`), name).toBe('widget.example.com/large\nwidget.example.com/small\n');
    }
    // categories: [all] puts the kind into `kubectl get all`.
    expect(k(c, 'get all -o name')).toBe('service/kubernetes\nwidget.example.com/large\nwidget.example.com/small\n');
    expect(k(c, 'api-resources --api-group=example.com')).toBe('NAME      SHORTNAMES   APIVERSION       NAMESPACED   KIND\nwidgets   wd           example.com/v1   true         Widget\n');
    expect(k(c, 'api-versions')).toContain('example.com/v1\n');
    expect(k(c, 'delete wd small')).toBe('widget.example.com "small" deleted\n');
    expect(k(c, 'get widgets -o name')).toBe('widget.example.com/large\n');
  });

  it('serves a cluster-scoped kind that keeps unknown fields (x-kubernetes-preserve-unknown-fields)', () => {
    const c = newCluster();
    k(c, 'apply -f -', `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: gadgets.example.com
spec:
  group: example.com
  scope: Cluster
  names: {plural: gadgets, kind: Gadget}
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        x-kubernetes-preserve-unknown-fields: true
`);
    c.advance(1);
    expect(k(c, 'apply -n kube-system -f -', 'apiVersion: example.com/v1\nkind: Gadget\nmetadata:\n  name: g1\nanything:\n  goes: [1, 2]\n')).toBe('gadget.example.com/g1 created\n');
    const g = c.store.get('gadgets', undefined, 'g1')!;
    expect(g.metadata.namespace).toBeUndefined();
    expect(g.anything).toEqual({ goes: [1, 2] });
    expect(k(c, 'get gadgets')).toMatch(/^NAME +AGE\ng1 +0s\n$/);
  });
});

describe('custom objects and their schema', () => {
  it('are pruned of unknown fields (strict decoding refuses them) and defaulted', () => {
    const c = widgetCluster();
    expect(kFail(c, 'apply -f -', widget('typo', '  size: 1\n  colour: red\n'))).toBe(
      'Error from server (BadRequest): error when creating "STDIN": Widget in version "v1" cannot be handled as a Widget: strict decoding error: unknown field "spec.colour"\n',
    );
    // A client that does not ask for strict decoding: the server drops the field, then defaults.
    c.api.create({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'typo' }, spec: { size: 1, colour: 'red' }, extra: true }, 'test');
    expect(c.store.get('widgets', 'default', 'typo')).toMatchObject({ spec: { size: 1, color: 'red' } });
    expect(c.store.get('widgets', 'default', 'typo')!.extra).toBeUndefined();
  });

  it('are validated with the API server’s messages', () => {
    const c = widgetCluster();
    expect(kFail(c, 'apply -f -', widget('w', '  size: "big"\n'))).toBe('The Widget "w" is invalid: spec.size: Invalid value: "string": spec.size in body must be of type integer: "string"\n');
    expect(kFail(c, 'apply -f -', widget('w', '  color: red\n'))).toBe('The Widget "w" is invalid: spec.size: Required value\n');
    expect(kFail(c, 'apply -f -', widget('w', '  size: 11\n'))).toBe('The Widget "w" is invalid: spec.size: Invalid value: 11: spec.size in body should be less than or equal to 10\n');
    expect(kFail(c, 'apply -f -', widget('w', '  size: 0\n'))).toBe('The Widget "w" is invalid: spec.size: Invalid value: 0: spec.size in body should be greater than or equal to 1\n');
    expect(kFail(c, 'apply -f -', widget('w', '  size: 2.5\n'))).toBe('The Widget "w" is invalid: spec.size: Invalid value: "number": spec.size in body must be of type integer: "number"\n');
    expect(kFail(c, 'apply -f -', widget('w', '  size: 2\n  color: pink\n  label: ABCDEFGHIJ\n  tags: [a, b, c, d]\n'))).toBe(
      'The Widget "w" is invalid: \n' +
        '* spec.color: Unsupported value: "pink": supported values: "red", "green", "blue"\n' +
        '* spec.label: Too long: may not be more than 8 bytes\n' +
        "* spec.label: Invalid value: \"ABCDEFGHIJ\": spec.label in body should match '^[a-z]+$'\n" +
        '* spec.tags: Too many: 4: must have at most 3 items\n',
    );
    expect(kFail(c, 'apply -f -', widget('w', '  size: 2\n  tags: [a, 3]\n'))).toBe('The Widget "w" is invalid: spec.tags[1]: Invalid value: "integer": spec.tags[1] in body must be of type string: "integer"\n');
    expect(kFail(c, 'apply -f -', widget('Bad_Name', '  size: 2\n'))).toContain('The Widget "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain');
  });

  it('keep status to /status and bump generation only when more than metadata changes', () => {
    const c = widgetCluster();
    // Status in a create is dropped: the status subresource owns it.
    k(c, 'apply -f -', widget('w', '  size: 3\n') + 'status:\n  ready: true\n');
    const get = () => c.store.get('widgets', 'default', 'w')!;
    expect(get().status).toBeUndefined();
    expect(get().metadata.generation).toBe(1);
    expect(k(c, `patch widget w --subresource=status --type=merge -p '{"status":{"ready":true}}'`)).toBe('widget.example.com/w patched\n');
    expect(get().status).toEqual({ ready: true });
    expect(get().metadata.generation).toBe(1);
    // The main resource ignores status.
    k(c, `patch widget w --type=merge -p '{"spec":{"size":4},"status":{"ready":false}}'`);
    expect(get().status).toEqual({ ready: true });
    expect(get().metadata.generation).toBe(2);
    k(c, 'label widget w team=a');
    expect(get().metadata.generation).toBe(2);
    expect(kFail(c, `patch widget w --subresource=status --type=merge -p '{"status":{"ready":"yes"}}'`)).toBe('The Widget "w" is invalid: status.ready: Invalid value: "string": status.ready in body must be of type boolean: "string"\n');
    expect(k(c, 'get widget w')).toMatch(/^NAME +SIZE +COLOR +READY +AGE\nw +4 +red +true +0s\n$/);
  });

  it('own their fields one by one under server-side apply (lists whole)', () => {
    const c = widgetCluster();
    k(c, 'create -f -', WIDGETS);
    // Same values: co-owned, no conflict; a changed one conflicts on that field alone.
    expect(k(c, 'apply --server-side -f -', WIDGETS.split('---')[0])).toBe('widget.example.com/small serverside-applied\n');
    expect(kFail(c, 'apply --server-side -f -', WIDGETS.split('---')[1]!.replace('size: 9', 'size: 4'))).toMatch(/^error: Apply failed with 1 conflict: conflict with "kubectl-create" using example.com\/v1 at \S+: \.spec\.size\n/);
    expect(k(c, 'apply --server-side --force-conflicts -f -', WIDGETS.split('---')[1]!.replace('size: 9', 'size: 4'))).toBe('widget.example.com/large serverside-applied\n');
    expect(c.store.get('widgets', 'default', 'large')!.spec.size).toBe(4);
  });

  it('are deleted with their namespace', () => {
    const c = widgetCluster();
    k(c, 'create namespace shop');
    k(c, 'apply -n shop -f -', WIDGETS);
    k(c, 'delete namespace shop --wait=false');
    c.advance(30);
    expect(c.store.list('widgets')).toHaveLength(0);
    expect(c.kubectl('get namespace shop').stderr).toBe('Error from server (NotFound): namespaces "shop" not found\n');
  });
});

describe('deleting a CustomResourceDefinition', () => {
  it('deletes its objects, then itself, then the type leaves discovery', () => {
    const c = widgetCluster();
    k(c, 'apply -f -', WIDGETS);
    expect(k(c, 'delete crd widgets.example.com --wait=false')).toBe('customresourcedefinition.apiextensions.k8s.io "widgets.example.com" deleted\n');
    // Until the finalizer is done, new objects are refused.
    const terminating = c.store.get('customresourcedefinitions', undefined, 'widgets.example.com');
    expect(terminating?.metadata.finalizers).toEqual(['customresourcecleanup.apiextensions.k8s.io']);
    expect(kFail(c, 'apply -f -', widget('late', '  size: 1\n'))).toBe('Error from server (MethodNotAllowed): error when creating "STDIN": create not allowed while custom resource definition is terminating\n');
    c.advance(2);
    assertNoTaskFailures(c);
    expect(c.store.list('widgets', undefined)).toHaveLength(0);
    expect(c.store.get('customresourcedefinitions', undefined, 'widgets.example.com')).toBeUndefined();
    expect(kFail(c, 'get widgets')).toBe('error: the server doesn\'t have a resource type "widgets"\n');
    expect(kFail(c, 'apply -f -', widget('w', '  size: 1\n'))).toContain('no matches for kind "Widget" in version "example.com/v1"');
    expect(c.kubectl('get crd').stderr).toBe('No resources found\n');
  });
});

describe('a CRD and its objects in one file', () => {
  it('creates the CRD and refuses the objects, as discovery does not know the kind yet', () => {
    const c = newCluster();
    const r = c.kubectl('apply -f -', { stdin: `${WIDGET_CRD}---\n${WIDGETS}` });
    expect(r.stdout).toBe('customresourcedefinition.apiextensions.k8s.io/widgets.example.com created\n');
    // Two errors: kubectl prints the aggregate one per line, without "error: ".
    expect(r.stderr).toBe(['small', 'large'].map((n) => `resource mapping not found for name: "${n}" namespace: "" from "STDIN": no matches for kind "Widget" in version "example.com/v1"\nensure CRDs are installed first\n`).join(''));
    c.advance(1);
    expect(k(c, 'apply -f -', `${WIDGET_CRD}---\n${WIDGETS}`)).toBe('customresourcedefinition.apiextensions.k8s.io/widgets.example.com unchanged\nwidget.example.com/small created\nwidget.example.com/large created\n');
  });
});

describe('a CRD with two versions', () => {
  it('serves both, prefers the higher one, and stores at the storage version', () => {
    const c = newCluster();
    const twoVersions = WIDGET_CRD.replace('  versions:\n  - name: v1\n    served: true\n    storage: true\n', '  versions:\n  - name: v1alpha1\n    served: true\n    storage: false\n    schema:\n      openAPIV3Schema:\n        type: object\n        x-kubernetes-preserve-unknown-fields: true\n  - name: v1\n    served: true\n    storage: true\n');
    k(c, 'apply -f -', twoVersions);
    c.advance(1);
    expect(k(c, 'apply -f -', 'apiVersion: example.com/v1alpha1\nkind: Widget\nmetadata:\n  name: old\nspec:\n  anything: goes\n')).toBe('widget.example.com/old created\n');
    // Stored at v1 (no conversion but the apiVersion), served at each version asked for.
    expect(c.store.get('widgets', 'default', 'old')!.apiVersion).toBe('example.com/v1');
    expect(k(c, 'get widgets old -o jsonpath={.apiVersion}')).toBe('example.com/v1');
    expect(k(c, 'get widgets.v1alpha1.example.com old -o jsonpath={.apiVersion}')).toBe('example.com/v1alpha1');
    expect(k(c, 'api-resources --api-group=example.com')).toBe('NAME      SHORTNAMES   APIVERSION       NAMESPACED   KIND\nwidgets   wd           example.com/v1   true         Widget\n');
    expect(k(c, 'api-versions')).toContain('example.com/v1\nexample.com/v1alpha1\n');
    // Moving the storage version records it among the stored ones.
    k(c, 'apply -f -', twoVersions.replace('storage: false', 'storage: X').replace('storage: true', 'storage: false').replace('storage: X', 'storage: true'));
    expect(c.store.get('customresourcedefinitions', undefined, 'widgets.example.com')!.status.storedVersions).toEqual(['v1', 'v1alpha1']);
  });
});
