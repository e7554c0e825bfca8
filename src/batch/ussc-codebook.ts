import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';

/**
 * The Commission's code tables (codebooks/ussc-fy1999-fy2016.yaml, cited to the FY1999-FY2016 codebook): which
 * code means what, and in which fiscal years. Loaded once; a malformed file is a defect of the product.
 */
export const CODEBOOK_FILE = fileURLToPath(
  new URL('../../codebooks/ussc-fy1999-fy2016.yaml', import.meta.url),
);

const years = { from_fy: z.number().int().optional(), until_fy: z.number().int().optional() };
const code = z.strictObject({ value: z.string(), label: z.string(), ...years });
const variable = z.strictObject({
  meaning: z.string(),
  maps_to: z.string(),
  aliases: z.array(z.string()).optional(),
  page: z.number().int().optional(),
  verified: z.boolean().optional(),
  slots: z.boolean().optional(),
  ...years,
  codes: z.record(z.string(), code).optional(),
  special: z.record(z.string(), z.string()).optional(),
  substances: z.record(z.string(), code).optional(),
  not_modelled: z.record(z.string(), z.string()).optional(),
  groups: z
    .record(
      z.string(),
      z.strictObject({
        candidates: z.array(z.string()).min(1),
        fallback: z.string().optional(),
        label: z.string(),
      }),
    )
    .optional(),
});
const codebookFile = z.strictObject({
  compiled_on: z.string(),
  source: z.string(),
  variables: z.record(z.string(), variable),
});
export type CodebookVariable = z.infer<typeof variable>;
export type CodebookCode = z.infer<typeof code>;
export type Codebook = z.infer<typeof codebookFile>;

let cached: Codebook | undefined;
export function codebook(): Codebook {
  if (!cached) {
    const parsed = codebookFile.safeParse(parse(readFileSync(CODEBOOK_FILE, 'utf8')));
    if (!parsed.success) throw new Error(`${CODEBOOK_FILE}: ${parsed.error.message}`);
    cached = parsed.data;
  }
  return cached;
}

export function codebookVariable(name: string): CodebookVariable {
  const v = codebook().variables[name];
  if (!v) throw new Error(`${CODEBOOK_FILE}: no variable ${name}`);
  return v;
}

/** The Commission's fiscal year of a date: FY2020 runs from 2019-10-01 to 2020-09-30. */
export function fiscalYear(isoDate: string): number {
  const y = Number(isoDate.slice(0, 4));
  return Number(isoDate.slice(5, 7)) >= 10 ? y + 1 : y;
}

/** Whether a code or variable with these years is used in fiscal year `fy` (half-open [from_fy, until_fy)). */
export function inYears(x: { from_fy?: number; until_fy?: number }, fy: number): boolean {
  return (x.from_fy === undefined || fy >= x.from_fy) && (x.until_fy === undefined || fy < x.until_fy);
}

export const yearsLabel = (x: { from_fy?: number; until_fy?: number }): string =>
  x.from_fy !== undefined && x.until_fy !== undefined
    ? `FY${x.from_fy}-FY${x.until_fy - 1}`
    : x.from_fy !== undefined
      ? `FY${x.from_fy} on`
      : x.until_fy !== undefined
        ? `to FY${x.until_fy - 1}`
        : 'every year';

/**
 * A numeric code as the codebook writes it: exports often write `6.0` or ` 6` for 6. Undefined for an
 * empty or missing (`.`) cell; NaN-free: a cell that is not a whole number returns `{ bad: raw }`.
 */
export function codeKey(raw: string | undefined): string | undefined | { bad: string } {
  if (raw === undefined) return undefined;
  const t = raw.trim();
  if (t === '' || t === '.') return undefined;
  const n = Number(t);
  if (!Number.isFinite(n) || !Number.isInteger(n)) return { bad: t };
  return String(n);
}
