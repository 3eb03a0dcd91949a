import { describe, expect, it } from 'vitest';
import { defaultTemplate } from './default-templates';
import type { LetterData } from './letter-data';
import { occasions, type Occasion } from './occasions';
import { renderLetter, TemplateError, type LetterTemplate } from './render';

function sampleData(currency: string, locale: string, occasion: Occasion): LetterData {
  const unit = currency === 'JPY' ? 1 : currency === 'KWD' ? 1000 : 100;
  const data: LetterData = {
    locale,
    today: '2027-03-15',
    business: {
      name: 'Brook & Sons Plumbing',
      address: '1 Mill Lane\nLeeds LS1 1AA',
      email: 'hello@brook.example',
      phone: '0113 496 0000',
      paymentInstructions:
        'Bank transfer: sort code 01-02-03, account 12345678\nQuote the invoice number.',
    },
    customer: { name: 'Zoë Łukasiewicz', contactPerson: '', address: '2 High Street\nYork' },
    invoices: [
      {
        number: 'INV-0007',
        issueDate: '2027-01-10',
        dueDate: '2027-02-09',
        currency,
        total: 450 * unit,
        open: 300 * unit,
      },
      {
        number: 'INV-0009',
        issueDate: '2027-02-01',
        dueDate: '2027-03-03',
        currency,
        total: 125 * unit + 5,
        open: 125 * unit + 5,
      },
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
      missed: { date: '2027-04-01', amount: 142 * unit + 2 },
      next: { date: '2027-04-01', amount: 142 * unit + 2 },
    },
    dispute: { reason: 'the radiator valve still leaks' },
    agency: { name: 'Fair Collect Ltd', contact: '0113 496 0999', payDirectUntil: '2027-04-15' },
    nextStep: { text: 'ask a collection agency to recover it', date: '2027-03-29' },
    statement: {
      from: '2027-01-01',
      to: '2027-03-15',
      sections: [
        {
          currency,
          opening: 0,
          invoiced: 575 * unit + 5,
          received: 150 * unit,
          closing: 425 * unit + 5,
          aging: {
            current: 0,
            d1_30: 425 * unit + 5,
            d31_60: 0,
            d61_90: 0,
            d90_plus: 0,
            total: 425 * unit + 5,
          },
        },
      ],
    },
  };
  if (
    occasion === 'thank_you' ||
    occasion === 'plan_completed' ||
    occasion === 'plan_completed_hardship'
  )
    data.invoices = [];
  return data;
}

const locales = ['en-GB', 'en-US', 'en-AU'];
const currencies = ['GBP', 'JPY', 'KWD'];
const cases = occasions.flatMap((occasion) =>
  locales.flatMap((locale) => currencies.map((currency) => ({ occasion, locale, currency }))),
);

describe('default letters', () => {
  it.each(cases)(
    '$occasion in $locale with $currency renders with every variable filled',
    ({ occasion, locale, currency }) => {
      const data = sampleData(currency, locale, occasion);
      const letter = renderLetter(occasion, defaultTemplate(occasion, locale), data);
      for (const output of [letter.subject, letter.text, letter.html]) {
        expect(output).not.toMatch(/\{\{|\}\}|undefined|NaN|\bnull\b|\uE000/);
        // An empty amount shows as a currency sign with no figure after it.
        expect(output).not.toMatch(/[£$€¥]\s*(?![\d])/);
      }
      expect(letter.subject).not.toContain('\n');
      expect(letter.text).toContain('Brook & Sons Plumbing');
      // The statement letter sums up; the PDF that goes with it lists every invoice.
      if (data.invoices.length > 0 && occasion !== 'statement') {
        expect(letter.text).toContain('INV-0007');
      }
      expect(letter.html).toContain('Brook &#38; Sons Plumbing');
    },
  );

  it('follow the locale: American spelling for en-US, formatted amounts and dates', () => {
    const gb = renderLetter(
      'hardship',
      defaultTemplate('hardship', 'en-GB'),
      sampleData('GBP', 'en-GB', 'hardship'),
    );
    const us = renderLetter(
      'hardship',
      defaultTemplate('hardship', 'en-US'),
      sampleData('USD', 'en-US', 'hardship'),
    );
    expect(gb.text).toContain('I realise');
    expect(us.text).toContain('I realize');
    expect(gb.text).toContain('£425.05');
    expect(us.text).toContain('$425.05');
    expect(us.text).toContain('Mar 3, 2027');
    expect(gb.text).toContain('3 Mar 2027');
    const kwd = renderLetter(
      'reminder',
      defaultTemplate('reminder', 'en-GB'),
      sampleData('KWD', 'en-GB', 'reminder'),
    );
    expect(kwd.text).toContain('125.005');
  });

  it('acknowledge what was paid since the last contact, and say what is still open', () => {
    const letter = renderLetter(
      'reminder',
      defaultTemplate('reminder', 'en-GB'),
      sampleData('GBP', 'en-GB', 'reminder'),
    );
    expect(letter.text).toContain('Thank you for the £150.00 you have paid since we last wrote.');
    expect(letter.text).toContain('£425.05 is still open');
  });
});

