import emitter from '@adonisjs/core/services/emitter'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
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

declare module '@adonisjs/core/types' {
  interface EventsList {
    'inventory:stock_status_changed': { marketCode: string; skuId: number }
  }
}

function affected(result: unknown): number {
  // mysql2 answers [ResultSetHeader, undefined] to raw UPDATEs.
  const header = Array.isArray(result) ? result[0] : result
  return Number((header as { affectedRows?: number })?.affectedRows ?? 0)
}

/**
 * Stock of SKUs. Every change is one conditional UPDATE whose WHERE clause
 * carries the rule (enough available, enough reserved) and whose affected
 * row count says whether it applied: no read-then-write, so `available`
 * cannot go below zero whatever the concurrency.
 *
 * When a SKU runs out or comes back, `inventory:stock_status_changed` is
 * emitted (after the commit when a transaction is given), so the catalog can
 * update what storefronts show.
 */
export class InventoryService {
  /** Reserves units of one SKU on their own (a checkout reserves through `reserveMany`). */
  async reserveStock(market: MarketContext, sku: { id: number; publicId: string }, quantity: number) {
    const reserved = await market.transaction((trx) => this.reserveMany(market, [{ sku, quantity }], trx))
    await this.announceSoldOut(market, reserved)
  }

  /**
   * Reserves the units of a checkout inside its transaction, in SKU id
   * order so that two checkouts sharing SKUs cannot deadlock. Meant to be
   * the transaction's last statements: a hot SKU's row stays locked only
   * until the commit. Call `announceSoldOut` after the commit.
   */
  async reserveMany(market: MarketContext, items: { sku: { id: number; publicId: string }; quantity: number }[], trx: TransactionClientContract) {
    const bySku = new Map<number, { sku: { id: number; publicId: string }; quantity: number }>()
    for (const item of items) {
      this.assertQuantity(item.quantity)
      const seen = bySku.get(item.sku.id)
      bySku.set(item.sku.id, { sku: item.sku, quantity: (seen?.quantity ?? 0) + item.quantity })
    }
    const ordered = [...bySku.values()].sort((a, b) => a.sku.id - b.sku.id)
    for (const { sku, quantity } of ordered) {
      const result = await trx.rawQuery(
        `UPDATE stock_levels SET available = available - ?, reserved = reserved + ?, updated_at = UTC_TIMESTAMP()
         WHERE sku_id = ? AND market_code = ? AND available >= ?`,
        [quantity, quantity, sku.id, market.code, quantity]
      )
      if (affected(result) !== 1) throw new InsufficientStockError(sku.publicId, quantity)
    }
    return ordered.map(({ sku }) => sku.id)
  }

  /** Tells the catalog about the SKUs among these that have run out. */
  async announceSoldOut(market: MarketContext, skuIds: number[]) {
    for (const [skuId, level] of await this.levels(market, skuIds)) {
      if (level.available === 0) await this.announce(market, skuId)
    }
  }

  /** Reserved units leave the warehouse: the order was paid. */
  async commitStock(market: MarketContext, sku: { id: number; publicId: string }, quantity: number, trx?: TransactionClientContract) {
    this.assertQuantity(quantity)
    const result = await (trx ?? market.db).rawQuery(
      `UPDATE stock_levels SET reserved = reserved - ?, updated_at = UTC_TIMESTAMP()
       WHERE sku_id = ? AND market_code = ? AND reserved >= ?`,
      [quantity, sku.id, market.code, quantity]
    )
    if (affected(result) !== 1) throw new StockStateError(`SKU ${sku.publicId} has fewer than ${quantity} reserved units`)
  }

  /** Reserved units go back on sale: the order was cancelled or expired. */
  async releaseStock(market: MarketContext, sku: { id: number; publicId: string }, quantity: number, trx?: TransactionClientContract) {
    this.assertQuantity(quantity)
    const client = trx ?? market.db
    const result = await client.rawQuery(
      `UPDATE stock_levels SET reserved = reserved - ?, available = available + ?, updated_at = UTC_TIMESTAMP()
       WHERE sku_id = ? AND market_code = ? AND reserved >= ?`,
      [quantity, quantity, sku.id, market.code, quantity]
    )
    if (affected(result) !== 1) throw new StockStateError(`SKU ${sku.publicId} has fewer than ${quantity} reserved units`)
    const after = await this.availableOf(client, sku.id)
    if (after === quantity) await this.announce(market, sku.id, trx)
  }

