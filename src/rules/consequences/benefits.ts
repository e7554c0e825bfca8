import { jurisdictionKey } from '../../law/jurisdiction.ts';
import type { Consequences } from '../../model/assessment.ts';
import { dotted } from '../../model/dotted.ts';
import { type Charge, type Collector, priorCount, uniq } from './common.ts';

type Benefits = NonNullable<Consequences['benefits']>;
type StateStatus = 'full_ban' | 'modified' | 'opted_out';

interface Ban862a {
  lifetime_ban: boolean;
  requires_felony: boolean;
}
interface Denial862 {
  offense: 'distribution' | 'possession';
  conviction_number: number;
  or_more: boolean;
  max_years: number | null;
  permanent: boolean;
  mandatory: boolean;
}
interface StateChoice {
  status: StateStatus;
  program: string;
}

/** Is the conviction a felony (punishable by more than the 802(44) threshold)? null when no statutory maximum is known. */
function felony(col: Collector): { felony: boolean | null; citations: string[] } {
  const statutory = col.input.exposure?.statutory;
  const max = statutory?.maximum_months;
  if (!statutory || max === null || max === undefined) return { felony: null, citations: [] };
  const def = col.law.maybe<{ punishable_more_than_months: number }>('us_fed.usc21_802.felony_drug_offense');
  if (!def) return { felony: null, citations: [] };
  const isFelony = max === 'life' || max > def.value.punishable_more_than_months;
  return { felony: isFelony, citations: [def.law, ...statutory.citations] };
}

