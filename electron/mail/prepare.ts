/**
 * Turns an approved step into a message ready for the outbox: the letter drafted for the
 * customer, the invoices it is about attached as PDFs, one Message-ID made now and kept for
 * good, and the exact bytes composed. Everything here reads; the caller writes the result in
 * the same transaction as the approval.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AppError } from '../../shared/api/errors';
import type { Occasion } from '../../shared/letters/occasions';
import type { Settings } from '../../shared/settings';
import type { DocumentFile } from '../../shared/api/invoices';
import type { DraftInput } from '../../shared/api/letters';
import type { DB } from '../db/schema';
import { planOfStep } from '../plans/plan-letters';
import type { DocumentsService } from '../services/documents.service';
import type { LettersService } from '../services/letters.service';
import { composeMessage, newMessageId, type ComposedAttachment } from './compose';
import type { NewOutboxMessage } from './outbox.repository';

/** At most this many invoice PDFs go with one message; the letter's table lists them all. */
const maxInvoiceAttachments = 10;

export async function prepareMessage(
  deps: {
    db: Kysely<DB>;
    letters: LettersService;
    documents: DocumentsService;
    settings: Settings;
    /** A saved plan's agreement PDF, attached to the plan's confirmation. */
    planAgreement?: ((planId: number) => Promise<DocumentFile>) | undefined;
  },
  request: {
    customerId: number;
    occasion: Occasion;
    itemId: number | null;
    now: Date;
    notBefore: Date | null;
    /** Letter and email: the printable letter goes with the email as a PDF. */
    withLetter?: boolean;
    /** What the letter needs beyond the ledger (a statement's period). */
    letter?: Pick<DraftInput, 'statement'>;
    /** Documents that go with it whatever the occasion (the statement PDF). */
    attachments?: ComposedAttachment[];
    /** Makes the Message-ID from this instead of a random one: the same key, the same message. */
    messageKey?: string;
    /** The input field a refusal names (the queue item by default). */
    field?: string;
  },
): Promise<NewOutboxMessage> {
  const { db } = deps;
  const field = request.field ?? 'itemId';
  const customer = await db
    .selectFrom('customers')
    .select(['id', 'name', 'email', 'cc_emails'])
    .where('id', '=', request.customerId)
    .executeTakeFirstOrThrow();
  if (!customer.email.trim()) {
    throw new AppError(
      'invalid_input',
      `${customer.name} has no email address. Add one on their page, or print the letter and post it.`,
      field,
    );
  }
  const account = await db
    .selectFrom('mail_account')
    .select(['from_name', 'from_address', 'reply_to'])
    .where('id', '=', 1)
    .executeTakeFirst();
  const draft = await deps.letters.draft({
    customerId: customer.id,
    occasion: request.occasion,
    ...(request.itemId !== null ? { itemId: request.itemId } : {}),
    ...request.letter,
  });

  const attachments: ComposedAttachment[] = [...(request.attachments ?? [])];
  if (request.withLetter) {
    const letter = await deps.letters.pdf({
      customerId: customer.id,
      occasion: request.occasion,
      ...(request.itemId !== null ? { itemId: request.itemId } : {}),
    });
    attachments.push({
      fileName: letter.fileName,
      contentType: 'application/pdf',
      content: Buffer.from(letter.contentBase64, 'base64'),
    });
  }
  const item =
    request.itemId === null
      ? null
      : await db
          .selectFrom('reminder_items')
          .select(['invoice_ids', 'step', 'ref'])
          .where('id', '=', request.itemId)
          .executeTakeFirstOrThrow();
  const plan = item ? await planOfStep(db, item) : null;
  if (item && plan && item.step === 'plan_confirmation' && deps.planAgreement) {
    // The agreement goes with the confirmation, for them to sign and send back.
    const agreement = await deps.planAgreement(plan.planId);
    attachments.push({
      fileName: agreement.fileName,
      contentType: 'application/pdf',
      content: Buffer.from(agreement.contentBase64, 'base64'),
    });
  }
  // A plan's letters carry its schedule; the invoices themselves went out long ago.
  if (item && !plan) {
    const ids = (JSON.parse(item.invoice_ids) as number[]).slice(0, maxInvoiceAttachments);
    for (const invoiceId of ids) {
      const pdf = await deps.documents.invoicePdf(invoiceId);
      attachments.push({
        fileName: pdf.fileName,
        contentType: 'application/pdf',
        content: Buffer.from(pdf.contentBase64, 'base64'),
      });
    }
  }

  const fromAddress = account?.from_address ?? deps.settings.email;
  if (!fromAddress) {
    throw new AppError(
      'invalid_input',
      'Add your email address in Settings (or set up a mail account) so messages say who they are from.',
      field,
    );
  }
  const from = { name: account?.from_name || deps.settings.businessName, address: fromAddress };
  const messageId = newMessageId(from.address, request.messageKey ?? randomUUID());
  const cc = JSON.parse(customer.cc_emails) as string[];
  const raw = await composeMessage({
    from,
    to: customer.email,
    cc,
    bcc: [],
    replyTo: account?.reply_to ?? '',
    subject: draft.subject,
    text: draft.text,
    html: draft.html,
    messageId,
    date: request.now,
    attachments,
  });
  return {
    customerId: customer.id,
    itemId: request.itemId,
    // The letter it was written from: a hardship plan's step says so.
    occasion: draft.occasion,
    messageId,
    from,
    replyTo: account?.reply_to ?? '',
    to: customer.email,
    cc,
    subject: draft.subject,
    text: draft.text,
    html: draft.html,
    raw,
    attachments,
    // Without an account the owner sends it from their own mail program.
    state: account ? 'queued' : 'draft',
    notBefore: request.notBefore,
  };
}
