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
  'question.history.priors.acca_predicate':
    'whether it is a "violent felony" under the Armed Career Criminal Act (18 U.S.C. 924(e)(2)(B))',
  'question.history.priors.occasion':
    'whether it was committed in the same criminal episode as another prior (one occasion, Wooden v. United States)',
  'question.history.priors.offense_class':
    "its class under the state's law (e.g. Class H felony, Class 1 misdemeanor)",
  'question.person.citizenship': 'Is the person a U.S. citizen? If not, the immigration consequences apply.',
  'question.conduct.compensation': 'Was the person paid, and how (money, drugs, a share of the profits)?',
  'question.conduct.drugs.grams':
    'How much of each drug did the person have (for LSD, the weight with its carrier)?',
  'question.cooperation.motion_3553e':
    'Will the government move under 18 U.S.C. 3553(e) for substantial assistance (the only way below the minimum besides the safety valve)?',
  'question.cooperation.motion_5k1_1':
    'Will the government move under USSG 5K1.1 for substantial assistance (a departure below the guideline range)?',
  'question.adjustments.obstruction': 'Will the court find obstruction of justice (USSG 3C1.1)?',
  'question.adjustments.mitigating_role':
    'Will the court find a mitigating role (USSG 3B1.2: minimal, minor, or between)?',
  'question.cooperation.acceptance_government_motion':
    'Did the government move for the third acceptance level (a timely guilty plea)?',
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
