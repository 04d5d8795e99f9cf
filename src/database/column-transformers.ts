import { ValueTransformer } from 'typeorm';

/** `pg` returns numeric as a string (FACTS.md); our quantities are plain numbers. */
export const numericTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
