/**
 * The signed agreement scanned back in, through the API and over HTTP (where a 20 MB file is
 * larger than the usual 1 MiB body limit): a PNG or a PDF is kept in the data folder with its
 * SHA-256 and shown on the timeline, and the plan shows "signed" (and starts, if it starts on
 * signature); a file over 20 MB or one that only has a PDF's name is refused, writing nothing.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentFile } from '../../shared/api/invoices';
import type { PrintResult } from '../../shared/api/invoices';
import { maxSignedAgreementBytes, type Plan } from '../../shared/api/plans';
import type { Customer, Invoice } from '../../shared/ledger';
import type { MethodName } from '../../shared/api/contract';
import { createMethodTable, registerApi } from '../api/register';
import { createApp } from '../app';
import { startHeadless, type Headless } from '../headless-app';
import { createMemoryLogger } from '../logger';
import { sampleBusiness } from '../testing/business';
import { startLedgerApp } from '../testing/ledger-app';
import { pdfPages } from '../testing/pdf-text';
import { manualClock, useTempDirs } from '../testing/temp-dir';

const tempDir = useTempDirs();

/** A real 1×1 PNG, padded to `size` bytes with an ignorable chunk-free tail. */
function png(size = 67): Buffer {
  const pixel = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  );
  return size <= pixel.length ? pixel : Buffer.concat([pixel, Buffer.alloc(size - pixel.length)]);
}

async function planToSign(dataDir: string) {
  const ledger = await startLedgerApp(dataDir, '2027-03-15T10:00:00Z');
  const customer = await ledger.ok<Customer>('customers.create', { name: 'Birch Studio' });
  const invoice = await ledger.ok<Invoice>('invoices.create', {
    customerId: customer.id,
    issueDate: '2027-01-05',
    dueDate: '2027-02-01',
    currency: 'GBP',
    lines: [{ description: 'Design', quantity: '1', unitPrice: 60000 }],
  });
  const plan = await ledger.ok<Plan>('plans.create', {
    customerId: customer.id,
    invoiceIds: [invoice.id],
    currency: 'GBP',
    count: 3,
    frequency: 'monthly',
    firstDue: '2027-04-01',
  });
  return { ...ledger, customer, plan };
}

async function filesUnder(folder: string): Promise<string[]> {
  try {
    return (await readdir(folder, { recursive: true })).map(String).sort();
  } catch {
    return [];
  }
}

