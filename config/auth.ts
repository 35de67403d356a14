import { defineConfig } from '@adonisjs/auth'
import type { InferAuthenticators, InferAuthEvents, Authenticators } from '@adonisjs/auth/types'
import { AccessTokensGuard } from '@adonisjs/auth/access_tokens'
import type { HttpContext } from '@adonisjs/core/http'
import { MarketAccountProvider, StaffProvider } from '#identity/auth/user_providers'

/**
 * Two token guards. `storefront`: buyers and sellers, tokens in the shard of
 * the request's market and valid only there. `staff`: staff accounts and
 * tokens in the control database, used on the staff host only.
 */
const authConfig = defineConfig({
  default: 'storefront',
  guards: {
    storefront: {
      async resolver(name, app) {
        const emitter = await app.container.make('emitter')
        return (ctx: HttpContext) =>
          new AccessTokensGuard(name, ctx, emitter as any, new MarketAccountProvider(ctx))
      },
    },
    staff: {
      async resolver(name, app) {
        const emitter = await app.container.make('emitter')
        const provider = new StaffProvider()
        return (ctx: HttpContext) => new AccessTokensGuard(name, ctx, emitter as any, provider)
      },
    },
  },
})

export default authConfig

declare module '@adonisjs/auth/types' {
  export interface Authenticators extends InferAuthenticators<typeof authConfig> {}
}
declare module '@adonisjs/core/types' {
  interface EventsList extends InferAuthEvents<Authenticators> {}
}
