/** `US-FED` -> `us_fed`, `US-GA` -> `us_ga`: the key under which a jurisdiction's parameters are filed. */
export function jurisdictionKey(jurisdiction: string): string {
  return jurisdiction.toLowerCase().replace('-', '_');
}

/** `US-FED` -> `us_fed.`, `dpa-2019` -> `policy.dpa_2019.`: the id prefix of a jurisdiction's or policy's law. */
export function lawPrefix(jurisdiction: string): string {
  if (/^US-/i.test(jurisdiction)) return `${jurisdictionKey(jurisdiction)}.`;
  return `policy.${jurisdiction.toLowerCase().replaceAll('-', '_')}.`;
}
