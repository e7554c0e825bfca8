import { z } from 'zod';
import { isIsoDate } from '../model/dates.ts';

const isoDate = z.string().refine(isIsoDate, 'must be a real calendar date written YYYY-MM-DD');
export const confidence = z.enum(['high', 'medium', 'low']);
export type Confidence = z.infer<typeof confidence>;

/** Which date decides whether a later (usually more lenient) value reaches a case whose offense came first. */
export const reach = z.strictObject({
  applies_to: z.enum(['sentenced_on_or_after', 'convicted_on_or_after']),
  cite: z.string().min(1),
});

export const lawValue = z.strictObject({
  from: isoDate,
  to: isoDate.optional(),
  /** Any JSON value. `null` means the value is not verified: rules report it, never fill it in. */
  value: z.unknown(),
  cite: z.strictObject({ law: z.string().min(1), sources: z.array(z.string().min(1)).min(1) }),
  confidence,
  note: z.string().optional(),
  reach: reach.optional(),
});
export type LawValue = z.infer<typeof lawValue>;

export const parameter = z.strictObject({
  title: z.string().min(1),
  unit: z.string().optional(),
  values: z.array(lawValue).min(1),
  verified_on: isoDate.optional(),
});
export type Parameter = z.infer<typeof parameter>;

export const lawFile = z.strictObject({
  unit: z.string().min(1),
  title: z.string().min(1),
  parameters: z.record(
    z.string().regex(/^[a-z][a-z0-9_]*(\.[A-Za-z0-9_]+)+$/, 'dotted lower-case id'),
    parameter,
  ),
});
export type LawFile = z.infer<typeof lawFile>;

export const sourceEntry = z.strictObject({
  title: z.string().min(1),
  kind: z.string().min(1),
  url: z.string().min(1),
  also: z.array(z.string()).optional(),
});
export const sourcesFile = z.record(z.string(), sourceEntry);
