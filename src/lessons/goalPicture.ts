/**
 * The "Show goal" picture derived from a goal's data: the nodes, pod groups, Services and disks it
 * is about, with the numbers the check asks for — so the picture never promises what the check
 * does not test.
 */
import type { GoalSpec, LabelSelectorText } from './goalSpec';
import type { GoalPicture } from './types';

/** The name a pod group is drawn with: the value of its `app` (or first) label. */
function groupLabel(selector: LabelSelectorText): string {
  const first = selector.split(',')[0]!.trim();
  const eq = /^[^=!\s]+\s*==?\s*(.+)$/.exec(first);
  const app = selector.split(',').map((s) => /^\s*app\s*==?\s*(.+)$/.exec(s)?.[1]?.trim()).find(Boolean);
  return app ?? eq?.[1]?.trim() ?? first;
}

function pictureParts(goal: GoalSpec): GoalPicture[] {
  if ('all' in goal) return goal.all.flatMap(pictureParts);
  if ('pods' in goal) {
    const p = goal.pods;
    return [{ ...(p.notOn ? { nodes: [{ name: p.notOn, down: true }] } : {}), pods: [{ label: p.name ?? groupLabel(p.selector ?? ''), count: p.count, ...(p.containers !== undefined ? { containers: p.containers } : {}), ...(p.notOn ? { notOn: p.notOn } : {}) }] }];
  }
  if ('deployment' in goal) return [{ pods: [{ label: goal.deployment.name, count: goal.deployment.ready ?? goal.deployment.readyAtLeast ?? 1 }] }];
  if ('deploymentGone' in goal) return [{ pods: [{ label: goal.deploymentGone.name, count: 0 }] }];
  if ('endpoints' in goal) return [{ services: [{ name: goal.endpoints.service, endpoints: goal.endpoints.ready }] }];
  if ('node' in goal) {
    const n = goal.node;
    if (n.ready === undefined && n.cordoned === undefined && !n.stoppedByYou) return [];
    return [{ nodes: [{ name: n.name, ...(n.ready === false || n.cordoned === true || (n.stoppedByYou && n.ready === undefined) ? { down: true } : {}) }] }];
  }
  if ('claim' in goal) {
    const k = goal.claim;
    return [{ ...(k.usedBy ? { pods: [{ label: groupLabel(k.usedBy), count: 1 }] } : {}), disks: [{ claim: k.name, ...(k.holds ? { file: k.holds } : {}) }] }];
  }
  return [];
}

/** The picture of a goal, or undefined when it is about nothing drawable (a command, an answer). */
export function goalPicture(goal: GoalSpec): GoalPicture | undefined {
  const parts = pictureParts(goal);
  return parts.length ? mergePictures(parts) : undefined;
}

/** One picture from several: the same node or pod group drawn once (the last word wins). */
export function mergePictures(pictures: GoalPicture[]): GoalPicture {
  const out: GoalPicture = {};
  for (const p of pictures) {
    for (const n of p.nodes ?? []) out.nodes = [...(out.nodes ?? []).filter((x) => x.name !== n.name), { ...out.nodes?.find((x) => x.name === n.name), ...n }];
    for (const g of p.pods ?? []) {
      const prev = out.pods?.find((x) => x.label === g.label);
      out.pods = [...(out.pods ?? []).filter((x) => x.label !== g.label), { ...prev, ...g }];
    }
    for (const s of p.services ?? []) out.services = [...(out.services ?? []).filter((x) => x.name !== s.name), s];
    for (const d of p.disks ?? []) out.disks = [...(out.disks ?? []).filter((x) => x.claim !== d.claim), { ...out.disks?.find((x) => x.claim === d.claim), ...d }];
  }
  return out;
}
