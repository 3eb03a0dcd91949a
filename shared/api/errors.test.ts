/**
 * Validation failures as API errors: every field at fault named, zod's own words for a
 * missing or mistyped value said plainly, and a schema's own message kept as it is.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { invalidInputError } from './errors';

const schema = z
  .object({
    name: z.string(),
    count: z.number(),
    paid: z.boolean(),
    tags: z.array(z.string()),
    currency: z.string('Please give the currency as a three-letter code.'),
  })
  .strict();

const errorOf = (input: unknown) => {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error('expected a failure');
  return invalidInputError(parsed.error);
};

describe('invalidInputError', () => {
  it('says plainly what is missing or of the wrong kind, naming each field', () => {
    const error = errorOf({ count: 'three', paid: 'yes', tags: 'a', currency: 7, extra: 1 });
    expect(error).toMatchObject({
      code: 'invalid_input',
      field: 'name',
      message: 'name: This is needed.',
    });
    expect(error.issues).toEqual([
      { field: 'name', message: 'This is needed.' },
      { field: 'count', message: 'This should be a number.' },
      { field: 'paid', message: 'This should be true or false.' },
      { field: 'tags', message: 'This should be a list.' },
      // The schema's own words stay.
      { field: 'currency', message: 'Please give the currency as a three-letter code.' },
      { field: 'extra', message: '"extra" is not a field this accepts.' },
    ]);
  });
});
