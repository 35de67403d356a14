import type { Market } from '#markets/market'

/**
 * What a storefront may know about its market. Gateway settings (names of
 * secret env variables, API limits) and the file path stay inside.
 */
export function toPublicMarket(market: Market) {
  return {
    code: market.code,
    name: market.name,
    domains: market.domains,
    timezone: market.timezone,
    locales: market.locales,
    defaultLocale: market.defaultLocale,
    currency: { code: market.currency, exponent: market.currencyExponent, priceDecimals: market.priceDecimals },
    tax: {
      label: market.tax.label,
      pricesIncludeTax: market.tax.pricesIncludeTax,
      registrationId: market.tax.registrationId,
      categories: Object.entries(market.tax.categories).map(([code, category]) => ({
        code,
        description: category.description,
        rates: category.rates,
      })),
    },
    payments: {
      defaultGateway: market.payments.defaultGateway,
      paymentWindowMinutes: market.payments.paymentWindowMinutes,
      gateways: market.payments.gateways.filter((gateway) => gateway.enabled !== false).map((gateway) => ({
        id: gateway.id,
        name: gateway.name,
        method: gateway.method,
        ...(gateway.settings?.maxAmount !== undefined && { maxAmount: gateway.settings.maxAmount }),
        ...(gateway.settings?.maxInstallments !== undefined && {
          maxInstallments: gateway.settings.maxInstallments,
        }),
      })),
    },
    couriers: {
      defaultCourier: market.couriers.defaultCourier,
      list: market.couriers.list.filter((courier) => courier.enabled !== false).map((courier) => ({
        id: courier.id,
        name: courier.name,
        service: courier.service,
        supportsCod: courier.supportsCod,
        freeShippingThreshold: courier.rates.freeShippingThreshold,
      })),
    },
    escrow: { autoReleaseDays: market.escrow.autoReleaseDays },
    limits: { maxCartLines: market.limits.maxCartLines, maxOrderValue: market.limits.maxOrderValue },
    features: { flashSales: market.features?.flashSales !== false, vouchers: market.features?.vouchers !== false },
    /** The config this process answers with: the ops revision (0: the file alone) and the hash orders record. */
    revision: { number: market.configRevision, hash: market.revision },
  }
}
