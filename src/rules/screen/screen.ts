import type { Resolved } from '../../law/book.ts';
import { LawDataError } from '../../law/errors.ts';
import type { LawView } from '../../law/reader.ts';
import type { OffenderFunction, Recommendation, ScreenResult } from '../../model/assessment.ts';
import type { Activity, Case } from '../../model/case.ts';
import { addYears } from '../../model/dates.ts';
import { dotted } from '../../model/dotted.ts';
import { finding, type RawFinding } from '../../model/finding.ts';
import type { RuleInputWithResults } from '../context.ts';
import type { reviewIndicia } from '../indicia/review.ts';
import { attributedDrugs, ownDrugs } from '../own-conduct.ts';
import { classifyRole } from '../role/classify.ts';

/**
 * The report's charging screen, applied to the case as a named, versioned policy
 * (law/policy/dpa-2019/screen.yaml, read at the evaluation date). Each rule is a small named test; whether it
 * is on, what it recommends, and the lists and amounts it tests are data. When rules recommending different
 * dispositions fire, the policy's declared outcome precedence decides; every rule that fired is reported.
 */
const P = 'policy.dpa_2019.screen';
const RECOMMENDATIONS: readonly Recommendation[] = [
  'decline',
  'divert',
  'treat_as_possession',
  'prosecute_own_conduct',
  'prosecute',
];
type Effect = Recommendation | 'advisory';

interface RuleBase {
  enabled: boolean;
  message: string;
  /** the message when the rule fires in a named situation (e.g. selling shown, but not for gain) */
  messages_when?: Record<string, string>;
  effect?: Effect;
}
interface RuleData extends RuleBase {
  functions?: OffenderFunction[];
  compensation_in?: string[];
  compensation_not_in?: string[];
  requires_substance_use_disorder?: boolean;
  effect_without_own_quantity?: Effect;
  effect_with_own_quantity?: Effect;
  peripheral_activities?: Activity[];
  citizenships_exempt?: string[];
  max_own_grams?: number;
  requires_drug_involvement?: boolean;
  excluded_violence?: string[];
  excluded_weapons?: string[];
  excludes_minors?: boolean;
  excluded_prior_kinds?: string[];
  prior_lookback_years?: number;
}

type Review = ReturnType<typeof reviewIndicia>;
interface Facts {
  c: Case;
  fn: OffenderFunction;
  review: Review;
  extensiveGain: boolean | null;
  hasOwn: boolean;
  hasAttributed: boolean;
  dates: RuleInputWithResults['dates'];
}
/** A rule's test: the effect and values when it fires, undefined when it does not. */
type Outcome = { effect: Effect; values?: Record<string, unknown> } | undefined;
type Test = (r: RuleData, f: Facts, extra: RawFinding[], cite: string) => Outcome;

const inList = (list: readonly string[] | undefined, v: string | undefined) =>
  list === undefined || (v !== undefined && list.includes(v));
const notInList = (list: readonly string[] | undefined, v: string | undefined) =>
  list === undefined || v === undefined || !list.includes(v);
const fire = (r: RuleData, values?: Record<string, unknown>): Outcome =>
  r.effect ? { effect: r.effect, values } : undefined;

