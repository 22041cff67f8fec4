/**
 * A reload shows a long session from its kept checkpoint (issue 18): the worker writes the
 * latest checkpoint as data beside the saved log, and a load reads it back and replays only
 * what came after — giving, byte for byte, what a replay of the whole log gives. A checkpoint
 * that does not fit the session (another build, a cut log, other options, a damaged entry,
 * storage that fails) is never used: the load replays from the start instead.
 */
import { describe, expect, it } from 'vitest';
import { rebuildCluster } from '../../engine/port';
import { EngineHost, type SessionData } from './host';
import { CheckpointKeeper, type CheckpointStore, type KeptCheckpoint } from './keptCheckpoints';
import { deserialize, serialize } from '../store/session';

/** IndexedDB as the worker uses it: what is stored is a structured clone. */
function memoryStore(): CheckpointStore & { entries: Map<string, KeptCheckpoint> } {
  const entries = new Map<string, KeptCheckpoint>();
  return {
    entries,
    read: async (key) => (entries.has(key) ? structuredClone(entries.get(key)) : undefined),
    write: async (key, value) => void entries.set(key, structuredClone(value)),
  };
}

function pass(host: EngineHost, seconds: number): void {
  const end = host.position().now + seconds * 1000;
  while (host.position().now < end) host.tick((end - host.position().now) / 1000);
}

const everything = 'get all,nodes,events,leases,endpointslices -A -o yaml';

/** A session of a little over 12 simulated minutes, kept under `key` as the page keeps it. */
async function keptSession(store: CheckpointStore, build = 'b1'): Promise<{ session: SessionData; keeper: CheckpointKeeper }> {
  const keeper = new CheckpointKeeper(store, build);
  const host = new EngineHost(() => {}, keeper);
  host.reset({ seed: 4, workers: 3 });
  host.keepAs('sandbox');
  // The editor's files go with every command; a saved session keeps only those a command names.
  host.run('create deployment web --image=nginx --replicas=6', { 'notes.yaml': 'a: 1\n', 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\ndata: {k: v}\n' });
  host.run('apply -f cm.yaml', { 'notes.yaml': 'a: 1\n', 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\ndata: {k: v}\n' });
  host.run('create cronjob tick --image=busybox --schedule=*/2 * * * * -- echo hi');
  for (let s = 0; s < 25; s++) {
    pass(host, 30);
    if (s === 9) host.run('scale deployment web --replicas=4');
    if (s === 14) host.stopNode('worker-1');
  }
  await keeper.idle();
  // As the page saves it and reads it back after a reload.
  const saved = deserialize(serialize({ ...host.session(), files: [] }));
  if (!saved.ok) throw new Error('the session did not read back');
  return { session: { options: saved.session.options, actions: saved.session.actions }, keeper };
}

async function load(store: CheckpointStore, session: SessionData, build = 'b1'): Promise<{ host: EngineHost; keeper: CheckpointKeeper }> {
  const keeper = new CheckpointKeeper(store, build);
  const host = new EngineHost(() => {}, keeper);
  await host.load(session, () => {});
  return { host, keeper };
}

describe('a reload from the kept checkpoint', () => {
  it('reads the latest checkpoint back and shows exactly what a replay of the whole log shows', async () => {
    const store = memoryStore();
    const { session } = await keptSession(store);
    const kept = store.entries.get('sandbox')!;
    expect(kept.at).toBeGreaterThanOrEqual(session.actions[0].at + 10 * 60_000);
    const { host, keeper } = await load(store, { ...session, key: 'sandbox' });
    expect(keeper.restored).toBe(1);
    const last = session.actions[session.actions.length - 1];
    const end = last.type === 'advance' ? last.at + last.seconds * 1000 : last.at;
    expect(host.position().now).toBe(end);
    expect(host.query(everything).stdout).toBe(rebuildCluster(session.options, session.actions).query(everything).stdout);
    // And it goes on as the replayed one does.
    host.run('scale deployment web --replicas=2');
    pass(host, 90);
    const again = host.session();
    expect(host.query(everything).stdout).toBe(rebuildCluster(again.options, again.actions).query(everything).stdout);
  });

  it('is not used by another build, for other options, for a log that no longer starts with it, or when damaged', async () => {
    const store = memoryStore();
    const { session } = await keptSession(store);
    const replayed = rebuildCluster(session.options, session.actions).query(everything).stdout;
    const kept = store.entries.get('sandbox')!;
    const cut = session.actions.findIndex((a) => a.type === 'kubectl' && a.command.startsWith('scale'));
    const cases: [string, SessionData, () => void][] = [
      ['another build', { ...session, key: 'sandbox' }, () => {}],
      ['other options', { ...session, options: { ...session.options, seed: 5 }, key: 'sandbox' }, () => {}],
      ['an edited log', { ...session, actions: session.actions.map((a, i) => (i === cut && a.type === 'kubectl' ? { ...a, command: 'scale deployment web --replicas=5' } : a)), key: 'sandbox' }, () => {}],
      ['a cut log', { ...session, actions: session.actions.slice(0, cut), key: 'sandbox' }, () => {}],
      ['a damaged image', { ...session, key: 'sandbox' }, () => store.entries.set('sandbox', { ...kept, image: { ...kept.image, nodes: kept.image.nodes.slice(0, 10) } })],
      ['another slot', { ...session, key: 'lesson:jobs' }, () => {}],
    ];
    for (const [what, s, prepare] of cases) {
      store.entries.set('sandbox', kept);
      prepare();
      const { host, keeper } = await load(store, s, what === 'another build' ? 'b2' : 'b1');
      expect(keeper.restored, what).toBe(0);
      const expected = s === cases[0][1] || what === 'a damaged image' || what === 'another slot' ? replayed : rebuildCluster(s.options, s.actions).query(everything).stdout;
      expect(host.query(everything).stdout, what).toBe(expected);
    }
  });

  it('storage that fails only means a replay from the start', async () => {
    const store = memoryStore();
    const { session } = await keptSession(store);
    const failing: CheckpointStore = {
      read: () => Promise.reject(new Error('QuotaExceededError')),
      write: () => Promise.reject(new Error('QuotaExceededError')),
    };
    const { host, keeper } = await load(failing, { ...session, key: 'sandbox' });
    expect(keeper.restored).toBe(0);
    expect(host.query(everything).stdout).toBe(rebuildCluster(session.options, session.actions).query(everything).stdout);
    // Keeping in the background fails quietly too: the host goes on.
    pass(host, 6 * 60);
    await keeper.idle();
    expect(host.position().now).toBeGreaterThan(session.actions[0].at);
  });

  it('keeps nothing when the page saves nothing (no slot given)', async () => {
    const store = memoryStore();
    const host = new EngineHost(() => {}, new CheckpointKeeper(store, 'b1'));
    host.reset({ seed: 1, workers: 2 });
    host.run('create deployment web --image=nginx --replicas=2');
    pass(host, 6 * 60);
    expect(store.entries.size).toBe(0);
  });
});
