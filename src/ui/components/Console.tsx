import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import '@fontsource/nanum-gothic-coding/400.css';
import { useCluster, type ConsoleEntry } from '../store/clusterStore';
import { useFiles } from '../store/filesStore';
import { complete, type CompletionSource } from '../terminal/complete';
import { LineEditor, wrapWords, type EditorAction } from '../terminal/lineEditor';
import { escapeTerminal } from '../terminal/sanitize';
import { editInEditor } from '../terminal/editCommand';
import { widestLine } from '../terminal/width';
import i18n from '../i18n';
import { focusBeside } from '../layout/focus';

/** Object names the engine gave for the line being completed (asked just before Tab is handled). */
let names = new Map<string, string[]>();

function completionSource(asked?: [string, string][]): CompletionSource {
  return {
    verbs: useCluster.getState().vocabulary.verbs,
    resources: useCluster.getState().vocabulary.resources,
    names: (resource, namespace) => {
      asked?.push([resource, namespace]);
      return names.get(`${resource} ${namespace}`) ?? [];
    },
    files: useFiles.getState().files.map((f) => f.name),
  };
}

/**
 * The names a Tab on this line would offer live in the engine's worker: find out which ones
 * completion wants (a dry run of it), and ask for them before the Tab is handled.
 */
async function fetchNamesFor(line: string): Promise<void> {
  const asked: [string, string][] = [];
  complete(line, completionSource(asked));
  const store = useCluster.getState();
  const answers = await Promise.all(asked.map(([resource, namespace]) => store.objectNames(resource, namespace).then((list) => [`${resource} ${namespace}`, list] as const)));
  names = new Map(answers);
}

const RED = '\x1b[31m';
const DIM = '\x1b[90m';
const YELLOW = '\x1b[33m';
const RESET = '\x1b[0m';

/** Terminal text: xterm wants CRLF. */
const crlf = (s: string) => s.replace(/\r?\n/g, '\r\n');

/** Beyond this a line wraps after all: a terminal as wide as a novel helps nobody. */
const MAX_COLUMNS = 240;

/** A shell line (not kubectl): ls and cat of the editor's files, clear, or a friendly refusal. */
function runShellLine(command: string): void {
  const t = i18n.t.bind(i18n);
  const words = command.split(/\s+/);
  const files = useFiles.getState();
  const store = useCluster.getState();
  if (words[0] === 'ls') store.echo(command, files.files.map((f) => f.name).join('\n') + '\n');
  else if (words[0] === 'cat' && words.length > 1) {
    const out = words.slice(1).map((name) => ({ name, file: files.files.find((f) => f.name === name) }));
    const missing = out.find((o) => !o.file);
    if (missing) store.echo(command, '', t('console.noFile', { name: missing.name, files: files.files.map((f) => f.name).join(', ') }));
    else store.echo(command, out.map((o) => o.file!.content).join(''));
  } else store.echo(command, '', t('console.notKubectl'), 'note');
}

const SYSTEM_MONO = "Menlo, Consolas, 'DejaVu Sans Mono', 'Liberation Mono', 'Noto Sans Mono', monospace, 'Noto Sans KR'";
/** Bundled (fontsource): a coding face whose Hangul is exactly two Latin cells wide. */
const CODING_FONT = "'Nanum Gothic Coding'";

/**
 * The kubectl terminal, on xterm.js: a readline-style prompt (history ↑/↓, Tab completion,
 * Ctrl+A/E/U/K/W/C/L), kubectl and a few shell words (ls, cat, clear). What runs elsewhere
 * (a lesson's solution, the editor's Apply) shows up here too. A visually hidden log repeats
 * every entry as text for screen readers; nothing from the cluster is ever rendered as HTML.
 */
