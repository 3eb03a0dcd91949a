/**
 * handoffs.* through the API: the owner hands a +90 customer over from the Today queue's
 * decision; the dossier zip (read back with `unzip`, its PDF with pdftotext, its CSVs with
 * csv-parse) holds everything an agency asks for; chasing stops in the same transaction (the
 * queue has nothing for them, today or later) and the timeline says so; taking it back is
 * recorded too; bad input is refused by field with nothing written.
 */
import { execFile } from 'node:child_process';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { MethodName } from '../../shared/api/contract';
import type { Handoff } from '../../shared/api/handoffs';
import type { DocumentFile } from '../../shared/api/invoices';
import type { Customer, Invoice, TimelineEntry } from '../../shared/ledger';
import type { ReminderQueue } from '../../shared/reminders/queue';
import { startLedgerApp } from '../testing/ledger-app';
import { pdfPages } from '../testing/pdf-text';
import { useTempDirs } from '../testing/temp-dir';

const run = promisify(execFile);
const tempDir = useTempDirs();

/**
 * Lighthouse Inn owes INV-0001 (£120.00, due 2026-12-10) and INV-0002 (£80.00, due
 * 2027-01-10), paid £30.00 towards the first; got the final notice at +60 (a draft email with
 * its words), a call, a promise that was broken and a dispute that was rejected. On Monday
 * 15 March 2027 the first invoice is 95 days late: the queue asks for the agency decision.
 */
async function lighthouseAtNinetyDays() {
  const dataDir = await tempDir();
  const ledger = await startLedgerApp(dataDir, '2027-02-08T10:00:00Z');
  const { ok, clock } = ledger;
  const inn = await ok<Customer>('customers.create', {
    name: 'Lighthouse Inn',
    kind: 'sole_trader',
    email: 'owner@lighthouse.example',
    phone: '01632 960 555',
    address: '2 Quay Road\nLlandudno',
  });
  const other = await ok<Customer>('customers.create', { name: 'Bay Garage' });
  const invoice = (customerId: number, issueDate: string, dueDate: string, unitPrice: number) =>
    ok<Invoice>('invoices.create', {
      customerId,
      issueDate,
      dueDate,
      currency: 'GBP',
      terms: { kind: 'net', days: 30 },
      lines: [{ description: 'Boiler repair', quantity: '1', unitPrice }],
    });
  const first = await invoice(inn.id, '2026-11-10', '2026-12-10', 12000);
  await invoice(inn.id, '2026-12-11', '2027-01-10', 8000);
  await invoice(other.id, '2026-11-10', '2026-12-10', 5000);
  await ok('payments.record', {
    customerId: inn.id,
    date: '2027-01-05',
    amount: 3000,
    currency: 'GBP',
    reference: 'Part payment',
    allocations: [{ invoiceId: first.id, amount: 3000 }],
  });
  const atSixty = await ok<ReminderQueue>('reminders.queue', {});
  const final = atSixty.items.find((item) => item.customerId === inn.id && item.step === 'final')!;
  expect(final, JSON.stringify(atSixty.items.map((i) => [i.customerName, i.step]))).toBeDefined();
  await ok('reminders.act', { itemId: final.id, action: 'approve', sendAnyway: true });
  await ok('contacts.logCall', {
    customerId: inn.id,
    outcome: 'promised',
    note: 'Said the season starts soon',
    promise: { date: '2027-02-20', amount: 9000, currency: 'GBP' },
  });
  const dispute = await ok<{ id: number }>('disputes.open', {
    customerId: inn.id,
    invoiceIds: [first.id],
    reason: 'Boiler failed again',
  });
  await ok('disputes.resolve', {
    disputeId: dispute.id,
    resolution: 'rejected',
    note: 'A different fault, fixed free',
  });

  // The broken promise gets its own gentle step first; the owner skips it.
  clock.set('2027-03-01T10:00:00Z');
  const noticed = (await ok<ReminderQueue>('reminders.queue', {})).items.find(
    (item) => item.customerId === inn.id && item.step === 'promise_broken',
  )!;
  await ok('reminders.act', { itemId: noticed.id, action: 'skip', reason: 'Handing over soon' });

  clock.set('2027-03-15T09:00:00Z');
  const queue = await ok<ReminderQueue>('reminders.queue', {});
  const decision = queue.items.find((item) => item.customerId === inn.id)!;
  expect(decision).toMatchObject({ step: 'agency', group: 'decide' });
  return { ...ledger, dataDir, inn, other, decision, queue, noticed };
}

