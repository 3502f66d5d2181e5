// Text and date pieces the shapes share.
import * as z from 'zod/mini';

export const text = (max: number) => z.string().check(z.maxLength(max));
export const optionalText = (max: number) => z.optional(text(max));
export const isoDateTime = z.iso.datetime({ offset: true });
/** `YYYY-MM-DD`. */
export const isoDate = z.iso.date();
