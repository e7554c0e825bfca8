import type { Resolved } from '../../law/book.ts';
import { LawDataError } from '../../law/errors.ts';
import type { LawView } from '../../law/reader.ts';
import { OFFENDER_FUNCTIONS, type OffenderFunction, type RoleResult } from '../../model/assessment.ts';
import type { Activity, Case, Drug } from '../../model/case.ts';
import { dotted } from '../../model/dotted.ts';
import { finding, type RawFinding } from '../../model/finding.ts';
import type { RuleInput } from '../context.ts';
import { formatGrams } from '../format.ts';
import { attributedDrugs, ownDrugs } from '../own-conduct.ts';

/**
 * Role in the supply chain: the U.S. Sentencing Commission's offender functions (plus the report's
 * user_possession_only and social_supplier), decided from what the person did - activities, compensation,
 * profit share, people supervised and the quantity they themselves handled per transaction - never from the
 * network quantity attributed to them. Criteria and precedence are data (law/policy/dpa-2019/offender-functions.yaml),
 * read at the evaluation date: the report's framework is a lens applied today to past conduct.
 */
const P = 'policy.dpa_2019.role';
/** parameter ids built once, not per case */
const FUNCTION_ID = Object.fromEntries(OFFENDER_FUNCTIONS.map((f) => [f, `${P}.function.${f}`])) as Record<
  OffenderFunction,
  string
>;
const UNIT_SUBSTANCES = `${P}.line.substances_counted_in_units`;

interface Criterion {
  activities_any?: Activity[];
  transaction_grams_at_least?: string;
  possessed_grams_at_least?: string;
  people_supervised_at_least?: number;
  profit_share?: boolean;
  compensation_in?: string[];
  compensation_not_in?: string[];
}
interface FunctionDef {
  definition: string;
  any_of: Criterion[];
}

/** The largest own quantity in grams, among the given bases, leaving out substances counted in units. */
function largestOwn(
  c: Case,
  bases: readonly Drug['basis'][],
  unitSubstances: readonly string[],
): Drug | undefined {
  let best: Drug | undefined;
  for (const d of ownDrugs(c)) {
    if (!bases.includes(d.basis) || unitSubstances.includes(d.substance) || d.grams === undefined) continue;
    if (!best || d.grams > (best.grams ?? 0)) best = d;
  }
  return best;
}

/** Whether a criterion holds; the facts that satisfy it go to `facts` when an explanation is made. */
function test(
  cr: Criterion,
  c: Case,
  read: LawView,
  units: readonly string[],
  facts: string[] | undefined,
): boolean {
  if (cr.activities_any) {
    const hit = cr.activities_any.filter((a) => c.conduct.activities.includes(a));
    if (hit.length === 0) return false;
    facts?.push(`activity: ${hit.join(', ')}`);
  }
  for (const key of ['transaction_grams_at_least', 'possessed_grams_at_least'] as const) {
    const id = cr[key];
    if (!id) continue;
    const line = read.get<number>(id);
    const bases: Drug['basis'][] =
      key === 'transaction_grams_at_least' ? ['transacted'] : ['possessed', 'transacted'];
    const big = largestOwn(c, bases, units);
    if (line.value === null || !big?.grams || big.grams < line.value) return false;
    facts?.push(
      `${key === 'transaction_grams_at_least' ? 'own quantity per transaction' : 'own quantity held'}: ${formatGrams(big.grams)} of ${big.substance}, at or above ${formatGrams(line.value)} (${line.law})`,
    );
  }
  if (cr.people_supervised_at_least !== undefined) {
    const n = c.conduct.people_supervised ?? 0;
    if (n < cr.people_supervised_at_least) return false;
    facts?.push(`people supervised: ${n}`);
  }
  if (cr.profit_share !== undefined) {
    if ((c.conduct.profit_share ?? false) !== cr.profit_share) return false;
    facts?.push(cr.profit_share ? 'shares in the profits' : 'no share in the profits');
  }
  const comp = c.conduct.compensation;
  if (cr.compensation_in) {
    if (comp === undefined || !cr.compensation_in.includes(comp)) return false;
    facts?.push(`compensation: ${comp}`);
  }
  if (cr.compensation_not_in) {
    if (comp !== undefined && cr.compensation_not_in.includes(comp)) return false;
    facts?.push(`compensation: ${comp ?? 'not stated'}`);
  }
  return true;
}

function checkPrecedence(precedence: readonly string[], id: string): void {
  const missing = OFFENDER_FUNCTIONS.filter((f) => !precedence.includes(f));
  const unknown = precedence.filter((f) => !(OFFENDER_FUNCTIONS as readonly string[]).includes(f));
  const twice = precedence.filter((f, i) => precedence.indexOf(f) !== i);
  if (missing.length || unknown.length || twice.length)
    throw new LawDataError(
      `precedence must list every function exactly once (missing: ${missing.join(', ') || 'none'}; unknown: ${unknown.join(', ') || 'none'}; repeated: ${twice.join(', ') || 'none'})`,
      id,
    );
}

interface RolePolicy {
  precedence: Resolved<OffenderFunction[]>;
  functions: { fn: OffenderFunction; r: Resolved<FunctionDef>; title: string }[];
  units: readonly string[];
}

/** The functions, their order and the unit-counted substances, read and checked once per law period. */
function rolePolicy(read: LawView): RolePolicy {
  return read.compiled('role.policy', (get) => {
    const precedence = get<OffenderFunction[]>(dotted(P, 'precedence'));
    checkPrecedence(precedence.value, precedence.id);
    const functions = OFFENDER_FUNCTIONS.map((fn) => {
      const r = get<FunctionDef>(FUNCTION_ID[fn]);
      return { fn, r, title: read.title(r.id) ?? fn };
    });
    return { precedence, functions, units: get<string[]>(UNIT_SUBSTANCES).value };
  });
}

