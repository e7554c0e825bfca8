import { z } from 'zod';
import { reformSchema } from '../law/reform.ts';
import { assessmentSchema, comparisonSchema } from '../model/assessment-schema.ts';
import { caseSchema } from '../model/case.ts';
import { isIsoDate } from '../model/dates.ts';

/**
 * API-level schemas: request envelopes and responses. The case, assessment, comparison and reform
 * schemas are the library's own; here they get the names under which the OpenAPI document lists them
 * (components.schemas), so a generated client has a named, typed Case, Assessment, Comparison, Reform
 * and Problem. `.meta({ id })` names a copy: the library's schemas (and `proportion schema`) are untouched.
 */
export const isoDate = z.string().refine(isIsoDate, 'must be a real calendar date written YYYY-MM-DD');

export const CaseSchema = caseSchema.meta({ id: 'Case', description: 'a case (contract v1)' });
export const AssessmentSchema = assessmentSchema.meta({ id: 'Assessment' });
export const ComparisonSchema = comparisonSchema
  .extend({ assessments: z.array(AssessmentSchema) })
  .meta({ id: 'Comparison' });
export const ReformSchema = reformSchema.meta({
  id: 'Reform',
  description: 'a reform: a validated patch over the law parameters',
});

export const problemSchema = z
  .object({
    path: z.string().describe('dotted path of the field, e.g. conduct.drugs.0.grams, or (body), (query)'),
    message: z.string(),
  })
  .meta({ id: 'Problem' });
export const errorSchema = z
  .object({ error: z.string(), problems: z.array(problemSchema) })
  .meta({ id: 'Error', description: 'every error: a message and the problems, each naming its field' });

export const assessQuerySchema = z.object({
  as_of: isoDate
    .optional()
    .describe('a hypothetical: the same conduct committed and sentenced on this date (YYYY-MM-DD)'),
  explain: z
    .enum(['text', 'none'])
    .optional()
    .describe(
      'text (the default): every finding with its rendered message, the full assessment contract; none: findings keep their codes, values and citations but their message is empty (faster; not the full contract)',
    ),
});

export const compareRequestSchema = z
  .strictObject({
    case: CaseSchema,
    scenarios: z
      .array(z.string().min(1))
      .max(12)
      .optional()
      .describe(
        'scenario ids: law_at_sentencing, law_today, or catalog reform ids (default: law_at_sentencing, law_today, dpa-2019)',
      ),
    reform: ReformSchema.optional().describe('an uploaded reform, compared after the named scenarios'),
  })
  .meta({ id: 'CompareRequest' });

export const reformSummarySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    status: z.string(),
    summary: z.string(),
    citation: z.string(),
    effective: z.string().nullable(),
    retroactive: z.boolean(),
    never_harsher: z.boolean(),
    url: z.string(),
  })
  .meta({ id: 'ReformSummary' });
export const reformListSchema = z
  .object({
    built_in: z.array(z.object({ id: z.string(), title: z.string() })),
    reforms: z.array(reformSummarySchema),
  })
  .meta({ id: 'ReformList' });

const sourceRef = z.object({ id: z.string(), title: z.string(), url: z.string() });
const historyEntry = z.object({
  from: z.string(),
  to: z.string().nullable(),
  value: z.unknown(),
  law: z.string(),
  sources: z.array(sourceRef),
  confidence: z.string(),
  note: z.string().nullable(),
  reach: z.object({ applies_to: z.string(), cite: z.string() }).nullable(),
});
export const lawQuerySchema = z.object({
  jurisdiction: z
    .string()
    .optional()
    .describe('US-FED (default), US-XX for a state, or DPA-2019 for the report'),
  date: isoDate.optional().describe('the date the law is read for (default: today)'),
  parameter: z.string().optional().describe('only parameters whose id starts with this'),
});
export const lawResponseSchema = z
  .object({
    jurisdiction: z.string(),
    date: z.string(),
    law_data: z.string(),
    jurisdictions: z.array(z.object({ code: z.string(), parameters: z.number() })),
    parameters: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        unit: z.string().nullable(),
        in_force: historyEntry.nullable(),
        history: z.array(historyEntry),
      }),
    ),
  })
  .meta({ id: 'LawResponse' });

export const jobSchema = z
  .object({
    id: z.string(),
    state: z.enum(['queued', 'running', 'succeeded', 'failed']),
    created: z.string(),
    started: z.string().nullable(),
    finished: z.string().nullable(),
    scenarios: z.array(z.string()),
    format: z.enum(['csv', 'jsonl']),
    input_bytes: z.number(),
    progress: z.object({
      records_total: z.number(),
      records_done: z
        .number()
        .nullable()
        .describe('records whose results are written so far, in input order; null before the first batch'),
      elapsed_seconds: z.number(),
    }),
    error: z.string().nullable(),
    summary: z.unknown(),
    files: z.array(z.object({ name: z.string(), url: z.string() })),
    url: z.string(),
  })
  .meta({ id: 'Job' });
export const batchJsonSchema = z.strictObject({
  cases: z
    .array(z.unknown())
    .min(1)
    .describe('cases (contract v1); each is validated in the run, rejects are listed'),
  scenarios: z.array(z.string()).optional(),
});

export const releaseSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    created: z.string().nullable(),
    synthetic: z.boolean(),
    resources: z.array(z.object({ name: z.string(), title: z.string().nullable(), url: z.string() })),
    charts: z.array(z.object({ name: z.string(), url: z.string() })),
    datapackage: z.string(),
  })
  .meta({ id: 'Release' });
export const releaseListSchema = z
  .object({
    status: z.string(),
    message: z.string().nullable(),
    releases: z.array(releaseSchema),
  })
  .meta({ id: 'ReleaseList' });

export const healthSchema = z
  .object({
    status: z.literal('ok'),
    engine: z.string(),
    law_data: z.string(),
    release: z.string(),
    write_endpoints: z.enum(['enabled', 'disabled']),
  })
  .meta({ id: 'Health' });
