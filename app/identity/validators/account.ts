import vine from '@vinejs/vine'
import { anyPassword, newPassword } from '#identity/validators/password_policy'
import { email, plainText } from '#validation/rules'

const slug = () =>
  vine
    .string()
    .trim()
    .toLowerCase()
    .minLength(3)
    .maxLength(60)
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)

const phone = () => vine.string().trim().regex(/^\+[1-9]\d{6,14}$/)

export const pickupAddressSchema = vine.object({
  line1: plainText(1, 120),
  line2: plainText(0, 120).nullable().optional(),
  city: plainText(1, 80),
  state: plainText(0, 80).nullable().optional(),
  postalCode: vine.string().trim().regex(/^[A-Za-z0-9 -]{3,10}$/),
  contactName: plainText(1, 120),
  contactPhone: phone(),
})

const shopFields = {
  name: plainText(2, 80),
  slug: slug().optional(),
  pickupAddress: pickupAddressSchema,
  taxId: vine.string().trim().regex(/^[A-Za-z0-9./-]{3,40}$/).nullable().optional(),
}

export const registerValidator = vine.create(
  vine.object({
    role: vine.enum(['buyer', 'seller'] as const),
    email: email(),
    password: newPassword(),
    fullName: plainText(1, 120),
    phone: phone().optional(),
    shop: vine.object(shopFields).optional().requiredWhen('role', '=', 'seller'),
  })
)

export const loginValidator = vine.create(
  vine.object({
    email: email(),
    password: anyPassword(),
  })
)

export const changePasswordValidator = vine.create(
  vine.object({
    currentPassword: anyPassword(),
    password: newPassword(),
  })
)

export const updateShopValidator = vine.create(
  vine.object({
    name: shopFields.name.optional(),
    slug: slug().optional(),
    pickupAddress: pickupAddressSchema.optional(),
    taxId: vine.string().trim().regex(/^[A-Za-z0-9./-]{3,40}$/).nullable().optional(),
  })
)

/** A mailed token: 32 random bytes, base64url. */
const mailedToken = () => vine.string().trim().regex(/^[A-Za-z0-9_-]{43}$/)

export const forgotPasswordValidator = vine.create(vine.object({ email: email() }))

export const resetPasswordValidator = vine.create(vine.object({ token: mailedToken(), password: newPassword() }))

export const verifyEmailValidator = vine.create(vine.object({ token: mailedToken() }))
