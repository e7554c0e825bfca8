import { z } from 'zod';
import { MISSING, MISSING_LABELS } from './codes.ts';
import { COLUMNS, type Column } from './dictionary.ts';

/**
 * Frictionless Data Package (v2) descriptors, zod-typed: the subset Proportion reads (an import's data
 * dictionary) and writes (a release). Proportion's own properties are prefixed "proportion:".
 */
const missingCode = z.enum(MISSING);
export const fieldSchema = z.looseObject({
  name: z.string().min(1),
  type: z.string().optional(),
  title: z.string().optional(),
  description: z.string().optional(),
  categories: z
    .array(z.union([z.string(), z.looseObject({ value: z.string(), label: z.string().optional() })]))
    .optional(),
  constraints: z.looseObject({}).optional(),
  /** source value -> Proportion code */
  'proportion:values': z.record(z.string(), z.string()).optional(),
  /** source value -> missingness code ("" for blank) */
  'proportion:missing': z.record(z.string(), missingCode).optional(),
});
export const tableSchemaSchema = z.looseObject({
  fields: z.array(fieldSchema).min(1),
  missingValues: z.array(z.string()).optional(),
  primaryKey: z.union([z.string(), z.array(z.string())]).optional(),
});
export const resourceSchema = z.looseObject({
  name: z.string().regex(/^[a-z0-9._-]+$/, 'lower case, digits, . _ - only'),
  path: z.string(),
  title: z.string().optional(),
  description: z.string().optional(),
  format: z.string().optional(),
  mediatype: z.string().optional(),
  schema: tableSchemaSchema.optional(),
});
export const dataPackageSchema = z.looseObject({
  $schema: z.string().optional(),
  name: z.string().optional(),
  title: z.string().optional(),
  description: z.string().optional(),
  version: z.string().optional(),
  created: z.string().optional(),
  licenses: z.array(z.looseObject({ name: z.string().optional(), path: z.string().optional() })).optional(),
  resources: z.array(resourceSchema).min(1),
});
export type DataPackage = z.infer<typeof dataPackageSchema>;
export type Resource = z.infer<typeof resourceSchema>;
export type TableSchema = z.infer<typeof tableSchemaSchema>;
export type FieldDescriptor = z.infer<typeof fieldSchema>;

export const DATA_PACKAGE_PROFILE = 'https://datapackage.org/profiles/2.0/datapackage.json';

function frictionlessType(c: Column): string {
  if (c.role !== 'value') return 'string';
  switch (c.field.type) {
    case 'integer':
      return 'integer';
    case 'number':
      return 'number';
    case 'date':
      return 'date';
    case 'boolean':
      return 'boolean';
    default:
      return 'string';
  }
}

/** The Table Schema of the record layout (every stored column), with labelled codes. */
export function recordTableSchema(): TableSchema {
  return {
    fields: COLUMNS.map((c) => {
      const d = c.field;
      const f: FieldDescriptor = { name: c.name, type: frictionlessType(c) };
      if (c.role === 'raw') f.description = `The source's own value of ${d.name}, as received.`;
      else if (c.role === 'missing')
        f.description = `Why ${d.name} is empty: ${MISSING.map((m) => `${m} (${MISSING_LABELS[m]})`).join(', ')}.`;
      else {
        f.description = `${d.description}${c.derived ? ' (derived by Proportion)' : ''}`;
        if (d.codes && d.type === 'code')
          f.categories = [
            ...d.codes.codes.map((x) => ({ value: x.code, label: x.label })),
            ...MISSING.map((m) => ({ value: m, label: MISSING_LABELS[m] })),
          ];
        if (d.codes && d.type === 'codes')
          f.description += ` Codes, separated by ";": ${d.codes.codes.map((x) => `${x.code} (${x.label})`).join(', ')}.`;
        if (d.required) f.constraints = { required: true };
      }
      return f;
    }),
    primaryKey: 'record_id',
  };
}