  /**
   * A seller's or the system's change of available stock, recorded with who,
   * why and the resulting level. A decrease below zero is refused.
   */
  async adjustStock(
    market: MarketContext,
    sku: { id: number; publicId: string },
    change: { delta: number; reason: AdjustmentReason; note?: string | null },
    actor: StockActor,
    trx?: TransactionClientContract
  ) {
    if (!Number.isSafeInteger(change.delta) || change.delta === 0) throw new StockStateError('delta must be a non-zero integer')
    const work = async (client: TransactionClientContract) => {
      const result =
        change.delta > 0
          ? await client.rawQuery(
              `UPDATE stock_levels SET available = available + ?, updated_at = UTC_TIMESTAMP() WHERE sku_id = ? AND market_code = ?`,
              [change.delta, sku.id, market.code]
            )
          : await client.rawQuery(
              `UPDATE stock_levels SET available = available - ?, updated_at = UTC_TIMESTAMP()
               WHERE sku_id = ? AND market_code = ? AND available >= ?`,
              [-change.delta, sku.id, market.code, -change.delta]
            )
      if (affected(result) !== 1) throw new InsufficientStockError(sku.publicId, -change.delta)
      const after = await this.availableOf(client, sku.id)
      await client.table('stock_adjustments').insert({
        sku_id: sku.id,
        market_code: market.code,
        delta: change.delta,
        reason: change.reason,
        note: change.note ?? null,
        actor_type: actor.type,
        actor_id: actor.id,
        available_after: after,
        created_at: new Date(),
      })
      return after
    }
    const after = trx ? await work(trx) : await market.transaction(work)
    // Ran out, or came back from zero: announced after the commit.
    if (after === 0 || after === change.delta) await this.announce(market, sku.id, trx)
    return after
  }

  /** Creates the stock row of a new SKU (with its initial quantity, recorded). */
  async openStock(market: MarketContext, sku: { id: number; publicId: string }, initial: number, actor: StockActor, trx: TransactionClientContract) {
    await trx.table('stock_levels').insert({ sku_id: sku.id, market_code: market.code, available: 0, reserved: 0, updated_at: new Date() })
    if (initial > 0) await this.adjustStock(market, sku, { delta: initial, reason: 'initial' }, actor, trx)
  }

  async levels(market: MarketContext, skuIds: number[], client?: QueryClientContract) {
    if (skuIds.length === 0) return new Map<number, { available: number; reserved: number }>()
    const rows = await (client ?? market.db)
      .from('stock_levels')
      .whereIn('sku_id', skuIds)
      .where('market_code', market.code)
      .select('sku_id', 'available', 'reserved')
    return new Map(rows.map((row) => [Number(row.sku_id), { available: Number(row.available), reserved: Number(row.reserved) }]))
  }

  private async availableOf(client: QueryClientContract, skuId: number): Promise<number> {
    const row = await client.from('stock_levels').where('sku_id', skuId).select('available').first()
    return Number(row?.available ?? 0)
  }

  /** Emits now (awaited, so the change is visible when the call returns) or after the commit. */
  private async announce(market: MarketContext, skuId: number, trx?: QueryClientContract) {
    const emit = () => emitter.emit('inventory:stock_status_changed', { marketCode: market.code, skuId })
    if (trx && 'after' in trx && typeof (trx as TransactionClientContract).after === 'function') {
      ;(trx as TransactionClientContract).after('commit', emit)
    } else {
      await emit()
    }
  }

  private assertQuantity(quantity: number) {
    if (!Number.isSafeInteger(quantity) || quantity <= 0) throw new StockStateError('quantity must be a positive integer')
  }
}