/** SNAP/TANF (21 U.S.C. 862a and the state's choice), federal benefits (862), public housing; read at the evaluation date. */
export function benefits(col: Collector, charge: Charge): Benefits & Record<string, unknown> {
  const c = col.input.case;
  const reasons: string[] = [];
  const citations: string[] = [];
  const fel = felony(col);

  // --- SNAP / TANF ---
  let snapTanfBan: boolean | null = null;
  const ban = col.law.maybe<Ban862a>('us_fed.benefits.usc21_862a');
  const stateChoice: Record<string, StateStatus | null> = { snap: null, tanf: null };
  if (!ban) {
    col.add('consequences.benefits.not_in_knowledge_base', 'warning', [], {
      topic: 'SNAP/TANF (21 U.S.C. 862a)',
      date: col.date,
    });
  } else {
    citations.push(ban.law);
    reasons.push(
      `A drug felony bars SNAP and TANF for life unless the state has opted out or modified the ban (${ban.law}).`,
    );
    if (c.jurisdiction === 'US-FED') {
      col.add('consequences.benefits.state_choice_depends', 'info', [ban.law], {
        question:
          'In which state would the person apply for SNAP or TANF? Each state may opt out of or modify the ban.',
      });
      reasons.push('For a federal conviction the ban depends on the state where benefits are sought.');
    } else {
      const p = jurisdictionKey(c.jurisdiction);
      const both = col.law.maybe<StateChoice>(dotted(dotted(p, 'benefits'), 'snap_tanf'));
      for (const prog of ['snap', 'tanf'] as const) {
        const r = col.law.maybe<StateChoice>(dotted(dotted(p, 'benefits'), prog)) ?? both;
        if (r?.value) {
          stateChoice[prog] = r.value.status;
          citations.push(r.law);
          col.add(
            `consequences.benefits.state_${r.value.status}`,
            r.value.status === 'full_ban' ? 'warning' : 'info',
            [r.law],
            {
              program: prog.toUpperCase(),
              jurisdiction: c.jurisdiction,
            },
          );
        } else {
          col.add('consequences.benefits.state_choice_not_in_knowledge_base', 'warning', [ban.law], {
            program: prog.toUpperCase(),
            jurisdiction: c.jurisdiction,
          });
        }
      }
    }
    const statuses = Object.values(stateChoice);
    if (fel.felony === false) {
      snapTanfBan = false;
      reasons.push('The conviction is not a felony, so the SNAP/TANF ban does not apply.');
    } else if (statuses.every((s) => s === 'opted_out')) {
      snapTanfBan = false;
      reasons.push('The state has opted out of the ban for both programs.');
    } else if (statuses.some((s) => s === 'full_ban')) {
      snapTanfBan = fel.felony === true ? true : null;
      reasons.push(
        fel.felony === true
          ? 'The state keeps the full ban for at least one program: the person loses it for life.'
          : 'The state keeps the full ban for at least one program; it applies if the conviction is a felony, which is not settled here.',
      );
    } else {
      reasons.push(
        "Whether the ban applies depends on the state's modified rules or on facts not in the knowledge base.",
      );
    }
    if (fel.felony === null)
      col.add('consequences.benefits.felony_undetermined', 'info', [ban.law], {
        question: 'Is the conviction a felony where it is entered?',
      });
    citations.push(...fel.citations);
    col.add('consequences.benefits.report_discrepancy', 'info', [ban.law, 'DPA 2019']);
  }

  // --- 21 U.S.C. 862: court-imposed denial of federal benefits ---
  const priors = priorCount(c, charge === 'distribution' ? 'drug_distribution' : 'drug_possession');
  const n = priors + 1;
  const rows = col.law
    .peekFamily<Denial862>('us_fed.benefits.usc21_862')
    .filter((r) => r.value && r.value.offense === charge);
  const picked = rows.find(
    (r) => r.value.conviction_number === n || (r.value.or_more && n >= r.value.conviction_number),
  );
  const row = picked ? col.law.use(picked) : undefined;
  let denial: Record<string, unknown> | null = null;
  if (row) {
    citations.push(row.law);
    denial = {
      conviction_number: n,
      max_years: row.value.max_years,
      permanent: row.value.permanent,
      mandatory: row.value.mandatory,
      citations: [row.law],
    };
    col.add(
      row.value.permanent
        ? 'consequences.benefits.federal_denial_permanent'
        : 'consequences.benefits.federal_denial_up_to',
      row.value.permanent ? 'critical' : 'warning',
      [row.law],
      {
        offense: charge,
        conviction_number: n,
        max_years: row.value.max_years,
        mandatory: row.value.mandatory,
      },
    );
    reasons.push(
      row.value.permanent
        ? `A third or later distribution conviction means permanent ineligibility for federal benefits (${row.law}).`
        : `The court may deny federal benefits (grants, contracts, loans, licenses) for a limited period (${row.law}).`,
    );
  } else {
    col.add('consequences.benefits.not_in_knowledge_base', 'warning', [], {
      topic: '21 U.S.C. 862 federal benefits denial',
      date: col.date,
    });
  }

  // --- Public housing ---
  const lease = col.law.maybe<{ eviction_ground: boolean }>('us_fed.public_housing.lease_termination');
  const bar = col.law.maybe<{ bar_years: number }>('us_fed.public_housing.admission_bar');
  if (lease) {
    citations.push(lease.law);
    col.add('consequences.benefits.public_housing_eviction', 'warning', [lease.law]);
    reasons.push(
      `Drug-related criminal activity by a tenant, household member or guest is cause to end a public-housing lease, without a conviction (${lease.law}).`,
    );
  }
  if (bar) {
    citations.push(bar.law);
    col.add('consequences.benefits.public_housing_admission_bar', 'warning', [bar.law], {
      bar_years: bar.value.bar_years,
    });
  }

  return {
    snap_tanf_ban: snapTanfBan,
    felony: fel.felony,
    state_choice: c.jurisdiction === 'US-FED' ? null : stateChoice,
    federal_benefits_denial: denial,
    public_housing: {
      eviction_ground: lease?.value.eviction_ground ?? null,
      admission_bar_years: bar?.value.bar_years ?? null,
    },
    reasons,
    citations: uniq(citations),
  };
}
