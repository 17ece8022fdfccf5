import { z } from 'zod';

/**
 * A sidecar `<file>.meta.json` supplies or overrides what a document's text does not state (see
 * `plan-identity.ts` for what is read from the text): the 2026 plan and the narrative plan have no number, so
 * only the sidecar gives them a stable id.
 */
export const planMetaSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'id chỉ gồm chữ thường không dấu, số và dấu gạch ngang')
      .optional(),
    code: z.string().min(1).nullable().optional(),
    issuer: z.string().min(1).optional(),
    province: z.string().min(1).optional(),
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'date phải có dạng YYYY-MM-DD')
      .nullable()
      .optional(),
    year: z.number().int().min(2000).max(2100).optional(),
    title: z.string().min(1).optional(),
    index: z.string().min(1).optional(),
    appendix: z.string().min(1).nullable().optional(),
  })
  .strict();

export type PlanMeta = z.infer<typeof planMetaSchema>;
