/** Methodology note (plain language) shared by the page, the Data Package and docs/records.md. */
export const METHODOLOGY = [
  'Who is counted. Each row of the source is one person in one case. A table for a decision (for example the charging decision) counts the people whose case reached that decision; people whose record says the decision was not applicable or not collected are left out of that table, and people who reached it with an unknown outcome are counted as "unknown".',
  'Race and ethnicity. Hispanic or Latino/a/x origin is asked separately from race. "Hispanic" counts people of Hispanic origin of any race; everyone else is counted by race, "more than one race" when several are recorded, and "unknown" when race or origin is missing. Each record keeps whether race was self-reported or perceived by an officer.',
  'Role. The role in the supply chain is the one the source coded, with who assessed it; when none was coded, Proportion derives it from what the person did (activities, people supervised, their own quantity), never from the quantity attributed to a whole network.',
  'Small numbers are hidden. Any count from 1 to one less than the threshold is shown as "suppressed", never as 0. Because totals are published, a hidden count could be worked out by subtraction; so more counts are hidden (complementary suppression) until, for every hidden count, the smallest and largest values consistent with everything published in all the tables (counts never below 0, a hidden count at least 1) are at least the threshold apart: no hidden count can be worked out, nor narrowed to fewer values than the threshold. A 0 means nobody.',
  'Relative rate index (RRI). The rate for a group divided by the rate for white, non-Hispanic people. Each stage uses its own denominator: the arrest rate per resident, then the share of arrested people charged with sale, then the share of those convicted of sale, then the share of those incarcerated. An RRI of 2 means twice the reference group\'s rate at that step. Because the overall rate is the product of the step rates, each step\'s share of the overall gap is reported (its "contribution"); a negative share means that step narrows the gap.',
  'Bias test. Among people with the same drug, quantity band, indicia profile (none, circumstantial only, direct), criminal-history band and jurisdiction, are people of color more likely to be charged with sale than white people? The Mantel-Haenszel odds ratio pools these matched comparisons; 1 means no difference. Match coverage says what share of each group had a white counterpart with the same facts; low coverage means the answer speaks for few people.',
  "Outcome test. Of the sale charges brought against each group, what share ended in a sale conviction? If a group's sale charges hold up less often, the charging standard may have been applied more loosely to that group.",
  'Behavioural benchmark. The National Survey on Drug Use and Health (2012) asked people whether they sold drugs in the past year: white 3.4%, Black 2.9%, Latinx 2.8% (as reported by DPA, 2019). If enforcement followed selling, the arrest RRI would be near the ratio of those rates; the benchmark-adjusted RRI divides the observed RRI by that ratio. The survey figure is treated as fixed: its own uncertainty is not in the interval.',
  'Intervals and flags. Every measure has a 95% confidence interval (log method for ratios, Wilson for shares, Robins-Breslow-Greenland for the Mantel-Haenszel odds ratio). "small_n" marks estimates resting on fewer than 10 events or 30 people; read them with care. Measures whose counts would reveal a suppressed number are themselves suppressed.',
];

/** The report's published aggregate figures, shown as context (reference/report-figures.md). */
export const CONTEXT_FIGURES = [
  'In 2016, 12.5% of people sent to federal prison for selling or distribution were high-level suppliers or importers (as reported by DPA (2019), citing the U.S. Sentencing Commission).',
  'In 2009, 58.6% of people in federal prison for drug offenses were street-level sellers, brokers, couriers, mules or people in "secondary" roles such as lookouts (DPA (2019), citing the USSC).',
  'NSDUH 2012, sold drugs in the past year: white 3.4%, Black 2.9%, Latinx 2.8%, Native American or Alaska Native 4.2%, Native Hawaiian or other Pacific Islander 3.5%, Asian 1.1%; female 1.9%, male 4.7% (DPA (2019), citing NSDUH).',
  'Federal prison for drug offenses, 2012: 78% people of color: 38.8% Black and 37.2% Latinx, against 13% and 18% of the population (DPA (2019)).',
  'Sentenced for federal drug trafficking, 2016: 50.8% Latinx, 23.3% Black, 22.9% white, 3% other; 28.9% non-citizens (DPA (2019), citing the USSC).',
  'Arrest rates for drug sale or manufacture: Black people about 8 times white people in 1989, over 3 times in 2014 (DPA (2019)).',
  'Seattle, 2006: in a racially mixed market 38% of observed transactions had a Black seller and 39% a white seller, yet arrests were 58.6% Black and 20.8% white (DPA (2019), citing Beckett et al.).',
  'USSC fiscal 2010, mandatory-minimum drug cases: safety-valve relief went to 14.4% of Black defendants, 46.3% of Hispanic and 39.5% of white defendants (DPA (2019)).',
];

/** A decision stage in prose: "charging decision" stays as it is, "arrest" becomes "arrest stage". */
export function stagePhrase(stage: string): string {
  const words = stage.replace(/_/g, ' ');
  return words.endsWith('decision') ? words : `${words} stage`;
}
