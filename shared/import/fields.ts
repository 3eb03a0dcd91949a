/**
 * What an import reads from a file: the owner's words for each field, whether a file of that
 * kind needs it, and whether its values may be shown back in an error. Names, emails and
 * anything we do not know are private: an error says which row and column, not what it held.
 */
export const importKinds = ['invoices', 'payments', 'customers'] as const;
export type ImportKind = (typeof importKinds)[number];

export const importFields = [
  'customer',
  'email',
  'phone',
  'company',
  'customerKind',
  'number',
  'externalId',
  'issueDate',
  'dueDate',
  'status',
  'currency',
  'total',
  'lineTotal',
  'paid',
  'balance',
  'paymentAmount',
  'paymentDate',
] as const;
export type ImportField = (typeof importFields)[number];

/** Which field holds which column (by its header text, as the file spells it). */
export type ColumnMapping = Partial<Record<ImportField, string>>;

export const fieldLabels: Record<ImportField, string> = {
  customer: 'Customer name',
  email: 'Email',
  phone: 'Phone',
  company: 'Company',
  customerKind: 'Customer kind (company, sole trader or consumer)',
  number: 'Invoice number',
  externalId: 'ID in the other program',
  issueDate: 'Invoice date',
  dueDate: 'Due date',
  status: 'Status',
  currency: 'Currency',
  total: 'Invoice total',
  lineTotal: 'Line amount (added up per invoice)',
  paid: 'Amount paid',
  balance: 'Amount still owed',
  paymentAmount: 'Payment amount',
  paymentDate: 'Payment date',
};

/** Fields whose values an error may quote: amounts, dates, codes. Nothing personal. */
export const quotableFields: ReadonlySet<ImportField> = new Set([
  'customerKind',
  'number',
  'issueDate',
  'dueDate',
  'status',
  'currency',
  'total',
  'lineTotal',
  'paid',
  'balance',
  'paymentAmount',
  'paymentDate',
]);

/** What a file of each kind cannot do without. */
export function requiredFields(kind: ImportKind): ImportField[][] {
  switch (kind) {
    case 'invoices':
      // Either an invoice total or line amounts to add up.
      return [['customer'], ['number'], ['issueDate'], ['total', 'lineTotal']];
    case 'payments':
      return [['customer'], ['paymentAmount'], ['paymentDate']];
    case 'customers':
      return [['customer']];
  }
}
