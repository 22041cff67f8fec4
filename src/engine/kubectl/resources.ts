/**
 * Turns kubectl's resource arguments into types and names, as cli-runtime's resource builder
 * does: `pods`, `po web`, `pod/web deploy/api`, `deploy,svc`, `all`.
 */
import { RESOURCE_TYPES, resolveResourceName, type ResourceType } from '../api/registry';
import { KubectlError } from './args';

export function resolveType(name: string): ResourceType {
  const t = resolveResourceName(name);
  if (!t) throw new KubectlError(`error: the server doesn't have a resource type "${name}"`);
  return t;
}

export const ALL_CATEGORY = (): ResourceType[] => RESOURCE_TYPES.filter((t) => t.categories.includes('all'));

/** `get all` order: pods, services, then the apps kinds, as kubectl prints them. */
export function expandTypes(spec: string): ResourceType[] {
  const out: ResourceType[] = [];
  for (const part of spec.split(',').filter(Boolean)) {
    if (part === 'all') out.push(...ALL_CATEGORY());
    else out.push(resolveType(part));
  }
  return out;
}

export interface ResourceSelection {
  /** Each type with the names asked for (empty: all of that type). */
  items: { type: ResourceType; names: string[] }[];
  /** True when the user named objects with TYPE/NAME (changes how `get` prints). */
  slashForm: boolean;
}

export function parseResourceArgs(positionals: string[]): ResourceSelection {
  if (positionals.length === 0) return { items: [], slashForm: false };
  if (positionals.some((p) => p.includes('/'))) {
    const items: ResourceSelection['items'] = [];
    for (const p of positionals) {
      const slash = p.indexOf('/');
      if (slash < 0) throw new KubectlError(`error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`);
      const type = resolveType(p.slice(0, slash));
      const name = p.slice(slash + 1);
      if (!name) throw new KubectlError(`error: arguments in resource/name form must have a single resource and name`);
      const existing = items.find((i) => i.type === type);
      if (existing) existing.names.push(name);
      else items.push({ type, names: [name] });
    }
    return { items, slashForm: true };
  }
  const [typeSpec, ...names] = positionals;
  const types = expandTypes(typeSpec);
  if (names.length && types.length > 1) throw new KubectlError(`error: you must specify only one resource`);
  return { items: types.map((type) => ({ type, names })), slashForm: false };
}
