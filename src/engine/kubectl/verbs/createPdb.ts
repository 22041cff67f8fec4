/** kubectl create poddisruptionbudget (create_pdb.go): a budget from --selector and --min-available or --max-unavailable. */
import type { KObject } from '../../api/types';
import { parseSelector, SelectorParseError, type LabelSelector } from '../../api/labels';
import { KubectlError, str } from '../args';

/** metav1.ParseToLabelSelector: equalities become matchLabels, the rest matchExpressions (values sorted). */
export function parseToLabelSelector(text: string): LabelSelector {
  try {
    parseSelector(text);
  } catch (e) {
    if (e instanceof SelectorParseError) throw new KubectlError(`error: ${e.message}`);
    throw e;
  }
  const terms: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      terms.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim()) terms.push(current.trim());
  const matchLabels: Record<string, string> = {};
  const matchExpressions: { key: string; operator: string; values?: string[] }[] = [];
  for (const term of terms) {
    let m: RegExpExecArray | null;
    if ((m = /^([^!=\s]+)\s*!=\s*(.*)$/.exec(term))) matchExpressions.push({ key: m[1], operator: 'NotIn', values: [m[2].trim()] });
    else if ((m = /^([^!=\s]+)\s*==?\s*(.*)$/.exec(term))) Object.defineProperty(matchLabels, m[1], { value: m[2].trim(), enumerable: true, writable: true, configurable: true });
    else if ((m = /^(\S+)\s+(in|notin)\s*\((.*)\)$/.exec(term)))
      matchExpressions.push({
        key: m[1],
        operator: m[2] === 'in' ? 'In' : 'NotIn',
        values: m[3]
          .split(',')
          .map((v) => v.trim())
          .sort(),
      });
    else if ((m = /^!(\S+)$/.exec(term))) matchExpressions.push({ key: m[1], operator: 'DoesNotExist' });
    else matchExpressions.push({ key: term, operator: 'Exists' });
  }
  return { ...(matchExpressions.length ? { matchExpressions } : {}), ...(Object.keys(matchLabels).length ? { matchLabels } : {}) };
}

/** An int-or-string flag value: digits are a number, digits and % a percentage, anything else refused. */
function intOrPercent(text: string, flag: string): number | string {
  if (/^\d+$/.test(text)) return Number(text);
  if (/^\d+%$/.test(text)) return text;
  throw new KubectlError(`error: invalid format specified for ${flag}`);
}

export function pdbGenerator(args: Parameters<typeof str>[0], name: string, namespace: string): KObject {
  const selector = str(args, 'selector');
  const minAvailable = str(args, 'min-available');
  const maxUnavailable = str(args, 'max-unavailable');
  if (!selector) throw new KubectlError('error: a selector must be specified');
  if (!minAvailable && !maxUnavailable) throw new KubectlError('error: one of min-available or max-unavailable must be specified');
  if (minAvailable && maxUnavailable) throw new KubectlError('error: min-available and max-unavailable cannot be both specified');
  const spec: Record<string, unknown> = {};
  if (minAvailable) spec.minAvailable = intOrPercent(minAvailable, 'min-available');
  if (maxUnavailable) spec.maxUnavailable = intOrPercent(maxUnavailable, 'max-unavailable');
  spec.selector = parseToLabelSelector(selector);
  return { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name, namespace }, spec };
}
