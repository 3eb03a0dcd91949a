/** Reads and changes the business settings; every change is one transaction with its event. */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { onboardingSchema, settingsPatchSchema } from '../../shared/api/settings';
import type { Clock } from '../../shared/dates';
import { isSupportedLocale, type SupportedLocale } from '../../shared/locales';
import {
  weekdays,
  type BusinessSettings,
  type Settings,
  type Weekday,
} from '../../shared/settings';
import { appendEvent } from '../db/events.repository';
import type { DB, SettingsRow } from '../db/schema';
import { findSettingsRow, saveSettingsRow } from '../db/settings.repository';

export type SettingsPatch = z.output<typeof settingsPatchSchema>;
export type OnboardingAnswers = z.output<typeof onboardingSchema>;

export interface SettingsService {
  get(): Promise<Settings>;
  update(patch: SettingsPatch): Promise<Settings>;
  completeOnboarding(answers: OnboardingAnswers): Promise<Settings>;
}

function fromRow(row: SettingsRow): Settings {
  const locale: SupportedLocale = isSupportedLocale(row.locale) ? row.locale : 'en-GB';
  const days = row.contact_days
    .split(',')
    .filter((day): day is Weekday => (weekdays as readonly string[]).includes(day));
  return {
    businessName: row.business_name,
    address: row.address,
    email: row.email,
    phone: row.phone,
    paymentInstructions: row.payment_instructions,
    invoicePrefix: row.invoice_prefix,
    currency: row.currency,
    locale,
    timeZone: row.time_zone,
    contactWindow: { days, start: row.contact_start, end: row.contact_end },
    onboardingComplete: row.onboarded_at !== null,
    updatedAt: row.updated_at,
  };
}

function toRow(settings: BusinessSettings) {
  return {
    business_name: settings.businessName,
    address: settings.address,
    email: settings.email,
    phone: settings.phone,
    payment_instructions: settings.paymentInstructions,
    invoice_prefix: settings.invoicePrefix,
    currency: settings.currency,
    locale: settings.locale,
    time_zone: settings.timeZone,
    contact_days: settings.contactWindow.days.join(','),
    contact_start: settings.contactWindow.start,
    contact_end: settings.contactWindow.end,
  };
}

function businessPart(settings: Settings): BusinessSettings {
  const { onboardingComplete: _done, updatedAt: _at, ...business } = settings;
  return business;
}

/** Fields whose value differs, with before and after, for the timeline. */
function changesBetween(before: BusinessSettings, after: BusinessSettings) {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const key of Object.keys(after) as (keyof BusinessSettings)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      changes[key] = { before: before[key], after: after[key] };
    }
  }
  return changes;
}

export function createSettingsService(deps: {
  db: Kysely<DB>;
  clock: Clock;
  /** What a new installation starts with, before the owner has said anything. */
  defaults: BusinessSettings;
}): SettingsService {
  const { db, clock, defaults } = deps;

  async function get(): Promise<Settings> {
    const row = await findSettingsRow(db);
    return row ? fromRow(row) : { ...defaults, onboardingComplete: false, updatedAt: null };
  }

  return {
    get,

    async update(patch) {
      await db.transaction().execute(async (trx) => {
        const row = await findSettingsRow(trx);
        const current = row ? businessPart(fromRow(row)) : defaults;
        const next: BusinessSettings = { ...current, ...patch };
        const changes = changesBetween(current, next);
        if (Object.keys(changes).length === 0) return;
        const now = clock.now();
        await saveSettingsRow(trx, {
          ...toRow(next),
          onboarded_at: row?.onboarded_at ?? null,
          updated_at: now.toISOString(),
        });
        await appendEvent(trx, {
          occurredAt: now,
          kind: 'settings.updated',
          summary: `Settings changed: ${Object.keys(changes).join(', ')}.`,
          details: { changes },
        });
      });
      return get();
    },

    async completeOnboarding(answers) {
      await db.transaction().execute(async (trx) => {
        const row = await findSettingsRow(trx);
        const now = clock.now();
        await saveSettingsRow(trx, {
          ...toRow(answers),
          onboarded_at: row?.onboarded_at ?? now.toISOString(),
          updated_at: now.toISOString(),
        });
        await appendEvent(trx, {
          occurredAt: now,
          kind: 'settings.onboarded',
          summary: `Goodwill was set up for ${answers.businessName}.`,
          details: { settings: answers },
        });
      });
      return get();
    },
  };
}
