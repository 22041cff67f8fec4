import { describe, expect, it } from 'vitest';
import xtermHeadless from '@xterm/headless';
import { LineEditor, cellWidth, wrapWords, type EditorAction } from './lineEditor';

const { Terminal } = xtermHeadless;

/** A real xterm.js (headless) fed with what the editor writes, to read the screen back. */
function setup(cols = 40, history: string[] = []) {
  const term = new Terminal({ cols, rows: 10, allowProposedApi: true });
  const submitted: string[] = [];
  const editor = new LineEditor({ complete: (line) => (line.endsWith('get po') ? { line: line + 'ds ', choices: [] } : line.endsWith('get p') ? { line, choices: ['pods', 'pv', 'pvc'] } : { line, choices: [] }), columns: () => cols }, () => history);
  const apply = (actions: EditorAction[]) => {
    for (const a of actions) {
      if (a.kind === 'write') term.write(a.data);
      else if (a.kind === 'submit') submitted.push(a.line);
    }
  };
  term.write(editor.redraw());
  const type = async (data: string) => {
    apply(editor.input(data));
    await new Promise<void>((r) => term.write('', r));
  };
  const screen = () => {
    const rows: string[] = [];
    const buf = term.buffer.active;
    for (let i = 0; i < buf.length; i++) rows.push(buf.getLine(i)!.translateToString(true));
    while (rows.length && rows[rows.length - 1] === '') rows.pop();
    return rows;
  };
  const cursor = () => ({ x: term.buffer.active.cursorX, y: term.buffer.active.cursorY });
  return { term, editor, type, screen, cursor, submitted };
}

describe('terminal line editor', () => {
  it('types, edits in the middle and submits', async () => {
    const t = setup();
    await t.type('kubectl get nods');
    await t.type('\x1b[D'); // ←
    await t.type('e');
    expect(t.screen()).toEqual(['$ kubectl get nodes']);
    expect(t.cursor()).toEqual({ x: 18, y: 0 });
    await t.type('\x01'); // Ctrl+A
    expect(t.cursor().x).toBe(2);
    await t.type('\x1b[3~'); // Delete
    expect(t.screen()).toEqual(['$ ubectl get nodes']);
    await t.type('k\r');
    expect(t.submitted).toEqual(['kubectl get nodes']);
    expect(t.cursor()).toEqual({ x: 0, y: 1 });
  });

  it('walks the history with ↑ and ↓ and keeps the draft', async () => {
    const t = setup(40, ['kubectl get pods', 'kubectl get nodes']);
    await t.type('kub');
    await t.type('\x1b[A');
    expect(t.screen()).toEqual(['$ kubectl get nodes']);
    await t.type('\x1b[A\x1b[A'); // past the oldest stays there
    expect(t.screen()).toEqual(['$ kubectl get pods']);
    await t.type('\x1b[B\x1b[B');
    expect(t.screen()).toEqual(['$ kub']);
  });

  it('completes with Tab, and lists choices under the line when there are several', async () => {
    const t = setup();
    await t.type('kubectl get po\t');
    expect(t.screen()).toEqual(['$ kubectl get pods ']);
    await t.type('\x15kubectl get p\t');
    expect(t.screen()).toEqual(['$ kubectl get p', 'pods  pv  pvc', '$ kubectl get p']);
  });

  it('redraws a line that wraps, and edits it from a row above', async () => {
    const t = setup(12);
    await t.type('kubectl get pods -A');
    expect(t.screen()).toEqual(['$ kubectl ge', 't pods -A']);
    await t.type('\x01\x1b[C\x1b[C\x1b[C\x1b[C\x1b[C\x1b[C\x1b[C'); // after "kubectl"
    await t.type('\x7f\x7f\x7f\x7f\x7f\x7f\x7fk');
    expect(t.screen()).toEqual(['$ k get pods', ' -A']);
    await t.type('\x05\x7f\x7f\x7f');
    expect(t.screen()).toEqual(['$ k get pods']);
  });

  it('handles Ctrl+C, Ctrl+W, pasted lines and Korean text', async () => {
    const t = setup();
    await t.type('kubectl get pods\x17');
    expect(t.screen()).toEqual(['$ kubectl get ']);
    await t.type('\x03');
    expect(t.screen()).toEqual(['$ kubectl get ^C', '$ ']);
    await t.type('kubectl get nodes\rkubectl get pods\n');
    expect(t.submitted).toEqual(['kubectl get nodes', 'kubectl get pods']);
    await t.type('echo 파드\x1b[D');
    expect(t.cursor().x).toBe(2 + 5 + 2);
    expect(cellWidth('파드')).toBe(4);
  });

  it('wipes the line so output can be written, then puts it back', async () => {
    const t = setup();
    await t.type('kubectl get');
    t.term.write(t.editor.erase() + 'deployment.apps/web created\r\n' + t.editor.redraw());
    await t.type(' pods');
    expect(t.screen()).toEqual(['deployment.apps/web created', '$ kubectl get pods']);
  });
});

describe('wrapWords', () => {
  it('breaks prose between words, counting Hangul as two cells', () => {
    expect(wrapWords('Only kubectl (and ls, cat, clear) run here.', 20)).toBe('Only kubectl (and\nls, cat, clear) run\nhere.');
    expect(wrapWords('파드를 만들어 보세요', 10)).toBe('파드를\n만들어\n보세요');
  });
});
