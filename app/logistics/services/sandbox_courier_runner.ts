import { randomUUID } from 'node:crypto'
import env from '#start/env'
import logger from '@adonisjs/core/services/logger'
import type { MarketContext } from '#markets/market_context'
import { SandboxCourier, stepSeconds } from '#logistics/couriers/sandbox_courier'
import { postWithHost } from '#http/outbound'

const base = () => env.get('SANDBOX_WEBHOOK_URL') ?? `http://127.0.0.1:${env.get('PORT', 3333)}`

/**
 * The sandbox courier's vans: moves each due parcel one step along its
 * route and tells Pasar with a signed tracking webhook. A step Pasar does
 * not acknowledge (no 2xx) is tried again on the next round. Run by the
 * worker every second; parcels are taken with SKIP LOCKED, so several
 * workers share them.
 */
export class SandboxCourierRunner {
  async tick(market: MarketContext, now = new Date()) {
    const due = await market
      .table('sandbox_parcels')
      .whereNotNull('moved_at')
      .where('moved_at', '<=', new Date(now.getTime() - stepSeconds() * 1000))
      .orderBy('moved_at')
      .limit(50)
      .select('id')
    let moved = 0
    for (const { id } of due) {
      try {
        if (await this.step(market, Number(id))) moved++
      } catch (error) {
        logger.warn({ err: error, market: market.code }, 'sandbox courier: step not delivered, will retry')
      }
    }
    return moved
  }

  private async step(market: MarketContext, id: number) {
    return market.transaction(async (market) => {
      const parcel = await market.table('sandbox_parcels').where('id', id).whereNotNull('moved_at').forUpdate().skipLocked().first()
      if (!parcel) return false
      const route = (typeof parcel.route === 'string' ? JSON.parse(parcel.route) : parcel.route) as string[]
      const status = route[parcel.step]
      const last = parcel.step + 1 >= route.length
      const body = {
        tracking: parcel.tracking_number,
        status,
        at: new Date().toISOString(),
        location: `${market.name} ${status === 'delivered' ? 'doorstep' : 'hub'}`,
        ...(status === 'delivered' && parcel.cash_on_delivery && { cashCollected: Number(parcel.cod_amount) }),
      }
      const { payload, headers } = SandboxCourier.sign(`trk_${parcel.tracking_number}_${parcel.step}_${randomUUID().slice(0, 8)}`, body)
      const host = market.config.domains.find((domain) => domain.endsWith('.localhost')) ?? market.config.domains[0]
      const response = await postWithHost(new URL('/api/v1/couriers/sandbox/webhook', base()), { 'content-type': 'application/json', host, ...headers }, payload)
      if (response.status < 200 || response.status >= 300) throw new Error(`Pasar answered a tracking webhook ${response.status}`)
      await market
        .table('sandbox_parcels')
        .where('id', id)
        .update({ step: parcel.step + 1, moved_at: last ? null : new Date() })
      return true
    })
  }
}
