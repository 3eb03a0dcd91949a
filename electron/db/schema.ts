/**
 * The database as Kysely sees it: one interface per table, in one place. Column names are
 * snake_case as stored; services map rows to the domain's camelCase types.
 */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { OutboxState } from '../../shared/mail/outbox';

export interface SettingsTable {
  /** Always 1: the settings are a single row. */
  id: number;
  business_name: string;
  address: string;
  email: string;
  phone: string;
  payment_instructions: string;
  currency: string;
  locale: string;
  time_zone: string;
  /** Comma-separated weekdays, e.g. `mon,tue,wed,thu,fri`. */
  contact_days: string;
  contact_start: string;
  contact_end: string;
  onboarded_at: string | null;
  updated_at: string;
  invoice_prefix: Generated<string>;
  next_invoice_number: Generated<number>;
}

/** What happened, when: every change appends one row in its own transaction. */
export interface EventsTable {
  id: Generated<number>;
  occurred_at: string;
  /** Dotted kind, e.g. `settings.updated`. */
  kind: string;
  /** One plain sentence for the timeline. */
  summary: string;
  /** JSON: before/after values and whatever else explains the change. */
  details: string;
  /** The customer whose timeline it belongs to; null for business-wide events. */
  customer_id: number | null;
}

export type CustomerKind = 'company' | 'sole_trader' | 'consumer';

export interface CustomersTable {
  id: Generated<number>;
  name: string;
  company: Generated<string>;
  kind: CustomerKind;
  contact_person: Generated<string>;
  email: Generated<string>;
  /** JSON array of addresses copied on every message. */
  cc_emails: Generated<string>;
  phone: Generated<string>;
  address: Generated<string>;
  /** Null: the business's. */
  locale: string | null;
  time_zone: string | null;
  notes: Generated<string>;
  /** JSON array of strings. */
  tags: Generated<string>;
  do_not_contact: Generated<number>;
  do_not_contact_reason: Generated<string>;
  do_not_contact_until: string | null;
  credit_hold: Generated<number>;
  credit_hold_reason: Generated<string>;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
  /** Which ladder chases them: the business's, their own (`reminders_ladder`), or none. */
  reminders_mode: Generated<'business' | 'custom' | 'none'>;
  /** JSON ladder when `reminders_mode` is `custom`. */
  reminders_ladder: string | null;
  /** The import that created it, if one did. */
  import_id: number | null;
  /** The latest payment allocated to it, kept by triggers (migration 0011); null if none. */
  last_paid_on: Generated<string | null>;
}

export type TermsKind = 'on_receipt' | 'net' | 'end_of_month' | 'fixed_date';

export interface InvoicesTable {
  id: Generated<number>;
  customer_id: number;
  number: string;
  /** Where it came from: `goodwill` when made here, else the import source. */
  source: Generated<string>;
  external_id: string | null;
  issue_date: string;
  due_date: string;
  currency: string;
  terms_kind: TermsKind;
  terms_days: Generated<number>;
  discount_percent: string | null;
  discount_days: number | null;
  notes: Generated<string>;
  net_amount: number;
  tax_amount: number;
  total_amount: number;
  /** Paid + credited + written off: a sum kept beside its rows for aging (see migration). */
  settled_amount: Generated<number>;
  is_draft: Generated<number>;
  voided_at: string | null;
  void_reason: Generated<string>;
  created_at: string;
  updated_at: string;
  /** Chasing of this invoice waits until this date, inclusive. */
  chase_paused_until: string | null;
  chase_pause_reason: Generated<string>;
  /** The import that created it, if one did. */
  import_id: number | null;
}

export interface InvoiceLinesTable {
  id: Generated<number>;
  invoice_id: number;
  position: number;
  description: string;
  quantity: string;
  unit_price: number;
  tax_rate: string | null;
  net_amount: number;
  tax_amount: number;
}

export interface PaymentsTable {
  id: Generated<number>;
  customer_id: number;
  date: string;
  amount: number;
  currency: string;
  method: Generated<string>;
  reference: Generated<string>;
  source: Generated<string>;
  external_id: string | null;
  /** Allocated + refunded: a sum kept beside its rows for unapplied credit (see migration). */
  applied_amount: Generated<number>;
  created_at: string;
  /** The import that created it, if one did. */
  import_id: number | null;
}

export interface AllocationsTable {
  id: Generated<number>;
  payment_id: number;
  invoice_id: number;
  amount: number;
  created_at: string;
}

export interface RefundsTable {
  id: Generated<number>;
  payment_id: number;
  date: string;
  amount: number;
  method: Generated<string>;
  reference: Generated<string>;
  created_at: string;
}

export interface CreditNotesTable {
  id: Generated<number>;
  invoice_id: number;
  date: string;
  amount: number;
  reason: string;
  created_at: string;
}

export interface WriteOffsTable {
  id: Generated<number>;
  invoice_id: number;
  date: string;
  amount: number;
  reason: string;
  created_at: string;
}

