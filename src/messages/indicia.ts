import type { Strength } from '../model/assessment.ts';
import { INDICIA } from '../model/case.ts';
import { formatAmount } from '../rules/format.ts';
import type { Template } from './catalog.ts';
import { num } from './format.ts';

const NAME: Record<(typeof INDICIA)[number], string> = {
  quantity: 'the quantity',
  separate_packaging: 'separate packaging',
  scale: 'a scale',
  cash: 'cash',
  firearm: 'a firearm',
  ledger: 'a ledger',
  phone_records: 'phone records',
  hand_motions: '"hand motions"',
  observed_sale: 'an observed sale',
  controlled_buy: 'a controlled buy',
  informant_statement: "an informant's statement",
  co_defendant_testimony: "a co-defendant's testimony",
  constructive_possession: 'constructive possession',
  joint_possession: 'joint possession',
  empty_prescription_bottle: 'an empty prescription bottle',
  admission: 'an admission',
};
const STRENGTHS: Strength[] = ['weak', 'moderate', 'strong'];

function detail(i: string, v: Record<string, unknown>): string {
  if (i === 'cash' && typeof v.cash_usd === 'number') return ` (${num(v.cash_usd)} USD)`;
  if (i === 'quantity' && v.within_personal_use === true) return ' (within a realistic personal-use amount)';
  if (i === 'quantity' && v.within_personal_use === false) return ' (above a realistic personal-use amount)';
  return '';
}

const verdictMessages = Object.fromEntries(
  INDICIA.flatMap((i) =>
    STRENGTHS.map((s): [string, Template] => [
      `indicia.${s}.${i}`,
      (v) => `As evidence of sale, ${NAME[i]}${detail(i, v)} is ${s}.`,
    ]),
  ),
);

const n = (v: unknown) => (v === null || v === undefined ? 'unknown' : String(v));
/** A quantity the rules hand over as data ({ grams, units }); rendered only when prose is asked for. */
const q = (v: unknown) => (v !== null && typeof v === 'object' ? formatAmount(v) : n(v));

export const indiciaMessages: Record<string, Template> = {
  ...verdictMessages,
  'indicia.personal_use.within': (v) =>
    `${q(v.amount)} of ${n(v.substance)} is within a realistic personal-use amount (${q(v.personal_use_amount)}).`,
  'indicia.personal_use.above': (v) =>
    `${q(v.amount)} of ${n(v.substance)} is above a realistic personal-use amount (${q(v.personal_use_amount)}), ${n(v.multiple)} times it; quantity alone still does not show a sale.`,
  'indicia.personal_use.unknown': (v) =>
    `No cited personal-use amount for ${n(v.substance)} can be compared with ${q(v.amount)}; the knowledge base does not say what a personal-use amount is here.`,
  'indicia.presumption_of_sale.reached': (v) =>
    `${q(v.amount)} of ${n(v.substance)} reaches ${n(v.jurisdiction)}'s presumption-of-sale threshold of ${q(v.threshold)}${v.within_personal_use === true ? ', although it is within a realistic personal-use amount' : ''}.`,
  'indicia.presumption_of_sale.not_reached': (v) =>
    `${q(v.amount)} of ${n(v.substance)} is below ${n(v.jurisdiction)}'s presumption-of-sale threshold of ${q(v.threshold)}.`,
  'indicia.presumption_of_sale.not_comparable': (v) =>
    `${n(v.jurisdiction)}'s presumption-of-sale threshold for ${n(v.substance)} (${q(v.threshold)}) is in a measure the case does not give (${q(v.amount)}).`,
  'indicia.presumption_of_sale.not_known_for_date': (v) =>
    `${n(v.jurisdiction)}'s presumption-of-sale threshold for ${n(v.substance)} is not in the knowledge base for ${n(v.date)}.`,
  'indicia.presumption_of_sale.not_in_knowledge_base': (v) =>
    `Presumption-of-sale thresholds for ${n(v.jurisdiction)}: not in the knowledge base.`,
  'indicia.ignored.attributed_quantity': (v) =>
    `The attributed network quantity of ${q(v.amount)} of ${n(v.substance)} was not weighed as the person's own quantity.`,
  'indicia.none_relied_on': () => 'The case lists no indicia of sale.',
  'indicia.conduct_shows_sale': (v) =>
    `What the person did, as the case states it, shows selling without any inference from indicia: ${n(v.activities)}.`,
  'indicia.conclusion.clear_evidence_of_sale': (v) =>
    `There is clear, objective evidence of selling: ${v.from_conduct ? `the conduct stated (${n(v.from_conduct)}); ` : ''}indicia ${n(v.strong)} strong, ${n(v.moderate)} moderate, ${n(v.weak)} weak. Whether it was selling for financial gain is the screen's question (compensation, profit share).`,
  'indicia.conclusion.treat_as_possession': (v) =>
    `Neither the indicia (${n(v.strong)} strong, ${n(v.moderate)} moderate, ${n(v.weak)} weak) nor the conduct stated is clear, objective evidence of selling: treat the case as possession for personal use.`,
};
