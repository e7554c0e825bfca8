import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import type { MergePlan } from '../db/schema.ts';
import type { MergeCounts, SqlSession } from '../db/store.ts';
import { addDays } from '../model/dates.ts';
import { MISSING } from './codes.ts';
import { scanCsv } from './csv-scan.ts';
import { COLUMNS, DERIVED_FIELDS, FIELD_BY_NAME, type FieldDef, hasMissing, hasRaw } from './dictionary.ts';
import type { ImportProgress } from './import.ts';
import {
  COMPILED_FIELDS,
  type CompiledField,
  GRAMS_PER,
  HASHED_COLUMNS,
  indiciaProfile,
  type Mappings,
  normalizeField,
  QUANTITY_LINES,
  type RoleDeriver,
  type RoleKeying,
  raceEthnicity,
  type StoredRow,
} from './normalize.ts';
import { ROLE_FACT_COLUMNS } from './role.ts';

/**
 * The CSV import for the embedded DuckDB store, normalising where the data is: DuckDB reads the file
 * into a staging table and every step after that is SQL, except the decisions that belong to
 * Proportion's own code, which run once per distinct value rather than once per row:
 *
 * - SQL keeps the values it can prove plain exactly as received: a code written as itself, a canonical
 *   decimal, a real date, text with nothing to trim;
 * - every other distinct source value (blank, a label, a mapped value, anything odd) is answered by
 *   `normalizeField`, the very function the row-by-row import uses, and the answers are written into
 *   the SQL as CASE expressions;
 * - race_ethnicity and indicia_profile: their functions, once per distinct normalised input;
 * - the derived role: the engine's role rule, once per distinct combination of the facts it reads
 *   (ROLE_FACT_COLUMNS), joined back;
 * - the source hash: DuckDB's sha256() over the same text as `hashRow` (on DuckDB's threads, where a
 *   node:crypto function would run one chunk at a time on the JavaScript thread).
 *
 * The outcome (stored rows, rejected rows with their lines and reasons, counts) is the row-by-row
 * import's (tests/records/import-sql.test.ts compares the two). Files outside the plain CSV subset on
 * which DuckDB and csv-parse agree (see csv-scan.ts) return null: the caller imports them row by row.
 */
export interface SqlImportResult {
  rows: number;
  accepted: number;
  rejected: { line: number; record_id: string | null; reasons: string[] }[];
  counts: MergeCounts | null;
  file_sha256: string;
}

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
const DOUBLE = (n: number) => `CAST(${lit(String(n))} AS DOUBLE)`;
const MISSING_LIST = `(${MISSING.map(lit).join(', ')})`;
/** String.prototype.trim's white space and line terminators, for trim(x, characters). */
const JS_WHITESPACE = [
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006,
  0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff,
];
const SEP = '\u001f'; // separates reasons inside one text value (a reason holding it sends the file row by row)

/** Thrown (and caught here) when the file needs the row-by-row import after all. */
class NotPlain extends Error {}

