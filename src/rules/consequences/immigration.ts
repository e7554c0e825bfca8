import type { Consequences, Exposure } from '../../model/assessment.ts';
import type { Case } from '../../model/case.ts';
import { termLabel } from '../../model/terms.ts';
import { type Charge, type Collector, marijuanaOnly, priorCount, remuneration, uniq } from './common.ts';

type Immigration = NonNullable<Consequences['immigration']>;

interface AggravatedFelony {
  aggravated_felony: boolean;
  relief_barred?: boolean;
  /** A CSA offense is a felony when its maximum term exceeds this (18 U.S.C. 3559(a); Lopez v. Gonzales). */
  felony_if_maximum_months_over: number;
}
interface Moncrieffe {
  aggravated_felony: boolean;
  reference_case_grams: number;
  /** 841(b)(4) applies "notwithstanding paragraph (1)(D)": the only tier it excepts conduct from. */
  excepts_from_tier: string;
  still_deportable_under: string;
}
interface Conspiracy {
  aggravated_felony: boolean;
  federal_conspiracy_statute: string;
}
interface Deportability {
  deportable: boolean;
  exception_max_grams: number;
  exception_personal_use_only: boolean;
  exception_single_offense: boolean;
}
interface Detention {
  mandatory_detention: boolean;
}
interface FamilyClause {
  family_benefit_lookback_years: number;
}

const NON_CITIZEN = new Set([
  'lawful_permanent_resident',
  'visa_holder',
  'refugee_or_asylee',
  'undocumented',
]);

/**
 * Immigration consequences of a drug conviction (federal law; applies in every jurisdiction), read at the evaluation date.
 * Base rule: a sale or distribution conviction is "illicit trafficking" (INA 101(a)(43)(B)). Exception (wins over the base
 * rule): Moncrieffe v. Holder for a small amount of marijuana without remuneration.
 */
