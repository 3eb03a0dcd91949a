/**
 * The default letter for every occasion: plain words, short sentences, no blame. Written
 * in British spelling; `spellFor` turns it into American spelling for en-US customers. Each
 * states what it is about, how much, how to pay, one clear ask and an open door
 * (../shared/reference/letters-and-readability.md, B.3).
 */
import type { LetterTemplate } from './render';
import type { Occasion } from './occasions';

const greeting = 'Dear {{customer.greetingName}},';
/** "invoice INV-1" or "invoices INV-1 and INV-2". */
const invoiceWord =
  '{{#severalInvoices}}invoices{{/severalInvoices}}{{^severalInvoices}}invoice{{/severalInvoices}}';
const InvoiceWord =
  '{{#severalInvoices}}Invoices{{/severalInvoices}}{{^severalInvoices}}Invoice{{/severalInvoices}}';
const signOff = `Kind regards,

{{business.name}}
{{business.email}}{{#business.phone}}
{{business.phone}}{{/business.phone}}`;
const alreadyPaid = 'If you have already paid, thank you, and please ignore this note.';
const questions =
  'If anything about {{#severalInvoices}}these invoices{{/severalInvoices}}{{^severalInvoices}}this invoice{{/severalInvoices}} looks wrong, just reply and we will sort it out together.';
const received = `{{#hasPaymentsReceived}}Thank you for the {{receivedTotal}} you have paid since we last wrote.

{{/hasPaymentsReceived}}`;

/** Late charges claimed, with their workings; and a waiver, said kindly. Nothing when none. */
const lateCharges = `{{#hasLateCharges}}As our terms allow, late-payment charges of {{lateChargesTotal}} have been added. This is how they were worked out:

{{lateChargesWorkings}}

{{lateChargesBasis}}

{{/hasLateCharges}}{{#hasWaiver}}{{waiverNote}}

{{/hasWaiver}}`;

