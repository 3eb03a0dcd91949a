import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { formatCalendarDate } from '../../shared/date-format';
import { formatMoney } from '../../shared/money';
import { planSchedule, type PlanSchedule, type PlanTerms } from '../../shared/plans/schedule';
import { pdfInfo, pdfPages } from '../testing/pdf-text';
import { renderPlanAgreementPdf, type PlanAgreementPdfInput } from './plan-agreement-pdf';

const run = promisify(execFile);
const now = new Date('2027-03-15T09:00:00Z');

function schedule(terms: Partial<PlanTerms>, locale = 'en-GB'): PlanSchedule {
  const result = planSchedule(
    {
      total: 90001,
      currency: locale === 'en-US' ? 'USD' : 'GBP',
      count: 6,
      frequency: 'monthly',
      firstDue: '2027-04-01',
      ...terms,
    },
    { today: '2027-03-15', locale },
  );
  if (!result.ok) throw new Error(result.message);
  return result.schedule;
}

function sampleInput(
  terms: Partial<PlanTerms> = {},
  extra: Partial<PlanAgreementPdfInput> = {},
): PlanAgreementPdfInput {
  const locale = extra.locale ?? 'en-GB';
  return {
    business: {
      businessName: 'Brook & Sons Plumbing',
      address: '1 Mill Lane\nLeeds LS1 1AA',
      email: 'hello@brook.example',
      phone: '0113 496 0000',
      paymentInstructions:
        'Bank transfer to Brook & Sons Plumbing\nSort code 01-02-03, account 12345678',
    },
    customer: {
      name: 'Zoë Łukasiewicz',
      company: 'Иванов и партнёры',
      address: 'Flat 2, 14 High Street\nYork YO1 7HH',
    },
    invoices: [
      { number: 'INV-0007', issueDate: '2027-01-10', dueDate: '2027-02-09', open: 50000 },
      { number: 'INV-0009', issueDate: '2027-02-01', dueDate: '2027-03-03', open: 40001 },
    ],
    schedule: schedule(terms, locale),
    locale,
    now,
    ...extra,
  };
}

/** Collapses the layout's runs of spaces, so a row reads "3 1 June 2027 £150.00 ...". */
const squash = (text: string) => text.replace(/[ \t]+/g, ' ');
/** One line of text, so a sentence wrapped over lines can be found whole. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('renderPlanAgreementPdf', () => {
  it('shows the parties, the invoices, every payment and both signature blocks', async () => {
    const input = sampleInput({ deposit: 10001 });
    const text = squash((await pdfPages(await renderPlanAgreementPdf(input))).join('\n'));
    const money = (amount: number) => formatMoney(amount, 'GBP', 'en-GB');
    expect(text).toContain('Payment plan agreement');
    expect(text).toContain('Zoë Łukasiewicz');
    expect(text).toContain('Иванов и партнёры');
    expect(text).toContain('1 Mill Lane');
    expect(text).toContain('York YO1 7HH');
    expect(text).toContain('INV-0007');
    expect(text).toContain('INV-0009');
    expect(text).toContain(`Total ${money(90001)}`);
    expect(text).toContain(`Deposit ${formatCalendarDate('2027-03-15', 'en-GB')} ${money(10001)}`);
    for (const row of input.schedule.instalments) {
      const day = formatCalendarDate(row.due, 'en-GB');
      expect(text).toContain(
        `${row.number} ${day} ${money(row.amount)} ${money(row.balanceAfter)}`,
      );
    }
    expect(flat(text)).toContain(input.schedule.remainderSentence);
    expect(text).toContain('Sort code 01-02-03, account 12345678');
    expect(flat(text)).toContain('we will first send you a friendly reminder');
    expect(flat(text)).toContain('The plan is not cancelled because a payment is late.');
    expect(flat(text)).toContain('You may pay off the rest early at any time, without charge.');
    expect(flat(text)).toContain('No fees or interest are added under this plan.');
    expect(text).toContain('For Brook & Sons Plumbing');
    expect(text).toContain('Zoë Łukasiewicz, the customer');
    expect(text.match(/Signature/g)).toHaveLength(2);
    expect(text.match(/Printed name/g)).toHaveLength(2);
    expect(text).toContain('Page 1 of');
  });

  it('states the fees the owner added instead of none, and a kind word in hardship', async () => {
    const pdf = await renderPlanAgreementPdf(
      sampleInput({}, { fees: 'A late fee of £10 applies after 30 days.', hardship: true }),
    );
    const text = flat((await pdfPages(pdf)).join('\n'));
    expect(text).toContain('A late fee of £10 applies after 30 days.');
    expect(text).not.toContain('No fees or interest');
    expect(text).toContain('If your circumstances change, tell us');
  });

  it('flows a 104-week plan over pages: each headed and numbered, no row lost', async () => {
    const input = sampleInput({ count: 104, frequency: 'weekly', firstDue: '2027-03-22' });
    const pdf = await renderPlanAgreementPdf(input);
    const pages = (await pdfPages(pdf)).map(squash);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect((await pdfInfo(pdf)).Pages).toBe(String(pages.length));
    pages.forEach((page, index) => {
      expect(page).toContain(`Page ${index + 1} of ${pages.length}`);
    });
    // Every page holding payments starts them under the table's header.
    const withRows = pages.filter((page) => /^ ?\d+ \d+ \w+ 20\d\d £/m.test(page));
    expect(withRows.length).toBeGreaterThanOrEqual(2);
    for (const page of withRows) expect(page).toMatch(/No\. Date Amount Balance after/);
    const all = pages.join('\n');
    for (const row of input.schedule.instalments) {
      expect(all).toContain(
        `${row.number} ${formatCalendarDate(row.due, 'en-GB')} ${formatMoney(row.amount, 'GBP', 'en-GB')}`,
      );
    }
    // Nothing after the schedule is squeezed below a page's footer.
    const last = pages[pages.length - 1]!;
    expect(last.indexOf('Printed name')).toBeLessThan(last.indexOf(`Page ${pages.length} of`));
  });

  it('gives the same bytes for the same input, on the paper of the locale', async () => {
    const first = await renderPlanAgreementPdf(sampleInput());
    const second = await renderPlanAgreementPdf(sampleInput());
    expect(second.equals(first)).toBe(true);
    expect((await pdfInfo(first))['Page size']).toContain('(A4)');
    const us = await renderPlanAgreementPdf(sampleInput({}, { locale: 'en-US' }));
    expect((await pdfInfo(us))['Page size']).toContain('(letter)');
  });

  it('renders page 1 to an image to look at', async () => {
    const dir = join(process.cwd(), 'dist', 'test-output');
    await mkdir(dir, { recursive: true });
    const pdf = await renderPlanAgreementPdf(
      sampleInput({ deposit: 10001, count: 24, frequency: 'fortnightly' }, { hardship: true }),
    );
    const file = join(dir, 'plan-agreement.pdf');
    await writeFile(file, pdf);
    await run('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '1',
      file,
      join(dir, 'plan-agreement'),
    ]);
    const { stdout } = await run('ls', [dir]);
    expect(stdout).toMatch(/plan-agreement-0?1\.png/);
  });
});
