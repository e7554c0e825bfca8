import { z } from 'zod';
import { isIsoDate } from '../model/dates.ts';
import { MISSING } from './codes.ts';
import { COLUMNS, type Column } from './dictionary.ts';

/**
 * The stored (normalised) case record as a zod schema, generated from the data dictionary: one row per
 * person per case. Every coded field is a code or a labelled missingness code, with the source's raw
 * value beside it; numbers and dates are null with a missingness code. Use it to validate records read
 * back from storage or a release, and for the JSON Schema (`z.toJSONSchema(recordSchema)`).
 */
function columnSchema(c: Column): z.ZodType {
  if (c.role === 'raw') return z.string().nullable();
  if (c.role === 'missing') return z.enum(MISSING).nullable();
  const d = c.field;
  const allowed = [...MISSING, ...(d.codes?.codes.map((x) => x.code) ?? [])] as [string, ...string[]];
  switch (d.type) {
    case 'string':
      return d.required ? z.string().min(1) : z.string().nullable();
    case 'boolean':
      return z.boolean().nullable();
    case 'integer':
      return z.number().int().nullable();
    case 'number':
      return z.number().nullable();
    case 'date':
      return z.string().refine(isIsoDate, 'must be YYYY-MM-DD').nullable();
    case 'code':
      return z.enum(allowed);
    case 'codes':
      return z
        .string()
        .refine(
          (s) => s.split(';').every((p) => allowed.includes(p)),
          `codes of ${d.codes?.id} separated by ";"`,
        );
  }
}

export const recordSchema = z.strictObject(Object.fromEntries(COLUMNS.map((c) => [c.name, columnSchema(c)])));
export type CaseRecord = z.infer<typeof recordSchema>;
