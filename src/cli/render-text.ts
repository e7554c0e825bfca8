import type { Answer } from '../engine/answer.ts';
import { range, term, usd } from '../messages/format.ts';
import { ENUM_LABELS, enumLabel, labelIds, scenarioLabel } from '../messages/labels.ts';
import { boundQuestions, boundText, questionText } from '../messages/questions.ts';
import type { Assessment } from '../model/assessment.ts';
import type { Finding } from '../model/finding.ts';

/**
 * Plain-language rendering of an assessment, section by section: each fact once, its citations as numbered
 * notes at the end of its section (a citation shared by several lines is listed once). The default is short:
 * the numbers and the reasons behind them; `verbose` adds every finding.
 */
export function renderAssessment(
  a: Assessment,
  options: { verbose?: boolean; answer?: Answer } = {},
): string {
  const out: string[] = [];
  const verbose = options.verbose === true;
  let notes: string[] = [];
  const printed = new Set<string>();
  const flush = () => {
    notes.forEach((n, i) => {
      out.push(`    [${i + 1}] ${n}`);
    });
    notes = [];
    printed.clear();
  };
  const line = (text: string, citations: readonly string[] = []) => {
    if (printed.has(text)) return; // each fact once per section
    printed.add(text);
    const refs = [...new Set(citations)].map((c) => {
      let i = notes.indexOf(c);
      if (i < 0) i = notes.push(c) - 1;
      return i + 1;
    });
    out.push(refs.length ? `  ${text} [${refs.join(', ')}]` : `  ${text}`);
  };
  const section = (title: string) => {
    flush();
    out.push('', title.toUpperCase());
  };
  const byPrefix = (prefix: string): Finding[] => a.findings.filter((f) => f.code.startsWith(prefix));
  /** findings shown by default: what changes or qualifies a number (warnings and critical ones) */
  const shown = (fs: Finding[]): Finding[] => (verbose ? fs : fs.filter((f) => f.severity !== 'info'));

  out.push(
    `Proportion assessment${a.case_id ? ` of ${a.case_id}` : ''} (${a.jurisdiction}), scenario: ${scenarioLabel(a.scenario)}`,
  );
  out.push(`Engine ${a.stamp.engine}, law data ${String(a.stamp.law_data).slice(0, 19)}...`);
  if (options.answer) {
    const ans = options.answer;
    section('The answer first');
    for (const r of ans.rows)
      line(
        `${r.title}: mandatory minimum ${r.mandatory_minimum_months === null ? 'not computed' : term(r.mandatory_minimum_months)}${r.range_months ? `; range ${range(r.range_months)}` : ''}.`,
      );
    if (ans.best_case_months !== null)
      line(`If the open facts go the person's way, the mandatory minimum is ${term(ans.best_case_months)}.`);
    for (const b of ans.bounds.slice(0, 3))
      line(`${boundText(b)} Settled by: ${boundQuestions(b).join(' ')}`);
    if (ans.questions.length) line(`${ans.questions.length} open fact(s) would settle it: see the end.`);
  }
  section('Dates applied');
  line(`Offense ${a.dates.offense}; sentencing ${a.dates.sentencing}; evaluated ${a.dates.evaluation}.`);
  line(
    `Statutes as of ${a.dates.statute_law}; Guidelines Manual ${a.dates.guidelines_manual ?? 'not applicable'}.`,
  );
  for (const f of shown(byPrefix('dates.'))) line(f.message, f.citations);
  const weak = byPrefix('law.');
  if (weak.length && !verbose)
    line(
      `${weak.length} law value(s) read are unverified, of low confidence, or later law reaching the case (--verbose lists them).`,
    );
  if (verbose) for (const f of weak) line(f.message, f.citations);

  if (a.role) {
    section('Role in the supply chain');
    line(`Function: ${ENUM_LABELS.function[a.role.function]}.`, a.role.citations);
    for (const r of a.role.reasons) line(labelIds(r));
    if (verbose) for (const f of byPrefix('role.')) line(f.message, f.citations);
  }
  if (a.indicia.length || byPrefix('indicia.').length) {
    section('Indicia of sale');
    for (const v of a.indicia)
      line(
        `${enumLabel('indicium', v.indicium)}: ${enumLabel('strength', v.strength).toLowerCase()}. ${labelIds(v.reasons.join(' '))}`,
        v.citations,
      );
    for (const f of verbose ? byPrefix('indicia.') : byPrefix('indicia.conclusion.'))
      line(f.message, f.citations);
  }
  section('Charge under current practice');
  for (const c of a.charges ?? []) line(c.description, c.citations);
  for (const f of shown(byPrefix('charge.'))) line(f.message, f.citations);

  const e = a.exposure;
  if (e) {
    section('Sentencing exposure');
    const s = e.statutory;
    if (s.minimum_months !== null && s.maximum_months !== null)
      line(
        `Statutory range: ${range([s.minimum_months, s.maximum_months])}${s.offense ? ` under ${s.offense}` : ''}.`,
        s.citations,
      );
    for (const f of shown(byPrefix('exposure.statutory').concat(byPrefix('exposure.priors'))))
      if (f.code !== 'exposure.statutory.range') line(f.message, f.citations);
    if (e.firearms.consecutive_minimum_months !== 0)
      line(
        `Firearm (924(c)) terms, consecutive: ${term(e.firearms.consecutive_minimum_months)}.`,
        e.firearms.citations,
      );
    for (const f of shown(byPrefix('exposure.firearms'))) line(f.message, f.citations);
    const sv =
      e.safety_valve.eligible === null
        ? 'undetermined'
        : e.safety_valve.eligible
          ? 'eligible'
          : 'not eligible';
    if (s.minimum_months !== null) line(`Safety valve: ${sv}.`, e.safety_valve.citations);
    for (const f of shown(byPrefix('exposure.safety_valve'))) line(f.message, f.citations);
    if (e.mandatory_minimum_months !== null)
      line(`Mandatory minimum, all counts: ${term(e.mandatory_minimum_months)}.`);
    for (const f of byPrefix('exposure.mandatory_minimum.best').concat(
      byPrefix('exposure.substantial'),
      shown(byPrefix('exposure.state')),
    ))
      line(f.message, f.citations);
    const g = e.guidelines;
    if (g) {
      section('Sentencing Guidelines (advisory since 2005)');
      for (const step of g.steps ?? [])
        line(
          `${step.code.replace('guidelines.', '').replaceAll('_', ' ')}: ${step.levels > 0 && step.code !== 'guidelines.base_offense_level' ? '+' : ''}${step.levels} -> level ${step.level_after}`,
          [step.citation],
        );
      line(
        `Total offense level ${g.offense_level}; criminal history ${g.criminal_history_points} point(s), category ${g.criminal_history_category}.`,
      );
      line(
        `Sentencing Table range: ${range(g.table_range_months)}; after the statutory limits: ${range(g.range_months)}.`,
        g.citations ?? [],
      );
      if (g.total_range_months) line(`With the consecutive firearm terms: ${range(g.total_range_months)}.`);
    }
    for (const f of shown(byPrefix('guidelines.'))) line(f.message, f.citations);
  }
  if (a.screen) {
    section(`The report's charging screen (${a.screen.policy})`);
    line(`Recommendation: ${ENUM_LABELS.recommendation[a.screen.recommendation]}.`);
    for (const r of a.screen.rules) line(r.message, r.citations);
  }
  if (a.consequences) {
    section('Consequences');
    const c = a.consequences;
    for (const [name, v] of Object.entries(c)) {
      if (!v || typeof v !== 'object' || name === 'cost') continue;
      const x = v as { reasons?: string[]; citations?: string[] };
      for (const r of x.reasons ?? []) line(`${name.replaceAll('_', ' ')}: ${r}`, x.citations ?? []);
    }
    if (c.cost)
      line(
        `Cost of the time expected to be served: ${usd(c.cost.usd)} (${c.cost.person_years} person-years at ${usd(c.cost.rate_usd_per_year)} a year${c.cost.cost_of_term_imposed ? `; the whole term imposed: ${usd(c.cost.cost_of_term_imposed.usd)}` : ''}).`,
        c.cost.citations,
      );
    if (verbose) for (const f of byPrefix('consequences.')) line(f.message, f.citations);
  }
  if (a.questions?.length) {
    section('Facts that would settle the open answers');
    for (const q of a.questions) line(questionText(q));
  }
  flush();
  if (!verbose) out.push('', '(every finding: --verbose; the assessment contract: --json)');
  out.push('');
  return `${out.join('\n')}\n`;
}
