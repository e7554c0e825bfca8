import type { CaseLaw, LawRead } from '../law/reader.ts';

/**
 * Results of the rules that do not depend on the scenario's law, kept while one case is assessed under
 * several scenarios (compare, batch): role and indicia read the report's framework, which reforms seldom
 * patch. A result is reused only when every law value it read is the same under the next scenario's
 * law (CaseLaw.reusable), so reuse can never change an answer.
 */
export class CaseMemo {
  private readonly entries = new Map<string, { reads: LawRead[]; value: unknown }[]>();

  get<T>(key: string, law: CaseLaw, compute: () => T): T {
    let list = this.entries.get(key);
    if (list) for (const e of list) if (law.reusable(e.reads)) return e.value as T;
    const { value, reads } = law.captured(compute);
    if (!list) {
      list = [];
      this.entries.set(key, list);
    }
    list.push({ reads, value });
    return value;
  }
}