describe('template checks', () => {
  const data = sampleData('GBP', 'en-GB', 'reminder');
  const problem = (template: LetterTemplate, occasion: Occasion = 'reminder') => {
    try {
      renderLetter(
        occasion,
        template,
        occasion === 'reminder' ? data : { ...data, promise: undefined },
      );
    } catch (error) {
      if (error instanceof TemplateError) return error.problem;
      throw error;
    }
    return null;
  };

  it('name an unknown variable', () => {
    expect(problem({ subject: 'Hi', body: 'Dear {{customer.nmae}}' })).toMatchObject({
      field: 'body',
      variable: 'customer.nmae',
    });
    expect(problem({ subject: 'About {{promise.date}}', body: 'x' })).toMatchObject({
      field: 'subject',
      variable: 'promise.date',
    });
  });

  it('refuse unbalanced tags, a block in the subject and partials', () => {
    expect(problem({ subject: 'Hi', body: '{{#invoices}}{{number}}' })?.message).toMatch(
      /unbalanced/,
    );
    expect(problem({ subject: 'Hi', body: '{{customer.name' })?.message).toMatch(/unbalanced/);
    expect(problem({ subject: '{{invoiceTable}}', body: 'x' })).toMatchObject({
      variable: 'invoiceTable',
    });
    expect(problem({ subject: 'Hi', body: '{{> other}}' })?.message).toMatch(/not support/);
  });

  it('refuse a template over 50,000 characters', () => {
    expect(problem({ subject: 'Hi', body: 'a'.repeat(50_000) })?.message).toMatch(/at most 50,000/);
  });

  it('name a variable with no value for this letter', () => {
    expect(
      problem({ subject: 'Hi', body: 'By {{promise.date}}' }, 'promise_confirmation'),
    ).toMatchObject({
      variable: 'promise.date',
    });
    const noPhone = { ...data, business: { ...data.business, phone: '' } };
    expect(() =>
      renderLetter('reminder', { subject: 'Hi', body: 'Call {{business.phone}}' }, noPhone),
    ).toThrow(/business.phone/);
    // Inside a section on it, an empty phone is simply left out.
    const letter = renderLetter(
      'reminder',
      {
        subject: 'Hi',
        body: 'Thanks{{#business.phone}}, call {{business.phone}}{{/business.phone}}.',
      },
      noPhone,
    );
    expect(letter.text).toBe('Thanks.\n');
  });

  it('lists items inside a section, with their own fields', () => {
    const letter = renderLetter(
      'reminder',
      {
        subject: 'Hi',
        body: '{{#invoices}}{{number}}: {{amountOpen}} ({{lateness}})\n{{/invoices}}',
      },
      data,
    );
    expect(letter.text).toBe(
      'INV-0007: £300.00 (34 days overdue)\nINV-0009: £125.05 (12 days overdue)\n',
    );
  });
});
