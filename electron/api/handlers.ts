/** Which service answers each method. A method missing here does not compile. */
import type { MethodName, OutputOf, ParsedInputOf } from '../../shared/api/contract';
import { toneCheck } from '../../shared/letters/tone';
import type { Services } from '../services';

export type Handlers = {
  [M in MethodName]: (input: ParsedInputOf<M>) => Promise<OutputOf<M>>;
};

export function createHandlers(services: Services): Handlers {
  return {
    'app.info': () => services.app.info(),
    'settings.get': () => services.settings.get(),
    'settings.update': (patch) => services.settings.update(patch),
    'settings.completeOnboarding': (answers) => services.settings.completeOnboarding(answers),
    'customers.create': (input) => services.customers.create(input),
    'customers.update': (input) => services.customers.update(input),
    'customers.get': ({ id }) => services.customers.get(id),
    'customers.list': (input) => services.customers.list(input),
    'customers.archive': ({ id }) => services.customers.archive(id),
    'customers.restore': ({ id }) => services.customers.restore(id),
    'customers.timeline': ({ id, limit }) => services.customers.timeline(id, limit),
    'invoices.create': (input) => services.invoices.create(input),
    'invoices.get': ({ id }) => services.invoices.get(id),
    'invoices.list': (input) => services.invoices.list(input),
    'invoices.pdf': ({ id }) => services.documents.invoicePdf(id),
    'invoices.issue': ({ id }) => services.invoices.issue(id),
    'invoices.void': ({ id, reason }) => services.invoices.void(id, reason),
    'invoices.writeOff': (input) => services.invoices.writeOff(input),
    'creditNotes.create': (input) => services.invoices.createCreditNote(input),
    'payments.record': (input) => services.payments.record(input),
    'payments.previewAllocation': (input) => services.payments.preview(input),
    'payments.applyCredit': (input) => services.payments.applyCredit(input),
    'payments.refund': (input) => services.payments.refund(input),
    'ledger.aging': (input) => services.ledger.aging(input),
    'ledger.agingDetail': (input) => services.ledger.agingDetail(input),
    'reminders.queue': (input) => services.reminders.queue(input),
    'reminders.act': (input) => services.reminders.act(input),
    'reminders.policy': () => services.reminders.policy(),
    'reminders.updatePolicy': (input) => services.reminders.updatePolicy(input),
    'reminders.resetPolicy': () => services.reminders.resetPolicy(),
    'reminders.setCustomerLadder': (input) => services.reminders.setCustomerLadder(input),
    'reminders.customer': (input) => services.reminders.customer(input),
    'reminders.explain': (input) => services.reminders.explain(input),
    'reminders.pauseInvoice': (input) => services.reminders.pauseInvoice(input),
    'reminders.resumeInvoice': (input) => services.reminders.resumeInvoice(input),
    'promises.create': (input) => services.promises.create(input),
    'promises.cancel': (input) => services.promises.cancel(input),
    'promises.list': (input) => services.promises.list(input),
    'disputes.open': (input) => services.disputes.open(input),
    'disputes.resolve': (input) => services.disputes.resolve(input),
    'disputes.list': (input) => services.disputes.list(input),
    'contacts.logCall': (input) => services.contacts.logCall(input),
    'contacts.list': (input) => services.contacts.list(input),
    // Pure and quick: no service, no database.
    'letters.toneCheck': ({ text, locale, feesAgreed, finalStep }) =>
      Promise.resolve(toneCheck(text, { locale, agreedFees: feesAgreed, finalStep })),
    'letters.templates': () => services.letters.templates(),
    'letters.template': ({ occasion }) => services.letters.template(occasion),
    'letters.saveTemplate': (input) => services.letters.saveTemplate(input),
    'letters.resetTemplate': ({ occasion }) => services.letters.resetTemplate(occasion),
    'letters.draft': (input) => services.letters.draft(input),
    'letters.pdf': (input) => services.letters.pdf(input),
    'mail.account': () => services.mail.account(),
    'mail.updateAccount': (input) => services.mail.updateAccount(input),
    'mail.removeAccount': () => services.mail.removeAccount(),
    'mail.testConnection': () => services.mail.testConnection(),
    'outbox.list': (input) => services.outbox.list(input),
    'outbox.get': ({ id }) => services.outbox.get(id),
    'outbox.retry': ({ id }) => services.outbox.retry(id),
    'outbox.cancel': ({ id }) => services.outbox.cancel(id),
    'outbox.resolve': ({ id, outcome }) => services.outbox.resolve(id, outcome),
    'outbox.edit': (input) => services.outbox.edit(input),
    'outbox.eml': ({ id }) => services.outbox.eml(id),
    'outbox.openInMailProgram': ({ id }) => services.outbox.openInMailProgram(id),
    'outbox.markSent': ({ id }) => services.outbox.markSent(id),
    'outbox.sendNow': () => services.outbox.sendNow(),
  };
}
