/**
 * Reading and writing a field of a case-shaped object by its contract path (`conduct.drugs.0.grams`): the web
 * form's drafts, the guided steps and the answer's "this fact answered another way" all address fields so.
 */
export function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** Sets the field, making the objects (or, before an index, arrays) on the way where there are none. */
export function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let cur = obj;
  parts.slice(0, -1).forEach((part, i) => {
    if (cur[part] === null || typeof cur[part] !== 'object')
      cur[part] = /^\d+$/.test(parts[i + 1] ?? '') ? [] : {};
    cur = cur[part] as Record<string, unknown>;
  });
  cur[parts[parts.length - 1] as string] = value;
}