export function immigration(col: Collector, charge: Charge): Immigration & Record<string, unknown> {
  const c = col.input.case;
  const citizenship = c.person?.citizenship ?? 'unknown';
  const reasons: string[] = [];
  const citations: string[] = [];

  if (citizenship === 'us_citizen') {
    col.add('consequences.immigration.not_applicable_citizen', 'info', []);
    return {
      applies: false,
      aggravated_felony: null,
      mandatory_detention: null,
      reasons: ['The person is a U.S. citizen: immigration law does not apply.'],
      citations: [],
    };
  }

  const af = col.law.maybe<AggravatedFelony>('us_fed.immigration.aggravated_felony_illicit_trafficking');
  const mon = col.law.maybe<Moncrieffe>('us_fed.immigration.moncrieffe_small_amount_sharing');
  const dep = col.law.maybe<Deportability>('us_fed.immigration.controlled_substance_deportability');
  const det = col.law.maybe<Detention>('us_fed.immigration.mandatory_detention');
  const rtb = col.law.maybe<FamilyClause>('us_fed.immigration.reason_to_believe_trafficker');
  const asy = col.law.maybe<unknown>('us_fed.immigration.asylum_withholding_bar');
  const consp = col.law.maybe<Conspiracy>('us_fed.immigration.aggravated_felony_attempt_conspiracy');

  if (!af || !dep || !det) {
    col.add('consequences.immigration.not_in_knowledge_base', 'warning', [], { date: col.date });
    return {
      applies: NON_CITIZEN.has(citizenship) ? true : null,
      aggravated_felony: null,
      mandatory_detention: null,
      reasons: ['The immigration rules are not in the knowledge base for the evaluation date.'],
      citations: [],
    };
  }

  const unknownCitizenship = !NON_CITIZEN.has(citizenship);
  if (unknownCitizenship) {
    col.add('consequences.immigration.citizenship_unknown', 'warning', [af.law], {
      question: 'Is the person a U.S. citizen? If not, the consequences below apply.',
    });
    reasons.push(
      'Citizenship is not recorded: the consequences below apply unless the person is a U.S. citizen.',
    );
  }

  let aggravated: boolean | null;
  let deportable: boolean | null;
  const exposure = col.input.exposure;
  const conspiracy = convictedOfConspiracy(c, charge, exposure, consp?.value);
  // The offense of conviction decides: a conspiracy carries the network quantity, not the person's own share.
  const grams = convictionGrams(c, conspiracy);
  const felony = federalFelony(exposure, af.value);
  const paid = remuneration(c);

  if (charge === 'distribution') {
    // 841(b)(4) only excepts conduct otherwise in 841(b)(1)(D); a federal conviction of a higher tier is outside it.
    const tier = exposure?.statutory.tier;
    const smallMarijuanaSharing =
      marijuanaOnly(c) && paid === 'none' && (!tier || tier === mon?.value.excepts_from_tier);
    if (smallMarijuanaSharing && mon) {
      citations.push(mon.law);
      if (grams !== null && grams <= mon.value.reference_case_grams) {
        aggravated = mon.value.aggravated_felony;
        col.add('consequences.immigration.moncrieffe_small_marijuana', 'info', [mon.law], {
          grams,
          reference_case_grams: mon.value.reference_case_grams,
        });
        reasons.push(
          `Sharing a small amount of marijuana without remuneration is not "illicit trafficking" (${mon.law}); it is still a controlled-substance offense.`,
        );
      } else {
        aggravated = null;
        col.add('consequences.immigration.small_amount_undetermined', 'warning', [mon.law, af.law], {
          grams,
          reference_case_grams: mon.value.reference_case_grams,
          question:
            'Does the record of conviction establish remuneration or more than a small amount of marijuana?',
        });
        reasons.push(
          `Marijuana shared without remuneration: whether the amount is a "small amount" under ${mon.law} decides whether this is an aggravated felony.`,
        );
      }
    } else {
      aggravated = af.value.aggravated_felony;
      citations.push(af.law);
      col.add('consequences.immigration.aggravated_felony', 'critical', [af.law], {
        maximum_months: exposure?.statutory.maximum_months ?? null,
      });
      reasons.push(
        felony
          ? `A conviction punishable as a felony under the Controlled Substances Act (maximum ${maxLabel(exposure)}) is "illicit trafficking in a controlled substance", an aggravated felony (${af.law}): deportable and barred from most discretionary relief.`
          : `A sale or distribution conviction is "illicit trafficking in a controlled substance", an aggravated felony (${af.law}): deportable and barred from most discretionary relief.`,
      );
    }
    deportable = dep.value.deportable;
  } else if (felony) {
    // A federal possession offense the CSA punishes as a felony (a recidivist row with an 851 information, or the
    // pre-2010 crack clause) is itself a "felony punishable under the CSA" (Lopez; Carachuri-Rosendo).
    aggravated = af.value.aggravated_felony;
    citations.push(af.law);
    col.add('consequences.immigration.felony_possession', 'critical', [af.law], {
      maximum_months: exposure?.statutory.maximum_months ?? null,
    });
    reasons.push(
      `This possession offense is punishable as a felony under the Controlled Substances Act (maximum ${maxLabel(exposure)}): a "drug trafficking crime" and so an aggravated felony (${af.law}).`,
    );
    deportable = dep.value.deportable;
  } else {
    // Possession: not illicit trafficking, unless it is a federal felony (recidivist possession), which the KB does not settle.
    const priors =
      felony === false ? 0 : priorCount(c, 'drug_possession') + priorCount(c, 'drug_distribution');
    aggravated = priors > 0 ? null : false;
    citations.push(af.law);
    if (priors > 0)
      col.add('consequences.immigration.recidivist_possession_undetermined', 'warning', [af.law], {
        priors,
        question:
          'Would the possession offense be punishable as a felony under the federal Controlled Substances Act?',
      });
    reasons.push(
      priors > 0
        ? `Possession with prior drug convictions may be a "drug trafficking crime" and so an aggravated felony (${af.law}); not settled here.`
        : `Possession for personal use is not "illicit trafficking" (${af.law}).`,
    );
    const exception =
      marijuanaOnly(c) &&
      priors === 0 &&
      grams !== null &&
      grams <= dep.value.exception_max_grams &&
      c.conduct.drugs.every((d) => d.basis === 'possessed');
    deportable = exception ? false : dep.value.deportable;
    if (exception)
      col.add('consequences.immigration.marijuana_personal_use_exception', 'info', [dep.law], {
        grams,
        exception_max_grams: dep.value.exception_max_grams,
      });
  }

  if (aggravated && conspiracy && consp) {
    citations.push(consp.law);
    col.add('consequences.immigration.conspiracy_aggravated_felony', 'critical', [consp.law]);
    reasons.push(
      `A conspiracy to commit an aggravated felony is itself an aggravated felony (${consp.law}).`,
    );
  }

  citations.push(dep.law);
  if (deportable) {
    col.add('consequences.immigration.deportable', 'critical', [dep.law]);
    reasons.push(
      `Any controlled-substance conviction after admission makes a noncitizen deportable (${dep.law}).`,
    );
  } else {
    reasons.push(
      `A single offense of possessing a small amount of marijuana for one's own use is excepted from deportability (${dep.law}).`,
    );
  }

  let detention: boolean | null;
  if (deportable) {
    detention = det.value.mandatory_detention;
    citations.push(det.law);
    col.add('consequences.immigration.mandatory_detention', 'critical', [det.law]);
    reasons.push(
      `Deportable on a drug ground means mandatory detention on release from criminal custody (${det.law}).`,
    );
  } else {
    detention = null;
    col.add('consequences.immigration.detention_undetermined', 'warning', [det.law], {
      question:
        'Is the person inadmissible under INA 212(a)(2) (e.g. seeking admission or returning from travel)?',
    });
    reasons.push(
      `Mandatory detention also reaches people inadmissible under INA 212(a)(2), which this case does not settle (${det.law}).`,
    );
  }

  if (aggravated && asy) {
    citations.push(asy.law);
    col.add('consequences.immigration.asylum_bar', 'warning', [asy.law]);
    reasons.push(
      `A drug-trafficking aggravated felony bars asylum and presumptively bars withholding of removal (${asy.law}).`,
    );
  }
  if (charge === 'distribution' && rtb) {
    citations.push(rtb.law);
    col.add('consequences.immigration.reason_to_believe', 'warning', [rtb.law], {
      family_benefit_lookback_years: rtb.value.family_benefit_lookback_years,
    });
    reasons.push(
      `Before admission, "reason to believe" the person is a trafficker makes them inadmissible without any conviction, and reaches a spouse or child who benefited (${rtb.law}).`,
    );
  }

  return {
    // Unknown citizenship: whether immigration law applies is itself undetermined (see the finding).
    applies: unknownCitizenship ? null : true,
    aggravated_felony: aggravated,
    mandatory_detention: detention,
    deportable,
    citizenship,
    reasons,
    citations: uniq(citations),
  };
}