export async function importCsvInDuckDB(
  sql: SqlSession,
  path: string,
  /** each column named once (importFile refuses a header naming one twice) */
  header: string[],
  /** throws when the header names a column the import does not know */
  checkHeader: (columns: string[]) => void,
  mappings: Mappings,
  deriveRole: RoleDeriver | undefined,
  merge: {
    fileName: string;
    shouldCommit: (rejected: number) => boolean;
    beforeCommit?: () => unknown;
    onProgress?: (p: ImportProgress) => void;
  },
): Promise<SqlImportResult | null> {
  const tag = randomUUID().replace(/-/g, '');
  const t: Tables = {
    src: `import_src_${tag}`,
    keys: `import_keys_${tag}`,
    derived: `import_derived_${tag}`,
    roles: `import_roles_${tag}`,
  };
  const trim = `proportion_js_trim_${tag}`;
  try {
    merge.onProgress?.({ phase: 'reading', rows: null });
    const columns = `{${header.map((h) => `${lit(h)}: 'VARCHAR'`).join(', ')}}`;
    const [scan, loaded] = await Promise.all([
      scanCsv(path),
      sql
        .run(
          `CREATE TEMP TABLE ${t.src} AS SELECT * FROM read_csv(${lit(path)}, header = true, auto_detect = false, columns = ${columns}, delim = ',', quote = '"', escape = '"', strict_mode = true, null_padding = false)`,
        )
        .then(
          () => true,
          () => false,
        ),
    ]);
    if (!scan.plain || !loaded) return null;
    const n = Number((await sql.rows(`SELECT count(*) AS n FROM ${t.src}`))[0]?.n);
    if (n !== scan.records) return null;
    checkHeader([...new Set(header)]);
    merge.onProgress?.({ phase: 'checking', rows: n });

    await sql.run(
      `CREATE TEMP MACRO ${trim}(x) AS trim(x, ${JS_WHITESPACE.map((c) => `chr(${c})`).join(' || ')})`,
    );
    const plans = COMPILED_FIELDS.map((c) => fieldPlan(c, header, mappings, trim));
    await answerLookups(sql, t, plans, mappings);

    // One narrow pass: the problems of each row, its hash, and what the derived columns need.
    await sql.run(`CREATE TEMP TABLE ${t.keys} AS ${keysSql(t, plans, deriveRole?.keying)}`);
    const bad = await sql.rows(`SELECT ord, raw_id, reasons FROM ${t.keys} WHERE NOT accepted ORDER BY ord`);
    // a record_id already taken by an earlier valid row is a duplicate
    const dups = await sql.rows(
      `SELECT ord, raw_id, first_ord FROM (SELECT ord, raw_id, first_value(ord) OVER (PARTITION BY record_id ORDER BY ord) AS first_ord FROM ${t.keys} WHERE accepted) WHERE ord <> first_ord ORDER BY ord`,
    );
    if (dups.length)
      await sql.run(
        `UPDATE ${t.keys} SET accepted = false WHERE ord IN (${dups.map((d) => Number(d.ord)).join(', ')})`,
      );
    const idColumn = header.includes('record_id');
    const entries: { ord: number; raw: unknown; reasons: string[] | null; first?: number }[] = [
      ...bad.map((r) => ({ ord: Number(r.ord), raw: r.raw_id, reasons: String(r.reasons).split(SEP) })),
      ...dups.map((r) => ({ ord: Number(r.ord), raw: r.raw_id, reasons: null, first: Number(r.first_ord) })),
    ].sort((a, b) => a.ord - b.ord);
    const lines = entries.length
      ? await lineNumbers(path, new Set(entries.flatMap((e) => [e.ord, e.first ?? e.ord])), n)
      : new Map<number, number>();
    const rejected = entries.map((e) => ({
      line: lines.get(e.ord) as number,
      record_id: idColumn ? String(e.raw ?? '') : null,
      reasons: e.reasons ?? [`record_id: duplicate of the row on line ${lines.get(e.first as number)}`],
    }));

    await deriveRoles(sql, t, deriveRole);
    await buildDerived(sql, t);
    if (merge.shouldCommit(rejected.length))
      merge.onProgress?.({ phase: 'writing', rows: n - rejected.length });
    const counts = await sql.merge(
      mergePlan(t, plans),
      () => ({ fileSha256: scan.sha256, fileName: merge.fileName, rows: n }),
      {
        shouldCommit: () => merge.shouldCommit(rejected.length),
        ...(merge.beforeCommit ? { beforeCommit: async () => void (await merge.beforeCommit?.()) } : {}),
      },
    );
    return { rows: n, accepted: n - rejected.length, rejected, counts, file_sha256: scan.sha256 };
  } catch (e) {
    if (e instanceof NotPlain) return null;
    throw e;
  } finally {
    for (const name of Object.values(t)) await sql.run(`DROP TABLE IF EXISTS ${name}`);
    await sql.run(`DROP MACRO IF EXISTS ${trim}`);
  }
}

type Tables = Record<'src' | 'keys' | 'derived' | 'roles', string>;

/** The answer normalizeField gives for one source value (or, for a blank number or date, one missingness). */
interface Answer {
  value: string | null;
  missing: string | null;
  reasons: string[];
}

/**
 * How SQL normalises one source field: values it proves plain (`fast`) are kept as they are; every other
 * distinct value was answered by normalizeField, and `answers` writes those answers as CASE expressions.
 */