export interface ReminderSettingsTable {
  id: number;
  /** JSON Ladder. */
  ladder: string;
  min_gap_days: number;
  messages_per_7_days: number;
  calls_per_7_days: number;
  promise_grace_days: number;
  updated_at: string;
}

export interface ReminderEpisodesTable {
  id: Generated<number>;
  customer_id: number;
  number: number;
  started_on: string;
  ended_on: string | null;
}

export type ReminderItemStatus = 'open' | 'approved' | 'skipped' | 'done';

export interface ReminderItemsTable {
  id: Generated<number>;
  customer_id: number;
  step: string;
  episode: number;
  ref: Generated<number>;
  channel: string;
  autopilot: Generated<number>;
  status: ReminderItemStatus;
  /** JSON array of invoice ids. */
  invoice_ids: string;
  /** JSON ItemSummary (electron/reminders/item-summary.ts). */
  summary: string;
  /** JSON array of sentences. */
  why: string;
  /** JSON array of step keys. */
  skipped_steps: string;
  proposed_on: string;
  proposed_at: string;
  snoozed_until: string | null;
  acted_at: string | null;
  send_after: string | null;
  act_note: Generated<string>;
}

export type CallOutcome =
  'reached' | 'no_answer' | 'voicemail' | 'promised' | 'disputed' | 'wrong_number';

export interface ContactsTable {
  id: Generated<number>;
  customer_id: number;
  channel: 'email' | 'letter' | 'letter_email' | 'call';
  occurred_at: string;
  item_id: number | null;
  step: string | null;
  outcome: CallOutcome | null;
  note: Generated<string>;
  created_at: string;
}

export interface PromisesTable {
  id: Generated<number>;
  customer_id: number;
  made_on: string;
  date: string;
  amount: number;
  currency: string;
  channel: 'phone' | 'email' | 'letter' | 'in_person' | 'other';
  note: Generated<string>;
  outcome: 'kept' | 'broken' | 'cancelled' | null;
  closed_on: string | null;
  created_at: string;
}

export interface DisputesTable {
  id: Generated<number>;
  customer_id: number;
  reason: string;
  note: Generated<string>;
  opened_on: string;
  resolved_on: string | null;
  resolution: 'upheld' | 'rejected' | null;
  resolution_note: Generated<string>;
  created_at: string;
}

export interface DisputeInvoicesTable {
  dispute_id: number;
  invoice_id: number;
}

export interface LetterTemplatesTable {
  id: Generated<number>;
  occasion: string;
  version: number;
  /** Null (with body): this version is the default text. */
  subject: string | null;
  body: string | null;
  created_at: string;
}

export interface MailAccountTable {
  id: number;
  host: string;
  port: number;
  security: 'tls' | 'starttls' | 'none';
  username: Generated<string>;
  from_name: Generated<string>;
  from_address: string;
  reply_to: Generated<string>;
  bcc_self: Generated<number>;
  password_sealed: Buffer | null;
  updated_at: string;
}

export interface OutboxTable {
  id: Generated<number>;
  customer_id: number;
  item_id: number | null;
  occasion: string | null;
  message_id: string;
  from_name: Generated<string>;
  from_address: string;
  reply_to: Generated<string>;
  to_address: string;
  /** JSON array of addresses. */
  cc: Generated<string>;
  subject: string;
  text_body: string;
  html_body: string;
  state: OutboxState;
  attempts: Generated<number>;
  first_tried_at: string | null;
  next_attempt_at: string | null;
  last_error: string | null;
  response: string | null;
  /** The exact bytes sent (RFC 5322), kept once sent. */
  raw: Buffer | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
}

export interface OutboxAttachmentsTable {
  id: Generated<number>;
  outbox_id: number;
  file_name: string;
  content_type: string;
  content: Buffer;
}

export type PlanState = 'proposed' | 'active' | 'completed' | 'defaulted' | 'cancelled';

export interface PlansTable {
  id: Generated<number>;
  customer_id: number;
  currency: string;
  total: number;
  deposit: Generated<number>;
  frequency: 'weekly' | 'fortnightly' | 'monthly';
  state: PlanState;
  hardship: Generated<number>;
  /** Where the remainder goes, as the agreement states it. */
  remainder_rule: string;
  created_at: string;
  updated_at: string;
  activated_at: string | null;
  ended_at: string | null;
  end_reason: Generated<string>;
  activation: Generated<'signature' | 'first_payment'>;
  /** Null: no check-ins. */
  check_in_days: number | null;
  grace_days: Generated<number>;
  pause_until: string | null;
  replaces_plan_id: number | null;
}

export interface PlanDocumentsTable {
  id: Generated<number>;
  plan_id: number;
  kind: 'signed_agreement';
  file_name: string;
  media_type: 'application/pdf' | 'image/jpeg' | 'image/png';
  size: number;
  sha256: string;
  /** Relative to the data folder. */
  stored_as: string;
  attached_at: string;
}

export interface PlanInvoicesTable {
  plan_id: number;
  invoice_id: number;
}

