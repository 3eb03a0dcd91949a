/**
 * handoffs.*: handing a customer's debt to a collection agency, a decision the owner takes
 * (from the Today queue's +90 step, or the customer's page), never Goodwill on its own. It makes
 * the dossier (a zip: a PDF and CSVs) and stops chasing, until the owner takes it back.
 */
import { z } from 'zod';
import { id, text } from './fields';
import type { DocumentFile } from './invoices';
import { method } from './method';

export interface Handoff {
  id: number;
  customerId: number;
  agency: string;
  note: string;
  handedOverAt: string;
  /** The dossier's file name, kept in the data folder's `handoffs/`. */
  fileName: string;
  takenBackAt: string | null;
  takenBackReason: string;
}

export const handOverSchema = z
  .object({
    customerId: id,
    /** The Today item (the agency decision) this is taken from. */
    itemId: id.optional(),
    agency: text(200, 'agency name').optional(),
    note: text(2000, 'note').optional(),
  })
  .strict();
export type HandOverInput = z.output<typeof handOverSchema>;

export const handoffMethods = {
  'handoffs.create': method(handOverSchema).returns<{ handoff: Handoff; dossier: DocumentFile }>(),
  'handoffs.takeBack': method(
    z
      .object({
        customerId: id,
        reason: z
          .string('Please say why chasing starts again.')
          .trim()
          .min(1, 'Please say why chasing starts again.')
          .max(500, 'Please keep the reason under 500 characters.'),
      })
      .strict(),
  ).returns<Handoff>(),
  'handoffs.list': method(z.object({ customerId: id }).strict()).returns<Handoff[]>(),
  'handoffs.dossier': method(z.object({ id }).strict()).returns<DocumentFile>(),
};
