/**
 * RabbitMQ topology. Every event goes to one topic exchange with routing key
 * `<market>.<domain>.<event>`. Each consumer owns three queues:
 *   pasar.<name>          quorum queue bound to its routing patterns
 *   pasar.<name>.retry    holds a failed message for `retryDelayMs`, then
 *                         dead-letters it back to the main queue
 *   pasar.<name>.parking  where a message lands after `maxAttempts`, for a human
 * The main queue dead-letters to the parking queue too (poison messages past
 * the quorum delivery limit).
 */
export const EVENTS_EXCHANGE = 'pasar.events'
export const DEAD_LETTER_EXCHANGE = 'pasar.dlx'

export function queuesOf(consumer: string, retryDelayMs: number) {
  const main = `pasar.${consumer}`
  return {
    main,
    retry: `${main}.retry`,
    parking: `${main}.parking`,
    declarations: [
      {
        queue: main,
        durable: true,
        arguments: {
          'x-queue-type': 'quorum' as const,
          'x-dead-letter-exchange': DEAD_LETTER_EXCHANGE,
          'x-dead-letter-routing-key': `${consumer}.parking`,
          'x-delivery-limit': 20,
        },
      },
      {
        queue: `${main}.retry`,
        durable: true,
        arguments: {
          'x-message-ttl': retryDelayMs,
          'x-dead-letter-exchange': '',
          'x-dead-letter-routing-key': main,
        },
      },
      { queue: `${main}.parking`, durable: true, arguments: { 'x-queue-type': 'quorum' as const } },
    ],
  }
}
