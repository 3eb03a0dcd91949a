/**
 * Errors cross the process boundary as data, never as thrown exceptions or stack traces.
 * Services throw `AppError`; the API registry turns it (and any validation failure) into an
 * `ApiError` inside a failed `ApiResult`.
 */
import type { z } from 'zod';

export const errorCodes = [
  'invalid_input',
  'not_found',
  'conflict',
  'unauthorized',
  'forbidden',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface FieldIssue {
  /** Dotted path of the field, e.g. `contactWindow.start`. */
  field: string;
  message: string;
}

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** The first field at fault, when the error is about one. */
  field?: string;
  /** Every field at fault, for forms that show them all at once. */
  issues?: FieldIssue[];
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** What zod's own type names are, in words. */
const typeWords: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a set of fields',
  date: 'a date',
};

/**
 * Zod's default words for a missing or mistyped value ("Invalid input: expected string,
 * received undefined"), said plainly; every message a schema gives of its own is kept.
 */
function plainMessage(message: string): string {
  const match = /^Invalid input: expected (\w+), received (\w+)$/.exec(message);
  if (!match) return message;
  const [, expected, received] = match as unknown as [string, string, string];
  if (received === 'undefined') return 'This is needed.';
  const wanted = typeWords[expected];
  return wanted ? `This should be ${wanted}.` : message;
}

/** A zod validation failure as an `invalid_input` error naming every field at fault. */
export function invalidInputError(error: z.ZodError): ApiError {
  const issues: FieldIssue[] = error.issues.flatMap((issue) => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: path ? `${path}.${key}` : key,
        message: `"${key}" is not a field this accepts.`,
      }));
    }
    return [{ field: path, message: plainMessage(issue.message) }];
  });
  const first = issues[0];
  const named = issues.filter((issue) => issue.field !== '');
  return {
    code: 'invalid_input',
    message: first
      ? first.field
        ? `${first.field}: ${first.message}`
        : first.message
      : 'The request was not valid.',
    ...(first?.field ? { field: first.field } : {}),
    ...(named.length > 0 ? { issues: named } : {}),
  };
}
