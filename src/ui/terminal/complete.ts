/**
 * Tab completion for the kubectl prompt: the verb, then a resource type for verbs that take
 * one, then the names of objects of that type (in the namespace given with -n, else default).
 * Pure: it is handed what exists, so it is tested without a browser.
 */
export interface CompletionSource {
  verbs: string[];
  /** Resource names kubectl accepts (plural, singular, short). */
  resources: string[];
  /** Object names of a resource type in a namespace. */
  names(resource: string, namespace: string): string[];
  files: string[];
}

const TAKES_TYPE = new Set(['get', 'describe', 'delete', 'label', 'annotate', 'explain', 'scale', 'rollout', 'edit', 'patch', 'top', 'expose', 'autoscale', 'cordon', 'uncordon', 'drain', 'taint', 'logs', 'exec']);
/** Verbs whose object is a pod or node by name, not a type first. */
const TAKES_NAME: Record<string, string> = { logs: 'pods', exec: 'pods', cordon: 'nodes', uncordon: 'nodes', drain: 'nodes', taint: 'nodes' };

function commonPrefix(words: string[]): string {
  if (!words.length) return '';
  let p = words[0];
  for (const w of words) while (!w.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/** The line completed as far as it is unambiguous, and the choices when it is not. */
export function complete(line: string, src: CompletionSource): { line: string; choices: string[] } {
  const endsWithSpace = /\s$/.test(line);
  const words = line.trim().length ? line.trim().split(/\s+/) : [];
  const current = endsWithSpace ? '' : (words.pop() ?? '');
  const before = words;
  let candidates: string[] = [];
  if (before.length === 0) candidates = ['kubectl', 'ls', 'cat', 'clear'];
  else if (before[0] === 'cat') candidates = src.files;
  else if (before[0] === 'kubectl' || before[0] === 'k') {
    const args = before.slice(1);
    const nsAt = args.findIndex((a) => a === '-n' || a === '--namespace');
    const namespace = nsAt >= 0 ? (args[nsAt + 1] ?? 'default') : 'default';
    const prev = args[args.length - 1];
    if (prev === '-n' || prev === '--namespace') candidates = src.names('namespaces', '');
    else if (prev === '-f' || prev === '--filename') candidates = src.files;
    else {
      const positional = args.filter((a, i) => !a.startsWith('-') && args[i - 1] !== '-n' && args[i - 1] !== '--namespace');
      const verb = positional[0];
      if (!verb) candidates = src.verbs;
      else if (TAKES_NAME[verb] && positional.length === 1) candidates = src.names(TAKES_NAME[verb], namespace);
      else if (TAKES_TYPE.has(verb) && positional.length === 1) candidates = src.resources;
      else if (TAKES_TYPE.has(verb) && positional.length === 2) candidates = src.names(positional[1], namespace);
    }
  }
  const matches = [...new Set(candidates.filter((c) => c.startsWith(current)))].sort();
  if (matches.length === 0) return { line, choices: [] };
  const head = endsWithSpace ? line : line.slice(0, line.length - current.length);
  if (matches.length === 1) return { line: `${head}${matches[0]} `, choices: [] };
  const prefix = commonPrefix(matches);
  return { line: `${head}${prefix.length > current.length ? prefix : current}`, choices: matches };
}
