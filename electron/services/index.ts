/** Every service the API binds to, built once per running app. */
import type { AppService } from './app.service';
import type { BehaviourService } from './behaviour.service';
import type { CashService } from './cash.service';
import type { ContactsService } from './contacts.service';
import type { DisputesService } from './disputes.service';
import type { CustomersService } from './customers.service';
import type { DocumentsService } from './documents.service';
import type { InterestService } from './interest.service';
import type { ExportsService } from './exports.service';
import type { HandoffsService } from './handoffs.service';
import type { ImportsService } from './imports.service';
import type { InvoicesService } from './invoices.service';
import type { LedgerService } from './ledger.service';
import type { LettersService } from './letters.service';
import type { MailService } from './mail.service';
import type { OutboxService } from './outbox.service';
import type { PaymentsService } from './payments.service';
import type { PlansService } from './plans.service';
import type { PromisesService } from './promises.service';
import type { RemindersService } from './reminders.service';
import type { SettingsService } from './settings.service';
import type { TermsService } from './terms.service';

export interface Services {
  app: AppService;
  settings: SettingsService;
  customers: CustomersService;
  behaviour: BehaviourService;
  cash: CashService;
  invoices: InvoicesService;
  payments: PaymentsService;
  ledger: LedgerService;
  documents: DocumentsService;
  reminders: RemindersService;
  promises: PromisesService;
  disputes: DisputesService;
  contacts: ContactsService;
  letters: LettersService;
  mail: MailService;
  outbox: OutboxService;
  plans: PlansService;
  terms: TermsService;
  interest: InterestService;
  exports: ExportsService;
  handoffs: HandoffsService;
  imports: ImportsService;
}
