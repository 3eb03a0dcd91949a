import { describe, expect, it } from 'vitest';
import { parseImportAmount } from './amounts';
import { dateEvidence, parseImportDate } from './dates';
import { detectSource, findHeader, suggestMapping } from './detect';
import { ImportPlanner, standingOf } from './plan';
import { findSource } from './sources';

describe('amounts', () => {
  it.each([
    ['13.50', 1350],
    ['$13.50 ', 1350],
    ['$-142.85', -14285],
    ['($400.00)', -40000],
    ['"1,020.00"'.slice(1, -1), 102000],
    ['367.2', 36720],
    ['£1,234.56', 123456],
    ['12 EUR', 1200],
    ['US$ 5', 500],
    ['-0.01', -1],
  ])('%s is %i minor units', (text, minor) => {
    expect(parseImportAmount(text, 'GBP')).toEqual({ ok: true, minor });
  });

  it.each(['private-value-1', 'ten', '1.2.3', '', '   ', '12.345', '=1+1', 'abc1'])(
    '"%s" is not an amount',
    (text) => {
      expect(parseImportAmount(text, 'GBP').ok).toBe(false);
    },
  );

  it('keeps a currency without minor units whole', () => {
    expect(parseImportAmount('1,500', 'JPY')).toEqual({ ok: true, minor: 1500 });
    expect(parseImportAmount('1.234', 'KWD')).toEqual({ ok: true, minor: 1234 });
  });
});

describe('dates', () => {
  it('reads what exports write', () => {
    expect(parseImportDate('2021-01-28', undefined)).toBe('2021-01-28');
    expect(parseImportDate('2021-01-28 05:14:15', undefined)).toBe('2021-01-28');
    expect(parseImportDate('2021-01-28T11:04:09+00:00', undefined)).toBe('2021-01-28');
    expect(parseImportDate('Jan 28 2021', undefined)).toBe('2021-01-28');
    expect(parseImportDate('Jan 28, 2021', undefined)).toBe('2021-01-28');
    expect(parseImportDate('28 January 2021', undefined)).toBe('2021-01-28');
    expect(parseImportDate('28-Jan-2021', undefined)).toBe('2021-01-28');
    expect(parseImportDate('10/20/2019', 'mdy')).toBe('2019-10-20');
    expect(parseImportDate('20/10/2019', 'dmy')).toBe('2019-10-20');
    expect(parseImportDate('20.10.19', 'dmy')).toBe('2019-10-20');
    expect(parseImportDate('05/05/2019', undefined)).toBe('2019-05-05');
  });

  it('never guesses the order of an ambiguous date', () => {
    expect(parseImportDate('03/04/2021', undefined)).toBeNull();
    expect(parseImportDate('03/04/2021', 'dmy')).toBe('2021-04-03');
    expect(parseImportDate('03/04/2021', 'mdy')).toBe('2021-03-04');
    expect(dateEvidence('03/04/2021')).toBe('either');
    expect(dateEvidence('13/04/2021')).toBe('dmy');
    expect(dateEvidence('04/13/2021')).toBe('mdy');
    expect(dateEvidence('2021-04-13')).toBe('none');
  });

  it('refuses dates that do not exist', () => {
    expect(parseImportDate('2021-02-30', undefined)).toBeNull();
    expect(parseImportDate('31/04/2021', 'dmy')).toBeNull();
    expect(parseImportDate('Foo 3 2021', undefined)).toBeNull();
  });
});

describe('detection', () => {
  it('finds the header after a preamble and says how sure it is', () => {
    const rows = [
      ['Invoice Ninja v4.5.17 - December 19, 2020 11:28 pm', '', ''],
      ['', '', ''],
      ['PAYMENTS', '', ''],
      ['Client', 'Invoice Number', 'Amount', 'Date'],
    ];
    const found = findHeader(rows);
    expect(found.headerIndex).toBe(3);
    expect(found.source?.id).toBe('invoiceninja-payments');
    expect(found.confidence).toBe(1);
  });

  it('matches headers loosely: case, spaces, a BOM and a Xero star', () => {
    const header = ['\uFEFF*contactname', 'INVOICENUMBER', ' InvoiceDate ', 'DueDate', 'Total'];
    const found = detectSource([...header, 'InvoiceAmountPaid', 'InvoiceAmountDue', 'Currency']);
    expect(found.source?.id).toBe('xero-invoices');
    expect(found.confidence).toBeCloseTo(8 / 9);
  });

  it('says nothing for a spreadsheet of its own, and suggests a mapping', () => {
    const header = ['Client', 'Invoice', 'Date', 'Amount', 'Balance'];
    expect(detectSource(header).source).toBeNull();
    expect(suggestMapping(header)).toEqual({
      customer: 'Client',
      number: 'Invoice',
      issueDate: 'Date',
      total: 'Amount',
      balance: 'Balance',
    });
  });
});

describe('the planner', () => {
  it('reads statuses in the owner words', () => {
    expect(standingOf('Draft')).toBe('draft');
    expect(standingOf('Voided')).toBe('void');
    expect(standingOf('Paid')).toBe('paid');
    expect(standingOf('Awaiting Payment')).toBe('open');
    expect(standingOf('Partial')).toBe('open');
  });

  it('groups line rows into invoices and checks a repeated total agrees', () => {
    const header = ['Customer', 'No', 'Date', 'Total'];
    const planner = new ImportPlanner({
      kind: 'invoices',
      header,
      mapping: { customer: 'Customer', number: 'No', issueDate: 'Date', total: 'Total' },
      source: null,
      currency: 'GBP',
    });
    planner.add(['Ana', '1', '2027-01-01', '10.00'], 2);
    planner.add(['ana ', '1', '2027-01-01', '10.00'], 3);
    planner.add(['Ana', '1', '2027-01-01', '11.00'], 4);
    const plan = planner.finish();
    expect(plan.invoices).toHaveLength(1);
    expect(plan.invoices[0]).toMatchObject({ total: 1000, row: 2, dueDate: '2027-01-01' });
    expect(plan.issues).toEqual([
      expect.objectContaining({ row: 4, column: 'Total', value: '11.00', severity: 'error' }),
    ]);
  });

  it('passes over a Wave ledger row that is not the receivable', () => {
    const source = findSource('wave-transactions')!;
    const header = [
      'Transaction ID',
      'Transaction Date',
      'Account Name',
      'Amount (One column)',
      'Customer',
      'Invoice Number',
      'Account Type',
    ];
    const planner = new ImportPlanner({
      kind: 'invoices',
      header,
      mapping: {
        customer: 'Customer',
        number: 'Invoice Number',
        issueDate: 'Transaction Date',
        total: 'Amount (One column)',
        paymentAmount: 'Amount (One column)',
        paymentDate: 'Transaction Date',
      },
      source,
      currency: 'USD',
    });
    planner.add(['1', '2021-01-28', 'Sales', '98.00', 'Lucas Cage', '3', 'Income'], 2);
    planner.add(['1', '2021-01-28', 'Accounts Receivable', '98.00', 'Lucas Cage', '3', 'x'], 3);
    planner.add(['2', '2021-01-29', 'Accounts Receivable', '-98.00', 'Lucas Cage', '3', 'x'], 4);
    const plan = planner.finish();
    expect(plan.rows).toEqual({ read: 3, used: 2, passedOver: 1 });
    expect(plan.invoices).toEqual([expect.objectContaining({ number: '3', total: 9800 })]);
    expect(plan.payments).toEqual([
      expect.objectContaining({ invoiceNumber: '3', amount: 9800, date: '2021-01-29' }),
    ]);
  });
});
