// The one table of the mandated parts: in the order of the schema's ids, and what every list derives from it.
import { describe, expect, it } from 'vitest';
import { CORE_PART_IDS, MANDATED_PARTS, ORGAN_KINDS, PART_LABELS, PART_NAMES, requiredPartIds } from '../../shared/model/parts';
import { MANDATED_PART_IDS } from '../../shared/model/schema';
import { recognizeMandatedParts } from '../../shared/outline/parts';

describe('the mandated parts table', () => {
  it('lists the schema ids in order, each with a name and a label', () => {
    expect(MANDATED_PARTS.map((p) => p.id)).toEqual([...MANDATED_PART_IDS]);
    for (const p of MANDATED_PARTS) {
      expect(PART_NAMES[p.id]).toMatch(/[\u4e00-\u9fa5]/);
      expect(PART_LABELS[p.id]).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(PART_LABELS.leadership).toBe('第一责任人履职情况');
  });

  it('requires the four parts of the rule of every kind of organ; the other matters are optional', () => {
    for (const kind of ORGAN_KINDS) expect(requiredPartIds(kind)).toEqual(['achievements', 'shortcomings', 'leadership', 'plans']);
    expect(CORE_PART_IDS).toEqual(['achievements', 'shortcomings', 'plans']);
  });

  it('is what the outline reports missing', () => {
    expect(recognizeMandatedParts({ body: [] }).missing).toEqual(requiredPartIds());
  });
});
