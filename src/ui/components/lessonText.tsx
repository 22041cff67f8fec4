/**
 * Lesson text with its code marked up: `backticks` in a lesson's text become <code> elements
 * (built as React nodes, never as HTML), and inside code each whitespace-separated word is kept on
 * one line, so a flag such as `--image=nginx` or a name such as `kube-system` is never split
 * across lines (a browser may otherwise break after a hyphen or anywhere in Korean text).
 */
import { Fragment, type ReactNode } from 'react';

/** Splits text at backticks: even pieces are prose, odd pieces are code. An unpaired backtick stays as it is. */
export function splitCode(text: string): { code: boolean; text: string }[] {
  const parts = text.split('`');
  if (parts.length % 2 === 0) return [{ code: false, text }];
  return parts.map((t, i) => ({ code: i % 2 === 1, text: t })).filter((p) => p.text.length > 0);
}

/** A piece of code whose words each stay whole (breaks only between words). */
export function CodeWords({ text, className }: { text: string; className?: string }) {
  const words = text.split(/(\s+)/);
  return (
    <code className={className}>
      {words.map((w, i) =>
        /^\s+$/.test(w) || w === '' ? (
          w
        ) : (
          <span key={i} className="code-word">
            {w}
          </span>
        ),
      )}
    </code>
  );
}

/** Prose with inline code. */
export function LessonText({ text }: { text: string }): ReactNode {
  return splitCode(text).map((p, i) => (p.code ? <CodeWords key={i} text={p.text} /> : <Fragment key={i}>{p.text}</Fragment>));
}
