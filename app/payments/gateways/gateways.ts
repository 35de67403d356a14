import app from '@adonisjs/core/services/app'
import logger from '@adonisjs/core/services/logger'
import type { PaymentGateway as GatewayConfig } from '#markets/define_market'
import type { Gateway } from '#payments/gateways/gateway'
import { SandboxGateway } from '#payments/gateways/sandbox_gateway'
import { CodGateway } from '#payments/gateways/cod_gateway'
import { StripeGateway } from '#payments/gateways/stripe_gateway'
import { XenditGateway } from '#payments/gateways/xendit_gateway'
import { providerConfigured } from '#payments/gateways/provider_keys'

const providers = new Map<string, Gateway>([
  ['sandbox', new SandboxGateway()],
  ['cod', new CodGateway()],
  ['stripe', new StripeGateway()],
  ['xendit', new XenditGateway()],
])

/** The provider implementation by name (webhooks name it in their path). */
export function gatewayProvider(provider: string): Gateway | undefined {
  return providers.get(provider)
}

const warned = new Set<string>()

/**
 * The provider that takes a payment with this gateway here: the one the
 * market file names when its API key is set. Without the key, outside
 * production the embedded sandbox stands in (so a clone pays end to end
 * offline; the payment records `sandbox`); in production the gateway is
 * unavailable (null), never silently faked, and so is a gateway the
 * market file itself gives to the sandbox.
 */
export function providerFor(gateway: GatewayConfig): Gateway | null {
  const named = providers.get(gateway.provider)
  if (!named) return null
  // The sandbox approves whatever its page is asked to: never money of a real market.
  if (app.inProduction && named.provider === 'sandbox') return null
  if (providerConfigured(gateway)) return named
  if (app.inProduction) return null
  if (!warned.has(gateway.id)) {
    warned.add(gateway.id)
    logger.warn({ gateway: gateway.id, provider: gateway.provider, env: gateway.settings?.apiKeyEnv }, 'payment provider has no API key: the sandbox stands in (outside production only)')
  }
  return providers.get('sandbox')!
}
