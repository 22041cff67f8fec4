import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCluster } from '../store/clusterStore';
import { useFiles } from '../store/filesStore';
import { RESOURCE_TYPES, VERBS } from '../../engine';
import { complete, type CompletionSource } from '../terminal/complete';

function completionSource(): CompletionSource {
  return {
    verbs: Object.keys(VERBS),
    resources: RESOURCE_TYPES.filter((t) => t.verbs.includes('list')).flatMap((t) => [t.resource, t.singular, ...t.shortNames]),
    names: (resource, namespace) => useCluster.getState().objectNames(resource, namespace),
    files: useFiles.getState().files.map((f) => f.name),
  };
}

/** A kubectl prompt with history (↑/↓). Output is plain text, never HTML. */
export function Console() {
  const { t } = useTranslation();
  const entries = useCluster((s) => s.consoleEntries);
  const [value, setValue] = useState('');
  const [cursor, setCursor] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const outputRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    outputRef.current?.scrollTo({ top: outputRef.current.scrollHeight });
  }, [entries]);

  const submit = () => {
    const command = value.trim();
    if (!command) return;
    setCursor(null);
    setValue('');
    if (command === 'clear') {
      useCluster.getState().clearConsole();
      return;
    }
    const words = command.split(/\s+/);
    const files = useFiles.getState();
    if (words[0] === 'ls') {
      setNote('');
      useCluster.getState().echo(command, files.files.map((f) => f.name).join('\n') + '\n');
      return;
    }
    if (words[0] === 'cat' && words.length > 1) {
      setNote('');
      const out = words.slice(1).map((name) => ({ name, file: files.files.find((f) => f.name === name) }));
      const missing = out.find((o) => !o.file);
      if (missing) useCluster.getState().echo(command, '', t('console.noFile', { name: missing.name, files: files.files.map((f) => f.name).join(', ') }));
      else useCluster.getState().echo(command, out.map((o) => o.file!.content).join(''));
      return;
    }
    if (words[0] !== 'kubectl' && words[0] !== 'k') {
      setNote(t('console.notKubectl'));
      return;
    }
    setNote('');
    useCluster.getState().run(command, files.asRecord());
  };

  const history = entries.map((e) => e.command);
  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Tab' && value.trim()) {
      // Tab completes (the field keeps focus); with nothing typed, Tab moves on as usual.
      e.preventDefault();
      const { line, choices } = complete(value, completionSource());
      setValue(line);
      setNote(choices.length > 1 ? choices.join('  ') : '');
      return;
    }
    if (e.key === 'Enter') submit();
    else if (e.key === 'ArrowUp' && history.length) {
      const next = cursor === null ? history.length - 1 : Math.max(0, cursor - 1);
      setCursor(next);
      setValue(history[next]);
      e.preventDefault();
    } else if (e.key === 'ArrowDown' && cursor !== null) {
      const next = cursor + 1;
      if (next >= history.length) {
        setCursor(null);
        setValue('');
      } else {
        setCursor(next);
        setValue(history[next]);
      }
      e.preventDefault();
    }
  };

  return (
    <section className="console" aria-label={t('console.heading')}>
      <div className="console-head">
        <h2>{t('console.heading')}</h2>
        <button type="button" onClick={() => useCluster.getState().clearConsole()}>
          {t('console.clear')}
        </button>
      </div>
      <div className="console-output" ref={outputRef} role="log" aria-live="polite" data-testid="console-output">
        {entries.length === 0 && <p className="hint">{t('console.hint')}</p>}
        {entries.map((e) => (
          <div key={e.id} className="entry">
            <div className="prompt">$ {e.command}</div>
            {e.stdout && <pre className="stdout">{e.stdout}</pre>}
            {e.stderr && <pre className={e.exitCode ? 'stderr' : 'stdout'}>{e.stderr}</pre>}
          </div>
        ))}
        {note && <p className="note">{note}</p>}
      </div>
      <div className="console-input">
        <span aria-hidden="true">$</span>
        <input
          type="text"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          onKeyDown={onKeyDown}
          placeholder={t('console.placeholder')}
          aria-label={t('console.heading')}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
        />
        <button type="button" onClick={submit}>
          {t('console.run')}
        </button>
      </div>
    </section>
  );
}
