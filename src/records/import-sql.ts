import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import type { MergeCounts, SqlSession } from '../db/store.ts';
import { MISSING } from './codes.ts';
import { scanCsv } from './csv-scan.ts';
import { COLUMNS, DERIVED_FIELDS, FIELD_BY_NAME, type FieldDef, hasMissing, hasRaw } from './dictionary.ts';
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
  raceEthnicity,
  type StoredRow,
} from './normalize.ts';
import { ROLE_FACT_COLUMNS } from './role.ts';

/**
 * The CSV import for the embedded DuckDB store, normalising where the data is: DuckDB reads the file
 * into a staging table and every step after that is SQL, except the decisions that belong to
 * Proportion's own code, which run once per distinct value rather than once per row:
 *
 * - coded, boolean and patterned fields: `normalizeField` (the very function the row-by-row import
 *   uses) maps each distinct source value; the results are a lookup table joined back;
 * - numbers and dates: SQL takes the values it can prove valid and canonical (plain decimals, real
 *   dates); every other value (blank, a missingness code, anything odd) goes through normalizeField;
 * - race_ethnicity and indicia_profile: their functions, once per distinct normalised input;
 * - the derived role: the engine's role rule, once per distinct combination of the facts it reads
 *   (ROLE_FACT_COLUMNS), joined back;
 * - the source hash: sha256 in SQL over the same text as `hashRow`.
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

/** Thrown (and caught by the caller) when the file needs the row-by-row import after all. */
class NotPlain extends Error {}

