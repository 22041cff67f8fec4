/** The small part of kubectl's JSONPath used by --sort-by and --field-selector: `.a.b[0].c`. */
export function jsonPathValue(obj: unknown, path: string): unknown {
  const parts = path.replace(/^\./, '').match(/[^.[\]]+|\[\d+\]/g) ?? [];
  let cur: unknown = obj;
  for (const part of parts) {
    if (cur === null || cur === undefined) return undefined;
    if (part.startsWith('[')) cur = (cur as unknown[])[Number(part.slice(1, -1))];
    else cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}
