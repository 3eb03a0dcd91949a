import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../shared/money';
import { defaultTemplate } from '../../shared/letters/default-templates';
import type { LetterData, LetterInvoice } from '../../shared/letters/letter-data';
import type { Occasion } from '../../shared/letters/occasions';
import { renderLetter } from '../../shared/letters/render';
import { pdfInfo, pdfPages } from '../testing/pdf-text';
import { letterLayouts, renderLetterPdf, type Area } from './letter-pdf';

const run = promisify(execFile);
const now = new Date('2027-03-15T09:00:00Z');

function invoice(n: number, currency: string, open: number): LetterInvoice {
  const month = String(1 + (n % 3)).padStart(2, '0');
  const day = String(1 + (n % 28)).padStart(2, '0');
  return {
    number: `INV-${String(n).padStart(4, '0')}`,
    issueDate: `2027-${month}-${day}`,
    dueDate: `2027-${String(2 + (n % 3)).padStart(2, '0')}-${day}`,
    currency,
    total: open,
    open,
  };
}

function sampleData(locale: string, currency = locale === 'en-US' ? 'USD' : 'GBP'): LetterData {
  const unit = currency === 'JPY' ? 1 : currency === 'KWD' ? 1000 : 100;
  return {
    locale,
    today: '2027-03-15',
    business: {
      name: 'Brook & Sons Plumbing',
      address: '1 Mill Lane\nLeeds LS1 1AA',
      email: 'hello@brook.example',
      phone: '0113 496 0000',
      paymentInstructions:
        'Bank transfer to Brook & Sons Plumbing\nSort code 01-02-03, account 12345678\nOr by card: https://pay.example/brook',
    },
    customer: {
      name: 'Zoë Łukasiewicz',
      contactPerson: 'Žofie Dvořáková',
      address: 'Flat 2, 14 High Street\nYork YO1 7HH\nUnited Kingdom',
    },
    invoices: [
      { ...invoice(7, currency, 300 * unit), issueDate: '2027-01-10', dueDate: '2027-02-09' },
      { ...invoice(9, currency, 125 * unit + 5), issueDate: '2027-02-01', dueDate: '2027-03-03' },
    ],
    paymentsReceived: [
      { date: '2027-03-01', amount: 150 * unit, currency, reference: 'BACS 1234' },
    ],
    terms: '30 days from the invoice date',
    promise: { date: '2027-03-22', amount: 200 * unit, currency },
    plan: {
      currency,
      total: 425 * unit + 5,
      frequency: 'monthly',
      instalments: [
        { date: '2027-04-01', amount: 142 * unit + 2 },
        { date: '2027-05-01', amount: 141 * unit + 2 },
        { date: '2027-06-01', amount: 142 * unit + 1 },
      ],
    },
    dispute: { reason: 'the radiator valve still leaks' },
    agency: { name: 'Fair Collect Ltd', contact: '0113 496 0999', payDirectUntil: '2027-04-15' },
    nextStep: { text: 'ask a collection agency to recover it', date: '2027-03-29' },
  };
}

function letterPdf(occasion: Occasion, data: LetterData) {
  const letter = renderLetter(occasion, defaultTemplate(occasion, data.locale), data);
  return renderLetterPdf({ letter, data, now });
}

