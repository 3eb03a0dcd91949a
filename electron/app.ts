/**
 * The app's core, the same under Electron and headless: opens the ledger (backing it up and
 * migrating it first), builds the services and starts the scheduler. `close` undoes it all.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppInfo } from '../shared/api/app';
import type { Clock } from '../shared/dates';
import type { BusinessSettings } from '../shared/settings';
import { createBackupService, type BackupService } from './db/backups';
import { closeConnection, openConnection, type Connection } from './db/connection';
import { migrations } from './db/migrations';
import { migrate } from './db/migrator';
import type { Logger } from './logger';
import { machineDefaults } from './machine-defaults';
import { databaseFileName } from './paths';
import { startBackupSchedule } from './scheduler/backups';
import { createAppService } from './services/app.service';
import { businessContext } from './services/business-day';
import { createCustomersService } from './services/customers.service';
import { createDocumentsService } from './services/documents.service';
import { createDownloads, type Downloads } from './exports/downloads';
import { exportFolderName, sweepExportFolder } from './exports/export-folder';
import type { SaveFileAs } from './save-dialog';
import { createExportsService } from './services/exports.service';
import { createHandoffsService } from './services/handoffs.service';
import { createStatementsService } from './services/statements.service';
import { createInvoicesService } from './services/invoices.service';
import { createLedgerService } from './services/ledger.service';
import { createBehaviourService } from './services/behaviour.service';
import { createCashService } from './services/cash.service';
import { createPaymentsService } from './services/payments.service';
import type { Services } from './services';
import { createSettingsService } from './services/settings.service';
import { createContactsService } from './services/contacts.service';
import { createDisputesService } from './services/disputes.service';
import { createPromisesService } from './services/promises.service';
import { createLettersService } from './services/letters.service';
import { createRemindersService, type RemindersService } from './services/reminders.service';
import { createReminderEngine, type ReminderEngine } from './reminders/engine';
import { startReminderSchedule } from './scheduler/reminders';
import { sendingAccount } from './mail/account';
import { createOutboxWorker, type OutboxWorker } from './mail/outbox-worker';
import { headlessSecretStore, type SecretStore } from './mail/secret-store';
import type { SmtpSettings } from './mail/smtp-send';
import { createMailService } from './services/mail.service';
import { createOutboxService } from './services/outbox.service';
import { createPlansService } from './services/plans.service';
import { createInterestService } from './services/interest.service';
import { createTermsService } from './services/terms.service';
import { createImportsService } from './services/imports.service';
import { appVersion } from './version';

export interface AppOptions {
  dataDir: string;
  clock: Clock;
  mode: AppInfo['mode'];
  log: Logger;
  defaults?: BusinessSettings;
  /** False: no timed reminder ticks (tests drive `reminders.tick` themselves). */
  reminderSchedule?: boolean;
  /** Where the SMTP password is kept: safeStorage in Electron; the environment or memory headless. */
  secrets?: SecretStore;
  /** False: the outbox is not sent in the background (tests drain it themselves). */
  mailer?: boolean;
  /** Extra TLS trust for the mail server (tests' self-signed certificate). */
  mailTls?: SmtpSettings['tls'];
  /** Opens a file with the system's program for it (Electron's shell); absent headless. */
  openFile?: (path: string) => Promise<string>;
  /** Opens the print dialog for a PDF file (Electron); absent headless, where it downloads. */
  printPdf?: (path: string) => Promise<void>;
  /** Asks where to save an export (Electron's save dialog); absent headless, where it downloads. */
  saveFileAs?: SaveFileAs;
}

export interface AppCore {
  services: Services;
  connection: Connection;
  backups: BackupService;
  reminders: ReminderEngine;
  outbox: OutboxWorker;
  /** Headless mode's one-time downloads, served by the HTTP server. */
  downloads: Downloads;
  databaseFile: string;
  close(): Promise<void>;
}

