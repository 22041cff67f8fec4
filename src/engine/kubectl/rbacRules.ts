/**
 * How kubectl lays out RBAC rules for people (pkg/util/rbac, describe.CombineResourceGroup):
 * each rule broken down to one verb / resource / name, the simple ones gathered again by
 * resource, sorted by the Go text of the rule — the order `auth can-i --list` and `describe
 * role` print.
 */
import type { PolicyRule } from '../api/auth/rbac';
import { breakdownRule, compactRules } from '../api/auth/ruleBreakdown';

export { breakdownRule, compactRules };

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
