/**
 * File names for the documents Goodwill makes, safe to save on Windows, macOS and Linux:
 * letters in any script stay ("Zoë Łukasiewicz"), characters a file system refuses or reads
 * as a path (/ \ : * ? " < > | and control characters) become a hyphen, a run of them one.
 */
const unsafe = /[/\\:*?"<>|\p{Cc}\p{Cf}]+/gu;

export function safeFileName(stem: string, extension: string, maxLength = 120): string {
  const cleaned = stem
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .replace(unsafe, '-')
    // Leading dots hide a file on macOS and Linux; trailing dots and spaces vanish on Windows.
    .replace(/^[\s.]+|[\s.]+$/g, '');
  const short = [...cleaned]
    .slice(0, maxLength)
    .join('')
    .replace(/[\s.]+$/, '');
  return `${short || 'document'}.${extension}`;
}

/** "Invoice INV-0001 - Jones Plumbing.pdf" */
export function invoiceFileName(invoice: { number: string; customerName: string }): string {
  const who = invoice.customerName.trim();
  return safeFileName(`Invoice ${invoice.number}${who ? ` - ${who}` : ''}`, 'pdf');
}

/** "Letter 2027-03-15 - Jones Plumbing.pdf": the date first, so a customer's letters sort in order. */
export function letterFileName(letter: { date: string; customerName: string }): string {
  const who = letter.customerName.trim();
  return safeFileName(`Letter ${letter.date}${who ? ` - ${who}` : ''}`, 'pdf');
}

/** "Payment plan agreement - Ana Pereira.pdf" */
export function planAgreementFileName(plan: { customerName: string }): string {
  const who = plan.customerName.trim();
  return safeFileName(`Payment plan agreement${who ? ` - ${who}` : ''}`, 'pdf');
}

/** "Statement 2027-03-31 - Jones Plumbing.pdf": the closing date first, so they sort in order. */
export function statementFileName(statement: { to: string; customerName: string }): string {
  const who = statement.customerName.trim();
  return safeFileName(`Statement ${statement.to}${who ? ` - ${who}` : ''}`, 'pdf');
}
