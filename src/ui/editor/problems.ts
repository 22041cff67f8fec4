/**
 * Turns kubectl's answer to a failed apply into editor markers: which line each error points
 * at. The API server names fields by path (`spec.template.spec.containers[0].image`); YAML
 * syntax errors name a line. Anything without a place goes on the object's first line.
 */
import { LineCounter, parseAllDocuments, isMap, isSeq, type Node } from 'yaml';

export interface Problem {
  message: string;
  /** 1-based line. */
  line: number;
}

const CAUSE = /^\*?\s*([A-Za-z0-9_.[\]-]+): ((?:Invalid value|Required value|Unsupported value|Forbidden|Duplicate value|Too long|Too many|Not found)[^\n]*)/;

function splitPath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const part of path.split('.')) {
    const m = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) {
      out.push(part);
      continue;
    }
    if (m[1]) out.push(m[1]);
    for (const idx of m[2].matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}

/** The deepest node along `path` that exists (arrays without an index take their first item). */
function locate(root: Node | null | undefined, path: (string | number)[]): Node | undefined {
  let node: Node | null | undefined = root;
  let found: Node | undefined = root ?? undefined;
  for (const seg of path) {
    if (isSeq(node) && typeof seg === 'string') node = node.items[0] as Node;
    if (isMap(node) && typeof seg === 'string') {
      const pair = node.items.find((p) => (p.key as { value?: unknown })?.value === seg);
      if (!pair) return found;
      found = (pair.key as Node) ?? found;
      node = pair.value as Node;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg] as Node;
      if (!node) return found;
      found = node;
    } else return found;
  }
  return found;
}

export function problemsFor(text: string, stderr: string): Problem[] {
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lines });
  const lineOf = (node: Node | undefined) => (node?.range ? lines.linePos(node.range[0]).line : 1);
  const syntax = /yaml: line (\d+): (.*)/.exec(stderr);
  if (syntax) return [{ message: stderr.trim(), line: Number(syntax[1]) }];
  // The document the error is about: the one whose name the message quotes, else the first.
  const named = /(?:The \w+ |for name: |when creating "[^"]*": .*?)"([^"]+)"/.exec(stderr);
  const docsArr = Array.isArray(docs) ? docs : [docs];
  const doc = docsArr.find((d) => named && (d.toJS() as { metadata?: { name?: string } } | null)?.metadata?.name === named[1]) ?? docsArr[0];
  const root = doc?.contents as Node | undefined;
  const out: Problem[] = [];
  const body = stderr.replace(/^.*? is invalid: /s, '');
  for (const raw of body.split(/\n|, (?=[a-z][A-Za-z0-9_.[\]]*: (?:Invalid|Required|Unsupported|Forbidden|Duplicate))/)) {
    const m = CAUSE.exec(raw.trim());
    if (m) out.push({ message: `${m[1]}: ${m[2]}`, line: lineOf(locate(root, splitPath(m[1]))) });
  }
  if (out.length) return out;
  const unknown = /unknown field "([^"]+)"/.exec(stderr);
  if (unknown) return [{ message: stderr.trim(), line: lineOf(locate(root, splitPath(unknown[1]))) }];
  const goField = /Go struct field \w+\.([\w.]+) of type/.exec(stderr);
  if (goField) return [{ message: stderr.trim(), line: lineOf(locate(root, splitPath(goField[1]))) }];
  if (/no matches for kind/.test(stderr)) return [{ message: stderr.trim(), line: lineOf(locate(root, ['kind'])) }];
  return [{ message: stderr.trim(), line: lineOf(root) }];
}
