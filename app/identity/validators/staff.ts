import vine from '@vinejs/vine'
import { anyPassword, newPassword } from '#identity/validators/password_policy'
import { email, plainText, staffPublicId } from '#validation/rules'
import { STAFF_ROLES } from '#identity/models/staff_role'

export const staffLoginValidator = vine.create(
  vine.object({
    email: email(),
    password: anyPassword(),
  })
)

export const totpCodeValidator = vine.create(
  vine.object({
    // A TOTP code, or (a lost phone) one of the recovery codes shown at enrolment.
    code: vine.string().trim().regex(/^\d{6}$/).optional().requiredIfMissing('recoveryCode'),
    recoveryCode: vine.string().trim().regex(/^[A-Za-z0-9]{5}-?[A-Za-z0-9]{5}$/).optional(),
  })
)

export const createStaffValidator = vine.create(
  vine.object({
    email: email(),
    fullName: plainText(1, 120),
    password: newPassword(),
  })
)

export const grantRoleValidator = vine.create(
  vine.object({
    role: vine.enum(STAFF_ROLES),
    markets: vine.array(vine.string().trim().toUpperCase().regex(/^([A-Z]{2}|\*)$/)).maxLength(50).distinct().optional(),
    regions: vine.array(vine.string().trim().toLowerCase().regex(/^[a-z][a-z0-9-]{1,30}$/)).maxLength(20).distinct().optional(),
  })
)

/** A staff member of the path, and one of their role assignments. */
export const staffParams = vine.create(
  vine.object({
    id: staffPublicId(),
    assignment: vine.number().withoutDecimals().min(1).optional(),
  })
)
