import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'
import identityConfig from '#config/identity'

/**
 * NIST 800-63B style: length over composition rules, no very common
 * passwords, nothing built from the account's own email. The maximum keeps
 * hashing cost bounded.
 */
const COMMON = new Set([
  'password', 'password1', 'password12', 'password123', 'password1234', 'passw0rd', 'p@ssw0rd',
  '1234567890', '12345678910', '0123456789', '1111111111', '0000000000', '1q2w3e4r5t', 'qwertyuiop',
  'qwerty12345', 'qwerty123456', 'asdfghjkl1', 'iloveyou12', 'letmein123', 'welcome123', 'admin12345',
  'administrator', 'changeme123', 'football123', 'baseball123', 'superman123', 'dragon1234',
  'sunshine123', 'princess123', 'abc1234567', 'abcdefghij', 'zaq12wsxcde', 'trustno1234',
])

export const strongPassword = vine.createRule((value: unknown, _: undefined, field: FieldContext) => {
  if (typeof value !== 'string') return
  const lowered = value.toLowerCase()
  if (COMMON.has(lowered)) {
    field.report('{{ field }} is too common', 'passwordCommon', field)
    return
  }
  if (new Set(value).size < 4) {
    field.report('{{ field }} needs more than three different characters', 'passwordWeak', field)
    return
  }
  const email = (field.parent as Record<string, unknown> | undefined)?.email
  if (typeof email === 'string') {
    const local = email.split('@')[0]?.toLowerCase() ?? ''
    if (local.length >= 4 && lowered.includes(local)) {
      field.report('{{ field }} must not contain your email address', 'passwordContainsEmail', field)
    }
  }
})

export const newPassword = () =>
  vine
    .string()
    .minLength(identityConfig.password.minLength)
    .maxLength(identityConfig.password.maxLength)
    .use(strongPassword())

/** For sign-in: any length up to the maximum, so old passwords still work. */
export const anyPassword = () => vine.string().minLength(1).maxLength(identityConfig.password.maxLength)