async function withPdf<T>(pdf: Buffer, use: (file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'goodwill-letter-'));
  try {
    const file = join(dir, 'letter.pdf');
    await writeFile(file, pdf);
    return await use(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word on page 1 with its box in points from the top-left (pdftotext -bbox). */
function firstPageWords(pdf: Buffer): Promise<Word[]> {
  return withPdf(pdf, async (file) => {
    const { stdout } = await run('pdftotext', ['-bbox', '-f', '1', '-l', '1', file, '-'], {
      encoding: 'utf8',
    });
    const decode = (text: string) =>
      text
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&');
    return [
      ...stdout.matchAll(
        /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
      ),
    ].map((match) => ({
      xMin: Number(match[1]),
      yMin: Number(match[2]),
      xMax: Number(match[3]),
      yMax: Number(match[4]),
      text: decode(match[5]!),
    }));
  });
}

/** The text pdftotext finds inside `area` of page 1, one string per line. */
function textInside(pdf: Buffer, area: Area): Promise<string[]> {
  return withPdf(pdf, async (file) => {
    // pdftotext crops in pixels at its default 72 dpi, that is in points.
    const [x, y, w, h] = [area.x, area.y, area.width, area.height].map((n) =>
      String(Math.round(n)),
    ) as [string, string, string, string];
    const { stdout } = await run(
      'pdftotext',
      [
        '-layout',
        '-enc',
        'UTF-8',
        '-f',
        '1',
        '-l',
        '1',
        '-x',
        x,
        '-y',
        y,
        '-W',
        w,
        '-H',
        h,
        file,
        '-',
      ],
      { encoding: 'utf8' },
    );
    return stdout
      .replace(/\f/g, '')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
  });
}

const inside = (word: Word, area: Area) =>
  word.xMin >= area.x &&
  word.xMax <= area.x + area.width &&
  word.yMin >= area.y &&
  word.yMax <= area.y + area.height;

const total = (data: LetterData) =>
  formatMoney(
    data.invoices.reduce((sum, i) => sum + i.open, 0),
    data.invoices[0]!.currency,
    data.locale,
  ).replace(/[\u00a0\u202f]/g, ' ');

describe('the letter PDF', () => {
  const occasionsWithInvoices: Occasion[] = [
    'courtesy',
    'reminder',
    'firm',
    'final',
    'promise_broken',
  ];
  const cases = occasionsWithInvoices.flatMap((occasion) =>
    ['en-GB', 'en-US'].map((locale) => ({ occasion, locale })),
  );

  it.each(cases)(
    '$occasion in $locale reads back with every invoice number and the total',
    async ({ occasion, locale }) => {
      const data = sampleData(locale);
      const text = (await pdfPages(await letterPdf(occasion, data))).join('\n');
      for (const { number } of data.invoices) expect(text).toContain(number);
      expect(text).toMatch(new RegExp(`Total open\\s+${total(data).replace(/[$.]/g, '\\$&')}`));
      expect(text).toContain('Bank transfer to Brook & Sons Plumbing');
      expect(text).toContain('Kind regards,');
    },
  );

  it('heads the letter with the business, the date, and the subject', async () => {
    const data = sampleData('en-GB');
    const letter = renderLetter('reminder', defaultTemplate('reminder', 'en-GB'), data);
    const pdf = await renderLetterPdf({ letter, data, now });
    const [first] = await pdfPages(pdf);
    for (const part of [
      'Brook & Sons Plumbing',
      '1 Mill Lane',
      'Leeds LS1 1AA',
      'hello@brook.example',
      '0113 496 0000',
      '15 March 2027',
      letter.subject,
    ]) {
      expect(first).toContain(part);
    }
    const info = await pdfInfo(pdf);
    expect(info['Page size']).toContain('(A4)');
    expect(info.Title).toBe(letter.subject);
    expect(info.Pages).toBe('1');
    // One page needs no page numbers.
    expect(first).not.toContain('Page 1 of');

    const us = await letterPdf('reminder', sampleData('en-US'));
    expect((await pdfInfo(us))['Page size']).toContain('(letter)');
    expect((await pdfPages(us))[0]).toContain('March 15, 2027');
  });

  it.each([
    { locale: 'en-GB', paper: 'A4' as const },
    { locale: 'en-US', paper: 'LETTER' as const },
  ])(
    'places the address in the envelope window on $paper, and nothing else there',
    async ({ locale, paper }) => {
      const data = sampleData(locale);
      const pdf = await letterPdf('reminder', data);
      const area = letterLayouts[paper].window;
      const expected = [
        'Brook & Sons Plumbing · 1 Mill Lane · Leeds LS1 1AA',
        'Zoë Łukasiewicz',
        'Attn: Žofie Dvořáková',
        'Flat 2, 14 High Street',
        'York YO1 7HH',
        'United Kingdom',
      ];
      expect(await textInside(pdf, area)).toEqual(expected);

      // Cropping counts a word by where it starts; the boxes prove every word lies wholly inside.
      const words = await firstPageWords(pdf);
      const addressWords = expected.flatMap((line) => line.split(' '));
      const inWindow = words.filter((word) => inside(word, area)).map((word) => word.text);
      expect(inWindow).toEqual(addressWords);
      // And the rest of the page keeps out of the window entirely.
      const overlaps = words.filter(
        (word) =>
          !inside(word, area) &&
          word.xMax > area.x &&
          word.xMin < area.x + area.width &&
          word.yMax > area.y &&
          word.yMin < area.y + area.height,
      );
      expect(overlaps).toEqual([]);
    },
  );

  it('fits a long address into the window by setting it smaller', async () => {
    const data = sampleData('en-GB');
    data.customer.address = 'Unit 4\nThe Old Tannery\nBridge Street\nHebden Bridge\nHX7 8AA\nUK';
    const pdf = await letterPdf('reminder', data);
    const area = letterLayouts.A4.window;
    const words = await firstPageWords(pdf);
    for (const text of ['Unit', 'Tannery', 'HX7', 'UK', 'Žofie', 'Łukasiewicz']) {
      const word = words.find((w) => w.text === text);
      expect(word && inside(word, area)).toBe(true);
    }
  });

  it('prints the statement letter with its balances and how late what is open is', async () => {
    const data: LetterData = {
      ...sampleData('en-GB'),
      statement: {
        from: '2027-01-01',
        to: '2027-03-15',
        sections: [
          {
            currency: 'GBP',
            opening: 10_000,
            invoiced: 42_505,
            received: 15_000,
            closing: 37_505,
            aging: {
              current: 12_505,
              d1_30: 25_000,
              d31_60: 0,
              d61_90: 0,
              d90_plus: 0,
              total: 37_505,
            },
          },
        ],
      },
    };
    const text = (await pdfPages(await letterPdf('statement', data))).join('\n');
    expect(text).toMatch(/Balance before 1 Jan 2027\s+£100\.00/);
    expect(text).toMatch(/Paid or credited\s+-£150\.00/);
    expect(text).toMatch(/Balance on 15 Mar 2027\s+£375\.05/);
    expect(text).toMatch(/1–30 days overdue\s+£250\.00/);
    expect(text).toContain('£125.05 is not yet due and £250.00 is 1 to 30 days overdue.');
  });

  it('runs 50 invoices onto more pages with the table header on each and numbered pages', async () => {
    const data = sampleData('en-GB');
    data.invoices = Array.from({ length: 50 }, (_, index) =>
      invoice(index + 1, 'GBP', 10_000 + index),
    );
    const pdf = await letterPdf('reminder', data);
    const pages = await pdfPages(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(Number((await pdfInfo(pdf)).Pages)).toBe(pages.length);
    const withRows = pages.filter((page) => /INV-00\d\d/.test(page));
    expect(withRows.length).toBeGreaterThanOrEqual(2);
    for (const page of withRows)
      expect(page).toMatch(/Invoice\s+Issued\s+Due\s+Open\s+Days overdue/);
    pages.forEach((page, index) => {
      expect(page).toContain(`Page ${index + 1} of ${pages.length}`);
    });
    const all = pages.join('\n');
    for (const { number } of data.invoices) {
      expect(all.match(new RegExp(`${number}\\b`, 'g'))?.length).toBeGreaterThanOrEqual(1);
    }
    expect(all).toMatch(/Total open\s+£5,012\.25/);
    expect(pages.at(-1)).toContain('Kind regards,');
    expect(pages[1]).toMatch(/Brook & Sons Plumbing\s+·\s+Letter to Zoë Łukasiewicz/);
  });

  it('prints €, ¥ and three-decimal dinars, and the plan schedule with its total', async () => {
    const euro = (await pdfPages(await letterPdf('reminder', sampleData('en-IE', 'EUR')))).join();
    expect(euro).toMatch(/Total open\s+€425\.05/);
    const yen = (await pdfPages(await letterPdf('reminder', sampleData('en-GB', 'JPY')))).join();
    expect(yen).toMatch(/Total open\s+JP¥430/);
    const dinar = (await pdfPages(await letterPdf('reminder', sampleData('en-GB', 'KWD')))).join();
    expect(dinar).toMatch(/Total open\s+KWD 425\.005/);
    expect(dinar).toContain('KWD 125.005');

    const plan = (await pdfPages(await letterPdf('plan_confirmation', sampleData('en-GB')))).join();
    expect(plan).toMatch(/No\.\s+Date\s+Amount/);
    expect(plan).toMatch(/1\s+1 Apr 2027\s+£142\.02/);
    expect(plan).toMatch(/Total\s+£425\.05/);
  });

  it('gives the same bytes for the same input', async () => {
    const data = sampleData('en-GB');
    const first = await letterPdf('final', data);
    const second = await letterPdf('final', data);
    expect(first.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(first.equals(second)).toBe(true);
    const letter = renderLetter('final', defaultTemplate('final', 'en-GB'), data);
    const later = await renderLetterPdf({ letter, data, now: new Date('2027-03-16T09:00:00Z') });
    expect(later.equals(first)).toBe(false);
  });
});
