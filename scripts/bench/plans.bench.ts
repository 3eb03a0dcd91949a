/**
 * The payment-plan agreement PDF for a 24-payment and a 104-payment plan, rendered in this
 * process from a schedule already worked out, against a floor measured in the same run: the
 * invoice PDF for a 2-line invoice (the same fonts, tables and footers, one page). The whole
 * plans.agreementPdf call through the app's API table (validation, ledger reads, the
 * schedule, the PDF) is timed too, with no target.
 */
import { renderInvoicePdf } from '../../electron/documents/invoice-pdf';
import { renderPlanAgreementPdf } from '../../electron/documents/plan-agreement-pdf';
import { createApp } from '../../electron/app';
import { createMethodTable, registerApi } from '../../electron/api/register';
import { fixedClock } from '../../electron/clock';
import { createMemoryLogger } from '../../electron/logger';
import { sampleBusiness } from '../../electron/testing/business';
import type { MethodName } from '../../shared/api/contract';
import type { PlanPreview } from '../../shared/api/plans';
import type { Customer, Invoice } from '../../shared/ledger';
import { makeTempFolder, removeTempFolder } from './processes';
import type { BenchResult, Row } from './report';
import { round, summarize } from './stats';

const warmUps = 5;
const runs = 20;
const targets = { 24: 100, 104: 300 } as const;

async function timeRuns(work: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < warmUps; i += 1) await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  return samples;
}

export async function runPlansBench(): Promise<BenchResult> {
  const folder = await makeTempFolder('goodwill-bench-plans-');
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
    const call = async <T>(method: MethodName, input: unknown): Promise<T> => {
      const answer = await table.get(method)!(input);
      if (!answer.ok) throw new Error(`${method}: ${JSON.stringify(answer.error)}`);
      return answer.value as T;
    };
    const customer = await call<Customer>('customers.create', {
      name: 'Zoë Łukasiewicz',
      kind: 'sole_trader',
      address: 'Flat 2, 14 High Street\nYork YO1 7HH',
    });
    const invoices: Invoice[] = [];
    for (const [i, unitPrice] of [248000, 176050].entries()) {
      invoices.push(
        await call<Invoice>('invoices.create', {
          customerId: customer.id,
          issueDate: `2027-01-0${i + 1}`,
          dueDate: `2027-02-0${i + 1}`,
          currency: 'GBP',
          lines: [
            { description: 'Boiler replacement', quantity: '1', unitPrice },
            { description: 'Parts', quantity: '2.5', unitPrice: 1299, taxRate: '20' },
          ],
        }),
      );
    }
    const settings = await app.services.settings.get();
    const now = clock.now();
    const termsFor = (count: number) => ({
      customerId: customer.id,
      invoiceIds: invoices.map((invoice) => invoice.id),
      currency: 'GBP',
      deposit: 20000,
      count,
      frequency: count > 50 ? 'weekly' : 'fortnightly',
      firstDue: '2027-03-22',
    });

    const agreement = async (count: 24 | 104) => {
      const plan = await call<PlanPreview>('plans.preview', termsFor(count));
      const render = () =>
        renderPlanAgreementPdf({
          business: settings,
          customer,
          invoices: plan.invoices,
          schedule: plan,
          locale: settings.locale,
          now,
        });
      const pages = (await render()).toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
      return { summary: summarize(await timeRuns(render)), pages };
    };
    const short = await agreement(24);
    const long = await agreement(104);
    const floor = summarize(
      await timeRuns(() => renderInvoicePdf({ invoice: invoices[0]!, customer, settings, now })),
    );
    const api = summarize(await timeRuns(() => call('plans.agreementPdf', termsFor(24))));

    const rows: Row[] = [
      {
        label: `agreement PDF, 24 payments (${short.pages} pages)`,
        unit: 'ms',
        summary: short.summary,
        target: { figure: 'median', below: targets[24] },
      },
      {
        label: `agreement PDF, 104 payments (${long.pages} pages)`,
        unit: 'ms',
        summary: long.summary,
        target: { figure: 'median', below: targets[104] },
      },
      { label: 'floor: invoice PDF, 2 lines (1 page)', unit: 'ms', summary: floor },
      {
        label: '104 payments / invoice PDF',
        unit: '×',
        value: round(long.summary.median / floor.median, 2),
      },
      {
        label: 'plans.agreementPdf, 24 payments (API table, no target)',
        unit: 'ms',
        summary: api,
      },
    ];
    return {
      name: 'plans',
      title: 'Plans: the payment-plan agreement PDF',
      notes: [
        `Median of ${runs} runs after ${warmUps} warm-ups, in process, rendering to memory.`,
        'Each plan covers two invoices and has a deposit; 24 payments fortnightly, 104 weekly.',
      ],
      rows,
      details: { short, long, floor, api },
    };
  } finally {
    await app.close();
    await removeTempFolder(folder);
  }
}
