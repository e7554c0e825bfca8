import { LawBook } from '../../src/law/book.ts';
import { defaultLawBook } from '../../src/law/loader.ts';
import { CaseLaw } from '../../src/law/reader.ts';
import type { Parameter } from '../../src/law/schema.ts';
import type { Exposure, RoleResult } from '../../src/model/assessment.ts';
import { type Case, parseCase } from '../../src/model/case.ts';
import type { RawFinding } from '../../src/model/finding.ts';
import type { Term } from '../../src/model/terms.ts';
import type { RuleInput, RuleInputWithResults } from '../../src/rules/context.ts';
import { reviewIndicia } from '../../src/rules/indicia/review.ts';
import { classifyRole } from '../../src/rules/role/classify.ts';
import { roleExposureMismatch } from '../../src/rules/role/mismatch.ts';
import { applyScreen } from '../../src/rules/screen/screen.ts';

export const EVALUATION = '2026-11-27';
export const law = defaultLawBook();

type Json = Record<string, unknown>;

/** Builds a contract-valid case: the overrides are merged over a minimal case and validated by parseCase. */
export function makeCase(overrides: { conduct?: Json; [k: string]: unknown }): Case {
  const { conduct, ...rest } = overrides;
  const raw = {
    jurisdiction: 'US-FED',
    offense_date: '2019-06-01',
    ...rest,
    conduct: {
      activities: ['possessed'],
      drugs: [{ substance: 'heroin', grams: 1, basis: 'possessed' }],
      ...(conduct ?? {}),
    },
  };
  const parsed = parseCase(raw);
  if (!parsed.ok) throw new Error(`test case is not contract-valid: ${JSON.stringify(parsed.problems)}`);
  return parsed.case;
}

export function inputOf(c: Case, book: LawBook = law): RuleInput {
  const sentencing = c.sentencing_date ?? c.offense_date;
  const dates = {
    offense: c.offense_date,
    conviction: c.conviction_date ?? sentencing,
    sentencing,
    evaluation: EVALUATION,
  };
  return { case: c, law: new CaseLaw(book, dates), dates };
}

/** A minimal exposure carrying the mandatory minimum the mismatch rule reads. */
export function exposureWith(minimum: Term): Exposure {
  return {
    statutory: { minimum_months: minimum, maximum_months: 'life', citations: ['21 U.S.C. 841(b)(1)(A)'] },
    firearms: { consecutive_minimum_months: 0, citations: [] },
    safety_valve: { eligible: false, reasons: [], citations: [] },
    mandatory_minimum_months: minimum,
    guidelines: null,
  };
}

/** Runs role, indicia and screen as the engine would, and returns everything with all findings. */
export function runAll(c: Case, opts: { book?: LawBook; exposure?: Exposure | null } = {}) {
  const input = inputOf(c, opts.book);
  const role = classifyRole(input);
  const review = reviewIndicia(input);
  const withResults: RuleInputWithResults = {
    ...input,
    role: role.role as RoleResult,
    exposure: opts.exposure ?? null,
  };
  const mismatch = roleExposureMismatch(withResults);
  const screen = applyScreen(withResults, review);
  const findings: RawFinding[] = [
    ...role.findings,
    ...review.findings,
    ...mismatch,
    ...screen.findings,
    ...input.law.findings,
  ];
  return { role, review, mismatch, screen, findings, codes: findings.map((f) => f.code) };
}

/** A law book with some parameters' values replaced (what an office editing its copy of a policy file does). */
export function patchedBook(changes: Record<string, unknown>, book: LawBook = law): LawBook {
  const params = new Map<string, Parameter>(book.params);
  for (const [id, value] of Object.entries(changes)) {
    const p = params.get(id);
    if (!p) throw new Error(`unknown parameter ${id}`);
    params.set(id, { ...p, values: p.values.map((v) => ({ ...v, value })) });
  }
  return new LawBook(params, book.sources, `${book.hash}+patch`);
}

export function value<T>(id: string): T {
  return law.at(EVALUATION).get<T>(id).value;
}

