import { Client } from '@elastic/elasticsearch'
import app from '@adonisjs/core/services/app'
import type { SearchConfig } from '#config/search'
import type { SearchDriver } from '#search/search_driver'
import { MysqlSearchDriver } from '#search/drivers/mysql_driver'
import { ElasticsearchDriver } from '#search/drivers/elasticsearch_driver'

let driver: SearchDriver | undefined

/** The configured driver (SEARCH_DRIVER), one per process. */
export function searchDriver(): SearchDriver {
  if (driver) return driver
  const config = app.config.get<SearchConfig>('search')
  driver =
    config.driver === 'elasticsearch'
      ? new ElasticsearchDriver(
          new Client({
            node: config.elasticsearch.node,
            ...(config.elasticsearch.apiKey && { auth: { apiKey: config.elasticsearch.apiKey } }),
          }),
          config.elasticsearch.indexPrefix
        )
      : new MysqlSearchDriver()
  return driver
}

/** Tests swap the driver (e.g. an Elasticsearch driver over a mocked client). */
export function useSearchDriver(next: SearchDriver | undefined) {
  driver = next
}