/**
 * The grams lines the criteria compare a person's own quantities with, ascending and distinct. A role
 * depends on a quantity only through which of these lines it reaches, so the SQL import can derive the
 * role once per band instead of once per distinct quantity (src/records/import-sql.ts).
 */
export function roleQuantityLines(read: LawView): number[] {
  const lines = new Set<number>();
  for (const { r } of rolePolicy(read).functions)
    for (const cr of r.value.any_of)
      for (const id of [cr.transaction_grams_at_least, cr.possessed_grams_at_least]) {
        const v = id ? read.get<number>(id).value : null;
        if (v !== null) lines.add(v);
      }
  return [...lines].sort((a, b) => a - b);
}

export function classifyRole(input: RuleInput): { role: RoleResult; findings: RawFinding[] } {
  const c = input.case;
  const read = input.law.today('role');
  const explain = input.explain !== false;
  const findings: RawFinding[] = [];

  const { precedence, functions, units } = rolePolicy(read);

  // Every function whose criteria the facts meet, with the facts that met them.
  const matched = new Map<
    OffenderFunction,
    { facts: string[]; def: FunctionDef; law: string; title: string }
  >();
  const usedQuantity = new Set<OffenderFunction>();
  for (const { fn, r, title } of functions) {
    for (const cr of r.value.any_of) {
      const facts: string[] | undefined = explain ? [] : undefined;
      if (!test(cr, c, read, units, facts)) continue;
      matched.set(fn, { facts: facts ?? [], def: r.value, law: r.law, title });
      if (cr.transaction_grams_at_least || cr.possessed_grams_at_least) usedQuantity.add(fn);
      break;
    }
  }

  // the prose of the result is made only for an explanation (bulk mode keeps the function and citations)
  const reasons: string[] | undefined = explain ? [] : undefined;
  const decided_by: string[] | undefined = explain ? [] : undefined;
  const ignored: string[] | undefined = explain ? [] : undefined;
  const citations: string[] = [];
  let chosen = precedence.value.find((f) => matched.has(f));
  if (chosen) {
    const m = matched.get(chosen);
    if (m) {
      reasons?.push(`${m.title}: ${m.def.definition} (${m.law}).`);
      decided_by?.push(...m.facts);
      citations.push(m.law);
    }
    const others = precedence.value.filter((f) => f !== chosen && matched.has(f));
    if (others.length) {
      reasons?.push(
        `The facts also fit ${others.join(', ')}; the most culpable function is assigned, in the order the policy declares (${precedence.law}).`,
      );
      citations.push(precedence.law);
      findings.push(
        finding('role.outranked', 'info', [precedence.law], { function: chosen, others: others.join(', ') }),
      );
    }
  } else {
    const def = read.get<OffenderFunction>(dotted(P, 'default_function'));
    chosen = def.value;
    const r = read.get<FunctionDef>(FUNCTION_ID[chosen]);
    const title = read.title(r.id) ?? chosen;
    reasons?.push(
      `No activity is evidence of a supply function, so the person is treated as ${title}: ${r.value.definition} (${def.law}).`,
    );
    decided_by?.push(`activities: ${c.conduct.activities.join(', ')}`);
    citations.push(def.law, r.law);
    findings.push(
      finding('role.default_function', 'info', [def.law], {
        function: chosen,
        activities: c.conduct.activities.join(', '),
      }),
    );
  }

  // Facts deliberately not used.
  const peripheral = read.get<Activity[]>(dotted(P, 'no_function_activities'));
  const inert = c.conduct.activities.filter((a) => peripheral.value.includes(a) && a !== 'possessed');
  if (inert.length) ignored?.push(`${inert.join(', ')}: evidence of no supply function (${peripheral.law})`);
  for (const d of attributedDrugs(c)) {
    const amount = !explain ? '' : d.grams !== undefined ? formatGrams(d.grams) : `${d.count ?? 0} plants`;
    ignored?.push(
      `the attributed network quantity of ${amount} of ${d.substance} was not used: a role follows what the person did, not what the network handled`,
    );
    findings.push(
      finding('role.ignored.attributed_quantity', 'info', [precedence.law], {
        substance: d.substance,
        grams: d.grams ?? null,
        count: d.count ?? null,
        amount,
      }),
    );
  }
  const big = largestOwn(c, ['possessed', 'transacted'], units);
  if (big?.grams !== undefined && !usedQuantity.has(chosen)) {
    const line = read.get<number>(dotted(dotted(P, 'line'), 'wholesale_transaction_grams'));
    if (line.value !== null && big.grams >= line.value) {
      const amount = explain ? formatGrams(big.grams) : '';
      ignored?.push(
        `the ${amount} of ${big.substance} the person handled did not raise the function: weight does not show a role without selling or ownership`,
      );
      findings.push(
        finding('role.ignored.own_quantity', 'info', [line.law], {
          function: chosen,
          substance: big.substance,
          grams: big.grams,
          amount,
        }),
      );
    }
  }

  findings.unshift(
    finding(dotted('role.function', chosen), 'info', citations, {
      function: chosen,
      decided_by: decided_by?.join('; ') ?? '',
    }),
  );
  return {
    role: {
      function: chosen,
      reasons: reasons ?? [],
      citations: [...new Set(citations)],
      decided_by: decided_by ?? [],
      ignored: ignored ?? [],
    },
    findings,
  };
}
