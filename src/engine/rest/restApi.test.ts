/**
 * The REST layer without sockets: discovery as kubectl reads it, Tables, selectors and paging,
 * and the action log — a write by a real client replays as itself, so a served session
 * rewinds and reloads like any other.
 */
import { describe, expect, it } from 'vitest';
import { createCluster, rebuildCluster, type RestRequest } from '../port';

const json = (path: string, body: unknown, method = 'POST'): RestRequest => ({ method, path, contentType: 'application/json', body: JSON.stringify(body), userAgent: 'kubectl/v1.32.5 (linux/amd64)' });
const get = (path: string, query = '', accept?: string): RestRequest => ({ method: 'GET', path, query, ...(accept ? { accept } : {}) });
const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';

describe('the REST API over the engine', () => {
  it('serves discovery with categories: `get all` expands to exactly the types tagged "all"', () => {
    const c = createCluster({ seed: 1, minimal: true, bootSeconds: 0 });
    const agg = c.serve(get('/apis', '', 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json'));
    expect(agg.contentType).toBe('application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList');
    const apps = (agg.body as { items: { metadata: { name: string }; versions: { resources: { resource: string; categories?: string[]; subresources?: { subresource: string }[] }[] }[] }[] }).items.find((g) => g.metadata.name === 'apps')!;
    const deployments = apps.versions[0]!.resources.find((r) => r.resource === 'deployments')!;
    expect(deployments.categories).toEqual(['all']);
    expect(deployments.subresources!.map((s) => s.subresource)).toEqual(['scale', 'status']);
    const core = c.serve(get('/api/v1')).body as { resources: { name: string; categories?: string[] }[] };
    expect(core.resources.filter((r) => r.categories?.includes('all')).map((r) => r.name)).toEqual(['pods', 'replicationcontrollers', 'services']);
    expect(core.resources.map((r) => r.name)).toContain('pods/log');
  });

  it('answers Tables with the simulator’s columns, wide ones at priority 1, and PartialObjectMetadata rows', () => {
    const c = createCluster({ seed: 1, workers: 1 });
    const t = c.serve(get('/api/v1/nodes', '', TABLE)).body as { columnDefinitions: { name: string; priority: number }[]; rows: { cells: string[]; object: { kind: string; metadata: { name: string } } }[] };
    expect(t.columnDefinitions.filter((d) => d.priority === 0).map((d) => d.name)).toEqual(['Name', 'Status', 'Roles', 'Age', 'Version']);
    expect(t.columnDefinitions.filter((d) => d.priority === 1).map((d) => d.name)).toContain('Internal-IP');
    expect(t.rows[0]!.cells.slice(0, 2)).toEqual(['control-plane', 'Ready']);
    expect(t.rows[0]!.object).toMatchObject({ kind: 'PartialObjectMetadata', metadata: { name: 'control-plane' } });
  });

  it('filters by label and field selectors and pages with limit/continue', () => {
    const c = createCluster({ seed: 1, workers: 2 });
    const all = (c.serve(get('/api/v1/pods')).body as { items: { metadata: { name: string } }[] }).items.map((p) => p.metadata.name);
    const onCp = (c.serve(get('/api/v1/pods', 'fieldSelector=spec.nodeName%3Dcontrol-plane')).body as { items: unknown[] }).items;
    expect(onCp.length).toBeGreaterThan(0);
    expect(onCp.length).toBeLessThan(all.length);
    const pages: string[] = [];
    let token = '';
    for (let i = 0; i < 20; i++) {
      const page = c.serve(get('/api/v1/pods', `limit=3${token ? `&continue=${encodeURIComponent(token)}` : ''}`)).body as { items: { metadata: { namespace: string; name: string } }[]; metadata: { continue?: string } };
      pages.push(...page.items.map((p) => p.metadata.name));
      if (!page.metadata.continue) break;
      token = page.metadata.continue;
    }
    expect([...pages].sort()).toEqual([...all].sort());
    expect(c.serve(get('/api/v1/pods', 'continue=garbage')).status).toBe(400);
  });

  it('records a real client’s writes in the action log, and a replay rebuilds the same cluster', () => {
    const options = { seed: 5, workers: 2 };
    const c = createCluster(options);
    const cm = c.serve(json('/api/v1/namespaces/default/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { a: '1' } }));
    expect(cm.status).toBe(201);
    const dep = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'n', image: 'nginx:1.27' }] } } } };
    expect(c.serve(json('/apis/apps/v1/namespaces/default/deployments', dep)).status).toBe(201);
    c.advance(20);
    expect(c.serve({ method: 'PATCH', path: '/apis/apps/v1/namespaces/default/deployments/web/scale', contentType: 'application/merge-patch+json', body: '{"spec":{"replicas":3}}' }).status).toBe(200);
    // Reads and dry runs are not actions.
    c.serve(get('/api/v1/pods'));
    c.serve({ ...json('/api/v1/namespaces/default/configmaps', { metadata: { name: 'dry' } }), query: 'dryRun=All' });
    c.advance(20);
    const log = c.actionLog();
    expect(log.filter((a) => a.type === 'api').map((a) => (a.type === 'api' ? `${a.request.method} ${a.request.path}` : ''))).toEqual([
      'POST /api/v1/namespaces/default/configmaps',
      'POST /apis/apps/v1/namespaces/default/deployments',
      'PATCH /apis/apps/v1/namespaces/default/deployments/web/scale',
    ]);
    const replayed = rebuildCluster(options, log);
    expect(replayed.list('pods', 'default').map((p) => p.metadata.name)).toEqual(c.list('pods', 'default').map((p) => p.metadata.name));
    expect(replayed.get('deployments', 'default', 'web')).toEqual(c.get('deployments', 'default', 'web'));
  });
});
