/**
 * Every migration, in order. Imported statically: a packaged app reads its code from an
 * archive, so there is no folder to scan at run time. Add a new file and a line here.
 */
import type { Migration } from '../migrator';
import * as m0001 from './0001_settings_and_events';
import * as m0002 from './0002_ledger';
import * as m0003 from './0003_reminders';
import * as m0004 from './0004_letter_templates';
import * as m0005 from './0005_mail';
import * as m0006 from './0006_plans';
import * as m0007 from './0007_plan_lifecycle';
import * as m0008 from './0008_imports';
import * as m0009 from './0009_terms_fees_interest';
import * as m0010 from './0010_agency_handoff';
import * as m0011 from './0011_invoice_paid_on';
import * as m0012 from './0012_import_answers';

export const migrations: readonly Migration[] = [
  m0001,
  m0002,
  m0003,
  m0004,
  m0005,
  m0006,
  m0007,
  m0008,
  m0009,
  m0010,
  m0011,
  m0012,
];
