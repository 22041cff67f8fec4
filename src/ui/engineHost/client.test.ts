/**
 * The page's client hands views over at animation frames (client.ts viewPacer): here a fake
 * requestAnimationFrame stands for the browser's, and a fake endpoint for the worker.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeClient, type Endpoint } from './client';
import type { HostView } from './host';
import type { CallMessage, HostMessage } from './protocol';

const view = (time: number): HostView => ({ time, startTime: 0, liveTime: time, rewound: false, logLength: 0 });

describe('views are handed over at the next animation frame', () => {
  let frames: FrameRequestCallback[] = [];
  const runFrame = () => {
    const due = frames;
    frames = [];
    for (const f of due) f(performance.now());
  };
  beforeEach(() => {
    frames = [];
    vi.useFakeTimers();
    vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => frames.push(f));
    vi.stubGlobal('cancelAnimationFrame', (id: number) => {
      if (id > 0) frames[id - 1] = () => {};
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  /** A client over a fake worker: `post` is the worker sending, `sent` what the page called. */
  const connect = () => {
    let receive: (m: HostMessage) => void = () => {};
    const sent: CallMessage[] = [];
    const endpoint: Endpoint = { send: (m) => sent.push(m), listen: (r) => (receive = r) };
    const client = makeClient(endpoint);
    const seen: number[] = [];
    client.onView((v) => seen.push(v.time));
    return { client, sent, seen, post: (m: HostMessage) => receive(m) };
  };

  it('waits for the frame, then delivers every view that came, in order', () => {
    const { post, seen } = connect();
    post({ view: view(1) });
    post({ view: view(2) });
    expect(seen).toEqual([]);
    runFrame();
    expect(seen).toEqual([1, 2]);
    post({ view: view(3) });
    runFrame();
    expect(seen).toEqual([1, 2, 3]);
  });

  it('an answer to a command comes after the views before it', async () => {
    const { client, post, seen, sent } = connect();
    const answered = client.call('run', 'kubectl get pods').then(() => [...seen]);
    post({ view: view(1) });
    post({ id: sent[0].id, ok: true, value: { stdout: '', stderr: '', exitCode: 0 } });
    // The view was in the store when the command's promise resolved, without a frame.
    expect(await answered).toEqual([1]);
  });

  it("a clock tick's answer does not pull the views ahead of the frame", async () => {
    const { client, post, seen, sent } = connect();
    const ticked = client.call('tick', 0.1).then(() => [...seen]);
    post({ view: view(1) });
    post({ id: sent[0].id, ok: true, value: undefined });
    expect(await ticked).toEqual([]);
    runFrame();
    expect(seen).toEqual([1]);
  });

  it('a page that runs no frames (a hidden tab) still gets its views', () => {
    const { post, seen } = connect();
    post({ view: view(1) });
    vi.advanceTimersByTime(300);
    expect(seen).toEqual([1]);
    // The frame that comes later has nothing left to deliver twice.
    runFrame();
    expect(seen).toEqual([1]);
  });
});
