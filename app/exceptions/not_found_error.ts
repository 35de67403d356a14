import { DomainError } from '#exceptions/domain_error'

/** Entities an API can fail to find; each has a translated name in resources/locales/<lng>/entities.json. */
export type EntityName = 'order' | 'product' | 'sku' | 'cart_line' | 'shop' | 'staff_member' | 'role_assignment' | 'flash_sale' | 'checkout' | 'payment' | 'payment_provider' | 'shipment' | 'payout' | 'return' | 'voucher' | 'config_revision' | 'export'

/**
 * The one "not found" of the API: 404 `E_NOT_FOUND` naming what was not
 * found (`entity` in the body, its translated name in the message). Another
 * market's or another user's record is "not found" too: ids do not leak.
 */
export class NotFoundError extends DomainError {
  static status = 404
  static code = 'E_NOT_FOUND'

  constructor(readonly entity: EntityName) {
    // `context` picks the message naming the entity (E_NOT_FOUND_entity).
    super(`No such ${entity.replace('_', ' ')}`, { entity, context: 'entity' }, { details: { entity } })
  }
}
