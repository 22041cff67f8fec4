/** The namespaces the page shows: those picked, or every one but the system's (all of them with `showSystem`: the empty list). */
export function visibleNamespaces(all: string[], picked: string[], showSystem: boolean): string[] {
  if (picked.length) return picked;
  return showSystem ? [] : all.filter((n) => n !== 'kube-system' && n !== 'kube-node-lease' && n !== 'kube-public');
}
