/**
 * One value at a JSONPath (`.a.b[0].c`), for --sort-by and --field-selector. The parsing is
 * the template printer's (printers/jsonpathTemplate); parsed paths are kept, since sorting
 * reads the same path once per comparison.
 */
import { evaluatePath, parsePath } from './printers/jsonpathTemplate';

const parsed = new Map<string, ReturnType<typeof parsePath> | null>();

/** The first value at `path`; undefined when there is none or the path does not parse. */
export function jsonPathValue(obj: unknown, path: string): unknown {
  let steps = parsed.get(path);
  if (steps === undefined) {
    try {
      steps = parsePath(path);
    } catch {
      steps = null;
    }
    parsed.set(path, steps);
  }
  return steps ? evaluatePath(obj, steps)[0] : undefined;
}