interface FieldPlan {
  c: CompiledField;
  /** the JavaScript trim macro */
  trim: string;
  /** the source value and its raw and missingness companions, as SQL text ('' when blank or absent) */
  kv: string;
  kr: string;
  km: string;
  /** the condition under which SQL keeps the value itself ('true': always; null: never), and that value */
  fast: string | null;
  /** the column of the flagged source (see flaggedSource) holding `fast` once per row, when it is a test */
  flag: string | null;
  fastValue: string;
  /** number and date fields: a blank value's answer depends on its missingness companion */
  byMissing: boolean;
  /** normalizeField's answers by source value; for a blank number or date, by value and then missingness */
  answers: { byValue: Map<string, Answer>; byMissing: Map<string, Map<string, Answer>> };
}

const MAX_ANSWERS = 2000; // beyond this many distinct odd values a field is cheaper row by row

function fieldPlan(c: CompiledField, header: string[], mappings: Mappings, trim: string): FieldPlan {
  const d = c.def;
  const col = (name: string) => (header.includes(name) ? `coalesce(s.${q(name)}, '')` : `''`);
  const kv = col(d.name);
  const m = mappings[d.name];
  const plan: FieldPlan = {
    c,
    trim,
    kv,
    kr: hasRaw(d) ? col(c.rawKey) : `''`,
    km: hasMissing(d) ? col(c.missingKey) : `''`,
    fast: null,
    flag: null,
    fastValue: kv,
    byMissing: hasMissing(d),
    answers: { byValue: new Map(), byMissing: new Map() },
  };
  const mappedMissing = Object.keys(m?.missing ?? {});
  // Values are matched exactly as received (no trimming in SQL: trim(x, characters) is slow); anything
  // padded or odd is answered by normalizeField.
  const notMapped = mappedMissing.length ? ` AND ${kv} NOT IN (${mappedMissing.map(lit).join(', ')})` : '';
  if (d.type === 'string' && !d.pattern) {
    // printable ASCII at both ends: String.prototype.trim would leave it as it is
    plan.fast = 'true';
    plan.fastValue = `CASE WHEN ${kv} = '' THEN NULL WHEN ascii(${kv}) BETWEEN 33 AND 126 AND ascii(right(${kv}, 1)) BETWEEN 33 AND 126 THEN ${kv} ELSE NULLIF(${trim}(${kv}), '') END`;
  } else if ((d.type === 'number' || d.type === 'integer') && (d.min === undefined || d.min <= 0)) {
    // canonical decimals only: String(Number(t)) === t, so the text SQL stores is the one JavaScript would
    const re = d.type === 'integer' ? '0|[1-9][0-9]{0,8}' : '(0|[1-9][0-9]*)(\\.[0-9]*[1-9])?';
    plan.fast = `(regexp_full_match(${kv}, ${lit(re)}) AND length(${kv}) <= 16 AND NOT starts_with(${kv}, '0.000000')${notMapped})`;
  } else if (d.type === 'date') {
    plan.fast = `(regexp_full_match(${kv}, '[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])') AND TRY_CAST(${kv} AS DATE) IS NOT NULL${notMapped})`;
  } else if (d.type === 'code' || d.type === 'codes') {
    // a code written exactly as itself, which no mapping mentions, maps to itself
    const own = [...c.codes, ...MISSING].filter((k) => {
      const lower = k.toLowerCase();
      return (
        c.byLower.get(lower) === k &&
        !(k in (m?.missing ?? {})) &&
        !Object.keys(m?.values ?? {}).some((x) => x.toLowerCase() === lower)
      );
    });
    if (own.length) plan.fast = `${kv} IN (${own.map(lit).join(', ')})`;
  }
  if (plan.fast && plan.fast !== 'true') plan.flag = q(`proportion_fast_${d.name}`);
  return plan;
}