describe('the signed agreement', () => {
  it('keeps a PNG with its checksum, shows it on the timeline, and starts a plan that starts on signature', async () => {
    const dir = await tempDir();
    const { app, ok, plan, customer } = await planToSign(dir);
    expect(plan).toMatchObject({ state: 'proposed', signed: false });
    const scan = png(5000);
    const signed = await ok<Plan>('plans.attachSigned', {
      planId: plan.id,
      fileName: 'signed agreement.png',
      contentBase64: scan.toString('base64'),
    });
    const sha256 = createHash('sha256').update(scan).digest('hex');
    expect(signed).toMatchObject({
      state: 'active',
      signed: true,
      signedAgreement: {
        fileName: 'signed agreement.png',
        mediaType: 'image/png',
        size: 5000,
        sha256,
        attachedAt: '2027-03-15T10:00:00.000Z',
      },
    });
    // In the data folder, named by its checksum, byte for byte.
    const stored = await filesUnder(join(dir, 'plans'));
    expect(stored).toContain(join(`plan-${plan.id}`, `signed-${sha256}.png`));
    expect(await readFile(join(dir, 'plans', `plan-${plan.id}`, `signed-${sha256}.png`))).toEqual(
      scan,
    );
    const back = await ok<DocumentFile>('plans.signedAgreement', { planId: plan.id });
    expect(Buffer.from(back.contentBase64, 'base64')).toEqual(scan);

    const events = await app.connection.db
      .selectFrom('events')
      .select(['kind', 'summary'])
      .where('customer_id', '=', customer.id)
      .where('kind', '=', 'plans.signed')
      .execute();
    expect(events).toEqual([
      {
        kind: 'plans.signed',
        summary: `Signed payment plan agreement attached: signed agreement.png (5 KB, SHA-256 ${sha256.slice(0, 12)}…). The plan is now active.`,
      },
    ]);
    await app.close();
  });

  it('accepts the agreement itself as a signed PDF, and notices a stored file that changed', async () => {
    const dir = await tempDir();
    const { app, ok, call, plan } = await planToSign(dir);
    await ok('plans.update', { planId: plan.id, activation: 'first_payment' });
    const pdf = await ok<DocumentFile>('plans.agreement', { planId: plan.id });
    const signed = await ok<Plan>('plans.attachSigned', {
      planId: plan.id,
      fileName: 'scan.PDF',
      contentBase64: pdf.contentBase64,
    });
    // Signed, but this plan starts with the first payment.
    expect(signed).toMatchObject({
      state: 'proposed',
      signed: true,
      signedAgreement: { mediaType: 'application/pdf' },
    });
    const [file] = await filesUnder(join(dir, 'plans', `plan-${plan.id}`));
    await writeFile(join(dir, 'plans', `plan-${plan.id}`, file!), 'tampered');
    const read = await call('plans.signedAgreement', { planId: plan.id });
    expect(read).toMatchObject({ ok: false, error: { code: 'conflict', field: 'planId' } });
    await app.close();
  });

  it('refuses a renamed program, an empty file, one over 20 MB and an unknown plan; writes nothing', async () => {
    const dir = await tempDir();
    const { app, call, fingerprint, plan } = await planToSign(dir);
    const before = fingerprint();
    // A Windows program starts "MZ" whatever it is called.
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00', 'latin1'), Buffer.alloc(2000)]);
    const tooLarge = png(maxSignedAgreementBytes + 1);
    const cases: [string, Record<string, unknown>, string, string, RegExp][] = [
      [
        'a program named .pdf',
        { planId: plan.id, fileName: 'agreement.pdf', contentBase64: exe.toString('base64') },
        'invalid_input',
        'contentBase64',
        /not a PDF, JPEG or PNG, whatever its name says/,
      ],
      [
        'an empty file',
        { planId: plan.id, fileName: 'scan.png', contentBase64: '' },
        'invalid_input',
        'contentBase64',
        /empty/,
      ],
      [
        'text that is not base64',
        { planId: plan.id, fileName: 'scan.png', contentBase64: 'not base64!' },
        'invalid_input',
        'contentBase64',
        /not base64/,
      ],
      [
        '20 MB and one byte',
        { planId: plan.id, fileName: 'scan.png', contentBase64: tooLarge.toString('base64') },
        'invalid_input',
        'contentBase64',
        /larger than 20 MB/,
      ],
      [
        'no file name',
        { planId: plan.id, fileName: ' ', contentBase64: png().toString('base64') },
        'invalid_input',
        'fileName',
        /file name/,
      ],
      [
        'an unknown plan',
        { planId: 999, fileName: 'scan.png', contentBase64: png().toString('base64') },
        'not_found',
        'planId',
        /no payment plan 999/,
      ],
    ];
    for (const [what, input, code, field, message] of cases) {
      const result = await call('plans.attachSigned', input);
      expect(result, what).toMatchObject({ ok: false, error: { code, field } });
      if (!result.ok) expect(result.error.message, what).toMatch(message);
    }
    expect(fingerprint()).toBe(before);
    expect(await filesUnder(join(dir, 'plans'))).toEqual([]);
    const noScan = await call('plans.signedAgreement', { planId: plan.id });
    expect(noScan).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await app.close();
  });
});

