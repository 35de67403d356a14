import type { PaymentGateway as GatewayConfig } from '#markets/define_market'

/** A gateway's provider has no credentials in this deployment. */
export class ProviderNotConfiguredError extends Error {}

/** The API key of a gateway's provider, from the env variable its market file names (`settings.apiKeyEnv`). */
export function providerKey(gateway: GatewayConfig | null, fallbackEnv: string) {
  const name = gateway?.settings?.apiKeyEnv ?? fallbackEnv
  const key = process.env[name]?.trim()
  if (!key) throw new ProviderNotConfiguredError(`${name} is not set`)
  return key
}

/** Whether the provider of this gateway can be called here (its key is set). */
export function providerConfigured(gateway: GatewayConfig) {
  const name = gateway.settings?.apiKeyEnv
  return name ? Boolean(process.env[name]?.trim()) : true
}