/** Asks normalizeField about every distinct value SQL does not settle itself. */
async function answerLookups(sql: SqlSession, t: Tables, plans: FieldPlan[], mappings: Mappings) {
  const queries = plans.flatMap((p, i) =>
    p.fast === 'true'
      ? []
      : [
          `SELECT DISTINCT ${i} AS f, ${p.kv} AS v, ${p.km} AS m FROM ${t.src} s${p.fast ? ` WHERE NOT ${p.fast}` : ''}`,
        ],
  );
  const [f, v, ms] = (await sql.columns(queries.join(' UNION ALL '))) as [number[], string[], string[]];
  for (let r = 0; r < f.length; r++) {
    const p = plans[Number(f[r])] as FieldPlan;
    const d = p.c.def;
    const value = v[r] as string;
    const missing = ms[r] as string;
    const row: StoredRow = {};
    const reasons: string[] = [];
    normalizeField(p.c, { [d.name]: value, [p.c.missingKey]: missing }, mappings[d.name], row, reasons);
    if ([value, missing, ...reasons].some((x) => x.includes('\u0000') || x.includes(SEP)))
      throw new NotPlain();
    const answer = { value: textOf(row[d.name]), missing: textOf(row[p.c.missingKey]), reasons };
    if (p.byMissing && value.trim() === '') {
      const byMissing = p.answers.byMissing.get(value) ?? new Map<string, Answer>();
      p.answers.byMissing.set(value, byMissing.set(missing, answer));
    } else p.answers.byValue.set(value, answer);
    if (p.answers.byValue.size + p.answers.byMissing.size > MAX_ANSWERS) throw new NotPlain();
  }
}

/** A stored value as the staging text and the hash see it (null stays null). */
const textOf = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const litOrNull = (s: string | null) => (s === null ? 'NULL' : lit(s));

/** One of the answers (value, missing or reasons) as SQL: the fast value, else a CASE over the answers. */
function answerSql(p: FieldPlan, pick: (a: Answer) => string | null, fast: string): string {
  const whens: string[] = [];
  for (const [k, a] of p.answers.byValue)
    if (pick(a) !== null) whens.push(`WHEN ${lit(k)} THEN ${litOrNull(pick(a))}`);
  for (const [k, byMissing] of p.answers.byMissing) {
    const inner = [...byMissing].filter(([, a]) => pick(a) !== null);
    if (inner.length)
      whens.push(
        `WHEN ${lit(k)} THEN CASE ${p.km} ${inner.map(([m, a]) => `WHEN ${lit(m)} THEN ${litOrNull(pick(a))}`).join(' ')} END`,
      );
  }
  const slow = whens.length ? `CASE ${p.kv} ${whens.join(' ')} END` : 'NULL';
  return p.fast ? `CASE WHEN ${p.flag ? `s.${p.flag}` : p.fast} THEN ${fast} ELSE ${slow} END` : slow;
}

/** Every normalised source column of a row of src `s`, as `expr AS "name"`. */
function sourceColumns(plans: FieldPlan[]): string[] {
  return plans.flatMap((p) => {
    const d = p.c.def;
    const out = [`${answerSql(p, (a) => a.value, p.fastValue)} AS ${q(d.name)}`];
    // the raw companion: the raw column when given, else the value as received (normalizeField's rule)
    if (hasRaw(d))
      out.push(
        p.kr === `''`
          ? `NULLIF(${p.kv}, '') AS ${q(p.c.rawKey)}`
          : `CASE WHEN ${p.kr} = '' THEN NULLIF(${p.kv}, '') WHEN regexp_matches(${p.kr}, '[!-~]') THEN ${p.kr} WHEN ${p.trim}(${p.kr}) = '' THEN NULLIF(${p.kv}, '') ELSE ${p.kr} END AS ${q(p.c.rawKey)}`,
      );
    if (hasMissing(d)) out.push(`${answerSql(p, (a) => a.missing, 'NULL')} AS ${q(p.c.missingKey)}`);
    return out;
  });
}

/**
 * The source rows as `s`, with their ordinal and each field's fast test computed once: a field's value,
 * missingness and reasons all branch on it, and DuckDB would otherwise evaluate it (a regular expression,
 * a cast) once per use.
 */
function flaggedSource(t: Tables, plans: FieldPlan[]): string {
  const flags = plans.flatMap((p) => (p.flag ? [`, ${p.fast} AS ${p.flag}`] : []));
  return `(SELECT *, s.rowid AS proportion_ord${flags.join('')} FROM ${t.src} s) s`;
}

const NEEDS_ROLE = `role IN ${MISSING_LIST}`;
const NUMERIC = new Set<string>(
  ROLE_FACT_COLUMNS.filter((c) => ['number', 'integer'].includes((FIELD_BY_NAME.get(c) as FieldDef).type)),
);
const NULL_MARK = '\u001e';

