/**
 * Why a header cannot be read, when it names a column twice (null when it does not): a reader keyed by
 * column name keeps one of the two, and the other's cells would be silently unread in every record.
 */
export function repeatedColumnsProblem(header: readonly string[]): string | null {
  const repeated = [...new Set(header.filter((h, i) => header.indexOf(h) !== i))];
  if (!repeated.length) return null;
  return `column${repeated.length > 1 ? 's' : ''} ${repeated.map((h) => `"${h}"`).join(', ')} named more than once in the header`;
}
