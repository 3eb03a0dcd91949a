/**
 * Drafting a letter for a customer with 50 open invoices: `letters.draft` through the app's
 * own API table in this process (validation, the ledger reads, rendering to text and HTML),
 * against two floors measured in the same run: rendering the same letter from data already
 * in memory (no database), and `customers.get` for the same customer (one small read through
 * the same path). Printing the same letter as a PDF is timed too (no target).
 */
import type { Customer, Invoice } from '../../shared/ledger';
import { defaultTemplate } from '../../shared/letters/default-templates';
import { renderLetter } from '../../shared/letters/render';
import { createApp } from '../../electron/app';
import { createMethodTable, registerApi } from '../../electron/api/register';
import { fixedClock } from '../../electron/clock';
import { letterDataFor } from '../../electron/letters/letter-data';
import { createMemoryLogger } from '../../electron/logger';
import { sampleBusiness } from '../../electron/testing/business';
import type { MethodName } from '../../shared/api/contract';
import { makeTempFolder, removeTempFolder } from './processes';
import type { BenchResult, Row } from './report';
import { round, summarize } from './stats';

const invoiceCount = 50;
const warmUps = 20;
const runs = 200;
const pdfRuns = 10;
const draftTargetMs = 20;

async function timeRuns(work: () => Promise<unknown>, count: number): Promise<number[]> {
  for (let i = 0; i < warmUps; i += 1) await work();
  const samples: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  return samples;
}

export async function runLettersBench(): Promise<BenchResult> {
  const folder = await makeTempFolder('goodwill-bench-letters-');
  const log = createMemoryLogger();
  const clock = fixedClock(new Date('2027-03-15T10:00:00Z'));
  const app = await createApp({
    dataDir: folder,
    clock,
    mode: 'headless',
    log,
    reminderSchedule: false,
  });
  try {
    await app.services.settings.completeOnboarding(sampleBusiness);
    const table = createMethodTable();
    registerApi(table, app.services, log);
    const call = async (method: MethodName, input: unknown) => {
      const answer = await table.get(method)!(input);
      if (!answer.ok) throw new Error(`${method}: ${JSON.stringify(answer.error)}`);
      return answer.value;
    };
    const customer = (await call('customers.create', {
      name: 'Zoë Łukasiewicz',
      kind: 'sole_trader',
      contactPerson: 'Zoë',
      address: 'Flat 2, 14 High Street\nYork YO1 7HH',
    })) as Customer;
    for (let i = 0; i < invoiceCount; i += 1) {
      const day = String(1 + (i % 28)).padStart(2, '0');
      (await call('invoices.create', {
        customerId: customer.id,
        issueDate: `2026-12-${day}`,
        dueDate: `2027-01-${day}`,
        currency: 'GBP',
        lines: [
          { description: 'Call-out', quantity: '1', unitPrice: 8500 + i },
          { description: 'Parts', quantity: '2.5', unitPrice: 1299, taxRate: '20' },
        ],
      })) as Invoice;
    }
    const input = { customerId: customer.id, occasion: 'reminder' };

    const first = (await call('letters.draft', input)) as {
      invoiceNumbers: string[];
      text: string;
    };
    if (first.invoiceNumbers.length !== invoiceCount) {
      throw new Error(
        `The draft covers ${first.invoiceNumbers.length} invoices, not ${invoiceCount}.`,
      );
    }
    const draft = summarize(await timeRuns(() => call('letters.draft', input), runs));

    const settings = await app.services.settings.get();
    const data = await letterDataFor(
      app.connection.db,
      { customerId: customer.id, occasion: 'reminder' },
      {
        settings,
        now: clock.now(),
      },
    );
    const template = defaultTemplate('reminder', data.locale);
    const renderOnly = summarize(
      await timeRuns(async () => renderLetter('reminder', template, data), runs),
    );
    const read = summarize(await timeRuns(() => call('customers.get', { id: customer.id }), runs));
    const pdf = summarize(await timeRuns(() => call('letters.pdf', input), pdfRuns));

    const rows: Row[] = [
      {
        label: `letters.draft, ${invoiceCount} open invoices (API table, in process)`,
        unit: 'ms',
        summary: draft,
        target: { figure: 'median', below: draftTargetMs },
      },
      {
        label: 'floor: rendering the same letter from data in memory',
        unit: 'ms',
        summary: renderOnly,
      },
      { label: 'floor: customers.get for the same customer', unit: 'ms', summary: read },
      {
        label: 'draft / in-memory render',
        unit: '×',
        value: round(draft.median / renderOnly.median, 2),
      },
      { label: 'letters.pdf, the same letter printed (no target)', unit: 'ms', summary: pdf },
    ];
    return {
      name: 'letters',
      title: `Letters: drafting for a customer with ${invoiceCount} open invoices`,
      notes: [
        `Median of ${runs} after ${warmUps} warm-ups; the PDF: ${pdfRuns} runs. Draft text ${first.text.length} characters.`,
        'The draft reads the customer, the invoices, the last contact and payments since, then renders text and HTML.',
      ],
      rows,
      details: { draft, renderOnly, read, pdf },
    };
  } finally {
    await app.close();
    await removeTempFolder(folder);
  }
}
