// Pieces several operation groups share (each group is its own chunk; the client loads one on its first call).
import * as z from 'zod/mini';

export const id = z.string().check(z.minLength(1), z.maxLength(100));
export const isoDateTime = z.iso.datetime({ offset: true });

export const consentAnswerSchema = z.object({
  documentId: id,
  version: z.string().check(z.maxLength(40)),
  agreed: z.boolean(),
});
export type ConsentAnswer = z.infer<typeof consentAnswerSchema>;
