/**
 * The apiextensions controllers (issue 16): naming (NamesAccepted, conflicts within a group),
 * establishing (Established once the names are accepted) and the CRD finalizer (objects first,
 * then the CRD), as apiextensions-apiserver runs them.
 */
import { describe, expect, it } from 'vitest';
import { assertNoTaskFailures, k, kFail, newCluster } from '../testing/helpers';

const crd = (name: string, plural: string, kind: string, extra = '') => `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: ${name}
spec:
  group: ${name.slice(name.indexOf('.') + 1)}
  scope: Namespaced
  names: {plural: ${plural}, kind: ${kind}${extra}}
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
`;

const conditions = (c: ReturnType<typeof newCluster>, name: string) =>
  (c.store.get('customresourcedefinitions', undefined, name)!.status.conditions as { type: string; status: string; reason: string; message: string }[]).map((x) => `${x.type}=${x.status} ${x.reason}: ${x.message}`);

describe('CRD naming and establishing', () => {
  it('accepts the first CRD’s names and refuses a second CRD of the group the same names', () => {
    const c = newCluster();
    k(c, 'apply -f -', crd('parts.shop.example', 'parts', 'Part', ', shortNames: [pt]'));
    c.advance(1);
    k(c, 'apply -f -', crd('pieces.shop.example', 'pieces', 'Part'));
    c.advance(1);
    assertNoTaskFailures(c);
    expect(conditions(c, 'parts.shop.example')).toEqual(['NamesAccepted=True NoConflicts: no conflicts found', 'Established=True InitialNamesAccepted: the initial names have been accepted']);
    expect(conditions(c, 'pieces.shop.example')).toEqual(['NamesAccepted=False SingularConflict: "part" is already in use', 'Established=False NotAccepted: not all names are accepted']);
    expect(kFail(c, 'get pieces')).toBe('error: the server doesn\'t have a resource type "pieces"\n');
    expect(k(c, 'get pt')).toBe('');
  });

  it('keeps a built-in resource’s plural to the built-in', () => {
    const c = newCluster();
    k(c, 'apply -f -', crd('pods.shop.example', 'pods', 'ShopPod'));
    c.advance(1);
    expect(conditions(c, 'pods.shop.example')[0]).toBe('NamesAccepted=False PluralConflict: "pods" is already in use');
    expect(k(c, 'get pods -n kube-system -o name')).toContain('pod/');
  });

  it('takes objects of the kind with the CRD, reporting Terminating on the way', () => {
    const c = newCluster();
    k(c, 'apply -f -', crd('parts.shop.example', 'parts', 'Part'));
    c.advance(1);
    for (const n of ['a', 'b', 'c']) k(c, 'apply -f -', `apiVersion: shop.example/v1\nkind: Part\nmetadata:\n  name: ${n}\n`);
    k(c, 'delete crd parts.shop.example --wait=false');
    expect(conditions(c, 'parts.shop.example')).toContain('Terminating=True InstanceDeletionPending: CustomResourceDefinition marked for deletion; instance deletion will be done in the finalizer');
    c.advance(1);
    assertNoTaskFailures(c);
    expect(c.store.count('parts')).toBe(0);
    expect(c.store.get('customresourcedefinitions', undefined, 'parts.shop.example')).toBeUndefined();
  });
});
