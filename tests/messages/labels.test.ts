import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { z } from 'zod';
import { assess } from '../../src/engine/assess.ts';
import { compare, DEFAULT_SCENARIOS } from '../../src/engine/compare.ts';
import {
  caseFacts,
  ENUM_LABELS,
  FIELD_ENUMS,
  FIELD_LABELS,
  fieldLabel,
  labelIds,
  SCENARIO_LABELS,
} from '../../src/messages/labels.ts';
import { OFFENDER_FUNCTIONS } from '../../src/model/assessment.ts';
import { caseSchema } from '../../src/model/case.ts';
import { EVALUATION, ROOT } from '../helpers/cases.ts';

/** Every enum and every leaf path of the zod case schema (array items as `*`). */
function walk(schema: z.ZodType, path: string, out: { paths: string[]; enums: Map<string, string[]> }): void {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  const type = def.type as string;
  if (type === 'optional' || type === 'nullable' || type === 'default' || type === 'pipe') {
    walk((def.innerType ?? def.in) as z.ZodType, path, out);
    return;
  }
  if (type === 'object') {
    if (path && !path.endsWith('.*')) out.paths.push(path);
    for (const [k, v] of Object.entries(def.shape as Record<string, z.ZodType>))
      walk(v, path ? `${path}.${k}` : k, out);
    return;
  }
  if (type === 'array') {
    out.paths.push(path);
    const el = def.element as z.ZodType;
    const elType = (el as unknown as { _zod: { def: { type: string } } })._zod.def.type;
    if (elType === 'enum') walk(el, path, out);
    else walk(el, `${path}.*`, out);
    return;
  }
  if (type === 'enum') {
    out.enums.set(path, Object.values(def.entries as Record<string, string>));
    if (!out.paths.includes(path)) out.paths.push(path);
    return;
  }
  out.paths.push(path);
}
const contract = { paths: [] as string[], enums: new Map<string, string[]>() };
walk(caseSchema as unknown as z.ZodType, '', contract);

const cases = readdirSync(join(ROOT, 'examples/cases')).map(
  (f) => JSON.parse(readFileSync(join(ROOT, 'examples/cases', f), 'utf8')) as unknown,
);
/** A contract id as a user would meet it: snake_case (two words or more) or a dotted case path. */
const ids = [
  ...new Set([
    ...[...contract.enums.values()].flat().filter((v) => v.includes('_')),
    ...OFFENDER_FUNCTIONS.filter((f) => f.includes('_')),
    ...contract.paths.filter((p) => p.includes('.') && !p.includes('*')),
    ...Object.keys(SCENARIO_LABELS),
  ]),
];

describe('the label catalog', () => {
  it('labels every field path of the case contract', () => {
    assert.ok(contract.paths.length > 50, `walked ${contract.paths.length} paths`);
    const missing = contract.paths.filter((p) => !(p in FIELD_LABELS));
    assert.deepEqual(missing, []);
    const stale = Object.keys(FIELD_LABELS).filter((p) => !contract.paths.includes(p));
    assert.deepEqual(stale, [], 'labels for paths the contract no longer has');
  });

  it('labels every enum value of the contract, through the enum the field holds', () => {
    assert.ok(contract.enums.size >= 12);
    for (const [path, values] of contract.enums) {
      const kind = FIELD_ENUMS[path];
      assert.ok(kind, `${path}: no enum kind in FIELD_ENUMS`);
      const table = ENUM_LABELS[kind] as Record<string, string>;
      assert.deepEqual(
        values.filter((v) => !table[v]),
        [],
        `${path}: values without a label`,
      );
      assert.deepEqual(Object.keys(table).sort(), [...values].sort(), `${path}: labels for unknown values`);
    }
    assert.deepEqual(Object.keys(ENUM_LABELS.function).sort(), [...OFFENDER_FUNCTIONS].sort());
  });

  it('labels are words, not ids: no underscores, capitalised, and distinct within an enum', () => {
    for (const [kind, table] of Object.entries(ENUM_LABELS)) {
      const labels = Object.values(table as Record<string, string>);
      for (const l of labels) {
        assert.doesNotMatch(l, /_/, `${kind}: ${l}`);
        assert.match(l, /^[A-Z0-9"']/, `${kind}: ${l}`);
      }
      assert.equal(new Set(labels).size, labels.length, `${kind}: two values share a label`);
    }
  });

  it('names array items by position: "Drug 2: Grams", "Prior conviction 1: Kind of offense"', () => {
    assert.equal(fieldLabel('conduct.drugs.1.grams'), 'Drug 2: Grams');
    assert.equal(fieldLabel('history.priors.0.kind'), 'Prior conviction 1: Kind of offense');
    assert.equal(fieldLabel('history.priors.2'), 'Prior conviction 3');
    assert.equal(
      fieldLabel('cooperation.truthful_disclosure'),
      FIELD_LABELS['cooperation.truthful_disclosure'],
    );
  });

  it('lists the facts a case states, every one with a label and no id', () => {
    const munoz = JSON.parse(readFileSync(join(ROOT, 'examples/cases/crystal-munoz.json'), 'utf8'));
    const facts = caseFacts(munoz);
    assert.ok(facts.some(([l, v]) => l === 'What the person did' && v === 'Gave directions'));
    assert.ok(facts.some(([l, v]) => l === 'Drug 1: Substance' && v === 'Marijuana'));
    assert.ok(facts.some(([l, v]) => l === 'Race' && v === 'American Indian or Alaska Native'));
    for (const [l, v] of facts) assert.doesNotMatch(`${l} ${v}`, /[a-z]_[a-z]/, `${l}: ${v}`);
  });

  it('replaces ids in engine prose, and leaves other words alone', () => {
    assert.equal(
      labelIds('The facts also fit user_possession_only, social_supplier.'),
      'The facts also fit a person who uses drugs (possession only), social supplier (shares or buys for friends).',
    );
    assert.equal(
      labelIds('depends on: cooperation.truthful_disclosure.'),
      'depends on: "told the government everything (safety-valve proffer)".',
    );
    assert.equal(labelIds('possessed 5 g of cocaine_base'), 'possessed 5 g of cocaine base (crack)');
    assert.equal(
      labelIds('us_fed.usc21_841b.threshold.B.cocaine_base'),
      'us_fed.usc21_841b.threshold.B.cocaine_base',
    );
  });

  it('no finding message of any example case, under any default scenario, contains a contract id', () => {
    const leaks: string[] = [];
    const pattern = new RegExp(`(?<![\\w.])(${ids.map((i) => i.replaceAll('.', '\\.')).join('|')})(?![\\w])`);
    for (const c of cases) {
      const all = [assess(c as never, { evaluationDate: EVALUATION })];
      const parsed = caseSchema.safeParse(c);
      if (parsed.success)
        all.push(...compare(parsed.data, DEFAULT_SCENARIOS, { evaluationDate: EVALUATION }).assessments);
      for (const a of all)
        for (const f of a.findings) {
          const m = pattern.exec(f.message);
          if (m) leaks.push(`${f.code}: …${m[0]}… in "${f.message}"`);
        }
    }
    assert.deepEqual([...new Set(leaks)], []);
  });
});
