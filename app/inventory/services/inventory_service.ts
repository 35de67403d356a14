import emitter from '@adonisjs/core/services/emitter'
import type { MarketContext } from '#markets/market_context'
import { DomainError } from '#exceptions/domain_error'

export class InsufficientStockError extends DomainError {
  static status = 409
  static code = 'E_INSUFFICIENT_STOCK'
  constructor(skuPublicId: string, requested: number) {
    super(`Not enough stock for SKU ${skuPublicId}`, { sku: skuPublicId, requested }, { details: { sku: skuPublicId } })
  }
}

export class StockStateError extends DomainError {
  static status = 409
  static code = 'E_CONFLICT'
}

export type AdjustmentReason = 'restock' | 'correction' | 'damaged' | 'returned' | 'initial'

export interface StockActor {
  type: 'seller' | 'staff' | 'system'
  id: string | null
}

export interface StockItem {
  sku: { id: number; publicId: string }
  quantity: number
}

declare module '@adonisjs/core/types' {
  interface EventsList {
    'inventory:stock_status_changed': { marketCode: string; skuId: number }
  }
}

/**
 * Stock of SKUs. Every change is one conditional UPDATE whose WHERE clause
 * carries the rule (enough available, enough reserved) and whose affected
 * row count says whether it applied: no read-then-write, so `available`
 * cannot go below zero whatever the concurrency.
 *
 * When a SKU runs out or comes back, `inventory:stock_status_changed` is
 * emitted once the change is committed, so the catalog can update what
 * storefronts show.
 */
export class InventoryService {
  /** Reserves units of one SKU on their own (a checkout reserves through `reserveMany`). */
  async reserveStock(market: MarketContext, sku: { id: number; publicId: string }, quantity: number) {
    const reserved = await market.transaction((market) => this.reserveMany(market, [{ sku, quantity }]))
    await this.announceSoldOut(market, reserved)
  }

  /**
   * Reserves the units of a checkout inside its transaction, in SKU id
   * order so that two checkouts sharing SKUs cannot deadlock. Meant to be
   * the transaction's last statements: a hot SKU's row stays locked only
   * until the commit. Call `announceSoldOut` after the commit.
   */
  async reserveMany(market: MarketContext, items: StockItem[]) {
    const bySku = new Map<number, StockItem>()
    for (const item of items) {
      this.assertQuantity(item.quantity)
      const seen = bySku.get(item.sku.id)
      bySku.set(item.sku.id, { sku: item.sku, quantity: (seen?.quantity ?? 0) + item.quantity })
    }
    const ordered = [...bySku.values()].sort((a, b) => a.sku.id - b.sku.id)
    await market.transaction(async (market) => {
      for (const { sku, quantity } of ordered) {
        const updated = await this.level(market, sku.id)
          .where('available', '>=', quantity)
          .update({ available: market.db.raw('available - ?', [quantity]), reserved: market.db.raw('reserved + ?', [quantity]), updated_at: new Date() })
        if (Number(updated) !== 1) throw new InsufficientStockError(sku.publicId, quantity)
      }
    })
    return ordered.map(({ sku }) => sku.id)
  }

  /** Tells the catalog about the SKUs among these that have run out. */
  async announceSoldOut(market: MarketContext, skuIds: number[]) {
    for (const [skuId, level] of await this.levels(market, skuIds)) {
      if (level.available === 0) await this.announce(market, skuId)
    }
  }

  /** Reserved units leave the warehouse: the order was paid. */
  async commitStock(market: MarketContext, sku: { id: number; publicId: string }, quantity: number) {
    this.assertQuantity(quantity)
    const updated = await this.level(market, sku.id)
      .where('reserved', '>=', quantity)
      .update({ reserved: market.db.raw('reserved - ?', [quantity]), updated_at: new Date() })
    if (Number(updated) !== 1) throw new StockStateError(`SKU ${sku.publicId} has fewer than ${quantity} reserved units`)
  }