/**
 * The narrow table of the import: per row its ordinal, record_id (raw and normalised), the problems
 * found, whether it is accepted, its source hash, the inputs of race_ethnicity and indicia_profile, and
 * (when the role is not coded) one text key holding the facts the role rule reads.
 */
function keysSql(t: Tables, plans: FieldPlan[], keying: RoleKeying | undefined): string {
  // per field, in field order: an inner column of normalizeField's reasons, or (strings) an outer check
  const inner: string[] = [];
  const reasons = plans.flatMap((p) => {
    const d = p.c.def;
    if (p.fast === 'true')
      return d.required ? [`CASE WHEN ${q(d.name)} IS NULL THEN ${lit(`${d.name}: is required`)} END`] : [];
    inner.push(
      `${answerSql(p, (a) => (a.reasons.length ? a.reasons.join(SEP) : null), 'NULL')} AS r${inner.length}`,
    );
    return [`r${inner.length - 1}`];
  });
  const cross = [1, 2, 3].map(
    (k) =>
      `CASE WHEN ${q(`drug_${k}_quantity`)} IS NOT NULL AND ${q(`drug_${k}_unit`)} IN ${MISSING_LIST} THEN ${lit(`drug_${k}_unit: is required when drug_${k}_quantity is given`)} END`,
  );
  // every value followed by chr(1), a null written chr(0) (hashRow's text), in one concatenation
  const hashText = `concat_ws(chr(1), ${HASHED_COLUMNS.map((c) => `coalesce(${q(c)}, chr(0))`).join(', ')}) || chr(1)`;
  const facts = `concat_ws(chr(31), ${ROLE_FACT_COLUMNS.map((c) => `coalesce(${factSql(c, keying)}, chr(30))`).join(', ')})`;
  const idRaw = plans.find((p) => p.c.def.name === 'record_id')?.kv ?? 'NULL';
  return `SELECT ord, raw_id, record_id, reasons, reasons IS NULL AS accepted,
      sha256(${hashText}) AS source_hash, race, hispanic_origin, indicia,
      CASE WHEN reasons IS NULL AND ${NEEDS_ROLE} THEN ${facts} END AS facts
    FROM (SELECT *, NULLIF(concat_ws(chr(31), ${[...reasons, ...cross].join(', ')}), '') AS reasons
      FROM (SELECT s.proportion_ord AS ord, ${idRaw} AS raw_id, ${sourceColumns(plans).join(', ')}, ${inner.join(', ')}
        FROM ${flaggedSource(t, plans)}))`;
}

const QUANTITY = /^drug_(\d)_quantity$/;
const FUTURE = 'f';
const NOT_FUTURE = 'p';
const WEIGHED = 'w'; // prefixes a quantity's band: the number of the keying's lines it reaches (-1: none held)

/**
 * One role fact as it enters the role key. With the deriver's keying, a weighed quantity becomes its band
 * among the role's grams lines, and the dates whether the case lies in the future; otherwise the fact itself.
 */
function factSql(column: string, keying: RoleKeying | undefined): string {
  if (!keying) return q(column);
  const k = QUANTITY.exec(column)?.[1];
  if (k !== undefined) {
    const value = q(column);
    const unit = q(`drug_${k}_unit`);
    const perUnit = Object.entries(keying.gramsPerUnit).map(([u, g]) => `WHEN ${lit(u)} THEN ${DOUBLE(g)}`);
    const grams = `CAST(${value} AS DOUBLE) * (CASE ${unit} ${perUnit.join(' ')} END)`;
    const reached = keying.gramsLines.map((l) => `CASE WHEN ${grams} >= ${DOUBLE(l)} THEN 1 ELSE 0 END`);
    return `CASE WHEN ${value} IS NULL THEN NULL WHEN ${unit} IN (${Object.keys(keying.gramsPerUnit).map(lit).join(', ')}) THEN ${lit(WEIGHED)} || CAST(CASE WHEN CAST(${value} AS DOUBLE) <= 0 THEN -1 ELSE ${reached.join(' + ') || '0'} END AS VARCHAR) ELSE ${value} END`;
  }
  if (column === 'offense_date')
    return `CASE WHEN offense_date IS NULL AND arrest_date IS NULL THEN NULL WHEN coalesce(offense_date, arrest_date) > ${lit(keying.evaluation)} THEN ${lit(FUTURE)} ELSE ${lit(NOT_FUTURE)} END`;
  if (column === 'arrest_date') return 'NULL';
  return q(column);
}

