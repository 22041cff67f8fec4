/**
 * The manifest editor: one tab per file, Monaco (loaded lazily) with the Kubernetes schema,
 * Apply (also Ctrl/Cmd+Enter) through `kubectl apply -f <file>`, and the API server's answer
 * shown inline on the line it is about. Templates start new files.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFiles } from '../store/filesStore';
import { useCluster } from '../store/clusterStore';
import { TEMPLATES } from './templates';
import { problemsFor } from './problems';
import { isDark, useTheme } from '../theme/theme';

type Monaco = typeof import('monaco-editor/esm/vs/editor/editor.api');

/** One shared empty list, so the store selector returns the same value when nothing is wrong. */
const NO_PROBLEMS: { message: string; line: number }[] = [];

export function YamlEditor() {
  const { t } = useTranslation();
  const files = useFiles((s) => s.files);
  const active = useFiles((s) => s.active);
  const problems = useFiles((s) => s.problems[s.active] ?? NO_PROBLEMS);
  const editing = useFiles((s) => Object.hasOwn(s.edits, s.active));
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<import('monaco-editor/esm/vs/editor/editor.api').editor.IStandaloneCodeEditor | null>(null);
  const monacoRef = useRef<Monaco | null>(null);
  const [loading, setLoading] = useState(true);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  const apply = async () => {
    const { active: name, asRecord, setProblems, files: list, edits } = useFiles.getState();
    // A file kubectl edit opened goes back whole, with its resourceVersion: a stale one is refused.
    const verb = Object.hasOwn(edits, name) ? 'replace' : 'apply';
    const entry = await useCluster.getState().run(`kubectl ${verb} -f ${name}`, asRecord());
    const text = list.find((f) => f.name === name)?.content ?? '';
    const found = entry.exitCode === 0 ? [] : problemsFor(text, entry.stderr);
    setProblems(name, found);
    setResult({ ok: entry.exitCode === 0, text: entry.exitCode === 0 ? entry.stdout : entry.stderr });
  };
  const applyRef = useRef(apply);
  applyRef.current = apply;

  useEffect(() => {
    let disposed = false;
    void import('./monacoSetup').then(({ monaco }) => {
      if (disposed || !host.current) return;
      monacoRef.current = monaco;
      const editor = monaco.editor.create(host.current, { automaticLayout: true, minimap: { enabled: false }, fontSize: 13, tabSize: 2, scrollBeyondLastLine: false, theme: isDark() ? 'vs-dark' : 'vs', ariaLabel: t('editor.label') });
      editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => applyRef.current());
      editorRef.current = editor;
      setLoading(false);
    });
    return () => {
      disposed = true;
      editorRef.current?.dispose();
      editorRef.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // The editor follows the theme picked in the top bar.
  const theme = useTheme((s) => s.theme);
  useEffect(() => {
    monacoRef.current?.editor.setTheme(isDark(theme) ? 'vs-dark' : 'vs');
  }, [theme]);

  // Show the active file: one model per file, its text kept in the files store.
  useEffect(() => {
    const monaco = monacoRef.current;
    const editor = editorRef.current;
    if (!monaco || !editor) return;
    const uri = monaco.Uri.parse(`file:///${active}`);
    let model = monaco.editor.getModel(uri);
    const content = useFiles.getState().files.find((f) => f.name === active)?.content ?? '';
    if (!model) {
      model = monaco.editor.createModel(content, 'yaml', uri);
      model.onDidChangeContent(() => useFiles.getState().setContent(active, model!.getValue()));
    }
    if (editor.getModel() !== model) editor.setModel(model);
  }, [active, loading]);

  // The API server's complaints, as markers on their lines.
  useEffect(() => {
    const monaco = monacoRef.current;
    const model = monaco?.editor.getModel(monaco.Uri.parse(`file:///${active}`));
    if (!monaco || !model) return;
    monaco.editor.setModelMarkers(
      model,
      'kubectl',
      problems.map((p) => ({ severity: monaco.MarkerSeverity.Error, message: p.message, startLineNumber: p.line, endLineNumber: p.line, startColumn: 1, endColumn: model.getLineMaxColumn(p.line) })),
    );
  }, [problems, active, loading]);

  const { open, addFromTemplate } = useFiles.getState();
  return (
    <section className="editor" aria-label={t('editor.heading')}>
      <div className="editor-bar">
        <div className="file-tabs" role="tablist" aria-label={t('editor.files')}>
          {files.map((f) => (
            <button key={f.name} type="button" role="tab" aria-selected={f.name === active} onClick={() => open(f.name)}>
              {f.name}
            </button>
          ))}
        </div>
        <label className="template-pick">
          <span className="sr-only">{t('editor.newFile')}</span>
          <select
            value=""
            aria-label={t('editor.newFile')}
            onChange={(e) => {
              if (e.target.value) addFromTemplate(e.target.value);
            }}
          >
            <option value="">{t('editor.newFile')}</option>
            {TEMPLATES.map((tpl) => (
              <option key={tpl.id} value={tpl.id}>
                {t(`editor.template.${tpl.id}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="apply" onClick={apply} title={editing ? t('editor.saveTitle', { file: active }) : 'Ctrl/⌘ + Enter'}>
          {editing ? t('editor.save') : t('editor.apply')}
        </button>
      </div>
      <div className="editor-host" ref={host} data-testid="editor-host">
        {loading && <p className="editor-loading">{t('editor.loading')}</p>}
      </div>
      {result && (
        <pre className={`apply-result ${result.ok ? 'ok' : 'bad'}`} role="status">
          {result.ok ? '' : `${t('editor.applyFailed')}\n`}
          {result.text}
        </pre>
      )}
    </section>
  );
}
