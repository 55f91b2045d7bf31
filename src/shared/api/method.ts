import type { z } from 'zod';

/** One API method: the schema its input must pass and the schema its output satisfies. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** Largest request body the HTTP transport accepts for this method, in bytes. */
  maxBodyBytes?: number;
}

export function method<I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  options: { maxBodyBytes?: number } = {},
): MethodSpec<I, O> {
  return { input, output, ...options };
}
