import env from '#start/env'

const searchConfig = {
  driver: env.get('SEARCH_DRIVER', 'mysql'),
  elasticsearch: {
    node: env.get('ELASTICSEARCH_NODE', 'http://127.0.0.1:9200'),
    apiKey: env.get('ELASTICSEARCH_API_KEY')?.release(),
    indexPrefix: env.get('ELASTICSEARCH_INDEX_PREFIX', 'pasar-products'),
  },
}

export default searchConfig
export type SearchConfig = typeof searchConfig
