import type { Bound, BoundedNumber } from '../engine/answer.ts';
import type { Question } from '../model/assessment.ts';
import type { Term } from '../model/terms.ts';
import { range, term } from './format.ts';
import { fieldLabel } from './labels.ts';

/** The question each code asks, in words a person can answer. */
const QUESTIONS: Record<string, string> = {
  'question.cooperation.truthful_disclosure':
    'Did the person tell the government everything they know about the offense (a safety-valve proffer)?',
  'question.history.priors': 'The prior convictions themselves (not only a points total).',
  'question.conduct.weapon': 'Was the firearm possessed in connection with the offense?',
  'question.history.priors.max_term_months': 'the maximum term the law allowed for it',
  'question.history.priors.served_months': 'how many months were served',
  'question.history.priors.release_date': 'the release date',
  'question.history.priors.sentence_months': 'the sentence imposed',
  'question.history.priors.felony': 'whether it was a felony',
  'question.person.citizenship': 'Is the person a U.S. citizen? If not, the immigration consequences apply.',
  'question.conduct.compensation': 'Was the person paid, and how (money, drugs, a share of the profits)?',
  'question.conduct.drugs.grams': 'How much of each drug did the person have?',
  'question.person.uses_drugs': 'Does the person use drugs themselves?',
  'question.cooperation.accepted_responsibility':
    'Did the person accept responsibility (for example, plead guilty in time)?',
  'question.history.under_sentence_at_offense':
    'Was the person on probation, parole or another criminal sentence at the time?',
};

/** A question in words; a prior's fact names the prior ("Prior conviction 2: the release date."). */
export function questionText(q: Question): string {
  const text = QUESTIONS[q.code] ?? fieldLabel(q.path);
  const prior = /^history\.priors\.(\d+)\./.exec(q.path);
  return prior ? `Prior conviction ${Number(prior[1]) + 1}: ${text}.` : text;
}

export function hasQuestionText(code: string): boolean {
  return code in QUESTIONS;
}

const NUMBER_NAMES: Record<BoundedNumber, string> = {
  mandatory_minimum: 'Mandatory minimum',
  statutory_range: 'Statutory range',
  guideline_range: 'Guideline range',
};
const value = (v: Term | [Term, Term]) => (Array.isArray(v) ? range(v) : term(v));

/** "Statutory range: 15 years to life at worst; 10 years to life at best." */
export function boundText(b: Bound): string {
  return `${NUMBER_NAMES[b.number]}: ${value(b.worst)} at worst; ${value(b.best)} at best.`;
}

/** The questions that settle a bound, in words, a prior's facts under one heading per prior. */
export function boundQuestions(b: Bound): string[] {
  return b.questions.map(questionText);
}
