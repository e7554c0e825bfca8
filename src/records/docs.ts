import { METHODOLOGY } from '../publish/text.ts';
import { MISSING, MISSING_LABELS } from './codes.ts';
import { DERIVED_FIELDS, type FieldDef, hasMissing, hasRaw, SOURCE_FIELDS } from './dictionary.ts';
import { QUANTITY_LINES } from './normalize.ts';

/** Renders docs/records.md: the published data dictionary and the methodology note. */
export function recordsMarkdown(): string {
  const row = (d: FieldDef) => {
    const companions = [hasRaw(d) ? `\`${d.name}_raw\`` : '', hasMissing(d) ? `\`${d.name}_missing\`` : '']
      .filter(Boolean)
      .join(', ');
    const codes = d.codes ? d.codes.codes.map((c) => `\`${c.code}\``).join(', ') : '';
    return `| \`${d.name}\` | ${d.type}${d.required ? ' (required)' : ''} | ${d.description.replace(/\|/g, '\\|')}${codes ? ` Codes: ${codes}.` : ''}${d.blank && d.blank !== 'unknown' ? ` Blank means \`${d.blank}\`.` : ''} | ${companions} |`;
  };
  return `# Case records: data dictionary and methodology

Generated from \`src/records/dictionary.ts\` (regenerate with \`node --import tsx -e "import('./src/records/docs.ts').then(m => process.stdout.write(m.recordsMarkdown()))" > docs/records.md\`).

One row per person per case. Import CSV (with a Frictionless Data Package descriptor as its data
dictionary) or JSON Lines with \`proportion import\`; publish with \`proportion publish\`.

## Conventions
- **Coded fields** hold a normalised code and keep the source's own value in \`<field>_raw\`.
  Multi-valued fields (\`codes\`) separate codes with \`;\` in CSV (arrays are accepted in JSON Lines).
- **Missingness is labelled**, never blank: ${MISSING.map((m) => `\`${m}\` (${MISSING_LABELS[m]})`).join('; ')}.
  A blank source value means \`unknown\` unless the field says otherwise (decision stages: \`not_applicable\`).
- **Numbers and dates** are null when missing, with the reason in \`<field>_missing\` and the source text in \`<field>_raw\`.
- A descriptor maps source values to codes per field with \`"proportion:values": {"B": "black"}\` and
  to missingness with \`"proportion:missing": {"": "not_collected", "U": "unknown"}\`; schema-level
  \`missingValues\` map to \`unknown\`. Unknown columns are an error.
- **Import key**: \`record_id\` plus \`source_hash\` (SHA-256 of the normalised source fields). Re-importing
  the same row changes nothing; a changed row replaces the old one; an import is one transaction.
- **Where rows are normalised**: a plain CSV (consistent line ends, quotes only around whole fields,
  every record as wide as the header) imported into the embedded DuckDB store is normalised inside the
  database: DuckDB reads it into staging, the same normalisation runs once per distinct source value,
  the derived role once per distinct combination of the facts the role rule reads (a quantity by
  which of the rule's grams lines it reaches, a date by whether it lies in the future), the hash in SQL.
  Any other CSV, JSON Lines and PostgreSQL imports go row by row. Both give the same rows and the same
  rejected-row report (\`tests/records/import-sql.test.ts\`).
- **Synthetic records at any size**: \`proportion generate --records N --seed S --out DIR\` writes
  \`DIR/records.csv\` and its descriptor \`DIR/datapackage.json\` (marked synthetic; every row has
  \`synthetic\` = true); \`proportion import DIR/records.csv --descriptor DIR/datapackage.json\` loads them.

## Source fields
| field | type | meaning | companions |
| --- | --- | --- | --- |
${SOURCE_FIELDS.map(row).join('\n')}

## Derived fields (computed at import)
| field | type | meaning | |
| --- | --- | --- | --- |
${DERIVED_FIELDS.map(row).join('\n')}
| \`source_hash\` | string | SHA-256 of the normalised source fields (the idempotency key with record_id). | |

### Quantity bands (grams of the primary drug)
| drug | personal below | retail below | trafficking at or above |
| --- | --- | --- | --- |
${Object.entries(QUANTITY_LINES)
  .map(([d, [a, b, c]]) => `| ${d} | ${a} | ${b} | ${c} |`)
  .join('\n')}

Between "retail below" and "trafficking" is wholesale. The trafficking line follows the federal
five-year thresholds (21 U.S.C. 841(b)(1)(B)) where one exists; the others are working assumptions.

## Methodology (for non-statisticians)
${METHODOLOGY.map((m) => `- ${m}`).join('\n')}

## Suppression, precisely
Within a release, the full crossing (dimensions x outcome) and all of its published totals form one
family. Primary: every count from 1 to threshold-1 is suppressed. Complementary: the attacker's
equations are the published totals over the unknown (suppressed) cells; a suppressed number is
recoverable exactly when its vector lies in the span of those equations. Proportion checks this by
Gauss-Jordan elimination and random null-space vectors, suppresses the smallest published neighbour of
any recoverable number, and repeats until none is recoverable. \`tests/publish/suppression.test.ts\`
attacks published releases with exact rational arithmetic and asserts nothing is recovered.
Residual risks (not covered by the linear audit): bounds from non-negativity (a hidden count is known
to lie between 0 and a published total), and differencing between tables with overlapping but
different populations (the funnel counts vs. the stage tables).

Sentence-length tables (\`sentence_term_by_*\`) are built on the sentence-stage family (the
release's own when \`--stage sentence\`, otherwise one built and protected the same way): each row is
a cell of that family with outcome prison or jail, its n that family's number under that family's
decision, so they publish a subset of one protected family and add no count to it
(\`tests/publish/terms.test.ts\` checks the counts match; the HiGHS attacker in
\`tests/publish/lp-attack.test.ts\` attacks them). Quartiles (R type 7, \`percentile_cont\`, rounded to
whole months, halves up) are withheld ("suppressed", with \`quantile_note\`) where n is suppressed or
fewer than \`min_quantile_n\` terms are recorded (\`--min-quantile-n\`, default 4 x \`--min-cell\`:
then at least min-cell people lie at or below the first quartile and at or above the third). The
sentence stage is a different population from another stage's tables and from the funnel's
"incarcerated" (sale convictions only): the residual risk above applies to them too.

## Formulas
- Rate ratio, log method: RR = (a/n1)/(c/n2), SE(ln RR) = sqrt(1/a - 1/n1 + 1/c - 1/n2); 6/10 vs 3/10 gives 2.0 (0.68-5.85).
- Share: Wilson score interval.
- Mantel-Haenszel OR = sum(a d / n) / sum(b c / n); variance of ln OR by Robins, Breslow and Greenland (1986).
- Funnel: ln RRI(overall) = sum over stages of ln RRI(stage); contribution = ln RRI(stage) / ln RRI(overall).
- Benchmark-adjusted RRI = per-capita arrest RRI / (NSDUH selling rate of the group / rate of white people).
`;
}
