/**
 * The engine behind the page's door: everything goes through the worker's messages (cloned as
 * a worker's are), and what comes back is plain data — command answers, views with the diagram
 * as deltas, and watched queries answered again only when their answer changes.
 */
import { describe, expect, it } from 'vitest';
import { createCluster, rebuildCluster } from '../../engine/port';
import { buildDiagramModel } from '../store/diagramModel';
import { EngineCallError, inThreadClient, type EngineClient } from './client';
import type { HostView } from './host';
import { ModelApplier } from '../store/modelApply';
import { queryKey, type Query } from './queryTypes';

/** A client with the page's side of the views: the model rebuilt, the latest answers. */
async function page() {
  const client = await inThreadClient();
  const decoder = new ModelApplier();
  const state = { view: undefined as HostView | undefined, model: decoder.apply({}), results: {} as Record<string, unknown>, views: 0, rewindingTo: [] as number[] };
  client.onView((v) => {
    if (v.fresh) decoder.reset();
    if (v.rewindingTo !== undefined) state.rewindingTo.push(v.rewindingTo);
    state.view = v;
    state.views++;
    if (v.model) state.model = decoder.apply(v.model);
    if (v.results) state.results = { ...state.results, ...v.results };
  });
  return { client, state };
}

const yamlOf = (c: EngineClient) => c.call('run', 'get all -A -o yaml').then((r) => r.stdout);
const answerOf = (results: Record<string, unknown>, q: Query) => results[queryKey(q)];

describe('the engine host', () => {
  it('runs commands and sends views that rebuild the same picture as the engine', async () => {
    const { client, state } = await page();
    await client.call('reset', { seed: 7, workers: 2 });
    const r = await client.call('run', 'create deployment web --image=nginx --replicas=3');
    expect(r).toMatchObject({ exitCode: 0, stdout: 'deployment.apps/web created\n' });
    await client.call('tick', 30);
    await client.call('position');
    // The same cluster built here directly draws the same picture.
    const direct = createCluster({ seed: 7, workers: 2 });
    direct.kubectl('create deployment web --image=nginx --replicas=3');
    direct.advance(30);
    const expected = buildDiagramModel(direct, ['default']);
    expect(state.model.nodes.map((n) => n.pods.map((p) => p.name))).toEqual(expected.nodes.map((n) => n.pods.map((p) => p.name)));
    expect(state.view!.time).toBe(direct.now());
    expect(state.view!.logLength).toBe(direct.actionLog().length);
  });

  it('answers watched queries after changes, and only when the answer changed', async () => {
    const { client, state } = await page();
    await client.call('reset', { seed: 1, workers: 1 });
    const q: Query = { type: 'kubectl', command: 'get deploy web' };
    await client.call('watch', queryKey(q), q);
    await client.call('position');
    expect((answerOf(state.results, q) as { stderr: string }).stderr).toContain('NotFound');
    await client.call('run', 'create deployment web --image=nginx');
    await client.call('position');
    expect((answerOf(state.results, q) as { stdout: string }).stdout).toContain('web');
    const before = state.results;
    await client.call('step');
    await client.call('position');
    // Nothing new about the question: the answer object is the same one.
    expect(answerOf(state.results, q)).toBe(answerOf(before, q));
    await client.call('unwatch', queryKey(q));
  });

  it('rewinds and comes back to the same cluster; undo takes back the last action', async () => {
    const { client, state } = await page();
    await client.call('reset', { seed: 2, workers: 2 });
    await client.call('run', 'create deployment web --image=nginx --replicas=2');
    await client.call('tick', 60);
    await client.call('run', 'scale deployment web --replicas=4');
    await client.call('tick', 60);
    const live = await yamlOf(client);
    const liveTime = state.view!.time;
    await client.call('rewind', liveTime - 90_000);
    await client.call('position');
    while (state.view!.rewindingTo !== undefined) await new Promise((r) => setTimeout(r, 10));
    // Rebuilt in slices: the views said where it was going until it was there.
    expect(state.rewindingTo).toEqual([liveTime - 90_000]);
    expect(state.view).toMatchObject({ time: liveTime - 90_000, rewound: true, liveTime });
    // The rewound cluster is the replay of the log up to that moment.
    const { options, actions } = await client.call('session');
    expect(await client.call('run', 'get deploy web -o yaml')).toMatchObject({ exitCode: 0 });
    await client.call('position');
    expect(state.view!.rewound).toBe(false);
    await client.call('backToLive');
    const replayed = rebuildCluster(options, actions);
    expect(replayed.kubectl('get all -A -o yaml').stdout).toBe(live);
    // Acting in the past forked a new future: the live log is gone, this is the present now.
    expect(await yamlOf(client)).not.toBe(live);
    expect(await client.call('undoLast')).toBe(true);
    await client.call('position');
    const marks = state.view!.marks!;
    expect(marks.map((m) => m.what.type)).toEqual(['kubectl', 'kubectl']);
  });

  it('reports a load that is stopped, and keeps the cluster it had', async () => {
    const { client } = await page();
    await client.call('reset', { seed: 1, workers: 1 });
    const built = createCluster({ seed: 1, workers: 30 });
    built.kubectl('create deployment web --image=nginx --replicas=200');
    built.advance(3600);
    const progress: number[] = [];
    client.onProgress((p) => progress.push(p));
    const loading = client.call('load', { options: built.options, actions: built.actionLog() });
    await new Promise((r) => setTimeout(r, 30));
    await client.call('cancelLoad');
    const error = await loading.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineCallError);
    expect((error as EngineCallError).kind).toBe('ReplayAborted');
    expect((await client.call('run', 'get nodes --no-headers')).stdout.trim().split('\n')).toHaveLength(2);
  });

  it('streams what kubectl get -w prints in its views until Ctrl+C, and ends it when the cluster is replaced', async () => {
    const { client } = await page();
    const printed: Record<number, string> = {};
    const ended: number[] = [];
    client.onView((v) => {
      for (const [id, text] of Object.entries(v.streams ?? {})) printed[Number(id)] = (printed[Number(id)] ?? '') + text;
      ended.push(...(v.endedStreams ?? []));
    });
    await client.call('reset', { seed: 3, workers: 1 });
    const r = await client.call('run', 'get pods -w');
    expect(r).toMatchObject({ exitCode: 0, stdout: '', stream: expect.any(Number) });
    const id = r.stream!;
    await client.call('run', 'run web --image=nginx');
    await client.call('tick', 10);
    expect(printed[id]).toMatch(/^NAME {3}READY {3}STATUS {4}RESTARTS {3}AGE\nweb {4}0\/1 {5}Pending/);
    expect(printed[id]).toMatch(/\nweb {4}1\/1 {5}Running /);
    await client.call('stopStream', id);
    const before = printed[id];
    await client.call('run', 'delete pod web');
    await client.call('tick', 40);
    expect(printed[id]).toBe(before);
    // A watch still running when the cluster is replaced ends with it.
    const again = await client.call('run', 'get nodes -w');
    await client.call('reset', { seed: 3, workers: 1 });
    await client.call('position');
    expect(ended).toEqual([again.stream]);
  });
});
