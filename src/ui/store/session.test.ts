import { describe, expect, it } from 'vitest';
import { decodeShare, deserialize, encodeShare, MAX_LINK_CHARS, pack, readScenarioFile, scenarioFile, serialize, unpack, type Session } from './session';
import { createCluster, rebuildCluster, type Action } from '../../engine/port';
import { TEMPLATES } from '../editor/templates';
import { deflateSync } from 'fflate';

const session = (s: Partial<Session>): Session => ({ options: { seed: 1, workers: 2 }, actions: [], files: [], ...s });
const ok = (u: ReturnType<typeof unpack>) => {
  if (!u.ok) throw new Error(`rejected: ${u.reason}`);
  return u.session;
};

/** A learner's two hours: 360 commands, 20 s apart, the editor's files sent with each (as the terminal does), edited now and then. */
function twoHourSession(): Session {
  const start = Date.UTC(2026, 2, 2, 9, 5, 0);
  const files: Record<string, string> = { 'web.yaml': TEMPLATES[0].yaml, 'web-svc.yaml': TEMPLATES[1].yaml, 'config.yaml': TEMPLATES[3].yaml };
  const commands = ['kubectl get pods', 'kubectl get pods -o wide', 'kubectl apply -f web.yaml', 'kubectl describe deployment web', 'kubectl scale deployment web --replicas=5', 'kubectl get events', 'kubectl rollout status deployment/web', 'kubectl get svc', 'kubectl logs deploy/web --tail=20', 'kubectl delete pod -l app=web'];
  const actions: Action[] = [];
  let at = start;
  for (let i = 0; i < 360; i++) {
    if (i % 12 === 0) files['web.yaml'] = files['web.yaml'].replace(/replicas: \d+/, `replicas: ${2 + (i % 5)}`);
    actions.push({ type: 'kubectl', at, command: `${commands[i % commands.length]}${i % 7 === 0 ? ` -n team-${i % 3}` : ''}`, files: { ...files } });
    actions.push({ type: 'advance', at, seconds: 20 });
    at += 20_000;
  }
  return session({ actions, files: Object.entries(files).map(([name, content]) => ({ name, content })) });
}

