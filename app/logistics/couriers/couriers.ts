import type { CourierProvider } from '#logistics/couriers/courier'
import { SandboxCourier } from '#logistics/couriers/sandbox_courier'

const sandbox = new SandboxCourier()
const providers = new Map<string, CourierProvider>([['sandbox', sandbox]])

/**
 * The provider that books a market's courier. Couriers priced from a rate
 * table have no booking API of their own here: the sandbox books them.
 */
export function courierProvider(provider: string): CourierProvider {
  return providers.get(provider) ?? sandbox
}

export function trackingProvider(provider: string): CourierProvider | undefined {
  return providers.get(provider)
}
