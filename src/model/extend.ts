/**
 * `{ ...base, ...extra }` for code that runs for every case. V8 (Node 20) takes a slow path when an object
 * literal starts with a spread and then adds properties the spread object lacks: measured ~0.7 µs for each
 * added property, against a few ns for a literal (overwriting a property the object has stays fast).
 * Object.assign onto a fresh object gives the same own properties in the same order (~60 ns).
 */
export function extend<A extends object, B extends object>(base: A, extra: B): A & B {
  return Object.assign({}, base, extra);
}
