/** `US-FED` -> `us_fed`, `US-GA` -> `us_ga`: the key under which a jurisdiction's parameters are filed. */
export function jurisdictionKey(jurisdiction: string): string {
  // made once per jurisdiction: rules build law ids from it on every assessment (see src/model/dotted.ts)
  let key = keys.get(jurisdiction);
  if (key === undefined) {
    key = jurisdiction.toLowerCase().replace('-', '_');
    keys.set(jurisdiction, key);
  }
  return key;
}
const keys = new Map<string, string>();

/** `US-FED` -> `us_fed.`, `dpa-2019` -> `policy.dpa_2019.`: the id prefix of a jurisdiction's or policy's law. */
export function lawPrefix(jurisdiction: string): string {
  if (/^US-/i.test(jurisdiction)) return `${jurisdictionKey(jurisdiction)}.`;
  return `policy.${jurisdiction.toLowerCase().replaceAll('-', '_')}.`;
}
