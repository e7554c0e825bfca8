import type { RuleInput } from '../context.ts';
import type { Trace } from '../trace.ts';
import type { PriorCount } from './priors.ts';

/**
 * 21 U.S.C. 851: how many qualifying priors raise the penalty. Before the First Step Act's notice rule the
 * enhancement needs an information filed by the prosecutor; when the case does not say, current practice
 * (data: us_fed.charging.assume_851_information_when_priors_qualify) decides.
 */
export function priorsCharged(input: RuleInput, count: PriorCount, trace: Trace): number {
  const filed = input.case.charging?.information_851;
  if (count.possible === 0) return 0;
  const statute = input.law.statute('statute');
  const available = trace.cite(statute.get<boolean>('us_fed.usc21_851.prior_enhancements'));
  if (!available.value) {
    trace.add('exposure.priors.enhancements_ended', 'info', [available.law], { priors: count.possible });
    return 0;
  }
  const required = trace.cite(statute.get<boolean>('us_fed.usc21_851.information_required'));
  if (!required.value) return count.possible;
  if (filed === false) {
    trace.add('exposure.priors.no_information_filed', 'info', ['21 U.S.C. 851(a)(1)'], {
      priors: count.possible,
    });
    return 0;
  }
  if (filed === undefined) {
    const assume = trace.cite(
      input.law.statute('charge').get<boolean>('us_fed.charging.assume_851_information_when_priors_qualify'),
    );
    if (!assume.value) return 0;
    trace.add('exposure.priors.information_851_assumed', 'warning', ['21 U.S.C. 851(a)(1)'], {
      priors: count.possible,
      predicate: count.predicate,
    });
  }
  if (count.missing.length)
    trace.add('exposure.priors.undetermined', 'warning', ['21 U.S.C. 802(57)', '21 U.S.C. 802(58)'], {
      known: count.known,
      possible: count.possible,
      missing: count.missing,
    });
  return count.possible;
}