describe('the signed agreement over HTTP', () => {
  let running: Headless | undefined;
  afterEach(async () => {
    await running?.stop();
    running = undefined;
  });

  it('takes a file larger than the usual body limit, and refuses one over 20 MB with a clear reason', async () => {
    const token = 'test-token-0123456789abcdef';
    const staticDir = await tempDir();
    await mkdir(join(staticDir, 'assets'));
    await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>Goodwill</title>');
    running = await startHeadless({
      dataDir: await tempDir(),
      port: 0,
      token,
      staticDir,
      clock: manualClock('2027-03-15T10:00:00Z'),
      log: createMemoryLogger(),
      defaults: sampleBusiness,
    });
    const post = async (method: string, input: unknown) => {
      const response = await fetch(`${running!.server.origin}/api/${method}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
      const body = (await response.json()) as {
        value: { id: number } & Record<string, unknown>;
        error: Record<string, unknown>;
      };
      return { status: response.status, body };
    };
    const customer = (await post('customers.create', { name: 'Birch Studio' })).body.value;
    const invoice = (
      await post('invoices.create', {
        customerId: customer.id,
        issueDate: '2027-01-05',
        dueDate: '2027-02-01',
        currency: 'GBP',
        lines: [{ description: 'Design', quantity: '1', unitPrice: 60000 }],
      })
    ).body.value;
    const plan = (
      await post('plans.create', {
        customerId: customer.id,
        invoiceIds: [invoice.id],
        currency: 'GBP',
        count: 3,
        frequency: 'monthly',
        firstDue: '2027-04-01',
      })
    ).body.value;

    // 3 MB: three times the limit other methods have.
    const big = png(3 * 1024 * 1024);
    const accepted = await post('plans.attachSigned', {
      planId: plan.id,
      fileName: 'scan.png',
      contentBase64: big.toString('base64'),
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.value).toMatchObject({
      signed: true,
      signedAgreement: { size: big.length },
    });

    const refused = await post('plans.attachSigned', {
      planId: plan.id,
      fileName: 'scan.png',
      contentBase64: png(maxSignedAgreementBytes + 1).toString('base64'),
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({
      code: 'invalid_input',
      field: 'contentBase64',
      message: expect.stringMatching(/larger than 20 MB/),
    });

    // Other methods keep the 1 MiB limit.
    const other = await post('customers.create', { name: 'x'.repeat(1024 * 1024 + 10) });
    expect(other.status).toBe(413);
  });
});

describe('printing the agreement', () => {
  it("headless: the saved plan's agreement downloads, with its own amounts and the payments as agreed", async () => {
    const { app, ok, plan } = await planToSign(await tempDir());
    await ok('payments.record', {
      customerId: plan.customerId,
      date: '2027-03-15',
      amount: 20000,
      currency: 'GBP',
    });
    const printed = await ok<PrintResult>('plans.print', { planId: plan.id });
    expect(printed.via).toBe('download');
    if (printed.via !== 'download') throw new Error('expected a download');
    expect(printed.file.fileName).toMatch(/\.pdf$/);
    const text = (await pdfPages(Buffer.from(printed.file.contentBase64, 'base64'))).join('\n');
    expect(text).toContain('Birch Studio');
    expect(text).toContain('£600.00');
    for (const day of ['1 April 2027', '1 May 2027', '1 June 2027']) expect(text).toContain(day);
    await app.close();
  });

  it('Electron: the print dialog is given the agreement as a PDF file in the data folder', async () => {
    const dir = await tempDir();
    const printed: string[] = [];
    const app = await createApp({
      dataDir: dir,
      clock: manualClock('2027-03-15T10:00:00Z'),
      mode: 'electron',
      log: createMemoryLogger(),
      defaults: sampleBusiness,
      reminderSchedule: false,
      mailer: false,
      printPdf: async (path) => {
        printed.push(path);
      },
    });
    const table = createMethodTable();
    registerApi(table, app.services, createMemoryLogger());
    const ok = async <T>(method: MethodName, input: unknown): Promise<T> => {
      const result = await table.get(method)!(input);
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      return result.value as T;
    };
    const customer = await ok<Customer>('customers.create', { name: 'Birch Studio' });
    const invoice = await ok<Invoice>('invoices.create', {
      customerId: customer.id,
      issueDate: '2027-01-05',
      dueDate: '2027-02-01',
      currency: 'GBP',
      lines: [{ description: 'Design', quantity: '1', unitPrice: 60000 }],
    });
    const plan = await ok<Plan>('plans.create', {
      customerId: customer.id,
      invoiceIds: [invoice.id],
      currency: 'GBP',
      count: 3,
      frequency: 'monthly',
      firstDue: '2027-04-01',
    });
    expect(await ok('plans.print', { planId: plan.id })).toEqual({ via: 'print_dialog' });
    expect(printed).toHaveLength(1);
    expect(printed[0]!.startsWith(join(dir, 'plans', `plan-${plan.id}`))).toBe(true);
    const text = (await pdfPages(await readFile(printed[0]!))).join('\n');
    expect(text).toContain('Birch Studio');
    await app.close();
  });
});
