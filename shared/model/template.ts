// Report templates (shared, pure): the mandated outline with writing guidance and the rule settings a report inherits.
import { z } from 'zod';
import { splitHintsInRawBlocks } from './hints';
import { Block, MandatedPartId, RuleSettings } from './schema';

export const TemplateSource = z.enum(['builtin', 'user', 'team']);
export type TemplateSource = z.infer<typeof TemplateSource>;

export const PartGuidance = z.object({
  part: MandatedPartId,
  /** What belongs in this part, shown beside the editor. */
  text: z.string(),
  /** Indicators reviewers look for in this part (shown as a checklist). */
  indicators: z.array(z.string()).default([]),
});
export type PartGuidance = z.infer<typeof PartGuidance>;

export const Template = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
  name: z.string().min(1),
  description: z.string().default(''),
  source: TemplateSource.default('user'),
  /** Default 主送机关 for reports made from it. */
  addressee: z.string().default(''),
  /**
   * The skeleton: headings (tagged with their mandated parts) and paragraphs, placeholders like 【××件】 allowed.
   * Writing hints written as plain text (user and team templates made before hint leaves existed) become hint leaves.
   */
  body: z.preprocess(splitHintsInRawBlocks, z.array(Block)),
  guidance: z.array(PartGuidance).default([]),
  rules: RuleSettings,
});
export type Template = z.infer<typeof Template>;
export type TemplateInput = z.input<typeof Template>;

export const TemplateSummary = Template.pick({ id: true, name: true, description: true, source: true });
export type TemplateSummary = z.infer<typeof TemplateSummary>;
