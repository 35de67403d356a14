import type { HttpContext } from '@adonisjs/core/http'
import { errors as vineErrors } from '@vinejs/vine'
import { DomainError } from '#exceptions/domain_error'
import { filled } from '#i18n/services/i18n'

/** A posted form's fields, without the CSRF token. */
export function formOf(ctx: HttpContext): Record<string, unknown> {
  return ctx.request.except(['_csrf'])
}

/** Messages by field of a refused form, translated in the staff member's language. */
export type FieldMessages = Record<string, string>

/**
 * What a form shows beside its fields when the domain or the validator
 * refused it: the fields' messages and the error's own message. Anything
 * else is not a refused form and is thrown again.
 */
export function refusal(ctx: HttpContext, error: unknown): { message: string; fields: FieldMessages } {
  if (error instanceof vineErrors.E_VALIDATION_ERROR) {
    const fields: FieldMessages = {}
    for (const message of error.messages as { field: string; rule: string; message: string; meta?: Record<string, unknown> }[]) {
      fields[message.field] ??= filled(ctx.t(`validation:${message.rule}`, { field: message.field, ...(message.meta ?? {}), defaultValue: message.message }), message.message)
    }
    return { message: ctx.t('errors:E_VALIDATION_ERROR', { fields: Object.keys(fields).join(', '), defaultValue: 'The request has invalid fields' }), fields }
  }
  if (error instanceof DomainError && (error.status ?? (error.constructor as typeof DomainError).status) < 500) {
    const type = error.constructor as typeof DomainError
    const fields: FieldMessages = {}
    for (const field of error.fields ?? []) fields[field.field] ??= filled(ctx.t(`validation:${field.rule}`, { field: field.field, defaultValue: field.message }), field.message)
    return { message: ctx.t(`errors:${error.code ?? type.code}`, { ...error.params, defaultValue: error.message }), fields }
  }
  throw error
}
