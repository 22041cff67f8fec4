/**
 * The three patch types give what real kubectl v1.32 computes with apimachinery's own code
 * (fixtures recorded from `kubectl patch --local`, ../../testdata/patch-cases.json): merge keys,
 * `$patch` directives, `$retainKeys`, `$deleteFromPrimitiveList`, list order, JSON pointers.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import fixtures from '../../testdata/patch-cases.json';
import { strategicMergePatch, StrategicMergeError } from './strategicMergePatch';
import { mergePatch } from '../../util/mergePatch';
import { applyJsonPatch, decodeJsonPatch, JsonPatchApplyError, JsonPatchDecodeError } from './jsonPatch';

/** Go's encoding/json writes map keys sorted: compare with the keys in order. */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]));
  return v;
}

const deployment = parse(fixtures.deployment);

describe('patches as kubectl v1.32 computes them', () => {
  it.each(fixtures.cases.map((c) => [c.type, c.patch, c.expected] as const))('%s %s', (type, patch, expected) => {
    const p = JSON.parse(patch);
    const got = type === 'strategic' ? strategicMergePatch(deployment, p, 'apps/v1.Deployment') : type === 'merge' ? mergePatch(deployment, p) : applyJsonPatch(deployment, decodeJsonPatch(p));
    expect(canonical(got)).toEqual(canonical(expected));
  });

  it('leave the original untouched', () => {
    const before = JSON.stringify(deployment);
    strategicMergePatch(deployment, { spec: { template: { spec: { containers: [{ name: 'web', image: 'x' }] } } } }, 'apps/v1.Deployment');
    applyJsonPatch(deployment, decodeJsonPatch([{ op: 'remove', path: '/spec/replicas' }]));
    expect(JSON.stringify(deployment)).toBe(before);
  });

  it('keep keys named __proto__ or constructor as data (labels are the learner\'s words)', () => {
    const patch = JSON.parse('{"metadata":{"labels":{"__proto__":"x","constructor":"y"}}}');
    for (const got of [strategicMergePatch(deployment, patch, 'apps/v1.Deployment'), mergePatch(deployment, patch), applyJsonPatch(deployment, decodeJsonPatch(JSON.parse('[{"op":"add","path":"/metadata/labels/__proto__","value":"x"},{"op":"add","path":"/metadata/labels/constructor","value":"y"}]')))]) {
      const labels = (got as { metadata: { labels: Record<string, unknown> } }).metadata.labels;
      expect(Object.hasOwn(labels, '__proto__') && Object.hasOwn(labels, 'constructor')).toBe(true);
      expect([labels.constructor, Object.getPrototypeOf(labels)]).toEqual(['y', Object.prototype]);
      expect(JSON.parse(JSON.stringify(got)).metadata.labels).toEqual(JSON.parse('{"app":"web","__proto__":"x","constructor":"y"}'));
    }
  });

  it('refuse what the server refuses, with its words', () => {
    expect(() => strategicMergePatch(deployment, { spec: { template: { spec: { containers: [{ image: 'x' }] } } } }, 'apps/v1.Deployment')).toThrow(new StrategicMergeError('map: map[image:x] does not contain declared merge key: name', 'InternalError'));
    expect(() => decodeJsonPatch({ op: 'add' })).toThrow(new JsonPatchDecodeError('json: cannot unmarshal object into Go value of type jsonpatch.Patch'));
    expect(() => applyJsonPatch(deployment, decodeJsonPatch([{ op: 'replace', path: '/spec/nope', value: 1 }]))).toThrow(JsonPatchApplyError);
    expect(() => applyJsonPatch(deployment, decodeJsonPatch([{ op: 'test', path: '/spec/replicas', value: 3 }]))).toThrow('testing value /spec/replicas failed');
    expect(() => applyJsonPatch(deployment, decodeJsonPatch([{ op: 'frobnicate', path: '/spec' }]))).toThrow('Unexpected kind: frobnicate');
  });
});
