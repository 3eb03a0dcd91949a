import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeConnection, openConnection } from '../db/connection';
import { migrations } from '../db/migrations';
import { migrate } from '../db/migrator';
import { blankBusiness } from '../testing/business';
import { manualClock, useTempDirs } from '../testing/temp-dir';
import { createSettingsService } from './settings.service';

const tempDir = useTempDirs();

const defaults = blankBusiness;

const answers = {
  ...defaults,
  businessName: 'Zoë Łukasiewicz Design',
  email: 'zoe@example.com',
  currency: 'EUR',
  locale: 'en-IE' as const,
  timeZone: 'Europe/Dublin',
};

async function openLedger(file?: string) {
  const path = file ?? join(await tempDir(), 'goodwill.db');
  const connection = openConnection(path);
  const clock = manualClock('2027-03-15T09:00:00Z');
  await migrate(connection.db, migrations, { now: clock.now });
  const settings = createSettingsService({ db: connection.db, clock, defaults });
  const events = () => connection.db.selectFrom('events').selectAll().orderBy('id').execute();
  return { path, connection, clock, settings, events };
}

describe('settings', () => {
  it('start from the defaults, not yet set up', async () => {
    const { connection, settings } = await openLedger();
    expect(await settings.get()).toEqual({
      ...defaults,
      onboardingComplete: false,
      updatedAt: null,
    });
    await closeConnection(connection);
  });

  it('are set up once, with an event in the timeline, and survive reopening', async () => {
    const { path, connection, settings, events } = await openLedger();
    const saved = await settings.completeOnboarding(answers);
    expect(saved).toMatchObject({
      ...answers,
      onboardingComplete: true,
      updatedAt: '2027-03-15T09:00:00.000Z',
    });
    expect((await events()).map((e) => e.kind)).toEqual(['settings.onboarded']);
    await closeConnection(connection);

    const reopened = await openLedger(path);
    expect(await reopened.settings.get()).toEqual(saved);
    await closeConnection(reopened.connection);
  });

  it('record what changed, before and after, in the same transaction', async () => {
    const { connection, clock, settings, events } = await openLedger();
    await settings.completeOnboarding(answers);
    clock.set('2027-03-16T10:00:00Z');
    const updated = await settings.update({ phone: '+353 1 555 0100', currency: 'GBP' });
    expect(updated).toMatchObject({
      phone: '+353 1 555 0100',
      currency: 'GBP',
      updatedAt: '2027-03-16T10:00:00.000Z',
    });
    const last = (await events()).at(-1)!;
    expect(last.kind).toBe('settings.updated');
    expect(last.occurred_at).toBe('2027-03-16T10:00:00.000Z');
    expect(JSON.parse(last.details)).toEqual({
      changes: {
        phone: { before: '', after: '+353 1 555 0100' },
        currency: { before: 'EUR', after: 'GBP' },
      },
    });
    await closeConnection(connection);
  });

  it('write nothing when nothing changed', async () => {
    const { connection, settings, events } = await openLedger();
    await settings.completeOnboarding(answers);
    await settings.update({ currency: 'EUR', businessName: answers.businessName });
    expect(await events()).toHaveLength(1);
    await closeConnection(connection);
  });

  it('keep the first set-up time when the set-up is run again', async () => {
    const { connection, clock, settings } = await openLedger();
    await settings.completeOnboarding(answers);
    clock.advanceDays(3);
    await settings.completeOnboarding({ ...answers, businessName: 'Zoë Designs' });
    const row = await connection.db.selectFrom('settings').selectAll().executeTakeFirstOrThrow();
    expect(row.onboarded_at).toBe('2027-03-15T09:00:00.000Z');
    expect(row.business_name).toBe('Zoë Designs');
    await closeConnection(connection);
  });

  it('roll back the change when the timeline cannot be written', async () => {
    const { connection, settings } = await openLedger();
    await settings.completeOnboarding(answers);
    // Make the event insert fail inside the transaction: the settings change must not land.
    connection.sqlite.exec(
      "CREATE TRIGGER no_events BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'timeline unavailable'); END",
    );
    await expect(settings.update({ phone: '01632 960 000' })).rejects.toThrow(
      /timeline unavailable/,
    );
    expect((await settings.get()).phone).toBe('');
    await closeConnection(connection);
  });
});