/**
 * Whether the offense of conviction is a conspiracy: for a federal case the engine's statute says so (the charge may
 * be the person's own conduct under a screen); elsewhere a distribution charge carrying an attributed quantity.
 */
function convictedOfConspiracy(
  c: Case,
  charge: Charge,
  exposure: Exposure | null,
  consp: Conspiracy | undefined,
): boolean {
  if (charge !== 'distribution') return false;
  if (exposure?.statutory.maximum_months != null && consp)
    return exposure.statutory.citations.includes(consp.federal_conspiracy_statute);
  return c.conduct.drugs.some((d) => d.basis === 'attributed');
}

/** Grams the offense of conviction carries (a conspiracy's include the attributed quantity); null when one is unknown. */
function convictionGrams(c: Case, conspiracy: boolean): number | null {
  // A charge with no drug of the person's own carries the attributed entries (as the federal charge rule does).
  const withAttributed = conspiracy || c.conduct.drugs.every((d) => d.basis === 'attributed');
  let total = 0;
  for (const d of c.conduct.drugs) {
    if (d.basis === 'attributed' && !withAttributed) continue;
    if (d.grams === undefined) return null;
    total += d.grams;
  }
  return total;
}

/** Whether the federal statute of conviction is a felony (maximum over one year); null without a federal maximum. */
function federalFelony(exposure: Exposure | null, af: AggravatedFelony): boolean | null {
  const max = exposure?.statutory.maximum_months;
  if (max === null || max === undefined) return null;
  return max === 'life' || max > af.felony_if_maximum_months_over;
}

const maxLabel = (e: Exposure | null): string => {
  const max = e?.statutory.maximum_months;
  return max === null || max === undefined ? 'unknown' : termLabel(max);
};