export async function importCsvInDuckDB(
  sql: SqlSession,
  path: string,
  header: string[],
  /** throws when the header names a column the import does not know */
  checkHeader: (columns: string[]) => void,
  mappings: Mappings,
  deriveRole: RoleDeriver | undefined,
  merge: { fileName: string; shouldCommit: (rejected: number) => boolean; beforeCommit?: () => unknown },
): Promise<SqlImportResult | null> {
  if (new Set(header).size !== header.length) return null; // csv-parse keeps the last of duplicate columns
  const tag = randomUUID().replace(/-/g, '');
  const t = {
    src: `import_src_${tag}`,
    lookup: `import_lookup_${tag}`,
    norm: `import_norm_${tag}`,
    derived: `import_derived_${tag}`,
    roles: `import_roles_${tag}`,
    dups: `import_dups_${tag}`,
    ready: `import_ready_${tag}`,
  };
  const trim = `proportion_js_trim_${tag}`;
  try {
    const csvPath = lit(path);
    const columns = `{${header.map((h) => `${lit(h)}: 'VARCHAR'`).join(', ')}}`;
    const [scan, loaded] = await Promise.all([
      scanCsv(path),
      sql
        .run(
          `CREATE TEMP TABLE ${t.src} AS SELECT * FROM read_csv(${csvPath}, header = true, auto_detect = false, columns = ${columns}, delim = ',', quote = '"', escape = '"', strict_mode = true, null_padding = false)`,
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

    await sql.run(
      `CREATE TEMP MACRO ${trim}(x) AS trim(x, ${JS_WHITESPACE.map((c) => `chr(${c})`).join(' || ')})`,
    );
    const plan = COMPILED_FIELDS.map((c, i) => fieldPlan(c, i, header, mappings, trim));
    await buildLookup(sql, t, plan, mappings);
    await sql.run(`CREATE TEMP TABLE ${t.norm} AS ${normalizedSql(t, plan, trim)}`);

    // rejected rows: problems found, or a record_id already taken by an earlier valid row
    const bad = await sql.rows(
      `SELECT ord, raw_id, reasons FROM ${t.norm} WHERE reasons IS NOT NULL ORDER BY ord`,
    );
    await sql.run(
      `CREATE TEMP TABLE ${t.dups} AS SELECT ord, raw_id, first_ord FROM (SELECT ord, raw_id, first_value(ord) OVER (PARTITION BY record_id ORDER BY ord) AS first_ord FROM ${t.norm} WHERE reasons IS NULL) WHERE ord <> first_ord`,
    );
    const dups = await sql.rows(`SELECT ord, raw_id, first_ord FROM ${t.dups} ORDER BY ord`);
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
    await sql.run(`CREATE TEMP TABLE ${t.ready} AS ${readySql(t)}`);
    const accepted = n - rejected.length;
    const counts = await sql.mergeFrom(
      t.ready,
      () => ({ fileSha256: scan.sha256, fileName: merge.fileName, rows: n }),
      {
        shouldCommit: () => merge.shouldCommit(rejected.length),
        ...(merge.beforeCommit ? { beforeCommit: async () => void (await merge.beforeCommit?.()) } : {}),
      },
    );
    return { rows: n, accepted, rejected, counts, file_sha256: scan.sha256 };
  } catch (e) {
    if (e instanceof NotPlain) return null;
    throw e;
  } finally {
    for (const name of Object.values(t)) await sql.run(`DROP TABLE IF EXISTS ${name}`);
    await sql.run(`DROP MACRO IF EXISTS ${trim}`);
  }
}

type Tables = Record<'src' | 'lookup' | 'norm' | 'derived' | 'roles' | 'dups' | 'ready', string>;

/** How one source field is normalised: SQL for values it proves plain, the lookup for the rest. */
interface FieldPlan {
  i: number;
  c: CompiledField;
  /** key expressions: the source value, its raw and its missingness companions ('' when absent) */
  kv: string;
  kr: string;
  km: string;
  /** a condition under which SQL normalises the value itself (null: always the lookup; 'string': trim) */
  fast: string | null | 'string';
  /** the value SQL stores when fast */
  fastValue?: string;
}

function fieldPlan(
  c: CompiledField,
  i: number,
  header: string[],
  mappings: Mappings,
  trim: string,
): FieldPlan {
  const d = c.def;
  const col = (name: string) => (header.includes(name) ? `coalesce(s.${q(name)}, '')` : `''`);
  const kv = col(d.name);
  const kr = hasRaw(d) ? col(c.rawKey) : `''`;
  const km = hasMissing(d) ? col(c.missingKey) : `''`;
  const plan: FieldPlan = { i, c, kv, kr, km, fast: null };
  const tv = `${trim}(${kv})`;
  const mappedMissing = Object.keys(mappings[d.name]?.missing ?? {});
  const notMapped = mappedMissing.length ? ` AND ${tv} NOT IN (${mappedMissing.map(lit).join(', ')})` : '';
  if (d.type === 'string' && !d.pattern) plan.fast = 'string';
  else if ((d.type === 'number' || d.type === 'integer') && (d.min === undefined || d.min <= 0)) {
    // canonical decimals only: String(Number(t)) === t, so the text SQL stores is the one JavaScript would
    const re = d.type === 'integer' ? '0|[1-9][0-9]{0,8}' : '(0|[1-9][0-9]*)(\\.[0-9]*[1-9])?';
    plan.fast = `(regexp_full_match(${tv}, ${lit(re)}) AND length(${tv}) <= 16 AND NOT starts_with(${tv}, '0.000000')${notMapped})`;
    plan.fastValue = tv;
  } else if (d.type === 'date') {
    plan.fast = `(regexp_full_match(${tv}, '[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])') AND TRY_CAST(${tv} AS DATE) IS NOT NULL${notMapped})`;
    plan.fastValue = tv;
  }
  return plan;
}

/** The raw companion as normalizeField keeps it: the raw column when given, else the value as received. */
function rawExpr(p: FieldPlan, trim: string): string {
  return `CASE WHEN ${trim}(${p.kr}) = '' THEN NULLIF(${p.kv}, '') ELSE ${p.kr} END`;
}

/** Every distinct key the lookup must answer, normalised by normalizeField and stored. */
async function buildLookup(sql: SqlSession, t: Tables, plan: FieldPlan[], mappings: Mappings) {
  await sql.run(
    `CREATE TEMP TABLE ${t.lookup} (f VARCHAR, kv VARCHAR, kr VARCHAR, km VARCHAR, v VARCHAR, raw VARCHAR, miss VARCHAR, reasons VARCHAR)`,
  );
  const queries = plan
    .filter((p) => p.fast !== 'string')
    .map(
      (p) =>
        `SELECT DISTINCT '${p.i}' AS f, ${p.kv} AS kv, ${p.kr} AS kr, ${p.km} AS km FROM ${t.src} s${p.fast ? ` WHERE NOT ${p.fast}` : ''}`,
    );
  const [f, kv, kr, km] = (await sql.columns(queries.join(' UNION ALL '))) as string[][];
  const out: (string | null)[][] = [];
  for (let r = 0; r < (f?.length ?? 0); r++) {
    const p = plan[Number(f?.[r])] as FieldPlan;
    const d = p.c.def;
    const input: Record<string, unknown> = {
      [d.name]: kv?.[r],
      [p.c.rawKey]: kr?.[r],
      [p.c.missingKey]: km?.[r],
    };
    const row: StoredRow = {};
    const reasons: string[] = [];
    normalizeField(p.c, input, mappings[d.name], row, reasons);
    if (reasons.some((x) => x.includes(SEP))) throw new NotPlain();
    out.push([
      String(p.i),
      kv?.[r] ?? '',
      kr?.[r] ?? '',
      km?.[r] ?? '',
      textOf(row[d.name]),
      textOf(row[p.c.rawKey]),
      textOf(row[p.c.missingKey]),
      reasons.length ? reasons.join(SEP) : null,
    ]);
  }
  await sql.append(t.lookup, out);
}

/** A stored value as the staging text and the hash see it (null stays null). */
const textOf = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** Source columns normalised, the problems found (reasons), the raw record_id and the source hash. */
function normalizedSql(t: Tables, plan: FieldPlan[], trim: string): string {
  const cols: string[] = [];
  const reasons: string[] = [];
  const joins: string[] = [];
  for (const p of plan) {
    const d = p.c.def;
    const l = `l${p.i}`;
    if (p.fast === 'string') {
      const tv = `${trim}(${p.kv})`;
      cols.push(`NULLIF(${tv}, '') AS ${q(d.name)}`);
      if (d.required) reasons.push(`CASE WHEN ${tv} = '' THEN ${lit(`${d.name}: is required`)} END`);
      continue;
    }
    joins.push(
      `LEFT JOIN ${t.lookup} ${l} ON ${l}.f = '${p.i}' AND ${l}.kv = ${p.kv} AND ${l}.kr = ${p.kr} AND ${l}.km = ${p.km}`,
    );
    const pick = (fast: string, slow: string) =>
      p.fast ? `CASE WHEN ${p.fast} THEN ${fast} ELSE ${slow} END` : slow;
    cols.push(`${pick(p.fastValue ?? 'NULL', `${l}.v`)} AS ${q(d.name)}`);
    if (hasRaw(d)) cols.push(`${pick(rawExpr(p, trim), `${l}.raw`)} AS ${q(p.c.rawKey)}`);
    if (hasMissing(d)) cols.push(`${pick('NULL', `${l}.miss`)} AS ${q(p.c.missingKey)}`);
    reasons.push(pick('NULL', `${l}.reasons`));
  }
  const cross = [1, 2, 3].map(
    (k) =>
      `CASE WHEN ${q(`drug_${k}_quantity`)} IS NOT NULL AND ${q(`drug_${k}_unit`)} IN ${MISSING_LIST} THEN ${lit(`drug_${k}_unit: is required when drug_${k}_quantity is given`)} END`,
  );
  const hashText = HASHED_COLUMNS.map((c) => `coalesce(${q(c)} || chr(1), chr(0) || chr(1))`).join(', ');
  const idRaw = plan.find((p) => p.c.def.name === 'record_id')?.kv ?? 'NULL';
  return `SELECT * EXCLUDE (${reasons.map((_, i) => `r${i}`).join(', ')}),
      NULLIF(concat_ws(chr(31), ${[...reasons.map((_, i) => `r${i}`), ...cross].join(', ')}), '') AS reasons,
      sha256(concat(${hashText})) AS source_hash
    FROM (SELECT s.rowid AS ord, ${idRaw} AS raw_id, ${cols.join(', ')}, ${reasons.map((r, i) => `${r} AS r${i}`).join(', ')}
      FROM ${t.src} s ${joins.join(' ')})`;
}

const NEEDS_ROLE = `role IN ${MISSING_LIST}`;
/** One text key for the facts the role rule reads (every one is validated: no control characters). */
const FACT_KEY = `concat_ws(chr(31), ${ROLE_FACT_COLUMNS.map((c) => `coalesce(${q(c)}, chr(30))`).join(', ')})`;
const NUMERIC = new Set<string>(
  ROLE_FACT_COLUMNS.filter((c) => ['number', 'integer'].includes((FIELD_BY_NAME.get(c) as FieldDef).type)),
);

/** The role rule, once per distinct combination of the facts it reads, for records without a coded role. */
async function deriveRoles(sql: SqlSession, t: Tables, deriveRole: RoleDeriver | undefined) {
  await sql.run(`CREATE TEMP TABLE ${t.roles} (fk VARCHAR, fn VARCHAR)`);
  if (!deriveRole) return;
  const cols = (await sql.columns(
    `SELECT DISTINCT ${FACT_KEY} AS fk, ${ROLE_FACT_COLUMNS.map(q).join(', ')} FROM ${t.norm} WHERE reasons IS NULL AND ${NEEDS_ROLE}`,
  )) as (string | null)[][];
  const keys = cols[0] ?? [];
  const out: (string | null)[][] = [];
  for (let r = 0; r < keys.length; r++) {
    const row: StoredRow = {};
    ROLE_FACT_COLUMNS.forEach((c, j) => {
      const v = cols[j + 1]?.[r] ?? null;
      row[c] = v !== null && NUMERIC.has(c) ? Number(v) : v;
    });
    const fn = deriveRole(row);
    if (fn !== null) out.push([keys[r] as string, fn]);
  }
  await sql.append(t.roles, out);
}

/** race_ethnicity and indicia_profile, once per distinct input. */
async function buildDerived(sql: SqlSession, t: Tables) {
  await sql.run(`CREATE TEMP TABLE ${t.derived} (kind VARCHAR, k VARCHAR, v VARCHAR)`);
  const rows = await sql.rows(
    `SELECT DISTINCT 're' AS kind, race AS a, hispanic_origin AS b FROM ${t.norm} WHERE reasons IS NULL
     UNION ALL SELECT DISTINCT 'ip', indicia, NULL FROM ${t.norm} WHERE reasons IS NULL`,
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

/** Every stored column, in order, for the accepted rows (valid, and not a later duplicate). */
function readySql(t: Tables): string {
  const per = Object.entries(GRAMS_PER)
    .map(([unit, g]) => `WHEN ${lit(unit)} THEN ${DOUBLE(g)}`)
    .join(' ');
  // Math.round(x) for x >= 0 (ties upward) written exactly: floor plus one when the fraction is >= 0.5
  const x = `(CAST(n.drug_1_quantity AS DOUBLE) * (CASE n.drug_1_unit ${per} END)) * ${DOUBLE(1000)}`;
  const lines = Object.entries(QUANTITY_LINES)
    .map(
      ([drug, [a, b, c]]) =>
        `WHEN ${lit(drug)} THEN CASE WHEN g < ${DOUBLE(a)} THEN 'personal' WHEN g >= ${DOUBLE(c)} THEN 'trafficking' WHEN g < ${DOUBLE(b)} THEN 'retail' ELSE 'wholesale' END`,
    )
    .join(' ');
  const derived: Record<string, string> = {
    race_ethnicity: 're.v',
    role_final: `CASE WHEN ${NEEDS_ROLE} THEN coalesce(ro.fn, role) ELSE role END`,
    role_final_basis: `CASE WHEN NOT ${NEEDS_ROLE} THEN role_basis WHEN ro.fn IS NOT NULL THEN 'proportion_derived' ELSE 'not_applicable' END`,
    drug: 'drug_1_type',
    quantity_grams: 'g',
    quantity_band: `CASE WHEN g IS NULL THEN 'unknown' ELSE CASE drug_1_type ${lines} ELSE 'unknown' END END`,
    indicia_profile: 'ip.v',
    sale_charged: `coalesce(charging_decision_outcome = 'sale_charged', false)`,
    sale_convicted: `coalesce(disposition_outcome = 'convicted_sale', false)`,
    incarcerated: `coalesce(sentence_outcome IN ('prison', 'jail'), false)`,
  };
  if (DERIVED_FIELDS.some((d) => !(d.name in derived)))
    throw new Error('import-sql: a derived field has no SQL (add it to readySql)');
  const select = COLUMNS.map((c) => (c.name in derived ? `${derived[c.name]} AS ${q(c.name)}` : q(c.name)));
  return `SELECT ${select.join(', ')} FROM (
      SELECT *, CASE WHEN x IS NULL THEN NULL ELSE (floor(x) + CASE WHEN x - floor(x) >= 0.5 THEN 1 ELSE 0 END) / ${DOUBLE(1000)} END AS g
      FROM (SELECT n.*, ${x} AS x FROM ${t.norm} n WHERE n.reasons IS NULL AND n.ord NOT IN (SELECT ord FROM ${t.dups})) n
    ) n
    LEFT JOIN ${t.derived} re ON re.kind = 're' AND re.k = n.race || chr(31) || n.hispanic_origin
    LEFT JOIN ${t.derived} ip ON ip.kind = 'ip' AND ip.k = n.indicia
    LEFT JOIN ${t.roles} ro ON n.${NEEDS_ROLE} AND ro.fk = ${FACT_KEY.replace(/coalesce\("/g, 'coalesce(n."')}
    ORDER BY n.ord`;
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
