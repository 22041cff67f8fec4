import { describe, expect, it } from 'vitest';
import { computeLayout, nodeColumns, AGGREGATE_ABOVE, PodSlots } from './layout';
import type { DiagramModel, DNode, DPod } from '../store/diagramModel';

const pod = (i: number, node: string): DPod => ({ uid: `${node}-${i}`, name: `p-${i}`, namespace: 'default', status: 'Running', tone: 'running', ready: '1/1', restarts: 0, containers: 1, node });
const node = (name: string, pods: number, zone = 'a'): DNode => ({ name, controlPlane: false, status: 'Ready', ready: true, cordoned: false, machineRunning: true, zone, labels: [], taints: [], cpu: 0, memory: 0, podsUsed: pods, podsMax: 110, pods: Array.from({ length: pods }, (_, i) => pod(i, name)), disks: [] });
const model = (nodes: DNode[]): DiagramModel => ({ nodes, pending: [], pendingTotal: 0, services: [], workloads: [], namespaces: ['default'] });

const overlaps = (a: { x: number; y: number; w: number; h: number }, b: typeof a) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('diagram layout', () => {
  it('puts every pod inside its node and no two nodes on top of each other', () => {
    const l = computeLayout(model([node('w1', 30), node('w2', 5), node('w3', 0), node('w4', 13, 'b')]));
    const boxes = [...l.nodes.values()];
    for (const b of boxes) {
      for (const p of b.pods.values()) {
        expect(p.x).toBeGreaterThan(b.x);
        expect(p.x).toBeLessThan(b.x + b.w);
        expect(p.y).toBeGreaterThan(b.y);
        expect(p.y).toBeLessThan(b.y + b.h);
      }
      for (const o of boxes) if (o !== b) expect(overlaps(b, o)).toBe(false);
    }
    expect(l.nodes.get('w1')!.pods.size).toBe(30);
  });

  it('keeps a node where it was when another node goes away', () => {
    const before = computeLayout(model([node('w1', 3), node('w2', 3), node('w3', 3), node('w4', 3)]));
    const after = computeLayout(model([node('w1', 3), node('w2', 3), node('w4', 3)]));
    expect({ x: after.nodes.get('w1')!.x, y: after.nodes.get('w1')!.y }).toEqual({ x: before.nodes.get('w1')!.x, y: before.nodes.get('w1')!.y });
    expect(after.nodes.get('w2')!.x).toBe(before.nodes.get('w2')!.x);
  });

  it('keeps each pod in its place while others come and go; newcomers fill the gaps', () => {
    const slots = new PodSlots();
    const n = node('w1', 6);
    const first = computeLayout(model([n]), false, slots).nodes.get('w1')!.pods;
    // Pods 1 and 2 leave, two new ones arrive at the end of the list.
    const next = { ...n, pods: [n.pods[0], ...n.pods.slice(3), pod(6, 'w1'), pod(7, 'w1')] };
    const second = computeLayout(model([next]), false, slots).nodes.get('w1')!.pods;
    for (const p of [n.pods[0], ...n.pods.slice(3)]) expect(second.get(p.uid)).toEqual(first.get(p.uid));
    expect(second.get('w1-6')).toEqual(first.get('w1-1'));
    expect(second.get('w1-7')).toEqual(first.get('w1-2'));
  });

  it('aggregates crowded nodes and stays compact at 100 nodes / 3,000 pods', () => {
    const nodes = Array.from({ length: 100 }, (_, i) => node(`n${String(i).padStart(3, '0')}`, 30, ['a', 'b', 'c'][i % 3]));
    const l = computeLayout(model(nodes));
    expect(nodeColumns(100)).toBe(13);
    expect([...l.nodes.values()].every((n) => !n.aggregated)).toBe(true);
    const crowded = computeLayout(model([node('big', AGGREGATE_ABOVE + 1)]));
    expect(crowded.nodes.get('big')!.aggregated).toBe(true);
    expect(crowded.nodes.get('big')!.pods.size).toBe(0);
    expect(l.width / l.height).toBeGreaterThan(0.8);
  });

  it('holds a node’s height (and the nodes below it) still while pods are changing, and fits it once they settle', () => {
    const slots = new PodSlots();
    const at = (nodes: DNode[]) => computeLayout(model(nodes), false, slots);
    const cols = nodeColumns(4);
    const below = (l: ReturnType<typeof computeLayout>) => l.nodes.get(`w${cols + 1}`)!.y;
    const others = (extra: DNode) => [extra, ...Array.from({ length: cols }, (_, i) => node(`w${i + 2}`, 3))];
    const settled = at(others(node('w1', 27)));
    // A rollout: a surge pod arrives (a fourth row), then an old pod stops — the count swings back.
    const surging = node('w1', 28);
    surging.pods[27] = { ...surging.pods[27], status: 'ContainerCreating', tone: 'pending' };
    const grown = at(others(surging));
    expect(grown.nodes.get('w1')!.h).toBeGreaterThan(settled.nodes.get('w1')!.h);
    // Every card keeps one height: the grid stays a grid of equals.
    expect(grown.nodes.get('w2')!.h).toBe(grown.nodes.get('w1')!.h);
    // The surge pod goes (the count is back to three rows) while an old pod is still stopping.
    const swung = node('w1', 27);
    swung.pods[26] = { ...swung.pods[26], status: 'Terminating', tone: 'terminating' };
    const during = at(others(swung));
    expect(during.nodes.get('w1')!.h).toBe(grown.nodes.get('w1')!.h);
    expect(below(during)).toBe(below(grown));
    // Also while the change is on another node (a rollout moves on from node to node).
    const elsewhere = others(node('w1', 27));
    elsewhere[1].pods[0] = { ...elsewhere[1].pods[0], status: 'Terminating', tone: 'terminating' };
    expect(at(elsewhere).nodes.get('w1')!.h).toBe(grown.nodes.get('w1')!.h);
    // Settled again with 27 pods in the first three rows: the node fits them.
    const done = at(others(node('w1', 27)));
    expect(done.nodes.get('w1')!.h).toBe(settled.nodes.get('w1')!.h);
    expect(below(done)).toBe(below(settled));
  });

  it('keeps pending pods in their places in the tray while others leave it', () => {
    const slots = new PodSlots();
    const pending = Array.from({ length: 5 }, (_, i) => ({ ...pod(i, ''), status: 'Pending', tone: 'pending' as const }));
    const first = computeLayout({ ...model([node('w1', 0)]), pending }, false, slots).pendingPods;
    const second = computeLayout({ ...model([node('w1', 0)]), pending: [pending[0], ...pending.slice(2)] }, false, slots).pendingPods;
    for (const p of [pending[0], ...pending.slice(2)]) expect(second.get(p.uid)).toEqual(first.get(p.uid));
    expect(second.has(pending[1].uid)).toBe(false);
  });

  it('closes the gaps a rollout left once pods have settled, when they take whole rows; a single hole stays', () => {
    const slots = new PodSlots();
    const uids = Array.from({ length: 20 }, (_, i) => `p${i}`);
    slots.place('n', uids);
    const kept = uids.slice(10); // the first ten went: places 10–19 remain, two rows below an empty one
    expect(slots.place('n', kept, Infinity, false).get('p10')).toBe(10);
    const tidy = slots.place('n', kept, Infinity, true);
    expect(kept.map((u) => tidy.get(u))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // Two more go (places 1 and 9): the rest still fit one row, so nobody moves.
    const fewer = slots.place('n', kept.filter((u) => u !== 'p11' && u !== 'p19'), Infinity, true);
    expect(fewer.get('p12')).toBe(2);
    expect(fewer.get('p18')).toBe(8);
  });
});
