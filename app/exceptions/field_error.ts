import { errors } from '@vinejs/vine'

/**
 * A validation failure found after the schema (unique email, wrong current
 * password...), in the same 422 format as Vine's.
 */
export function fieldError(field: string, rule: string, message: string) {
  return new errors.E_VALIDATION_ERROR([{ field, rule, message }])
}
