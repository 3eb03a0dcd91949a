import { describe, expect, it } from 'vitest';
import { invalidInputError } from './errors';
import { onboardingSchema, settingsPatchSchema } from './settings';

const valid = {
  businessName: 'Jones Plumbing',
  email: 'sam@jonesplumbing.example',
  currency: 'GBP',
  locale: 'en-GB',
  timeZone: 'Europe/London',
  contactWindow: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:00', end: '20:00' },
};

function fieldsAtFault(
  schema: typeof settingsPatchSchema | typeof onboardingSchema,
  input: unknown,
) {
  const parsed = schema.safeParse(input);
  if (parsed.success) return [];
  return (invalidInputError(parsed.error).issues ?? []).map((issue) => issue.field);
}

describe('settings input', () => {
  it('accepts a complete first-run setup and fills the optional fields', () => {
    const parsed = onboardingSchema.parse(valid);
    expect(parsed).toMatchObject({ address: '', phone: '', paymentInstructions: '' });
  });

  it('trims text, upper-cases currency codes and orders the days of the week', () => {
    const parsed = settingsPatchSchema.parse({
      businessName: '  Jones Plumbing ',
      currency: 'eur',
      contactWindow: { days: ['fri', 'mon', 'wed'], start: '09:00', end: '17:30' },
    });
    expect(parsed.businessName).toBe('Jones Plumbing');
    expect(parsed.currency).toBe('EUR');
    expect(parsed.contactWindow?.days).toEqual(['mon', 'wed', 'fri']);
  });

  it.each([
    [{ email: 'not-an-address' }, 'email'],
    [{ currency: 'XYZ' }, 'currency'],
    [{ timeZone: 'Europe/Atlantis' }, 'timeZone'],
    [{ locale: 'tlh-KX' }, 'locale'],
    [{ businessName: '   ' }, 'businessName'],
    [{ phone: 'call me maybe' }, 'phone'],
    [{ contactWindow: { days: [], start: '08:00', end: '20:00' } }, 'contactWindow.days'],
    [
      { contactWindow: { days: ['mon', 'mon'], start: '08:00', end: '20:00' } },
      'contactWindow.days',
    ],
    [{ contactWindow: { days: ['mon'], start: '20:00', end: '08:00' } }, 'contactWindow.end'],
    [{ contactWindow: { days: ['mon'], start: '8am', end: '20:00' } }, 'contactWindow.start'],
    [{ favouriteColour: 'teal' }, 'favouriteColour'],
    [{ email: 42 }, 'email'],
  ])('names the field at fault in %j', (input, field) => {
    expect(fieldsAtFault(settingsPatchSchema, input)).toEqual([field]);
  });

  it('reports every field at fault at once, the first as `field`', () => {
    const parsed = settingsPatchSchema.safeParse({ email: 'nope', currency: 'XYZ' });
    expect(parsed.success).toBe(false);
    const error = invalidInputError(parsed.error!);
    expect(error).toMatchObject({ code: 'invalid_input', field: 'email' });
    expect(error.issues?.map((issue) => issue.field)).toEqual(['email', 'currency']);
    expect(error.message).toMatch(/^email: /);
  });

  it('requires name and email to finish the first-run setup', () => {
    expect(fieldsAtFault(onboardingSchema, { ...valid, businessName: '', email: '' })).toEqual([
      'businessName',
      'email',
    ]);
  });
});
