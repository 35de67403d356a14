import type { ConsumerDefinition } from '#messaging/consumer'

const registered = new Map<string, ConsumerDefinition>()

/**
 * Domains register the consumers they own (start/consumers.ts wires them
 * at boot); the worker runs every registered one. Messaging knows no
 * domain: a domain depends on messaging, never the other way round.
 */
export function registerConsumers(...definitions: ConsumerDefinition[]) {
  for (const definition of definitions) {
    const existing = registered.get(definition.name)
    if (existing && existing !== definition) throw new Error(`two consumers are named ${definition.name}`)
    registered.set(definition.name, definition)
  }
}

/** Every consumer the worker runs. */
export function registeredConsumers(): ConsumerDefinition[] {
  return [...registered.values()]
}
