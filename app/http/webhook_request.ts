import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'

const providerParam = vine.create(vine.object({ provider: vine.string().regex(/^[a-z][a-z0-9_]{1,19}$/) }))

/**
 * What a provider's webhook brings: the provider named in the path, the
 * raw body (what its signature covers, never the parsed JSON) and the
 * headers, one value each.
 */
export async function webhookRequest(ctx: HttpContext) {
  const { provider } = await providerParam.validate(ctx.params)
  const headers = Object.fromEntries(Object.entries(ctx.request.headers()).map(([name, value]) => [name, Array.isArray(value) ? value[0] : value]))
  return { provider, rawBody: ctx.request.raw() ?? '', headers }
}
