import logger from '@adonisjs/core/services/logger'
import env from '#start/env'
import type { MarketContext } from '#markets/market_context'
import { InventoryService } from '#inventory/services/inventory_service'
import { Outbox, type OutboxEvent } from '#messaging/services/outbox'
import { orderWriteCheckouts, orderWriteTransactions } from '#metrics/order_metrics'
import { VoucherService, type Redemption } from '#promotions/services/voucher_service'

/** Everything a placed checkout writes, computed before any transaction. */
export interface DraftedCheckout {
  idempotencyKey: Record<string, unknown>
  orders: { order: Record<string, unknown> & { number: string }; lines: Record<string, unknown>[]; history: Record<string, unknown> }[]
  events: OutboxEvent[]
  cartLines: { buyerId: number; skuId: number }[]
  skus: { sku: { id: number; publicId: string }; quantity: number }[]
  /** Vouchers the checkout uses: redeemed in its transaction (a used-up one rolls the checkout back). */
  redemptions: Redemption[]
}

const inventory = new InventoryService()
const vouchers = new VoucherService()

/** More checkouts than this wait for the next transaction. */
const MAX_GROUP = 100
/**
 * Transactions of one market in flight at once per process: enough that a
 * slow statement or a remote database does not stall every checkout
 * behind one transaction; few enough that, under load, checkouts queue and
 * group instead of each taking a connection. `ORDER_WRITER_IN_FLIGHT`
 * (default 2). Measured on one 2-core host running the database too, 1
 * was fastest and 4 slowest (more, smaller transactions); a database
 * across a network wants more.
 */
export const MAX_IN_FLIGHT = Math.max(1, env.get('ORDER_WRITER_IN_FLIGHT', 2))

interface Pending {
  checkout: DraftedCheckout
  resolve: () => void
  reject: (error: unknown) => void
}

interface Queue {
  pending: Pending[]
  inFlight: number
}

/**
 * Writes checkouts with group commit. Up to MAX_IN_FLIGHT transactions of
 * a market run at once; the checkouts that arrive meanwhile queue up, and
 * the next transaction writes all of them together: one INSERT per table
 * and one UPDATE per SKU for the whole group, the stock rows last so a hot
 * SKU stays locked only until the commit. At low load every checkout is
 * written at once, alone; under a flash sale groups grow with the load and
 * the shard does a few statements per group instead of a dozen per order.
 *
 * A group is all-or-nothing like a single checkout. If it fails (a reused
 * idempotency key, a SKU short of stock for the group), it is rolled back
 * and each of its checkouts is written in a transaction of its own, so
 * each gets exactly the outcome it would have had alone.
 */
export class OrderWriter {
  static #queues = new Map<string, Queue>()

  static write(market: MarketContext, checkout: DraftedCheckout): Promise<void> {
    let queue = OrderWriter.#queues.get(market.code)
    if (!queue) {
      queue = { pending: [], inFlight: 0 }
      OrderWriter.#queues.set(market.code, queue)
    }
    const done = new Promise<void>((resolve, reject) => queue.pending.push({ checkout, resolve, reject }))
    OrderWriter.#pump(market, queue)
    return done
  }

  static #pump(market: MarketContext, queue: Queue) {
    while (queue.inFlight < MAX_IN_FLIGHT && queue.pending.length > 0) {
      const group = queue.pending.splice(0, MAX_GROUP)
      queue.inFlight++
      void OrderWriter.#run(market, group).finally(() => {
        queue.inFlight--
        OrderWriter.#pump(market, queue)
      })
    }
  }

  static async #run(market: MarketContext, group: Pending[]) {
    try {
      if (group.length === 1 || !(await OrderWriter.#writeGroup(market, group))) {
        await Promise.all(group.map((item) => OrderWriter.#writeOne(market, item)))
      }
    } catch (error) {
      // Never leave a buyer waiting (an answered checkout ignores this).
      for (const item of group) item.reject(error)
    }
  }

  /** True when the whole group committed (and its callers were answered). */
  static async #writeGroup(market: MarketContext, group: Pending[]) {
    let reserved: number[]
    try {
      reserved = await writeCheckouts(market, group.map((item) => item.checkout))
    } catch (error) {
      logger.debug({ err: error, market: market.code, size: group.length }, 'checkout group rolled back; writing each alone')
      count(market, 'fallback', group.length)
      return false
    }
    count(market, 'group', group.length)
    await OrderWriter.#announce(market, reserved)
    for (const item of group) item.resolve()
    return true
  }

  static async #writeOne(market: MarketContext, item: Pending) {
    try {
      const reserved = await writeCheckouts(market, [item.checkout])
      count(market, 'single', 1)
      await OrderWriter.#announce(market, reserved)
      item.resolve()
    } catch (error) {
      item.reject(error)
    }
  }

  /** Sold-out SKUs are news for the catalog; the orders are written whatever it says. */
  static async #announce(market: MarketContext, skuIds: number[]) {
    try {
      await inventory.announceSoldOut(market, skuIds)
    } catch (error) {
      logger.warn({ err: error, market: market.code }, 'sold-out announcement failed')
    }
  }
}

function count(market: MarketContext, kind: 'group' | 'single' | 'fallback', checkouts: number) {
  try {
    orderWriteTransactions.inc({ market: market.code, kind })
    orderWriteCheckouts.inc({ market: market.code, kind }, checkouts)
  } catch (error) {
    // Counting must never keep a buyer's answer waiting.
    logger.warn({ err: error }, 'order writer metrics failed')
  }
}

/**
 * Writes checkouts in one transaction: idempotency keys (with their
 * answers), orders, lines, history, outbox, cart clean-up, voucher
 * redemptions (conditional on their budgets), then the stock
 * reservations. Answers the SKU ids whose stock it reserved.
 */
export function writeCheckouts(market: MarketContext, checkouts: DraftedCheckout[]) {
  return market.transaction(async (market) => {
    await market.insert('idempotency_keys', checkouts.map((checkout) => checkout.idempotencyKey))
    const drafted = checkouts.flatMap((checkout) => checkout.orders)
    await market.insert('orders', drafted.map(({ order }) => order))
    const ids = new Map(
      (await market.table('orders').whereIn('number', drafted.map(({ order }) => order.number)).select('id', 'number')).map((row) => [
        row.number as string,
        row.id as number,
      ])
    )
    await market.insert('order_lines', drafted.flatMap(({ order, lines }) => lines.map((line) => ({ ...line, order_id: ids.get(order.number) }))))
    await market.insert('order_history', drafted.map(({ order, history }) => ({ ...history, order_id: ids.get(order.number) })))
    await Outbox.recordMany(market, checkouts.flatMap((checkout) => checkout.events))
    const cartLines = checkouts.flatMap((checkout) => checkout.cartLines)
    if (cartLines.length > 0) {
      await market
        .table('cart_lines')
        .whereIn(['buyer_id', 'sku_id'], cartLines.map((line) => [line.buyerId, line.skuId]))
        .delete()
    }
    await vouchers.redeem(market, checkouts.flatMap((checkout) => checkout.redemptions))
    return inventory.reserveMany(market, checkouts.flatMap((checkout) => checkout.skus))
  })
}