  /** Units sold but never shipped go back on sale: a paid (or cash-on-delivery) order cancelled before shipping. */
  async restock(market: MarketContext, sku: { id: number; publicId: string }, quantity: number) {
    this.assertQuantity(quantity)
    await market.transaction(async (market) => {
      await this.level(market, sku.id).update({ available: market.db.raw('available + ?', [quantity]), updated_at: new Date() })
      if ((await this.availableOf(market, sku.id)) === quantity) await this.announce(market, sku.id)
    })
  }

  /** Reserved units go back on sale: the order was cancelled or expired. */
  async releaseStock(market: MarketContext, sku: { id: number; publicId: string }, quantity: number) {
    this.assertQuantity(quantity)
    await market.transaction(async (market) => {
      const updated = await this.level(market, sku.id)
        .where('reserved', '>=', quantity)
        .update({ reserved: market.db.raw('reserved - ?', [quantity]), available: market.db.raw('available + ?', [quantity]), updated_at: new Date() })
      if (Number(updated) !== 1) throw new StockStateError(`SKU ${sku.publicId} has fewer than ${quantity} reserved units`)
      if ((await this.availableOf(market, sku.id)) === quantity) await this.announce(market, sku.id)
    })
  }

  /**
   * A seller's or the system's change of available stock, recorded with who,
   * why and the resulting level. A decrease below zero is refused.
   */
  async adjustStock(
    market: MarketContext,
    sku: { id: number; publicId: string },
    change: { delta: number; reason: AdjustmentReason; note?: string | null },
    actor: StockActor
  ) {
    if (!Number.isSafeInteger(change.delta) || change.delta === 0) throw new StockStateError('delta must be a non-zero integer')
    return market.transaction(async (market) => {
      const level = this.level(market, sku.id)
      if (change.delta < 0) level.where('available', '>=', -change.delta)
      const updated = await level.update({ available: market.db.raw('available + ?', [change.delta]), updated_at: new Date() })
      if (Number(updated) !== 1) throw new InsufficientStockError(sku.publicId, -change.delta)
      const after = await this.availableOf(market, sku.id)
      await market.insert('stock_adjustments', {
        sku_id: sku.id,
        delta: change.delta,
        reason: change.reason,
        note: change.note ?? null,
        actor_type: actor.type,
        actor_id: actor.id,
        available_after: after,
        created_at: new Date(),
      })
      // Ran out, or came back from zero.
      if (after === 0 || after === change.delta) await this.announce(market, sku.id)
      return after
    })
  }

  /** Creates the stock row of a new SKU (with its initial quantity, recorded). */
  async openStock(market: MarketContext, sku: { id: number; publicId: string }, initial: number, actor: StockActor) {
    await market.transaction(async (market) => {
      await market.insert('stock_levels', { sku_id: sku.id, available: 0, reserved: 0, updated_at: new Date() })
      if (initial > 0) await this.adjustStock(market, sku, { delta: initial, reason: 'initial' }, actor)
    })
  }

  async levels(market: MarketContext, skuIds: number[]) {
    if (skuIds.length === 0) return new Map<number, { available: number; reserved: number }>()
    const rows = await market.table('stock_levels').whereIn('sku_id', skuIds).select('sku_id', 'available', 'reserved')
    return new Map(rows.map((row) => [Number(row.sku_id), { available: Number(row.available), reserved: Number(row.reserved) }]))
  }

  private level(market: MarketContext, skuId: number) {
    return market.table('stock_levels').where('sku_id', skuId)
  }

  private async availableOf(market: MarketContext, skuId: number): Promise<number> {
    const row = await this.level(market, skuId).select('available').first()
    return Number(row?.available ?? 0)
  }

  /** Announced once the change is committed (at once outside a transaction). */
  private async announce(market: MarketContext, skuId: number) {
    await market.afterCommit(() => emitter.emit('inventory:stock_status_changed', { marketCode: market.code, skuId }))
  }

  private assertQuantity(quantity: number) {
    if (!Number.isSafeInteger(quantity) || quantity <= 0) throw new StockStateError('quantity must be a positive integer')
  }
}
