import type { HttpContext } from '@adonisjs/core/http'
import markets from '#markets/services/main'
import { StaffScope } from '#identity/services/staff_scope'

/** The market picker (only the markets of the staff member's scope) and a market's landing page. */
export default class ConsoleHomeController {
  async home(ctx: HttpContext) {
    const scope = new StaffScope(ctx.staff.roles)
    const inScope = markets.all().filter((market) => scope.covers(['admin', 'ops', 'finance', 'support'], market))
    if (inScope.length === 1 && ctx.request.qs().pick === undefined) return ctx.response.redirect().toPath(`/console/markets/${inScope[0].code}`)
    return ctx.view.render('console/home', {
      choices: inScope.map((market) => ({ code: market.code, name: market.name, region: market.region, currency: market.currency, timezone: market.timezone })),
    })
  }

  async market(ctx: HttpContext) {
    const { config } = ctx.market
    return ctx.view.render('console/market', {
      details: { region: config.region, currency: config.currency, timezone: config.timezone, locales: config.locales.join(', '), revision: config.configRevision, hash: config.revision },
    })
  }
}
