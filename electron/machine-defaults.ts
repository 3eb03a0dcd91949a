/** First-run defaults taken from this computer: its language, region and time zone. */
import { isValidTimeZone } from '../shared/dates';
import { closestSupportedLocale, usualCurrencyFor } from '../shared/locales';
import { defaultContactWindow, type BusinessSettings } from '../shared/settings';

export function machineDefaults(env: NodeJS.ProcessEnv = process.env): BusinessSettings {
  const resolved = Intl.DateTimeFormat().resolvedOptions();
  const locale = closestSupportedLocale(env.LC_ALL || env.LANG || resolved.locale);
  return {
    businessName: '',
    address: '',
    email: '',
    phone: '',
    paymentInstructions: '',
    invoicePrefix: 'INV-',
    currency: usualCurrencyFor(locale),
    locale,
    timeZone: isValidTimeZone(resolved.timeZone) ? resolved.timeZone : 'UTC',
    contactWindow: defaultContactWindow,
  };
}
