/**
 * kubectl describe for the rbac.authorization.k8s.io kinds (pkg/describe: RoleDescriber,
 * ClusterRoleDescriber, RoleBindingDescriber, ClusterRoleBindingDescriber). None of them list
 * events: kubectl does not look any up for these kinds.
 */
import type { KObject } from '../../api/types';
import type { PolicyRule } from '../../api/auth/rbac';
import { accessRows } from '../rbacRules';
import { DescribeWriter, annotationsMultiline, labelsMultiline } from './writer';

/** Role and ClusterRole: the rules broken down, compacted and sorted as kubectl prints them. */
export function describeRole(role: KObject, w: DescribeWriter): void {
  w.write(0, `Name:\t${role.metadata.name}\n`);
  labelsMultiline(w, 'Labels', role.metadata.labels);
  annotationsMultiline(w, 'Annotations', role.metadata.annotations);
  w.write(0, 'PolicyRule:\n');
  w.write(1, 'Resources\tNon-Resource URLs\tResource Names\tVerbs\n');
  w.write(1, '---------\t-----------------\t--------------\t-----\n');
  // The same layout `auth can-i --list` prints (pkg/util/rbac BreakdownRule, CompactRules, SortableRuleSlice).
  for (const row of accessRows((role.rules as PolicyRule[] | null | undefined) ?? [])) w.write(1, `${row.join('\t')}\n`);
}

/** RoleBinding and ClusterRoleBinding: the role referred to and the subjects in their order. */
export function describeRoleBinding(binding: KObject, w: DescribeWriter): void {
  const ref = (binding.roleRef ?? {}) as { kind?: string; name?: string };
  const subjects = (binding.subjects ?? []) as { kind?: string; name?: string; namespace?: string }[];
  w.write(0, `Name:\t${binding.metadata.name}\n`);
  labelsMultiline(w, 'Labels', binding.metadata.labels);
  annotationsMultiline(w, 'Annotations', binding.metadata.annotations);
  w.write(0, 'Role:\n');
  w.write(1, `Kind:\t${ref.kind ?? ''}\n`);
  w.write(1, `Name:\t${ref.name ?? ''}\n`);
  w.write(0, 'Subjects:\n');
  w.write(1, 'Kind\tName\tNamespace\n');
  w.write(1, '----\t----\t---------\n');
  for (const s of subjects) w.write(1, `${s.kind ?? ''}\t${s.name ?? ''}\t${s.namespace ?? ''}\n`);
}
