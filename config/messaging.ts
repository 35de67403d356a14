import env from '#start/env'

const messagingConfig = {
  url: env.get('RABBITMQ_URL')?.release() ?? 'amqp://guest:guest@127.0.0.1:5672',
  connectionName: `pasar-${process.pid}`,
}

export default messagingConfig
export type MessagingConfig = typeof messagingConfig
