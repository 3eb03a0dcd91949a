import { z } from 'zod';

/**
 * One API method: the schema its input must satisfy, and (as a type only) what it returns.
 * Outputs are produced by our own services, so they are typed rather than re-validated.
 */
export interface Method<Input extends z.ZodType, Output> {
  readonly input: Input;
  /** Never set: carries the output type. */
  readonly output?: Output;
}

export function method<Input extends z.ZodType>(input: Input) {
  return {
    returns<Output>(): Method<Input, Output> {
      return { input };
    },
  };
}

/** The input of a method that takes nothing: `{}`, or nothing at all. */
export const emptyInput = z.object({}).strict().default({});
