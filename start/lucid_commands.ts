/**
 * Lucid's ace commands without its `db:seed`: Pasar's own `db:seed` seeds
 * every market in its region's shard (commands/db_seed.ts).
 */
import * as lucid from '@adonisjs/lucid/commands'

type MetaData = { commandName: string }

export async function getMetaData() {
  const all = (await lucid.getMetaData()) as MetaData[]
  return all.filter((command) => command.commandName !== 'db:seed')
}

export const getCommand = (metaData: MetaData) => lucid.getCommand(metaData as any)