export function Console() {
  const { t } = useTranslation();
  const entries = useCluster((s) => s.consoleEntries);
  const watching = entries.some((e) => e.stream !== undefined);
  const hostRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const host = hostRef.current!;
    const term = new Terminal({
      // Until the coding font has loaded: fonts that exist as real monospace faces (a web font
      // missing its glyph metrics when xterm measures its cell would misplace every character).
      fontFamily: SYSTEM_MONO,
      fontSize: 12,
      lineHeight: 1.15,
      cursorBlink: true,
      scrollback: 5000,
      theme: { background: '#0f1420', foreground: '#d7dce6', cursor: '#8fb4ff', selectionBackground: '#33415c', green: '#7ee0a1', red: '#ff9a9a', yellow: '#f3d37a', brightBlack: '#9aa4b8' },
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(host);
    // kubectl's wide tables (get pods -o wide) keep one row a line: the terminal grows as wide
    // as the widest line shown since the last clear, and the pane scrolls sideways (styles.css).
    let wideColumns = 0;
    const refit = () => {
      if (host.clientWidth <= 0 || host.clientHeight <= 0) return;
      const dims = fit.proposeDimensions();
      if (!dims || !Number.isFinite(dims.cols) || !Number.isFinite(dims.rows)) return;
      const cols = Math.max(dims.cols, wideColumns);
      if (cols !== term.cols || dims.rows !== term.rows) term.resize(cols, dims.rows);
    };
    refit();
    let disposed = false;
    // Korean glyphs in a Latin monospace face are narrower than the two cells xterm gives them,
    // which spread every Korean line out with gaps between syllables. This coding font's Hangul
    // is exactly two of its Latin cells: once it is loaded, xterm measures its cell again.
    document.fonts
      ?.load(`12px ${CODING_FONT}`, 'a가')
      .then((faces) => {
        if (disposed || faces.length === 0) return;
        term.options.fontFamily = `${CODING_FONT}, ${SYSTEM_MONO}`;
        refit();
      })
      .catch(() => {
        // Offline without the font files: the system faces stay.
      });
    term.textarea?.setAttribute('aria-label', 'kubectl');
    // Tab completes in here, so Esc (and Shift+Tab) are the ways out for a keyboard user.
    term.attachCustomKeyEventHandler((e) => {
      if (e.type !== 'keydown' || e.altKey || e.ctrlKey || e.metaKey) return true;
      const out = e.key === 'Escape' ? 1 : e.key === 'Tab' && e.shiftKey ? -1 : 0;
      if (!out || !term.textarea) return true;
      e.preventDefault();
      focusBeside(term.textarea, host, out);
      return false;
    });
    const editor = new LineEditor({ complete: (line) => complete(line, completionSource()), columns: () => term.cols }, () => useCluster.getState().consoleEntries.map((e) => e.command));
    term.write(DIM + crlf(wrapWords(i18n.t('console.hint'), term.cols)) + RESET + '\r\n' + editor.redraw());

    // Entries already on screen (with how much of their output), and a typed line whose echo is on screen already.
    let shown = new Map(useCluster.getState().consoleEntries.map((e) => [e.id, e.stdout.length]));
    let typed: string | undefined;
    // While a command keeps printing (get -w) the prompt is away: only Ctrl+C is heard.
    const running = () => useCluster.getState().consoleEntries.some((e) => e.stream !== undefined);
    const widen = (text: string) => {
      const widest = Math.min(MAX_COLUMNS, widestLine(text));
      if (widest > term.cols) {
        wideColumns = widest;
        term.resize(widest, term.rows);
      }
    };
    /** More output of a running command: written as it comes, below what it printed before. */
    const writeMore = (e: ConsoleEntry, from: number) => {
      const more = escapeTerminal(e.stdout.slice(from));
      widen(more);
      term.write(crlf(more) + (running() ? '' : editor.redraw()));
    };
    const writeEntry = (e: ConsoleEntry) => {
      let s = editor.erase();
      // Cluster text reaches xterm only through escapeTerminal: only the app's colours pass.
      const stdout = escapeTerminal(e.stdout);
      if (e.command !== typed) s += `${DIM}$ ${escapeTerminal(e.command)}${RESET}\r\n`;
      typed = undefined;
      if (stdout) s += crlf(stdout.endsWith('\n') ? stdout : stdout + '\n');
      widen(stdout + '\n' + e.stderr);
      const stderr = escapeTerminal(e.kind === 'note' ? wrapWords(e.stderr, term.cols) : e.stderr);
      if (stderr) s += (e.kind === 'note' ? YELLOW : e.exitCode ? RED : '') + crlf(stderr.endsWith('\n') ? stderr : stderr + '\n') + RESET;
      // The editor's Apply may run while get -w prints: its output goes between the rows, as from another shell.
      term.write(s + (running() ? '' : editor.redraw()));
      // Lines start at the left edge: a wide table's pane is scrolled back to its beginning.
      host.scrollLeft = 0;
    };
    for (const e of useCluster.getState().consoleEntries) writeEntry(e);
    const unsubscribe = useCluster.subscribe((state, prev) => {
      if (state.consoleEntries === prev.consoleEntries) return;
      if (state.consoleEntries.length === 0) {
        shown = new Map();
        wideColumns = 0;
        refit();
        term.clear();
        term.write(editor.erase() + editor.redraw());
        return;
      }
      const before = new Map(prev.consoleEntries.map((e) => [e.id, e]));
      for (const e of state.consoleEntries) {
        const written = shown.get(e.id);
        shown.set(e.id, e.stdout.length);
        if (written === undefined) writeEntry(e);
        else if (e.stdout.length > written) writeMore(e, written);
        // Stopped (Ctrl+C, or its cluster replaced): the prompt comes back.
        else if (e.stream === undefined && before.get(e.id)?.stream !== undefined && !running()) term.write(editor.redraw());
      }
    });

    const apply = (actions: EditorAction[]) => {
      for (const a of actions) {
        if (a.kind === 'write') term.write(a.data);
        else if (a.kind === 'clear') {
          term.clear();
          term.write(editor.erase() + editor.redraw());
        } else {
          const command = a.line.trim();
          if (!command) {
            term.write(editor.redraw());
            continue;
          }
          if (command === 'clear') {
            useCluster.getState().clearConsole();
            continue;
          }
          const first = command.split(/\s+/)[0];
          typed = command;
          if ((first === 'kubectl' || first === 'k') && command.split(/\s+/)[1] === 'edit') void editInEditor(command);
          else if (first === 'kubectl' || first === 'k') void useCluster.getState().run(command, useFiles.getState().asRecord());
          else runShellLine(command);
        }
      }
    };
    // Keys are handled in order; one with a Tab waits for the names it may complete.
    let keys = Promise.resolve();
    const onData = term.onData((data) => {
      keys = keys.then(async () => {
        if (disposed) return;
        if (running()) {
          if (data.includes('\x03')) {
            term.write('^C\r\n');
            useCluster.getState().stopStreams();
          }
          return;
        }
        if (data.includes('\t')) await fetchNamesFor(editor.line).catch(() => {});
        if (!disposed) apply(editor.input(data));
      });
    });

    // Fit to the pane; a hidden tab has no size, so wait until it has one.
    const resize = new ResizeObserver(refit);
    resize.observe(host);
    return () => {
      resize.disconnect();
      onData.dispose();
      unsubscribe();
      disposed = true;
      term.dispose();
    };
  }, []);

  return (
    <section className="console" aria-label={t('console.heading')}>
      <div className="console-head">
        <h2>{t('console.heading')}</h2>
        <button type="button" onClick={() => useCluster.getState().clearConsole()}>
          {t('console.clear')}
        </button>
      </div>
      <div className="terminal-host" ref={hostRef} data-testid="terminal" />
      {watching ? (
        <p className="console-keys console-watching" role="status">
          {t('console.watching')}
        </p>
      ) : (
        <p className="console-keys">{t('console.keys')}</p>
      )}
      <div className="sr-only" role="log" aria-live="polite" data-testid="console-output">
        {entries.map((e) => (
          <div key={e.id}>
            <p>$ {e.command}</p>
            {e.stdout && <pre>{e.stdout}</pre>}
            {e.stderr && <pre>{e.stderr}</pre>}
          </div>
        ))}
      </div>
    </section>
  );
}
