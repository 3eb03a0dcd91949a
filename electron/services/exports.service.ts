/**
 * Exports and statements: the ledger as CSV files (Goodwill's own layout, aging, the timeline)
 * and a customer's statement for a period as a PDF. Read-only: nothing here writes.
 */
import type { Kysely } from 'kysely';
import type { CsvExportInput, StatementInput } from '../../shared/api/exports';
import type { DocumentFile } from '../../shared/api/invoices';
import { fromColumns } from '../../shared/columns';
import type { Clock } from '../../shared/dates';
import { csvFile, type CsvColumn } from '../../shared/exports/csv-cells';
import {
  adjustmentExportColumns,
  customerExportColumns,
  invoiceExportColumns,
  paymentExportColumns,
} from '../../shared/exports/goodwill-export';
import { agingCsvColumns, timelineCsvColumns } from '../../shared/exports/report-csv';
import type { CurrencyStatement } from '../../shared/statements/statement';
import {
  adjustmentExportRows,
  customerExportRows,
  invoiceExportRows,
  paymentExportRows,
  type ExportScope,
} from '../db/exports.repository';
import type { DB } from '../db/schema';
import { safeFileName, statementFileName } from '../documents/file-name';
import { readStatement } from '../statements/statement-figures';
import type { BusinessContext } from './business-day';
import type { LedgerService } from './ledger.service';
import { requireCustomer } from './lookups';
import type { SettingsService } from './settings.service';

const loadRenderer = () => import('../documents/statement-pdf');

export interface ExportsService {
  csv(input: CsvExportInput): Promise<DocumentFile>;
  /** The statement's figures, per currency: what the PDF and the email show. */
  statement(input: StatementInput): Promise<CurrencyStatement[]>;
  statementPdf(input: StatementInput): Promise<DocumentFile>;
  /** One CSV file's text, for the dossier (scope: one customer). */
  csvText(kind: CsvExportInput['kind'], scope: ExportScope): Promise<string>;
}

export function createExportsService(deps: {
  db: Kysely<DB>;
  clock: Clock;
  context: () => Promise<BusinessContext>;
  settings: SettingsService;
  ledger: LedgerService;
}): ExportsService {
  const { db } = deps;

  async function timelineRows(scope: ExportScope) {
    let query = db
      .selectFrom('events as e')
      .leftJoin('customers as c', 'c.id', 'e.customer_id')
      .select([
        'e.id',
        'e.occurred_at',
        'e.kind',
        'e.summary',
        'e.details',
        'e.customer_id',
        'c.name',
      ]);
    if (scope.customerId !== undefined) query = query.where('e.customer_id', '=', scope.customerId);
    const rows = await query.orderBy('e.occurred_at').orderBy('e.id').execute();
    return rows.map((row) => ({
      id: row.id,
      occurredAt: row.occurred_at,
      kind: row.kind,
      summary: row.summary,
      details: JSON.parse(row.details) as Record<string, unknown>,
      customerId: row.customer_id,
      customerName: row.name ?? '',
    }));
  }

  async function agingRows(scope: ExportScope, asOf: string | undefined) {
    const report = await deps.ledger.aging({ asOf });
    const rows = fromColumns(report.rows);
    return scope.customerId === undefined
      ? rows
      : rows.filter((row) => row.customerId === scope.customerId);
  }

  async function csvText(
    kind: CsvExportInput['kind'],
    scope: ExportScope,
    asOf?: string,
  ): Promise<string> {
    const write = <Row>(columns: readonly CsvColumn<Row>[], rows: Row[]) => csvFile(columns, rows);
    switch (kind) {
      case 'customers':
        return write(customerExportColumns, await customerExportRows(db, scope));
      case 'invoices':
        return write(invoiceExportColumns, await invoiceExportRows(db, scope));
      case 'payments':
        return write(paymentExportColumns, await paymentExportRows(db, scope));
      case 'adjustments':
        return write(adjustmentExportColumns, await adjustmentExportRows(db, scope));
      case 'aging':
        return write(agingCsvColumns, await agingRows(scope, asOf));
      case 'timeline':
        return write(timelineCsvColumns, await timelineRows(scope));
    }
  }

  async function statement(input: StatementInput): Promise<CurrencyStatement[]> {
    await requireCustomer(db, input.customerId);
    const { today } = await deps.context();
    return readStatement(db, input, today);
  }

  return {
    csvText: (kind, scope) => csvText(kind, scope),

    async csv(input) {
      const scope: ExportScope = { customerId: input.customerId };
      let who = '';
      if (input.customerId !== undefined) {
        who = ` - ${(await requireCustomer(db, input.customerId)).name}`;
      }
      const { today } = await deps.context();
      const text = await csvText(input.kind, scope, input.asOf);
      const date = input.kind === 'aging' ? (input.asOf ?? today) : today;
      return {
        fileName: safeFileName(`Goodwill ${input.kind} ${date}${who}`, 'csv'),
        contentBase64: Buffer.from(text, 'utf8').toString('base64'),
      };
    },

    statement,

    async statementPdf(input) {
      const customer = await requireCustomer(db, input.customerId);
      const [sections, settings] = await Promise.all([statement(input), deps.settings.get()]);
      const { renderStatementPdf } = await loadRenderer();
      const pdf = await renderStatementPdf({
        business: settings,
        customer: { name: customer.name, address: customer.address },
        period: { from: input.from, to: input.to },
        sections,
        locale: customer.locale ?? settings.locale,
        now: deps.clock.now(),
      });
      return {
        fileName: statementFileName({ to: input.to, customerName: customer.name }),
        contentBase64: pdf.toString('base64'),
      };
    },
  };
}