export interface PlanInstalmentsTable {
  id: Generated<number>;
  plan_id: number;
  /** 0 is the deposit. */
  number: number;
  due_date: string;
  amount: number;
}

export interface BusinessTermsTable {
  /** Always 1: one row. */
  id: number;
  /** JSON PaymentTermsSetting (shared/interest/terms.ts). */
  payment_terms: string;
  /** JSON LateTerms. */
  late_terms: string;
  updated_at: string;
}

export interface CustomerTermsTable {
  customer_id: number;
  /** JSON PaymentTermsSetting; null: the business's. */
  payment_terms: string | null;
  /** JSON LateTerms; null: the business's. */
  late_terms: string | null;
  updated_at: string;
}

export interface ReferenceRatesTable {
  id: Generated<number>;
  source: 'boe_base' | 'ecb_mro';
  effective_from: string;
  rate_percent: string;
  created_at: string;
}

export interface InterestClaimsTable {
  id: Generated<number>;
  customer_id: number;
  invoice_id: number;
  charge_invoice_id: number;
  currency: string;
  amount: number;
  interest_from: string | null;
  interest_through: string | null;
  one_off: Generated<number>;
  /** JSON ClaimWorkings (shared/interest/claims.ts). */
  workings: string;
  claimed_on: string;
  created_at: string;
}

export interface InterestWaiversTable {
  id: Generated<number>;
  claim_id: number;
  credit_note_id: number;
  amount: number;
  note: Generated<string>;
  waived_on: string;
  created_at: string;
}

export interface HandoffsTable {
  id: Generated<number>;
  customer_id: number;
  agency: Generated<string>;
  note: Generated<string>;
  item_id: number | null;
  handed_over_at: string;
  /** Inside the data folder's `handoffs/`. */
  file_name: string;
  taken_back_at: string | null;
  taken_back_reason: Generated<string>;
}

export type ImportKindColumn = 'invoices' | 'payments' | 'customers';

export interface ImportsTable {
  id: Generated<number>;
  source: string;
  file_name: string;
  checksum: string;
  kind: ImportKindColumn;
  /** JSON ImportCounts (shared/api/imports.ts). */
  counts: string;
  created_at: string;
  undone_at: string | null;
}

export interface ImportChangesTable {
  id: Generated<number>;
  import_id: number;
  entity: 'customer' | 'invoice' | 'payment';
  entity_id: number;
  action: 'updated';
  /** JSON of the changed columns before the import. */
  before: string;
}

export interface ImportMappingsTable {
  header_key: string;
  kind: ImportKindColumn;
  /** JSON ColumnMapping. */
  mapping: string;
  updated_at: string;
}

/** What the owner answered about a file readable two ways, by its header (migration 0012). */
export interface ImportAnswersTable {
  header_key: string;
  number_format: 'dot' | 'comma' | null;
  date_order: 'dmy' | 'mdy' | null;
  updated_at: string;
}

export interface SchemaMigrationsTable {
  name: string;
  checksum: string;
  applied_at: string;
}

export interface DB {
  settings: SettingsTable;
  events: EventsTable;
  schema_migrations: SchemaMigrationsTable;
  customers: CustomersTable;
  invoices: InvoicesTable;
  invoice_lines: InvoiceLinesTable;
  payments: PaymentsTable;
  allocations: AllocationsTable;
  refunds: RefundsTable;
  credit_notes: CreditNotesTable;
  write_offs: WriteOffsTable;
  reminder_settings: ReminderSettingsTable;
  reminder_episodes: ReminderEpisodesTable;
  reminder_items: ReminderItemsTable;
  contacts: ContactsTable;
  promises: PromisesTable;
  disputes: DisputesTable;
  dispute_invoices: DisputeInvoicesTable;
  letter_templates: LetterTemplatesTable;
  mail_account: MailAccountTable;
  outbox: OutboxTable;
  outbox_attachments: OutboxAttachmentsTable;
  plans: PlansTable;
  plan_invoices: PlanInvoicesTable;
  plan_instalments: PlanInstalmentsTable;
  plan_documents: PlanDocumentsTable;
  business_terms: BusinessTermsTable;
  customer_terms: CustomerTermsTable;
  reference_rates: ReferenceRatesTable;
  interest_claims: InterestClaimsTable;
  interest_waivers: InterestWaiversTable;
  handoffs: HandoffsTable;
  imports: ImportsTable;
  import_changes: ImportChangesTable;
  import_mappings: ImportMappingsTable;
  import_answers: ImportAnswersTable;
}

export type SettingsRow = Selectable<SettingsTable>;
export type NewSettingsRow = Insertable<SettingsTable>;
export type SettingsRowUpdate = Updateable<SettingsTable>;
export type EventRow = Selectable<EventsTable>;
export type NewEvent = Insertable<EventsTable>;
export type CustomerRow = Selectable<CustomersTable>;
export type InvoiceRow = Selectable<InvoicesTable>;
export type InvoiceLineRow = Selectable<InvoiceLinesTable>;
export type PaymentRow = Selectable<PaymentsTable>;
