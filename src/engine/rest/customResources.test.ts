/**
 * Custom resources over the REST API (issue 16), without real kubectl: a CRD posted to
 * /apis/apiextensions.k8s.io/v1 adds its group to discovery (legacy and aggregated, with the
 * status subresource) and to the OpenAPI v3 index once Established; objects are served under
 * /apis/<group>/<version>/…, as Tables with the printer columns (typed cells), and strict field
 * validation refuses unknown fields; when the CRD is gone, so is the group.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createCluster, type RestRequest } from '../port';

const json = (path: string, body: unknown, method = 'POST', query = ''): RestRequest => ({ method, path, query, contentType: 'application/json', body: JSON.stringify(body), userAgent: 'kubectl/v1.32.5 (linux/amd64)' });
const get = (path: string, query = '', accept?: string): RestRequest => ({ method: 'GET', path, query, ...(accept ? { accept } : {}) });
const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';
const AGGREGATED = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json';
const CRD = parse(readFileSync(resolve(__dirname, '../testdata/crd/widget-crd.yaml'), 'utf8'));

describe('custom resources over the REST API', () => {
  it('appear in discovery and OpenAPI once Established, and leave with their CRD', () => {
    const c = createCluster({ seed: 1, minimal: true, bootSeconds: 0 });
    expect(c.serve(json('/apis/apiextensions.k8s.io/v1/customresourcedefinitions', CRD)).status).toBe(201);
    c.advance(1);
    const groups = (c.serve(get('/apis')).body as { groups: { name: string; preferredVersion: { groupVersion: string } }[] }).groups;
    expect(groups.find((g) => g.name === 'example.com')?.preferredVersion.groupVersion).toBe('example.com/v1');
    const list = c.serve(get('/apis/example.com/v1')).body as { resources: { name: string; kind: string; shortNames?: string[]; categories?: string[] }[] };
    expect(list.resources.map((r) => r.name)).toEqual(['widgets', 'widgets/status']);
    expect(list.resources[0]).toMatchObject({ kind: 'Widget', shortNames: ['wd'], categories: ['all'] });
    const agg = c.serve(get('/apis', '', AGGREGATED)).body as { items: { metadata: { name: string }; versions: { resources: { resource: string; scope: string; subresources?: { subresource: string }[] }[] }[] }[] };
    const widgets = agg.items.find((g) => g.metadata.name === 'example.com')!.versions[0]!.resources[0]!;
    expect(widgets).toMatchObject({ resource: 'widgets', scope: 'Namespaced', subresources: [{ subresource: 'status' }] });
    const index = c.serve(get('/openapi/v3')).body as { paths: Record<string, unknown> };
    expect(Object.keys(index.paths)).toContain('apis/example.com/v1');
    const doc = c.serve(get('/openapi/v3/apis/example.com/v1')).body as { components: { schemas: Record<string, { properties: Record<string, unknown> }> } };
    expect(Object.keys(doc.components.schemas['com.example.v1.Widget']!.properties)).toEqual(['apiVersion', 'kind', 'metadata', 'spec', 'status']);

    expect(c.serve({ method: 'DELETE', path: '/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.com' }).status).toBe(200);
    c.advance(1);
    expect(c.serve(get('/apis/example.com/v1')).status).toBe(404);
    expect(c.serve(get('/apis/example.com/v1/namespaces/default/widgets')).status).toBe(404);
  });

  it('serves the objects, their Table and the strict decoding of their fields', () => {
    const c = createCluster({ seed: 1, minimal: true, bootSeconds: 0 });
    c.serve(json('/apis/apiextensions.k8s.io/v1/customresourcedefinitions', CRD));
    c.advance(1);
    const path = '/apis/example.com/v1/namespaces/default/widgets';
    const created = c.serve(json(path, { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { size: 3 } }));
    expect(created.status).toBe(201);
    expect((created.body as { spec: unknown }).spec).toEqual({ color: 'red', size: 3 });
    const strict = c.serve(json(path, { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'x' }, spec: { size: 3, colour: 'red' } }, 'POST', 'fieldValidation=Strict'));
    expect(strict.status).toBe(400);
    expect((strict.body as { message: string }).message).toBe('Widget in version "v1" cannot be handled as a Widget: strict decoding error: unknown field "spec.colour"');
    const invalid = c.serve(json(path, { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'y' }, spec: { size: 30 } }));
    expect(invalid.status).toBe(422);
    expect((invalid.body as { message: string }).message).toBe('Widget.example.com "y" is invalid: spec.size: Invalid value: 30: spec.size in body should be less than or equal to 10');
    const table = c.serve(get(path, '', TABLE)).body as { columnDefinitions: { name: string; type: string }[]; rows: { cells: unknown[] }[] };
    expect(table.columnDefinitions.map((d) => `${d.name}:${d.type}`)).toEqual(['Name:string', 'Size:integer', 'Color:string', 'Ready:boolean', 'Age:date']);
    expect(table.rows[0]!.cells).toEqual(['w', 3, 'red', null, '0s']);
    // The status subresource writes status alone.
    const status = c.serve(json(`${path}/w/status`, { status: { ready: true }, spec: { size: 9 } }, 'PATCH'));
    expect(status.status).toBe(415);
    const merged = c.serve({ ...json(`${path}/w/status`, { status: { ready: true }, spec: { size: 9 } }, 'PATCH'), contentType: 'application/merge-patch+json' });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({ spec: { size: 3 }, status: { ready: true } });
  });
});