/** A record with the facts of a role key (a quantity of a band stands for all of its band). */
function factsOfKey(key: string, keying: RoleKeying | undefined): StoredRow {
  const values = key.split(SEP);
  const row: StoredRow = {};
  ROLE_FACT_COLUMNS.forEach((c, j) => {
    const v = values[j] === NULL_MARK ? null : (values[j] as string);
    row[c] = v !== null && NUMERIC.has(c) && !(keying && v.startsWith(WEIGHED)) ? Number(v) : v;
  });
  if (!keying) return row;
  const lines = keying.gramsLines;
  const gram = Object.keys(keying.gramsPerUnit).find((u) => keying.gramsPerUnit[u] === 1);
  if (gram === undefined) throw new Error('import-sql: a role keying needs a unit of one gram');
  for (const k of [1, 2, 3]) {
    const v = row[`drug_${k}_quantity`];
    if (typeof v !== 'string') continue;
    const band = Number(v.slice(WEIGHED.length));
    // the least quantity of the band: a line it reaches, or (below every line) half the lowest
    row[`drug_${k}_quantity`] = band < 0 ? 0 : band === 0 ? (lines[0] ?? 2) / 2 : (lines[band - 1] as number);
    row[`drug_${k}_unit`] = gram;
  }
  const when = row.offense_date;
  row.offense_date =
    when === FUTURE ? addDays(keying.evaluation, 1) : when === NOT_FUTURE ? keying.evaluation : null;
  return row;
}

/** The role rule, once per distinct combination of the facts it reads, for records without a coded role. */
async function deriveRoles(sql: SqlSession, t: Tables, deriveRole: RoleDeriver | undefined) {
  await sql.run(`CREATE TEMP TABLE ${t.roles} (facts VARCHAR, fn VARCHAR)`);
  if (!deriveRole) return;
  const [keys] = (await sql.columns(
    `SELECT DISTINCT facts FROM ${t.keys} WHERE accepted AND facts IS NOT NULL`,
  )) as [string[]];
  const out: (string | null)[][] = [];
  for (const key of keys) {
    const fn = deriveRole(factsOfKey(key, deriveRole.keying));
    if (fn !== null) out.push([key, fn]);
  }
  await sql.append(t.roles, out);
}

/** race_ethnicity and indicia_profile, once per distinct input. */
async function buildDerived(sql: SqlSession, t: Tables) {
  await sql.run(`CREATE TEMP TABLE ${t.derived} (kind VARCHAR, k VARCHAR, v VARCHAR)`);
  const rows = await sql.rows(
    `SELECT DISTINCT 're' AS kind, race AS a, hispanic_origin AS b FROM ${t.keys} WHERE accepted
     UNION ALL SELECT DISTINCT 'ip', indicia, NULL FROM ${t.keys} WHERE accepted`,
  );
  await sql.append(
    t.derived,
    rows.map((r) =>
      r.kind === 're'
        ? ['re', `${r.a}${SEP}${r.b}`, raceEthnicity(String(r.b), String(r.a))]
        : ['ip', String(r.a), indiciaProfile(String(r.a))],
    ),
  );
}

/**
 * The accepted rows the merge inserts: those whose record_id is not stored (after the deletion of the
 * changed ones). Decided on the narrow table, before the wide rows are built.
 */
const NEW_KEYS = (t: Tables) =>
  `SELECT * FROM ${t.keys} k WHERE k.accepted AND NOT EXISTS (SELECT 1 FROM records r WHERE r.record_id = k.record_id)`;