/** The report's cases and the edge cases, reused by every test file and by the message-catalog test. */
export const CASES = {
  possessionOnly: () =>
    makeCase({
      conduct: { activities: ['possessed'], drugs: [{ substance: 'heroin', grams: 2, basis: 'possessed' }] },
    }),
  livedAtPremises: () =>
    makeCase({
      conduct: {
        activities: ['lived_at_premises'],
        drugs: [{ substance: 'cocaine', grams: 40, basis: 'possessed' }],
      },
    }),
  organizerNeverTouched: () =>
    makeCase({
      conduct: {
        activities: ['organized'],
        drugs: [{ substance: 'cocaine', grams: 50_000, basis: 'attributed' }],
        profit_share: true,
        people_supervised: 6,
        compensation: 'major_profit',
      },
      evidence: { indicia: ['phone_records', 'ledger', 'co_defendant_testimony'] },
    }),
  courier2kg: () =>
    makeCase({
      conduct: {
        activities: ['transported_vehicle'],
        drugs: [
          { substance: 'cocaine', grams: 2000, basis: 'transacted' },
          { substance: 'cocaine', grams: 50_000, basis: 'attributed' },
        ],
        compensation: 'profit',
      },
      evidence: { indicia: ['quantity', 'observed_sale'] },
      person: { citizenship: 'lawful_permanent_resident' },
    }),
  lookout1000kg: () =>
    makeCase({
      conduct: {
        activities: ['lookout'],
        drugs: [{ substance: 'marijuana', grams: 1_000_000, basis: 'attributed' }],
      },
      evidence: { indicia: ['co_defendant_testimony', 'informant_statement'] },
      person: { citizenship: 'us_citizen' },
    }),
  sharingWithFriend: () =>
    makeCase({
      conduct: {
        activities: ['shared_free'],
        drugs: [{ substance: 'heroin', grams: 0.1, basis: 'transacted' }],
        compensation: 'none',
      },
      person: { citizenship: 'us_citizen', uses_drugs: true },
    }),
  subsistenceSellerWithSud: () =>
    makeCase({
      conduct: {
        activities: ['sold_retail'],
        drugs: [{ substance: 'heroin', grams: 2, basis: 'transacted' }],
        compensation: 'subsistence',
      },
      person: { uses_drugs: true, substance_use_disorder: true, citizenship: 'us_citizen' },
      evidence: { indicia: ['observed_sale', 'separate_packaging'] },
    }),
  aronTuff: () =>
    makeCase({
      id: 'tuff-1995',
      jurisdiction: 'US-GA',
      offense_date: '1994-08-20',
      sentencing_date: '1995-03-01',
      person: { citizenship: 'us_citizen', race: 'black', gender: 'male', birth_year: 1956 },
      conduct: {
        activities: ['possessed'],
        drugs: [{ substance: 'cocaine', grams: 0.3, basis: 'possessed' }],
      },
      evidence: { indicia: ['hand_motions', 'cash'], cash_usd: 90 },
      history: {
        priors: [
          { date: '1985-03-01', kind: 'drug_possession', felony: true },
          { date: '1987-06-01', kind: 'drug_possession', felony: true },
          { date: '1989-09-01', kind: 'drug_possession', felony: true },
          { date: '1991-11-01', kind: 'drug_possession', felony: true },
        ],
      },
    }),
  highLevelSeller: () =>
    makeCase({
      conduct: {
        activities: ['sold_wholesale'],
        drugs: [{ substance: 'cocaine', grams: 1500, basis: 'transacted' }],
        compensation: 'major_profit',
      },
      evidence: { indicia: ['controlled_buy', 'ledger'] },
      person: { citizenship: 'us_citizen' },
    }),
  familyMember: () =>
    makeCase({
      conduct: {
        activities: ['lived_at_premises', 'took_messages'],
        drugs: [{ substance: 'cocaine', grams: 500, basis: 'attributed' }],
      },
      evidence: { indicia: ['constructive_possession'] },
      person: { citizenship: 'us_citizen' },
    }),
  sharedAndDied: () =>
    makeCase({
      conduct: {
        activities: ['shared_free'],
        drugs: [{ substance: 'heroin', grams: 0.1, basis: 'transacted' }],
        compensation: 'drugs_only',
        death_resulted: true,
      },
      person: { citizenship: 'us_citizen', uses_drugs: true },
    }),
  leadEligibleUser: () =>
    makeCase({
      conduct: { activities: ['possessed'], drugs: [{ substance: 'heroin', grams: 1, basis: 'possessed' }] },
      person: { citizenship: 'us_citizen', uses_drugs: true },
    }),
  arizonaHeroin: () =>
    makeCase({
      jurisdiction: 'US-AZ',
      offense_date: '2018-05-01',
      conduct: {
        activities: ['possessed'],
        drugs: [{ substance: 'heroin', grams: 1.5, basis: 'possessed' }],
      },
      evidence: { indicia: ['quantity', 'scale'] },
    }),
};
