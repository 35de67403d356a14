import vine from '@vinejs/vine'
import { browseFilters } from '#catalog/validators/product'

export const searchValidator = vine.create(
  vine.object({
    q: vine.string().trim().maxLength(200).optional(),
    ...browseFilters,
  })
)

export const suggestValidator = vine.create(
  vine.object({
    q: vine.string().trim().minLength(1).maxLength(100),
    limit: vine.number().withoutDecimals().range([1, 20]).optional(),
  })
)
