/**
 * Turns kubectl's resource arguments into types and names, as cli-runtime's resource builder
 * does: `pods`, `po web`, `pod/web deploy/api`, `deploy,svc`, `all`.
 */
import { RESOURCE_TYPES, resolveResourceName, type ResourceType, type TypeRegistry } from '../api/registry';
import { KubectlError } from './args';

/**
 * A name as the server's discovery resolves it. `types` is the cluster's registry (with the
 * kinds its CRDs serve); without it only the built-in kinds resolve.
 */
export function resolveType(name: string, types?: TypeRegistry): ResourceType {
  const t = types ? types.resolveName(name) : resolveResourceName(name);
  if (!t) throw new KubectlError(`error: the server doesn't have a resource type "${name}"`);
  return t;
}

/** The preferred version of each type in a category (`all`, or one a CRD names). */
function categoryTypes(category: string, types?: TypeRegistry): ResourceType[] {
  const all = types ? types.all() : RESOURCE_TYPES;
  const seen = new Set<string>();
  return all.filter((t) => {
    const key = `${t.group}/${t.resource}`;
    if (!t.categories.includes(category) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export const ALL_CATEGORY = (types?: TypeRegistry): ResourceType[] => categoryTypes('all', types);

/** `get all` order: pods, services, then the apps kinds, as kubectl prints them. */
export function expandTypes(spec: string, types?: TypeRegistry): ResourceType[] {
  const out: ResourceType[] = [];
  for (const part of spec.split(',').filter(Boolean)) {
    if (part === 'all') out.push(...ALL_CATEGORY(types));
    else {
      // A category a CRD declares expands like `all` (a resource of that name wins).
      const byName = types ? types.resolveName(part) : resolveResourceName(part);
      const inCategory = byName ? [] : categoryTypes(part, types);
      out.push(...(inCategory.length ? inCategory : [resolveType(part, types)]));
    }
  }
  return out;
}

export interface ResourceSelection {
  /** Each type with the names asked for (empty: all of that type). */
  items: { type: ResourceType; names: string[] }[];
  /** True when the user named objects with TYPE/NAME (changes how `get` prints). */
  slashForm: boolean;
}

export function parseResourceArgs(positionals: string[], types?: TypeRegistry): ResourceSelection {
  if (positionals.length === 0) return { items: [], slashForm: false };
  if (positionals.some((p) => p.includes('/'))) {
    const items: ResourceSelection['items'] = [];
    for (const p of positionals) {
      const slash = p.indexOf('/');
      if (slash < 0) throw new KubectlError(`error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`);
      const type = resolveType(p.slice(0, slash), types);
      const name = p.slice(slash + 1);
      if (!name) throw new KubectlError(`error: arguments in resource/name form must have a single resource and name`);
      const existing = items.find((i) => i.type === type);
      if (existing) existing.names.push(name);
      else items.push({ type, names: [name] });
    }
    return { items, slashForm: true };
  }
  const [typeSpec, ...names] = positionals;
  const expanded = expandTypes(typeSpec, types);
  if (names.length && expanded.length > 1) throw new KubectlError(`error: you must specify only one resource`);
  return { items: expanded.map((type) => ({ type, names })), slashForm: false };
}