export async function createApp(options: AppOptions): Promise<AppCore> {
  const { dataDir, clock, log } = options;
  await mkdir(dataDir, { recursive: true });
  const databaseFile = join(dataDir, databaseFileName);
  const connection = openConnection(databaseFile);
  const backups = createBackupService({
    sqlite: connection.sqlite,
    folder: join(dataDir, 'backups'),
    clock,
  });

  try {
    const plan = await migrate(connection.db, migrations, {
      now: () => clock.now(),
      beforeApplying: async ({ pending }) => {
        const file = await backups.beforeMigration(pending[0]!.name);
        log.info(`Backed up the database before updating it: ${file}`);
      },
    });
    if (plan.pending.length > 0) {
      log.info(`Database updated: ${plan.pending.map((m) => m.name).join(', ')}`);
    }
  } catch (error) {
    await closeConnection(connection);
    throw error;
  }

  const settings = createSettingsService({
    db: connection.db,
    clock,
    defaults: options.defaults ?? machineDefaults(),
  });
  const context = businessContext(clock, settings);
  const invoices = createInvoicesService({ db: connection.db, clock, context });
  const payments = createPaymentsService({ db: connection.db, clock, context });
  const readSettings = () => settings.get();
  const letters = createLettersService({ db: connection.db, clock, settings: readSettings });
  const documents = createDocumentsService({
    db: connection.db,
    clock,
    settings,
    invoices,
    dataDir,
    ...(options.printPdf ? { printPdf: options.printPdf } : {}),
  });
  // Bound below, once the reminders service exists: autopilot approves through it.
  const late: { autopilot?: RemindersService['approveAutomatically'] } = {};
  const reminders = createReminderEngine({
    db: connection.db,
    clock,
    settings: readSettings,
    autopilot: () => late.autopilot,
  });
  const promises = createPromisesService({ db: connection.db, clock, settings: readSettings });
  const disputes = createDisputesService({ db: connection.db, clock, settings: readSettings });
  const secrets = options.secrets ?? headlessSecretStore(process.env);
  const outboxWorker = createOutboxWorker({
    db: connection.db,
    clock,
    log,
    account: () => sendingAccount(connection.db, secrets, options.mailTls),
  });
  const behaviour = createBehaviourService({
    db: connection.db,
    sqlite: connection.sqlite,
    context,
  });
  const contacts = createContactsService({
    db: connection.db,
    clock,
    settings: readSettings,
    promises: () => promises,
    disputes: () => disputes,
  });
  const ledger = createLedgerService({ db: connection.db, sqlite: connection.sqlite, context });
  const downloads = createDownloads();
  const exportsFolder = join(dataDir, exportFolderName);
  // Whatever a stopped app left waiting there is nobody's now.
  await sweepExportFolder(exportsFolder).catch((error: unknown) =>
    log.warn(`Could not tidy the exports folder: ${(error as Error).message}`),
  );
  const exports = createExportsService({
    db: connection.db,
    sqlite: connection.sqlite,
    databaseFile,
    folder: exportsFolder,
    downloads,
    saveFileAs: options.saveFileAs,
    clock,
    context,
    settings,
    ledger,
  });
  const customers = createCustomersService({
    db: connection.db,
    clock,
    invoices: () => invoices,
    payments: () => payments,
  });
  const services: Services = {
    settings,
    invoices,
    payments,
    customers,
    ledger,
    behaviour,
    cash: createCashService({
      db: connection.db,
      sqlite: connection.sqlite,
      context,
      behaviour: () => behaviour,
    }),
    reminders: createRemindersService({
      db: connection.db,
      clock,
      settings: readSettings,
      engine: reminders,
      promises: () => promises,
      disputes: () => disputes,
      contacts: () => contacts,
      letters: () => letters,
      documents: () => documents,
      outbox: outboxWorker,
      plans: () => services.plans,
    }),
    promises,
    disputes,
    contacts,
    letters,
    documents,
    mail: createMailService({
      db: connection.db,
      clock,
      secrets,
      tls: options.mailTls,
      accountChanged: () => outboxWorker.accountChanged(),
    }),
    outbox: createOutboxService({
      db: connection.db,
      clock,
      worker: outboxWorker,
      draftsFolder: join(dataDir, 'drafts'),
      ...(options.openFile ? { openFile: options.openFile } : {}),
    }),
    plans: createPlansService({
      db: connection.db,
      clock,
      context,
      settings: readSettings,
      dataDir,
      ...(options.printPdf ? { printPdf: options.printPdf } : {}),
    }),
    terms: createTermsService({ db: connection.db, clock }),
    interest: createInterestService({ db: connection.db, clock, context }),
    exports,
    statements: createStatementsService({
      db: connection.db,
      clock,
      context,
      settings,
      letters: () => letters,
      documents: () => documents,
      exports,
      outbox: outboxWorker,
    }),
    handoffs: createHandoffsService({
      db: connection.db,
      sqlite: connection.sqlite,
      clock,
      context,
      settings,
      customers,
      exports,
      interestClaims: (customerId) => services.interest.claims(customerId),
      folder: join(dataDir, 'handoffs'),
      dataDir,
    }),
    imports: createImportsService({
      db: connection.db,
      sqlite: connection.sqlite,
      clock,
      settings: readSettings,
      stagingFolder: join(dataDir, 'import-uploads'),
    }),
    app: createAppService({
      clock,
      settings,
      mode: options.mode,
      version: appVersion,
      dataFolder: dataDir,
    }),
  };
  late.autopilot = (item) => services.reminders.approveAutomatically(item);
  const schedule = startBackupSchedule(backups, log);
  // A message left `sending` by a process that died is uncertain: never resent on its own.
  const interrupted = await outboxWorker.recoverInterrupted();
  if (interrupted > 0)
    log.info(`${interrupted} email(s) may or may not have gone; see the Outbox.`);
  if (options.mailer !== false) outboxWorker.start();
  const reminderSchedule =
    options.reminderSchedule === false
      ? null
      : startReminderSchedule({ engine: reminders, clock, settings: readSettings, log });

  return {
    services,
    connection,
    backups,
    reminders,
    outbox: outboxWorker,
    downloads,
    databaseFile,
    async close() {
      await outboxWorker.stop();
      await downloads.close();
      await reminderSchedule?.stop();
      await schedule.stop();
      await closeConnection(connection);
    },
  };
}