describe('sessions', () => {
  it('a shared link rebuilds the same cluster, Korean text and all', () => {
    const c = createCluster({ seed: 7, workers: 2 });
    c.kubectl('create deployment web --image=nginx --replicas=3');
    c.advance(30);
    c.stopNode('worker-1');
    c.advance(20);
    const s: Session = { options: { seed: 7, workers: 2 }, actions: c.actionLog(), files: [{ name: 'web.yaml', content: '# 디플로이먼트\nkind: Deployment\n' }] };
    const back = ok(decodeShare(encodeShare(s)));
    expect(back.files[0].content).toBe('# 디플로이먼트\nkind: Deployment\n');
    const again = rebuildCluster(back.options, back.actions);
    expect(again.now()).toBe(c.now());
    expect(again.kubectl('get pods -o wide').stdout).toBe(c.kubectl('get pods -o wide').stdout);
  });

  it('a served session (requests of real clients in its log) shares and rebuilds like any other', () => {
    const c = createCluster({ seed: 4, workers: 2 });
    const dep = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'api' }, spec: { replicas: 2, selector: { matchLabels: { app: 'api' } }, template: { metadata: { labels: { app: 'api' } }, spec: { containers: [{ name: 'n', image: 'nginx:1.27' }] } } } };
    expect(c.serve({ method: 'POST', path: '/apis/apps/v1/namespaces/default/deployments', contentType: 'application/json', body: JSON.stringify(dep), userAgent: 'kubectl/v1.32.5' }).status).toBe(201);
    c.advance(30);
    const s: Session = { options: { seed: 4, workers: 2 }, actions: c.actionLog(), files: [] };
    const back = ok(decodeShare(encodeShare(s)));
    expect(back.actions.filter((a) => a.type === 'api')).toHaveLength(1);
    expect(rebuildCluster(back.options, back.actions).kubectl('get pods').stdout).toBe(c.kubectl('get pods').stdout);
    // A tampered request (a method no client sends) is refused, not replayed.
    const bad = JSON.parse(serialize(s));
    bad.actions.find((a: { type: string }) => a.type === 'api').request.method = 'TRACE';
    expect(deserialize(JSON.stringify(bad)).ok).toBe(false);
  });

  it('stores each file content once: 215 commands with a 24 KB manifest open stay small', () => {
    const manifest = 'kind: ConfigMap\ndata:\n' + Array.from({ length: 1000 }, (_, i) => `  key${i}: value-${i}-padding\n`).join('');
    expect(manifest.length).toBeGreaterThan(24_000);
    const actions: Action[] = Array.from({ length: 215 }, (_, i): Action => ({ type: 'kubectl', at: Date.UTC(2026, 2, 2, 9, 5) + i * 1000, command: 'kubectl get pods', files: { 'big.yaml': manifest } }));
    const s = session({ actions, files: [{ name: 'big.yaml', content: manifest }] });
    const text = serialize(s);
    // Format 1 stored 215 copies (5.2 MB, past localStorage's quota); now: one copy and the commands.
    expect(JSON.stringify({ version: 1, ...s }).length).toBeGreaterThan(5_000_000);
    expect(text.length).toBeLessThan(60_000);
    const applied = ok(deserialize(serialize(session({ actions: [{ ...(actions[0] as Extract<Action, { type: 'kubectl' }>), command: 'kubectl apply -f big.yaml' }] }))));
    expect({ ...applied.actions[0] }).toEqual({ ...actions[0], command: 'kubectl apply -f big.yaml' });
    const back = ok(deserialize(text));
    // `get pods` reads no file: the commands come back without the copies.
    expect(back.actions).toEqual(actions.map((a) => {
      const { files: _f, ...rest } = a as Extract<Action, { type: 'kubectl' }>;
      return rest;
    }));
    expect(back.files).toEqual(s.files);
  });

  it(`a two-hour session's link stays under ${MAX_LINK_CHARS} characters`, () => {
    const s = twoHourSession();
    const link = encodeShare(s);
    // Figures for the README: uncompressed base64 of format 1 vs the compressed link.
    expect(btoa(unescape(encodeURIComponent(JSON.stringify({ version: 1, ...s })))).length).toBeGreaterThan(400_000);
    // Measured: 1,444 characters (format 1's link: 411,688).
    expect(`https://example.org/wheelhouse/${link}`.length).toBeLessThan(MAX_LINK_CHARS);
    const back = ok(decodeShare(link));
    expect(back.actions.length).toBe(s.actions.length);
    // The files a command names come back with it.
    const apply = back.actions.findIndex((a) => a.type === 'kubectl' && a.command.includes('-f web.yaml'));
    expect({ ...(back.actions[apply] as { files: object }).files }).toEqual({ 'web.yaml': (s.actions[apply] as { files: Record<string, string> }).files['web.yaml'] });
  });

  it('a scenario file carries what a link cannot, and reads back', () => {
    const s = twoHourSession();
    const file = scenarioFile({ ...s, console: [{ command: 'kubectl get pods', stdout: 'x', stderr: '', exitCode: 0 }] });
    const back = ok(readScenarioFile(file));
    expect(back.actions.length).toEqual(s.actions.length);
    expect(back.console).toBeUndefined();
    expect(readScenarioFile('{"hello":1}')).toEqual({ ok: false, reason: 'unreadable' });
  });

  it('reads links made before compression (#s=, format 1)', () => {
    const legacy = { version: 1, options: { seed: 3, workers: 1 }, actions: [{ type: 'kubectl', at: Date.UTC(2026, 2, 2, 9, 5), command: 'kubectl apply -f a.yaml', files: { 'a.yaml': 'x' } }], files: [{ name: 'a.yaml', content: 'x' }] };
    const hash = '#s=' + btoa(JSON.stringify(legacy)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    const [action] = ok(decodeShare(hash)).actions as { files: object }[];
    expect({ ...action, files: { ...action.files } }).toEqual(legacy.actions[0]);
  });

  it('rejects, never throws on, anything that is not a session (garbage links, tampered storage, hostile sizes)', () => {
    expect(decodeShare('#s=!!!')).toEqual({ ok: false, reason: 'unreadable' });
    expect(decodeShare('#s=bm90IGpzb24')).toEqual({ ok: false, reason: 'unreadable' });
    expect(decodeShare('#s2=garbage')).toMatchObject({ ok: false });
    // A deflate bomb: 9 MB of spaces in a link of a few kilobytes.
    const bomb = deflateSync(new Uint8Array(9_000_000).fill(32), { level: 9 });
    expect(decodeShare('#s2=' + btoa(String.fromCharCode(...bomb)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''))).toMatchObject({ ok: false });
    expect(deserialize('{"format":2,"options":{},"start":0,"blobs":[],"act')).toEqual({ ok: false, reason: 'unreadable' });
    expect(unpack({ format: 3 })).toEqual({ ok: false, reason: 'newer' });
    expect(unpack(null)).toMatchObject({ ok: false });
    const base = pack(session({ actions: [{ type: 'kubectl', at: Date.UTC(2026, 2, 2, 9, 5), command: 'kubectl get pods' }] }));
    const bad = (patch: object) => unpack({ ...base, ...patch }, true);
    expect(bad({})).toMatchObject({ ok: true });
    // The white screens of issue 19 #8: a start time no Date can print, invalid nodes and labels.
    expect(bad({ options: { startTime: 1e20 } })).toEqual({ ok: false, reason: 'invalid' });
    expect(bad({ options: { startTime: 'yesterday' } })).toEqual({ ok: false, reason: 'invalid' });
    expect(bad({ options: { nodes: [{ name: 'Worker 1!' }] } })).toEqual({ ok: false, reason: 'invalid' });
    expect(bad({ options: { nodes: 'three' } })).toEqual({ ok: false, reason: 'invalid' });
    expect(bad({ options: { nodes: [{ name: 'w1', labels: { 'bad key!': 'x' } }] } })).toEqual({ ok: false, reason: 'invalid' });
    expect(bad({ options: { nodes: [{ name: 'w1', labels: { disk: 'ssd ssd' } }] } })).toEqual({ ok: false, reason: 'invalid' });
    expect(bad({ options: { workers: 100_000 } })).toEqual({ ok: false, reason: 'invalid' });
    // The frozen tabs of issue 19 #9: unbounded boot and advance.
    expect(bad({ options: { bootSeconds: 1e9 } })).toEqual({ ok: false, reason: 'invalid' });
    expect(bad({ actions: [{ type: 'advance', d: 0, seconds: 1e9 }] })).toEqual({ ok: false, reason: 'invalid' });
    expect(bad({ actions: [{ type: 'advance', d: 0, seconds: 3 * 86_400 }] })).toEqual({ ok: false, reason: 'tooLong' });
    expect(unpack({ ...base, actions: [{ type: 'advance', d: 0, seconds: 3 * 86_400 }] })).toMatchObject({ ok: true });
    expect(bad({ actions: [{ type: 'rm -rf', d: 0 }] })).toEqual({ ok: false, reason: 'invalid' });
    expect(bad({ actions: [{ type: 'kubectl', d: 0, command: 'x', stdin: 5 }] })).toEqual({ ok: false, reason: 'invalid' });
    expect(bad({ actions: Array.from({ length: 200_001 }, () => ({ type: 'kubectl', d: 0, command: 'kubectl get pods' })) })).toEqual({ ok: false, reason: 'invalid' });
  });
});
