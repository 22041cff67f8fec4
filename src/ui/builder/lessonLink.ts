/**
 * Lessons and courses as links and files. A link carries the whole thing in its hash — no
 * server involved: `#lesson=<data>` or `#course=<data>`, the JSON deflated (fflate) and base64url,
 * as the sandbox's own share links are (../store/session.ts). Reading one only decodes it; what
 * it holds is checked as data afterwards (../../lessons/lessonValidation.ts, courseValidation.ts),
 * and anything unreadable is a LessonDataError with a message in both languages.
 */
import { deflateSync, strToU8 } from 'fflate';
import { LessonDataError } from '../../lessons/lessonValidation';
import type { Lesson } from '../../lessons/types';
import { boundedInflate, fromBase64Url, toBase64Url } from '../store/session';

export type LinkKind = 'lesson' | 'course';

/** What a link or file may be before it is decoded, at most (a lesson file with a long recorded scenario fits). */
export const MAX_DATA_CHARS = 4_000_000;

const HASH = /^#(lesson|course)=([A-Za-z0-9_-]+)$/;

export function isLessonHash(hash: string): boolean {
  return /^#(lesson|course)=/.test(hash);
}

function unreadable(where: string): LessonDataError {
  return new LessonDataError(where, { en: 'is damaged or cut short (copy the whole link again)', ko: '손상되었거나 잘렸습니다(링크 전체를 다시 복사하세요)' });
}

/** `#lesson=…` or `#course=…` for a value (a lesson or a course, as plain data). */
export function encodeLink(kind: LinkKind, value: unknown): string {
  return `#${kind}=${toBase64Url(deflateSync(strToU8(JSON.stringify(value)), { level: 9 }))}`;
}

/** The kind and the decoded (not yet checked) value of a link's hash, or a link pasted whole. */
export function decodeLink(link: string): { kind: LinkKind; value: unknown } {
  const at = link.indexOf('#');
  const hash = at >= 0 ? link.slice(at).trim() : link.trim();
  if (hash.length > MAX_DATA_CHARS) throw new LessonDataError('link', { en: 'is too long', ko: '너무 깁니다' });
  const m = HASH.exec(hash);
  if (!m) throw new LessonDataError('link', { en: 'is not a Wheelhouse lesson or course link (#lesson=… or #course=…)', ko: 'Wheelhouse 레슨이나 코스 링크(#lesson=…, #course=…)가 아닙니다' });
  const kind = m[1] as LinkKind;
  try {
    return { kind, value: JSON.parse(boundedInflate(fromBase64Url(m[2]))) };
  } catch {
    throw unreadable(`#${kind}`);
  }
}

/** A lesson file's text: the lesson with a marker that says what the file is. */
export function lessonFile(lesson: unknown): string {
  return JSON.stringify({ wheelhouse: 'lesson', version: 1, lesson }, null, 2);
}

/** The lesson inside a lesson file's text (not yet checked). */
export function readLessonFile(text: string): unknown {
  if (text.length > MAX_DATA_CHARS) throw new LessonDataError('file', { en: 'is too large for a lesson', ko: '레슨으로는 너무 큽니다' });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new LessonDataError('file', { en: 'is not JSON (is it a lesson file?)', ko: 'JSON이 아닙니다(레슨 파일이 맞나요?)' });
  }
  const v = value as { wheelhouse?: unknown; version?: unknown; lesson?: unknown } | null;
  if (!v || typeof v !== 'object' || v.wheelhouse !== 'lesson') throw new LessonDataError('file', { en: 'is not a Wheelhouse lesson file', ko: 'Wheelhouse 레슨 파일이 아닙니다' });
  if (v.version !== 1) throw new LessonDataError('file.version', { en: 'comes from another version of Wheelhouse', ko: '다른 버전의 Wheelhouse에서 만든 파일입니다' });
  return v.lesson;
}

/** A lesson's share link, on this page's address. */
export function lessonLink(lesson: Lesson | unknown): string {
  return `${location.origin}${location.pathname}${encodeLink('lesson', lesson)}`;
}
