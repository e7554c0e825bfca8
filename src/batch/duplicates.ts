/**
 * Finds ids used more than once, in input order. Ids are kept as 64-bit hashes (two 32-bit FNV-1a
 * variants), so memory stays small at millions of records; with the line of first use kept for the
 * few examples reported. A false duplicate needs a 64-bit collision (about 1 in 10^6 at 5M ids).
 */
export class DuplicateIds {
  private readonly seen = new Map<string, number>();
  count = 0;
  readonly examples: { id: string; line: number; first: number }[] = [];

  add(id: string, line: number): void {
    let a = 0x811c9dc5;
    let b = 0x01000193 ^ id.length;
    for (let i = 0; i < id.length; i++) {
      const c = id.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
    }
    const key = String.fromCharCode(a & 0xffff, a >>> 16, b & 0xffff, b >>> 16);
    const first = this.seen.get(key);
    if (first === undefined) {
      this.seen.set(key, line);
      return;
    }
    this.count++;
    if (this.examples.length < 5) this.examples.push({ id, line, first });
  }
}