/** The rules, in the order the report gives them. Adding a new kind of rule is code; switching one is data. */
const RULES: [name: string, test: Test][] = [
  ['decline.shared_free', (r, f) => (inList(r.functions, f.fn) ? fire(r, { function: f.fn }) : undefined)],
  [
    'decline.subsistence_selling',
    (r, f) => {
      const comp = f.c.conduct.compensation;
      return comp !== undefined && inList(r.functions, f.fn) && inList(r.compensation_in, comp)
        ? fire(r, { function: f.fn, compensation: comp })
        : undefined;
    },
  ],
  [
    'decline.own_use_struggle',
    (r, f) => {
      if (r.requires_substance_use_disorder && f.c.person?.substance_use_disorder !== true) return undefined;
      if (!inList(r.functions, f.fn) || !notInList(r.compensation_not_in, f.c.conduct.compensation))
        return undefined;
      return fire(r, { function: f.fn });
    },
  ],
  ['decline.drug_induced_homicide', (r, f) => (f.c.conduct.death_resulted === true ? fire(r) : undefined)],
  [
    'decline.conspiracy_low_level',
    (r, f) => {
      if (!f.hasAttributed || !inList(r.functions, f.fn)) return undefined;
      const effect = f.hasOwn ? r.effect_with_own_quantity : r.effect_without_own_quantity;
      return effect ? { effect, values: { function: f.fn, own_quantity: f.hasOwn } } : undefined;
    },
  ],
  [
    'decline.family_peripheral',
    (r, f) => {
      const acts = f.c.conduct.activities;
      return r.peripheral_activities && acts.every((a) => r.peripheral_activities?.includes(a))
        ? fire(r, { activities: acts.join(', ') })
        : undefined;
    },
  ],
  [
    'divert.lead',
    (r, f, extra, cite) => {
      const c = f.c;
      const own = ownDrugs(c);
      if (own.some((d) => d.grams === undefined)) {
        extra.push(
          finding('screen.divert.lead_undetermined', 'info', [cite], { missing: 'conduct.drugs.grams' }),
        );
        return undefined;
      }
      const grams = own.reduce((s, d) => s + (d.grams ?? 0), 0);
      if (r.max_own_grams !== undefined && grams > r.max_own_grams) return undefined;
      const comp = c.conduct.compensation;
      if (comp !== undefined && !inList(r.compensation_in, comp)) return undefined;
      if (r.excluded_violence?.includes(c.conduct.violence ?? 'none')) return undefined;
      if (r.excluded_weapons?.includes(c.conduct.weapon ?? 'none')) return undefined;
      if (r.excludes_minors && c.conduct.involved_minors === true) return undefined;
      const since =
        r.prior_lookback_years !== undefined ? addYears(c.offense_date, -r.prior_lookback_years) : undefined;
      const disqualifying = (c.history?.priors ?? []).filter(
        (p) =>
          p.still_valid !== false &&
          r.excluded_prior_kinds?.includes(p.kind) &&
          (since === undefined || p.date >= since),
      );
      if (disqualifying.length) return undefined;
      if (r.requires_drug_involvement) {
        const person = c.person;
        const involved =
          person?.uses_drugs === true ||
          person?.substance_use_disorder === true ||
          comp === 'subsistence' ||
          comp === 'drugs_only';
        if (!involved) {
          if (person?.uses_drugs === undefined && person?.substance_use_disorder === undefined)
            extra.push(
              finding('screen.divert.lead_undetermined', 'info', [cite], { missing: 'person.uses_drugs' }),
            );
          return undefined;
        }
      }
      return fire(r, { own_grams: grams, max_own_grams: r.max_own_grams ?? null });
    },
  ],
  [
    'default.possession',
    (r, f, extra, cite) => {
      if (f.review.clear_evidence_of_sale && f.extensiveGain === true) return undefined;
      if (f.review.clear_evidence_of_sale && f.extensiveGain === null)
        extra.push(
          finding('screen.undetermined.compensation', 'info', [cite], { missing: 'conduct.compensation' }),
        );
      const situation = !f.review.clear_evidence_of_sale
        ? 'no_clear_evidence'
        : f.extensiveGain === null
          ? 'selling_gain_unknown'
          : 'selling_without_gain';
      return fire(r, {
        clear_evidence_of_sale: f.review.clear_evidence_of_sale,
        extensive_gain: f.extensiveGain,
        situation,
      });
    },
  ],
  [
    'prosecute.clear_evidence',
    (r, f) =>
      f.review.clear_evidence_of_sale && f.extensiveGain === true
        ? fire(r, { compensation: f.c.conduct.compensation ?? null })
        : undefined,
  ],
  ['own_conduct.only', (r, f) => (f.hasAttributed ? fire(r, { own_quantity: f.hasOwn }) : undefined)],
  [
    'no_prior_enhancement',
    (r, f) => {
      const priors = (f.c.history?.priors ?? []).filter((p) => p.still_valid !== false).length;
      return priors > 0 || f.c.charging?.information_851 === true ? fire(r, { priors }) : undefined;
    },
  ],
  [
    'immigration.consider',
    (r, f) => {
      const citizenship = f.c.person?.citizenship ?? 'unknown';
      return r.citizenships_exempt?.includes(citizenship) ? undefined : fire(r, { citizenship });
    },
  ],
];