async function unzip(zip: Buffer, dir: string): Promise<Map<string, Buffer>> {
  const file = join(dir, 'dossier.zip');
  await writeFile(file, zip);
  const { stdout } = await run('unzip', ['-Z1', file]);
  const names = stdout.trim().split('\n');
  const contents = new Map<string, Buffer>();
  for (const name of names) {
    const { stdout: bytes } = await run('unzip', ['-p', file, name], {
      encoding: 'buffer',
      maxBuffer: 20 * 1024 * 1024,
    });
    contents.set(name, bytes);
  }
  return contents;
}

const rowsOf = (csv: Buffer) =>
  parse(csv, { bom: true, columns: true }) as Record<string, string>[];

describe('handoffs.create', () => {
  it('makes the dossier zip from the +90 decision, stops chasing and says so', async () => {
    const { ok, dataDir, inn, decision, clock } = await lighthouseAtNinetyDays();
    const made = await ok<{ handoff: Handoff; dossier: DocumentFile }>('handoffs.create', {
      customerId: inn.id,
      itemId: decision.id,
      agency: 'Fair Collect Ltd',
      note: 'Please call before visiting: they run a pub.',
    });
    expect(made.handoff).toMatchObject({
      customerId: inn.id,
      agency: 'Fair Collect Ltd',
      handedOverAt: '2027-03-15T09:00:00.000Z',
      takenBackAt: null,
      fileName: 'Agency dossier 2027-03-15 - Lighthouse Inn.zip',
    });
    expect(made.dossier.fileName).toBe(made.handoff.fileName);

    // Kept in the data folder, the same bytes as downloaded; nothing left half-written.
    const zip = Buffer.from(made.dossier.contentBase64, 'base64');
    expect(await readdir(join(dataDir, 'handoffs'))).toEqual([made.handoff.fileName]);
    expect(await readFile(join(dataDir, 'handoffs', made.handoff.fileName))).toEqual(zip);
    const again = await ok<DocumentFile>('handoffs.dossier', { id: made.handoff.id });
    expect(again.contentBase64).toBe(made.dossier.contentBase64);

    const files = await unzip(zip, await tempDir());
    expect([...files.keys()]).toEqual([
      'Dossier - Lighthouse Inn.pdf',
      'customer.csv',
      'invoices.csv',
      'payments.csv',
      'adjustments.csv',
      'contacts.csv',
      'promises.csv',
      'disputes.csv',
      'plans.csv',
      'interest.csv',
      'timeline.csv',
    ]);
    expect(rowsOf(files.get('customer.csv')!)).toMatchObject([
      { name: 'Lighthouse Inn', kind: 'sole_trader', email: 'owner@lighthouse.example' },
    ]);
    expect(
      rowsOf(files.get('invoices.csv')!).map((r) => [
        r.invoice_number,
        r.terms_kind,
        r.terms_days,
        r.invoice_total,
        r.open,
      ]),
    ).toEqual([
      ['INV-0001', 'net', '30', '120.00', '90.00'],
      ['INV-0002', 'net', '30', '80.00', '80.00'],
    ]);
    expect(rowsOf(files.get('payments.csv')!)).toMatchObject([
      {
        date: '2027-01-05',
        amount: '30.00',
        reference: 'Part payment',
        invoice_number: 'INV-0001',
      },
    ]);
    const contacts = rowsOf(files.get('contacts.csv')!);
    expect(contacts.map((c) => [c.channel, c.step, c.call_outcome])).toEqual([
      ['letter_email', 'final', ''],
      ['call', '', 'promised'],
    ]);
    expect(contacts[0]!.subject).not.toBe('');
    expect(contacts[0]!.text_sent).toContain('Lighthouse Inn');
    expect(contacts[0]!.text_sent).toContain('INV-0001');
    expect(rowsOf(files.get('promises.csv')!)).toMatchObject([
      { pay_by: '2027-02-20', amount: '90.00', outcome: 'broken' },
    ]);
    expect(rowsOf(files.get('disputes.csv')!)).toMatchObject([
      {
        reason: 'Boiler failed again',
        invoices: 'INV-0001',
        outcome: 'rejected',
        resolution_note: 'A different fault, fixed free',
      },
    ]);
    expect(rowsOf(files.get('plans.csv')!)).toEqual([]);
    expect(rowsOf(files.get('interest.csv')!)).toEqual([]);
    expect(rowsOf(files.get('timeline.csv')!).map((r) => r.kind)).toContain('disputes.opened');

    const pdf = (await pdfPages(files.get('Dossier - Lighthouse Inn.pdf')!))
      .join('\n')
      .replace(/[ \t]+/g, ' ');
    expect(pdf).toContain('Agency handoff dossier');
    expect(pdf).toContain('Prepared for Fair Collect Ltd on 15 March 2027.');
    expect(pdf).toContain('Sole trader');
    expect(pdf).toMatch(/GBP £170\.00 £170\.00 95 days/);
    expect(pdf).toContain('No interest is claimed: the balance above is the whole claim.');
    expect(pdf).toContain('1 promise to pay: 0 kept, 1 broken');
    expect(pdf).toMatch(/INV-0001 2026-11-10 2026-12-10 30 days partially paid £120\.00 £90\.00/);
    expect(pdf).toContain('THE WORDS SENT');
    expect(pdf).toContain('Please call before visiting: they run a pub.');

    // Chasing has stopped, and the timeline says so.
    const timeline = await ok<TimelineEntry[]>('customers.timeline', { id: inn.id });
    expect(timeline[0]).toMatchObject({
      kind: 'handoffs.handed_over',
      summary:
        'Handed over to Fair Collect Ltd: chasing has stopped. The dossier is Agency dossier 2027-03-15 - Lighthouse Inn.zip.',
    });
    const today = await ok<ReminderQueue>('reminders.queue', {});
    expect(today.items.filter((item) => item.customerId === inn.id)).toEqual([]);
    clock.set('2027-04-20T09:00:00Z');
    const later = await ok<ReminderQueue>('reminders.queue', {});
    expect(later.items.filter((item) => item.customerId === inn.id)).toEqual([]);
    expect(later.items.some((item) => item.customerName === 'Bay Garage')).toBe(true);
  });

  it('can be taken back: recorded on the timeline, and a new handoff may follow', async () => {
    const { ok, call, inn, fingerprint } = await lighthouseAtNinetyDays();
    const { handoff } = await ok<{ handoff: Handoff }>('handoffs.create', { customerId: inn.id });
    const before = fingerprint();
    const twice = await call('handoffs.create', { customerId: inn.id });
    expect(twice.ok).toBe(false);
    if (!twice.ok) expect(twice.error).toMatchObject({ code: 'conflict', field: 'customerId' });
    expect(fingerprint()).toBe(before);

    const back = await ok<Handoff>('handoffs.takeBack', {
      customerId: inn.id,
      reason: 'They paid a deposit',
    });
    expect(back).toMatchObject({
      id: handoff.id,
      takenBackAt: '2027-03-15T09:00:00.000Z',
      takenBackReason: 'They paid a deposit',
    });
    const timeline = await ok<TimelineEntry[]>('customers.timeline', { id: inn.id });
    expect(timeline[0]!.summary).toBe(
      'Taken back from the agency: chasing starts again where it stopped (They paid a deposit).',
    );
    const again = await ok<{ handoff: Handoff }>('handoffs.create', { customerId: inn.id });
    expect(again.handoff.fileName).toBe('Agency dossier 2027-03-15 - Lighthouse Inn (2).zip');
    const list = await ok<Handoff[]>('handoffs.list', { customerId: inn.id });
    expect(list.map((h) => h.takenBackAt === null)).toEqual([true, false]);
  });

  it('says why a handed-over customer is not chased, and chases again once taken back', async () => {
    const { ok, inn } = await lighthouseAtNinetyDays();
    await ok('handoffs.create', { customerId: inn.id, agency: 'Fair Collect Ltd' });
    const handed = await ok<{ items: unknown[]; why: string[] }>('reminders.explain', {
      customerId: inn.id,
    });
    expect(handed.items).toEqual([]);
    const listed = await ok<{ name: string; handedOver: boolean }[]>('customers.list', {});
    expect(listed.map((c) => [c.name, c.handedOver])).toEqual([
      ['Bay Garage', false],
      ['Lighthouse Inn', true],
    ]);
    expect(handed.why).toEqual([
      'Handed to Fair Collect Ltd on 15 March 2027: Goodwill does not chase while an agency has it.',
    ]);
    await ok('handoffs.takeBack', { customerId: inn.id, reason: 'They rang to pay' });
    const back = await ok<{ why: string[] }>('reminders.explain', {
      customerId: inn.id,
    });
    expect(back.why.join(' ')).not.toMatch(/Handed to/);
    const after = await ok<{ handedOver: boolean }[]>('customers.list', {});
    expect(after.every((c) => !c.handedOver)).toBe(true);
    // The ladder is theirs again: it picks up where it stopped (the +90 decision was taken).
    expect(back.why).toEqual([
      'Invoice INV-0001 is 95 days overdue (2 invoices overdue in all).',
      'agency decision (+90) was already taken in this episode.',
      'The ladder has no further steps.',
    ]);
  });

  it('refuses bad input by field and writes nothing, not even a file', async () => {
    const { call, fingerprint, dataDir, inn, other, decision, queue, noticed } =
      await lighthouseAtNinetyDays();
    const othersItem = queue.items.find((item) => item.customerId === other.id)!;
    const before = fingerprint();
    const refusals: [MethodName, unknown, string, string][] = [
      ['handoffs.create', { customerId: 999 }, 'not_found', 'customerId'],
      ['handoffs.create', { customerId: inn.id, itemId: 9999 }, 'not_found', 'itemId'],
      ['handoffs.create', { customerId: inn.id, itemId: othersItem.id }, 'invalid_input', 'itemId'],
      ['handoffs.create', { customerId: inn.id, itemId: noticed.id }, 'invalid_input', 'itemId'],
      [
        'handoffs.create',
        { customerId: inn.id, agency: 'x'.repeat(201) },
        'invalid_input',
        'agency',
      ],
      ['handoffs.create', { customerId: 'Lighthouse' }, 'invalid_input', 'customerId'],
      ['handoffs.takeBack', { customerId: inn.id, reason: 'Oops' }, 'not_found', 'customerId'],
      ['handoffs.takeBack', { customerId: inn.id, reason: ' ' }, 'invalid_input', 'reason'],
      ['handoffs.dossier', { id: 1 }, 'not_found', 'id'],
    ];
    for (const [method, input, code, field] of refusals) {
      const result = await call(method, input);
      expect(result.ok, JSON.stringify(input)).toBe(false);
      if (!result.ok) expect(result.error, JSON.stringify(input)).toMatchObject({ code, field });
    }
    expect(fingerprint()).toBe(before);
    await expect(readdir(join(dataDir, 'handoffs'))).rejects.toThrow(/ENOENT/);
    expect(decision.step).toBe('agency');
  });

  it('lists the interest claimed with its workings, already part of the balance', async () => {
    const { ok } = await startLedgerApp(await tempDir());
    const firm = await ok<Customer>('customers.create', { name: 'Harbour Ltd', kind: 'company' });
    await ok<Invoice>('invoices.create', {
      customerId: firm.id,
      number: 'HB-1',
      issueDate: '2026-11-10',
      dueDate: '2026-12-10',
      currency: 'GBP',
      lines: [{ description: 'Boiler', quantity: '1', unitPrice: 100000 }],
    });
    await ok('terms.update', { late: { kind: 'simple_interest', ratePercent: '8', graceDays: 0 } });
    const claims = await ok<{ amount: number; chargeNumber: string }[]>('interest.claim', {
      customerId: firm.id,
    });
    expect(claims).toHaveLength(1);
    const { dossier } = await ok<{ dossier: DocumentFile }>('handoffs.create', {
      customerId: firm.id,
    });
    const files = await unzip(Buffer.from(dossier.contentBase64, 'base64'), await tempDir());
    const interest = rowsOf(files.get('interest.csv')!);
    expect(interest).toHaveLength(1);
    expect(interest[0]).toMatchObject({
      invoice_number: 'HB-1',
      charge_invoice_number: claims[0]!.chargeNumber,
      currency: 'GBP',
      waived: '0.00',
    });
    expect(Number(interest[0]!.claimed) * 100).toBe(claims[0]!.amount);
    expect(interest[0]!.workings).toMatch(
      /2026-12-11 to 2027-03-15: 95 days at 8% a year on GBP 1000\.00 = GBP \d+\.\d\d/,
    );
    const pdf = (await pdfPages(files.get('Dossier - Harbour Ltd.pdf')!))
      .join('\n')
      .replace(/[ \t]+/g, ' ');
    expect(pdf).toContain('Each claim was raised as an invoice of its own');
    expect(pdf).not.toContain('No interest is claimed');
  });
  it('encloses the signed plan agreement as it was scanned in, or says it is gone', async () => {
    const dataDir = await tempDir();
    const { ok } = await startLedgerApp(dataDir);
    const shop = await ok<Customer>('customers.create', { name: 'Corner Shop', kind: 'company' });
    const owed = await ok<Invoice>('invoices.create', {
      customerId: shop.id,
      issueDate: '2026-11-10',
      dueDate: '2026-12-10',
      currency: 'GBP',
      lines: [{ description: 'Shelving', quantity: '1', unitPrice: 60000 }],
    });
    const plan = await ok<{ id: number }>('plans.create', {
      customerId: shop.id,
      invoiceIds: [owed.id],
      currency: 'GBP',
      count: 3,
      frequency: 'monthly',
      firstDue: '2027-04-01',
    });
    // A PNG is known by its first eight bytes; the rest stands for the picture.
    const scan = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.from('signed by both parties'),
    ]);
    await ok('plans.attachSigned', {
      planId: plan.id,
      fileName: 'scan.png',
      contentBase64: scan.toString('base64'),
    });
    const dossierText = async (dossier: DocumentFile) => {
      const files = await unzip(Buffer.from(dossier.contentBase64, 'base64'), await tempDir());
      const pdf = (await pdfPages(files.get('Dossier - Corner Shop.pdf')!))
        .join('\n')
        .replace(/\s+/g, ' ');
      return { files, pdf };
    };

    const first = await ok<{ dossier: DocumentFile }>('handoffs.create', { customerId: shop.id });
    const enclosed = await dossierText(first.dossier);
    expect(enclosed.files.get(`Signed agreement - plan ${plan.id}.png`)).toEqual(scan);
    expect(enclosed.pdf).toContain(
      `Signed agreements: the scanned copies for plan ${plan.id} are enclosed beside this PDF.`,
    );

    // The scan is removed from the data folder: the handoff still goes ahead, and says so.
    await ok('handoffs.takeBack', { customerId: shop.id, reason: 'They paid a little' });
    const stored = join(dataDir, 'plans', `plan-${plan.id}`);
    for (const name of await readdir(stored)) {
      if (name.startsWith('signed-')) await rm(join(stored, name));
    }
    const second = await ok<{ dossier: DocumentFile }>('handoffs.create', { customerId: shop.id });
    const gone = await dossierText(second.dossier);
    expect([...gone.files.keys()].some((name) => name.startsWith('Signed agreement'))).toBe(false);
    expect(gone.pdf).toContain(
      `The scan attached for plan ${plan.id} is no longer in Goodwill's data folder as it was.`,
    );
  });
});
