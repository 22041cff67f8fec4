import { describe, expect, it } from 'vitest';
import { k, kFail, newCluster } from '../../testing/helpers';
import type { Cluster } from '../../cluster/cluster';
import { RememberingTabWriter } from './getWatch';

/** Runs a watching command with a stream, as the page's terminal does: what it printed later, and Ctrl+C. */
function watch(c: Cluster, command: string) {
  const later: string[] = [];
  let stop: (() => void) | undefined;
  const result = c.kubectl(command, { stream: { write: (t) => later.push(t), onStop: (s) => (stop = s) } });
  return { result, later, ctrlC: () => stop?.() };
}

describe('RememberingTabWriter (liggitt/tabwriter RememberWidths)', () => {
  it('pads columns to their widest cell plus three, at least six, and never narrows them afterwards', () => {
    const tw = new RememberingTabWriter();
    expect(tw.format([['NAME', 'STATUS', 'AGE'], ['p', 'Pending', '0s']])).toBe('NAME   STATUS    AGE\np      Pending   0s\n');
    expect(tw.format([['p', 'ContainerCreating', '1s']])).toBe('p      ContainerCreating   1s\n');
    expect(tw.format([['p', 'Running', '2s']])).toBe('p      Running             2s\n');
  });
});

describe('kubectl get -w', () => {
  it('prints the list, then a row for every change until Ctrl+C', () => {
    const c = newCluster();
    k(c, 'run web --image=nginx');
    c.advance(10);
    const w = watch(c, 'get pods -w');
    expect(w.result).toMatchObject({ exitCode: 0, streaming: true });
    expect(w.result.stdout).toMatch(/^NAME {3}READY {3}STATUS {4}RESTARTS {3}AGE\nweb {4}1\/1 {5}Running {3}0 {10}10s\n$/);
    k(c, 'run db --image=redis');
    c.advance(10);
    const rows = w.later.join('').split('\n').filter(Boolean);
    // No header again; every MODIFIED event prints, so the new pod appears more than once on its way to Running.
    expect(rows[0]).toMatch(/^db {5}0\/1 {5}Pending {3}0 {10}0s$/);
    expect(rows.at(-1)).toMatch(/^db {5}1\/1 {5}Running/);
    expect(rows.some((r) => r.includes('ContainerCreating'))).toBe(true);
    w.ctrlC();
    const printed = w.later.length;
    k(c, 'delete pod db');
    c.advance(40);
    expect(w.later.length).toBe(printed);
  });

  it('with --watch-only and --output-watch-events: no list, the header with the first event, and the event types', () => {
    const c = newCluster();
    k(c, 'run web --image=nginx');
    c.advance(10);
    const w = watch(c, 'get pods --watch-only --output-watch-events');
    expect(w.result.stdout).toBe('');
    k(c, 'label pod web tier=front');
    k(c, 'delete pod web --wait=false');
    c.advance(40);
    const rows = w.later.join('').split('\n').filter(Boolean);
    expect(rows[0]).toMatch(/^EVENT {6}NAME {3}READY {3}STATUS/);
    expect(rows[1]).toMatch(/^MODIFIED {3}web {4}1\/1/);
    expect(rows.at(-1)).toMatch(/^DELETED {4}web /);
  });

  it('follows a label selector: a pod that stops matching is reported DELETED, one that starts matching ADDED', () => {
    const c = newCluster();
    k(c, 'run web --image=nginx --labels=app=web');
    c.advance(10);
    const w = watch(c, 'get pods -l app=web -w --output-watch-events');
    k(c, 'label pod web app=other --overwrite');
    k(c, 'label pod web app=web --overwrite');
    expect(w.later.join('').split('\n').filter(Boolean).map((r) => r.split(/\s+/)[0])).toEqual(['DELETED', 'ADDED']);
  });

  it('follows one named object, and events as they are recorded', () => {
    const c = newCluster();
    k(c, 'run web --image=nginx');
    c.advance(10);
    const one = watch(c, 'get pod web -w -o name');
    expect(one.result.stdout).toBe('pod/web\n');
    const events = watch(c, 'get events --watch-only');
    k(c, 'run db --image=redis');
    c.advance(5);
    k(c, 'label pod web a=b');
    expect(one.later.join('')).toBe('pod/web\n');
    expect(events.later.join('')).toMatch(/^LAST SEEN {3}TYPE {5}REASON {6}OBJECT {3}MESSAGE\n0s {10}Normal {3}Scheduled {3}pod\/db {3}Successfully assigned default\/db to worker-\d\n/);
  });

  it('prints only the list when nobody streams it (a replay), and refuses what kubectl refuses', () => {
    const c = newCluster();
    expect(c.kubectl('get pods -w')).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    expect(kFail(c, 'get pods,services -w')).toBe('error: you may only specify a single resource type\n');
    expect(kFail(c, 'get pod nothere -w')).toBe('Error from server (NotFound): pods "nothere" not found\n');
  });
});
