import type { AccessToken } from '@adonisjs/auth/access_tokens'
import type Account from '#identity/models/account'
import type Shop from '#identity/models/shop'
import type Staff from '#identity/models/staff'

export function shopResource(shop: Shop) {
  return {
    id: shop.publicId,
    name: shop.name,
    slug: shop.slug,
    pickupAddress: shop.pickupAddress,
    taxId: shop.taxId,
    createdAt: shop.createdAt.toISO(),
    updatedAt: shop.updatedAt.toISO(),
  }
}

export function accountResource(account: Account, shop?: Shop | null) {
  return {
    id: account.publicId,
    market: account.marketCode,
    role: account.role,
    email: account.email,
    fullName: account.fullName,
    phone: account.phone,
    createdAt: account.createdAt.toISO(),
    ...(account.role === 'seller' ? { shop: shop ? shopResource(shop) : null } : {}),
  }
}

export function tokenResource(token: AccessToken) {
  return {
    type: 'bearer',
    value: token.value!.release(),
    expiresAt: token.expiresAt?.toISOString() ?? null,
  }
}

export function staffResource(staff: Staff) {
  return {
    id: staff.publicId,
    email: staff.email,
    fullName: staff.fullName,
    status: staff.status,
    totpEnrolled: Boolean(staff.totpConfirmedAt),
    roles: (staff.roles ?? []).map((role) => ({
      id: role.id,
      role: role.role,
      markets: role.markets,
      regions: role.regions,
    })),
    lastLoginAt: staff.lastLoginAt?.toISO() ?? null,
  }
}
