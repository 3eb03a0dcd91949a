import { describe, expect, it } from 'vitest';
import { attachmentDisposition } from './content-disposition';

describe('attachmentDisposition', () => {
  it('gives the UTF-8 name and a plain-ASCII stand-in', () => {
    expect(attachmentDisposition("Goodwill invoices 2027-03-15 - Zoë's (Café).csv")).toBe(
      `attachment; filename="Goodwill invoices 2027-03-15 - Zo_'s (Caf_).csv"; ` +
        "filename*=UTF-8''Goodwill%20invoices%202027-03-15%20-%20Zo%C3%AB%27s%20%28Caf%C3%A9%29.csv",
    );
  });

  it('never lets a quote, backslash or percent sign into the quoted name', () => {
    expect(attachmentDisposition('a"b\\c%d.csv')).toBe(
      `attachment; filename="a_b_c_d.csv"; filename*=UTF-8''a%22b%5Cc%25d.csv`,
    );
  });
});