const gb: Record<Occasion, LetterTemplate> = {
  courtesy: {
    subject: `${InvoiceWord} {{invoiceNumbers}} from {{business.name}}: due on {{oldest.dueDate}}`,
    body: `${greeting}

A quick, friendly note: {{#severalInvoices}}invoices {{invoiceNumbers}} are{{/severalInvoices}}{{^severalInvoices}}invoice {{invoiceNumbers}} is{{/severalInvoices}} due on {{oldest.dueDate}}, for {{totalOpen}}.

{{invoiceTable}}

You can pay like this:

{{howToPay}}

Thank you for your business. ${questions}

${signOff}`,
  },
  slipped: {
    subject: `${InvoiceWord} {{invoiceNumbers}} from {{business.name}}`,
    body: `${greeting}

${received}I think {{#severalInvoices}}these invoices{{/severalInvoices}}{{^severalInvoices}}this invoice{{/severalInvoices}} may have slipped through. {{totalOpen}} was due on {{oldest.dueDate}}.

{{invoiceTable}}

${lateCharges}You can pay like this:

{{howToPay}}

${alreadyPaid} ${questions}

${signOff}`,
  },
  reminder: {
    subject: `Reminder: ${invoiceWord} {{invoiceNumbers}} from {{business.name}}`,
    body: `${greeting}

${received}This is a reminder that {{totalOpen}} is still open. The oldest invoice, {{oldest.number}}, was due on {{oldest.dueDate}}.

{{invoiceTable}}

${lateCharges}Here is every way to pay:

{{howToPay}}

Could you let me know when I can expect payment? ${alreadyPaid}

${signOff}`,
  },
  check_in: {
    subject: `Checking in about ${invoiceWord} {{invoiceNumbers}}`,
    body: `${greeting}

${received}I wanted to check that all is well. {{totalOpen}} is still open, and invoice {{oldest.number}} is now {{oldest.daysOverdue}} days past its due date.

{{invoiceTable}}

${lateCharges}Is anything holding it up? If paying it all at once is hard right now, we can split it into smaller payments. Just reply with what would work for you.

You can pay like this:

{{howToPay}}

${alreadyPaid}

${signOff}`,
  },
  firm: {
    subject: `Overdue: ${invoiceWord} {{invoiceNumbers}} from {{business.name}}`,
    body: `${greeting}

${received}{{totalOpen}} is still unpaid. Invoice {{oldest.number}} was due on {{oldest.dueDate}}, {{oldest.daysOverdue}} days ago. Our terms were {{terms}}.

{{invoiceTable}}

${lateCharges}Please pay within the next 7 days, or reply to let me know when you will pay. If there is a problem with the work or the invoice, tell me and I will look into it straight away.

You can pay like this:

{{howToPay}}

${alreadyPaid}

${signOff}`,
  },
  final: {
    subject: `Final notice: ${invoiceWord} {{invoiceNumbers}} from {{business.name}}`,
    body: `${greeting}

${received}I have written about {{totalOpen}}, which is still unpaid. This is my final letter before I take the next step.

{{invoiceTable}}

${lateCharges}If it is not paid or agreed by {{nextStep.date}}, I will {{nextStep.text}}. I would much rather sort this out with you directly.

We can still agree a payment plan that suits you. Just reply or call me before {{nextStep.date}}.

You can pay like this:

{{howToPay}}

${alreadyPaid}

${signOff}`,
  },
  agency_notice: {
    subject: `${InvoiceWord} {{invoiceNumbers}}: passed to {{agency.name}}`,
    body: `${greeting}

{{totalOpen}} is still unpaid, and we have not been able to agree a way forward. I have asked {{agency.name}} to collect it for me.

{{invoiceTable}}

{{agency.name}} may contact you. You can reach them at {{agency.contact}}.

You can still pay me directly until {{agency.payDirectUntil}}:

{{howToPay}}

If you think anything here is wrong, please tell me and I will look into it.

${signOff}`,
  },
  thank_you: {
    subject: `Thank you from {{business.name}}`,
    body: `${greeting}

Thank you for your payment{{#hasPaymentsReceived}} of {{receivedTotal}}{{/hasPaymentsReceived}}. Your account is now settled.

I really value your business, and I look forward to working with you again.

${signOff}`,
  },
  promise_confirmation: {
    subject: `Thank you: payment of {{promise.amount}} by {{promise.date}}`,
    body: `${greeting}

Thank you for letting me know. I have noted that you plan to pay {{promise.amount}} by {{promise.date}}. I will not send any reminders before then.

{{invoiceTable}}

You can pay like this:

{{howToPay}}

If anything changes, just let me know.

${signOff}`,
  },
  promise_broken: {
    subject: `Checking in about ${invoiceWord} {{invoiceNumbers}}`,
    body: `${greeting}

${received}You planned to pay {{promise.amount}} by {{promise.date}}, and I have not seen it come through yet. These things happen, so I wanted to check in.

{{invoiceTable}}

Could you let me know a new date that works for you? If it would help to pay in smaller parts, we can set that up.

You can pay like this:

{{howToPay}}

${alreadyPaid}

${signOff}`,
  },
  plan_confirmation: {
    subject: `Your payment plan with {{business.name}}`,
    body: `${greeting}

Thank you for helping me organise a plan. Here it is: {{plan.count}} {{plan.frequency}} payments, {{plan.total}} in all, starting on {{plan.firstDate}} and ending on {{plan.lastDate}}. It covers {{#severalInvoices}}invoices{{/severalInvoices}}{{^severalInvoices}}invoice{{/severalInvoices}} {{invoiceNumbers}}.

{{planSchedule}}

You can pay each one like this:

{{howToPay}}

While the plan runs, I will not send reminders. If a payment is ever hard to make, tell me and we will find a way.

${signOff}`,
  },
  plan_check_in: {
    subject: `Your next plan payment: {{plan.nextAmount}} on {{plan.nextDate}}`,
    body: `${greeting}

Just a friendly note: the next payment under our plan for ${invoiceWord} {{invoiceNumbers}}, {{plan.nextAmount}}, is due on {{plan.nextDate}}.

You can pay like this:

{{howToPay}}

If this one is hard to make, tell me before then and we will find a way together.

${alreadyPaid}

${signOff}`,
  },
  plan_missed: {
    subject: `Your payment plan: {{plan.missedAmount}} due on {{plan.missedDate}}`,
    body: `${greeting}

I have not yet seen the payment of {{plan.missedAmount}} that was due on {{plan.missedDate}}, under our plan for {{#severalInvoices}}invoices{{/severalInvoices}}{{^severalInvoices}}invoice{{/severalInvoices}} {{invoiceNumbers}}. It may just be on its way.

{{planSchedule}}

If it is hard to make this payment, please tell me. We can change the plan so it works for you.

You can pay like this:

{{howToPay}}

${alreadyPaid}

${signOff}`,
  },
  plan_completed: {
    subject: `Your payment plan is complete: thank you`,
    body: `${greeting}

Your payment plan is now complete, and there is nothing left to pay. Thank you for keeping to it.

I would be glad to work with you again.

${signOff}`,
  },
  plan_confirmation_hardship: {
    subject: `Your payment plan with {{business.name}}`,
    body: `${greeting}

Thank you for talking to me. I know things are hard at the moment, and I am glad we found a plan that suits you.

Here it is: {{plan.count}} {{plan.frequency}} payments, {{plan.total}} in all, starting on {{plan.firstDate}} and ending on {{plan.lastDate}}. It covers ${invoiceWord} {{invoiceNumbers}}.

{{planSchedule}}

You can pay each one like this:

{{howToPay}}

While the plan runs, I will not send reminders. If things change for you, just tell me. We can pause the plan for a while, or make the payments smaller.

If you would like free, confidential advice about money, you can contact {{adviceLine}}.

${signOff}`,
  },
  plan_check_in_hardship: {
    subject: `Your next plan payment: {{plan.nextAmount}} on {{plan.nextDate}}`,
    body: `${greeting}

I hope you are keeping well. A gentle note: the next payment under our plan for ${invoiceWord} {{invoiceNumbers}}, {{plan.nextAmount}}, is due on {{plan.nextDate}}.

You can pay like this:

{{howToPay}}

If this one is hard to make, that is all right. Just tell me, and we can pause the plan or make the payments smaller.

Free, confidential advice about money is there if you want it: {{adviceLine}}.

${alreadyPaid}

${signOff}`,
  },
  plan_missed_hardship: {
    subject: `Your payment plan: just checking in`,
    body: `${greeting}

I wanted to check in with you. The payment of {{plan.missedAmount}} that was due on {{plan.missedDate}}, under our plan for ${invoiceWord} {{invoiceNumbers}}, has not reached me yet. It may just be on its way.

If things have got harder, tell me what would help. We can pause the plan for a while, or make the payments smaller. There is no rush to reply.

{{planSchedule}}

Free, confidential advice about money is there if you want it: {{adviceLine}}.

When you are ready, you can pay like this:

{{howToPay}}

${alreadyPaid}

${signOff}`,
  },
  plan_completed_hardship: {
    subject: `Your payment plan is complete: thank you`,
    body: `${greeting}

Your payment plan is now complete, and there is nothing left to pay. Thank you. I know it has not been an easy time, and I am grateful that you kept in touch.

If you ever want it, free and confidential advice about money is still there for you: {{adviceLine}}.

I wish you all the best, and I would be glad to work with you again.

${signOff}`,
  },
  hardship: {
    subject: `We can help with ${invoiceWord} {{invoiceNumbers}}`,
    body: `${greeting}

I realise things are hard at the moment. There is no need to pay everything now.

{{invoiceTable}}

Here is what I can offer. We can pause reminders for a while. We can also split what is left, {{totalOpen}}, into smaller payments that suit you. Just tell me what would help.

If you would like free, confidential advice about money, you can contact {{adviceLine}}.

Take your time to reply.

${signOff}`,
  },
  dispute_ack: {
    subject: `Your query about ${invoiceWord} {{invoiceNumbers}}`,
    body: `${greeting}

Thank you for telling me about this: {{dispute.reason}}. I apologise for any trouble it has caused.

I have paused all reminders about it while I look into it. I will get back to you as soon as I can.

{{invoiceTable}}

If there is anything else I should know, just reply to this email.

${signOff}`,
  },
  statement: {
    subject: `Your statement from {{business.name}} to {{statement.asOf}}`,
    body: `${greeting}

Here is your statement from {{statement.from}} to {{statement.asOf}}. The full statement, with every invoice and payment, is attached as a PDF.

{{statementTable}}

The balance was {{statement.opening}} before {{statement.from}} and is {{statement.closing}} on {{statement.asOf}}. {{statement.aging}}

${lateCharges}If you would like to pay, this is how:

{{howToPay}}

If anything looks wrong, just reply and we will sort it out.

${signOff}`,
  },
};

/** British spellings in the defaults, and their American forms. */
const americanSpellings: [RegExp, string][] = [
  [/\borganis(e|ed|ing)\b/g, 'organiz$1'],
  [/\brealis(e|ed|ing)\b/g, 'realiz$1'],
  [/\bapologis(e|ed|ing)\b/g, 'apologiz$1'],
  [/\bfavour\b/g, 'favor'],
  [/\bcheque\b/g, 'check'],
  [/\backnowledgement\b/g, 'acknowledgment'],
  [/\bwhilst\b/g, 'while'],
];

export function spellFor(text: string, locale: string): string {
  if (locale !== 'en-US') return text;
  return americanSpellings.reduce(
    (result, [pattern, replacement]) => result.replace(pattern, replacement),
    text,
  );
}

export function defaultTemplate(occasion: Occasion, locale: string): LetterTemplate {
  const template = gb[occasion];
  return { subject: spellFor(template.subject, locale), body: spellFor(template.body, locale) };
}
