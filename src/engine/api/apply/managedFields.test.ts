/**
 * Server-side apply's field ownership: what an apply claims, what it takes away when the
 * configuration drops a field, conflicts with other managers (and forcing them), and Update
 * entries for writes that are not applies.
 */
import { describe, expect, it } from 'vitest';
import type { KObject } from '../types';
import { applyConfiguration, recordUpdate, type ManagedFieldsEntry } from './managedFields';
import { ApiError } from '../errors';

const deployment = (env: { name: string; value: string }[], replicas = 2, labels: Record<string, string> = { team: 'a' }): KObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default', labels },
  spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27', env }] } } },
});
const T = '2026-03-02T09:00:00Z';
const managers = (o: KObject) => (o.metadata.managedFields as ManagedFieldsEntry[]).map((e) => `${e.manager}/${e.operation}`);

describe('server-side apply', () => {
  it('claims what the configuration sets, keyed by merge keys', () => {
    const o = applyConfiguration(undefined, deployment([{ name: 'A', value: '1' }]), 'helm', false, T);
    const fields = (o.metadata.managedFields as ManagedFieldsEntry[])[0]!.fieldsV1 as Record<string, Record<string, unknown>>;
    expect(managers(o)).toEqual(['helm/Apply']);
    expect(fields['f:spec']).toHaveProperty('f:replicas');
    const containers = ((fields['f:spec']!['f:template'] as Record<string, Record<string, unknown>>)['f:spec']!['f:containers']) as Record<string, unknown>;
    expect(Object.keys(containers)).toEqual(['k:{"name":"web"}']);
  });

  it('removes what the same manager stopped applying, keeps what others own', () => {
    const first = applyConfiguration(undefined, deployment([{ name: 'A', value: '1' }, { name: 'B', value: '2' }]), 'helm', false, T);
    const second = applyConfiguration(first, deployment([{ name: 'A', value: '1' }], 2, {}), 'helm', false, T);
    expect(second.spec.template.spec.containers[0].env).toEqual([{ name: 'A', value: '1' }]);
    expect(second.metadata.labels).toEqual({});
    // Another manager's field survives the first manager dropping it.
    const shared = recordUpdate(first, { ...first, metadata: { ...first.metadata, annotations: { note: 'x' } } }, undefined, 'kubectl-annotate', T);
    const third = applyConfiguration(shared, deployment([{ name: 'A', value: '1' }]), 'helm', false, T);
    expect(third.metadata.annotations).toEqual({ note: 'x' });
    expect(managers(third)).toEqual(['kubectl-annotate/Update', 'helm/Apply']);
  });

  it('refuses a field another manager set to a different value, unless forced', () => {
    const applied = applyConfiguration(undefined, deployment([]), 'helm', false, T);
    const scaled = recordUpdate(applied, { ...applied, spec: { ...applied.spec, replicas: 5 } }, undefined, 'kubectl-scale', T, 'scale');
    let error: unknown;
    try {
      applyConfiguration(scaled, deployment([]), 'helm', false, T);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe(409);
    expect((error as ApiError).message).toBe(`Apply failed with 1 conflict: conflict with "kubectl-scale" using apps/v1 at ${T}: .spec.replicas`);
    const forced = applyConfiguration(scaled, deployment([]), 'helm', true, T);
    expect(forced.spec.replicas).toBe(2);
    // The forced field changed hands: the scaler owns nothing any more.
    expect(managers(forced)).toEqual(['helm/Apply']);
    // The same value is shared, not a conflict.
    expect(() => applyConfiguration(scaled, deployment([], 5), 'other', false, T)).not.toThrow();
  });

  it('records an update as owning only what it changed, and a no-op as nothing', () => {
    const applied = applyConfiguration(undefined, deployment([]), 'helm', false, T);
    const same = recordUpdate(applied, { ...applied }, undefined, 'editor', T);
    expect(same.metadata.managedFields).toBe(applied.metadata.managedFields);
    const relabelled = recordUpdate(applied, { ...applied, metadata: { ...applied.metadata, labels: { team: 'b' } } }, undefined, 'editor', T);
    expect(managers(relabelled)).toEqual(['helm/Apply', 'editor/Update']);
    const editor = (relabelled.metadata.managedFields as ManagedFieldsEntry[])[1]!;
    expect(editor.fieldsV1).toEqual({ 'f:metadata': { 'f:labels': { 'f:team': {} } } });
  });
});