/** The merge: counts and deletions from the narrow table; one insert of every stored column. */
function mergePlan(t: Tables, plans: FieldPlan[]): MergePlan {
  const per = Object.entries(GRAMS_PER)
    .map(([unit, g]) => `WHEN ${lit(unit)} THEN ${DOUBLE(g)}`)
    .join(' ');
  // Math.round(x) for x >= 0 (ties upward) written exactly: floor plus one when the fraction is >= 0.5
  const x = `(CAST(drug_1_quantity AS DOUBLE) * (CASE drug_1_unit ${per} END)) * ${DOUBLE(1000)}`;
  const lines = Object.entries(QUANTITY_LINES)
    .map(
      ([drug, [a, b, c]]) =>
        `WHEN ${lit(drug)} THEN CASE WHEN g < ${DOUBLE(a)} THEN 'personal' WHEN g >= ${DOUBLE(c)} THEN 'trafficking' WHEN g < ${DOUBLE(b)} THEN 'retail' ELSE 'wholesale' END`,
    )
    .join(' ');
  const derived: Record<string, string> = {
    race_ethnicity: 're.v',
    role_final: `CASE WHEN n.${NEEDS_ROLE} THEN coalesce(ro.fn, n.role) ELSE n.role END`,
    role_final_basis: `CASE WHEN NOT n.${NEEDS_ROLE} THEN n.role_basis WHEN ro.fn IS NOT NULL THEN 'proportion_derived' ELSE 'not_applicable' END`,
    drug: 'n.drug_1_type',
    quantity_grams: 'n.g',
    quantity_band: `CASE WHEN n.g IS NULL THEN 'unknown' ELSE CASE n.drug_1_type ${lines.replace(/\bg\b/g, 'n.g')} ELSE 'unknown' END END`,
    indicia_profile: 'ip.v',
    sale_charged: `coalesce(n.charging_decision_outcome = 'sale_charged', false)`,
    sale_convicted: `coalesce(n.disposition_outcome = 'convicted_sale', false)`,
    incarcerated: `coalesce(n.sentence_outcome IN ('prison', 'jail'), false)`,
    source_hash: 'n.source_hash',
  };
  if (DERIVED_FIELDS.some((d) => !(d.name in derived)))
    throw new Error('import-sql: a derived field has no SQL (add it to mergePlan)');
  const select = COLUMNS.map((c) => {
    const e = derived[c.name] ?? `n.${q(c.name)}`;
    return c.sql === 'TEXT' ? e : `CAST(${e} AS ${c.sql})`;
  });
  const rows = `SELECT *, CASE WHEN x IS NULL THEN NULL ELSE (floor(x) + CASE WHEN x - floor(x) >= 0.5 THEN 1 ELSE 0 END) / ${DOUBLE(1000)} END AS g
    FROM (SELECT *, ${x} AS x FROM (SELECT k.source_hash, k.facts, ${sourceColumns(plans).join(', ')}
      FROM ${flaggedSource(t, plans)} JOIN (${NEW_KEYS(t)}) k ON k.ord = s.proportion_ord))`;
  return {
    counts: `SELECT CAST(count(*) FILTER (WHERE r.record_id IS NULL) AS INTEGER) AS inserted,
      CAST(count(*) FILTER (WHERE r.record_id IS NOT NULL AND r.source_hash <> k.source_hash) AS INTEGER) AS updated,
      CAST(count(*) FILTER (WHERE r.source_hash = k.source_hash) AS INTEGER) AS unchanged
      FROM ${t.keys} k LEFT JOIN records r ON r.record_id = k.record_id WHERE k.accepted`,
    statements: [
      `DELETE FROM records WHERE record_id IN (SELECT k.record_id FROM ${t.keys} k JOIN records r ON r.record_id = k.record_id WHERE k.accepted AND r.source_hash <> k.source_hash)`,
      `INSERT INTO records (${COLUMNS.map((c) => q(c.name)).join(', ')}) SELECT ${select.join(', ')}
        FROM (${rows}) n
        LEFT JOIN ${t.derived} re ON re.kind = 're' AND re.k = n.race || chr(31) || n.hispanic_origin
        LEFT JOIN ${t.derived} ip ON ip.kind = 'ip' AND ip.k = n.indicia
        LEFT JOIN ${t.roles} ro ON ro.facts = n.facts`,
    ],
  };
}

/** The physical line of each wanted record ordinal, as csv-parse (the row-by-row import) counts them. */
async function lineNumbers(
  path: string,
  wanted: Set<number>,
  expected: number,
): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  const parser = createReadStream(path).pipe(
    parse({ columns: true, info: true, bom: true, skip_empty_lines: true, relax_column_count: false }),
  );
  let i = 0;
  for await (const rec of parser as AsyncIterable<{ info: { lines: number } }>) {
    if (wanted.has(i)) out.set(i, rec.info.lines);
    i++;
  }
  if (i !== expected) throw new Error(`import: DuckDB read ${expected} records from ${path}, csv-parse ${i}`);
  return out;
}
