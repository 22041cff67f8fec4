/**
 * How kubectl lays out RBAC rules for people (pkg/util/rbac, describe.CombineResourceGroup):
 * each rule broken down to one verb / resource / name, the simple ones gathered again by
 * resource, sorted by the Go text of the rule — the order `auth can-i --list` and `describe
 * role` print.
 */
import type { PolicyRule } from '../api/auth/rbac';

/** BreakdownRule: one rule per group × resource × verb (× resource name), then one per URL × verb. */
export function breakdownRule(rule: PolicyRule): PolicyRule[] {
  const out: PolicyRule[] = [];
  for (const group of rule.apiGroups ?? []) {
    for (const resource of rule.resources ?? []) {
      for (const verb of rule.verbs ?? []) {
        if (rule.resourceNames?.length) for (const name of rule.resourceNames) out.push({ apiGroups: [group], resources: [resource], verbs: [verb], resourceNames: [name] });
        else out.push({ apiGroups: [group], resources: [resource], verbs: [verb] });
      }
    }
  }
  for (const url of rule.nonResourceURLs ?? []) for (const verb of rule.verbs ?? []) out.push({ nonResourceURLs: [url], verbs: [verb] });
  return out;
}

/** CompactRules: rules for one group, one resource and at most one name merge their verbs (first seen first). */
export function compactRules(rules: PolicyRule[]): PolicyRule[] {
  const compacted: PolicyRule[] = [];
  const simple = new Map<string, PolicyRule>();
  for (const r of rules) {
    const isSimple = (r.resourceNames?.length ?? 0) <= 1 && !r.nonResourceURLs?.length && r.apiGroups?.length === 1 && r.resources?.length === 1;
    if (!isSimple) {
      compacted.push(r);
      continue;
    }
    const key = JSON.stringify([r.apiGroups![0], r.resources![0], r.resourceNames?.[0] ?? null]);
    const existing = simple.get(key);
    if (!existing) simple.set(key, { ...r, verbs: [...(r.verbs ?? [])] });
    else for (const v of r.verbs ?? []) if (!existing.verbs.includes(v)) existing.verbs.push(v);
  }
  return [...compacted, ...simple.values()];
}

/** fmt's %v of a []string: `[get list]`. */
export const goList = (xs: string[] | undefined): string => `[${(xs ?? []).join(' ')}]`;

/** The generated PolicyRule.String() that SortableRuleSlice compares. */
function goString(r: PolicyRule): string {
  return `&PolicyRule{Verbs:${goList(r.verbs)},APIGroups:${goList(r.apiGroups)},Resources:${goList(r.resources)},ResourceNames:${goList(r.resourceNames)},NonResourceURLs:${goList(r.nonResourceURLs)},}`;
}

/** sort.Stable(SortableRuleSlice): by that text, byte order. */
export function sortRules(rules: PolicyRule[]): PolicyRule[] {
  const keyed = rules.map((r) => [goString(r), r] as const);
  keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return keyed.map(([, r]) => r);
}

/** describe.CombineResourceGroup: `deployments.apps/scale` from [deployments/scale] and [apps]. */
export function combineResourceGroup(resources: string[] | undefined, groups: string[] | undefined): string {
  if (!resources?.length) return '';
  const [resource, sub] = resources[0]!.split(/\/(.*)/s);
  let combined = resource!;
  if (groups?.length && groups[0] !== '') combined += `.${groups[0]}`;
  if (sub !== undefined) combined += `/${sub}`;
  return combined;
}

/** The rows of `auth can-i --list`: broken down, compacted, sorted. */
export function accessRows(rules: PolicyRule[]): string[][] {
  return sortRules(compactRules(rules.flatMap(breakdownRule))).map((r) => [combineResourceGroup(r.resources, r.apiGroups), goList(r.nonResourceURLs), goList(r.resourceNames), goList(r.verbs)]);
}