/** The rule's message for the situation it fired in (its `values.situation`), or its general message. */
function messageOf(r: RuleData, out: NonNullable<Outcome>): string {
  const situation = out.values?.situation;
  return (typeof situation === 'string' && r.messages_when?.[situation]) || r.message;
}

/** parameter ids built once, not per case */
const RULE_ID: Record<string, string> = Object.fromEntries(
  RULES.map(([name]) => [name, `${P}.rule.${name}`]),
);

function checkEffect(e: Effect | undefined, id: string): void {
  if (e !== undefined && e !== 'advisory' && !RECOMMENDATIONS.includes(e))
    throw new LawDataError(`unknown effect "${e}"`, id);
}

interface ScreenPolicy {
  policy: Resolved<{ id: string; version: string; title: string }>;
  precedence: Resolved<Recommendation[]>;
  gain: Resolved<string[]>;
  rules: { name: string; test: Test; r: Resolved<RuleData> }[];
}

/** The policy, its outcome order and its rules, read and checked once per law period. */
function screenPolicy(read: LawView): ScreenPolicy {
  return read.compiled('screen.policy', (get) => {
    const policy = get<{ id: string; version: string; title: string }>(dotted(P, 'policy'));
    const precedence = get<Recommendation[]>(dotted(P, 'outcome_precedence'));
    const missing = RECOMMENDATIONS.filter((rec) => !precedence.value.includes(rec));
    if (missing.length)
      throw new LawDataError(
        `outcome precedence must rank every recommendation (missing: ${missing.join(', ')})`,
        precedence.id,
      );
    const rules = RULES.map(([name, test]) => {
      const r = get<RuleData>(RULE_ID[name] as string);
      checkEffect(r.value.effect, r.id);
      checkEffect(r.value.effect_with_own_quantity, r.id);
      checkEffect(r.value.effect_without_own_quantity, r.id);
      return { name, test, r };
    });
    return { policy, precedence, gain: get<string[]>(dotted(P, 'extensive_gain_compensation')), rules };
  });
}

export function applyScreen(
  input: RuleInputWithResults,
  review: Review,
): { screen: ScreenResult; findings: RawFinding[] } {
  const c = input.case;
  const read = input.law.today('screen');
  const { policy, precedence, gain, rules: ruleData } = screenPolicy(read);
  const comp = c.conduct.compensation;
  // a share in the profits is selling for gain whatever the pay is called; otherwise the compensation decides
  const extensiveGain =
    c.conduct.profit_share === true ? true : comp === undefined ? null : gain.value.includes(comp);
  const facts: Facts = {
    c,
    fn: (input.role ?? classifyRole(input).role).function,
    review,
    extensiveGain,
    hasOwn: ownDrugs(c).length > 0,
    hasAttributed: attributedDrugs(c).length > 0,
    dates: input.dates,
  };

  const rules: ScreenResult['rules'] = [];
  const findings: RawFinding[] = [];
  const extra: RawFinding[] = [];
  const effects = new Set<Effect>();
  for (const { name, test, r } of ruleData) {
    if (!r.value.enabled) continue;
    const out = test(r.value, facts, extra, r.law);
    if (!out) continue;
    const code = dotted('screen', name);
    const citations = [r.law];
    effects.add(out.effect);
    rules.push({ code, message: messageOf(r.value, out), citations });
    findings.push(finding(code, 'info', citations, { effect: out.effect, ...(out.values ?? {}) }));
  }

  let recommendation = precedence.value.find((rec) => effects.has(rec));
  if (!recommendation) {
    const fallback = read.get<Recommendation>(dotted(P, 'fallback_outcome'));
    recommendation = fallback.value;
    findings.push(finding('screen.fallback', 'warning', [fallback.law], { recommendation }));
  }
  findings.unshift(
    finding(
      dotted('screen.recommendation', recommendation),
      recommendation === 'prosecute' ? 'warning' : 'info',
      [...new Set([policy.law, precedence.law])],
      {
        recommendation,
        policy: policy.value.id,
        version: policy.value.version,
      },
    ),
  );
  findings.push(...extra);
  return { screen: { policy: policy.value.id, recommendation, rules }, findings };
}
