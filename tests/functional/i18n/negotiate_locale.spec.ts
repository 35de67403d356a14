import { test } from '@japa/runner'
import { negotiateLocale } from '#i18n/services/i18n'
import translations from '#i18n/services/main'

test.group('Response locale', () => {
  test('no Accept-Language: the market default', ({ assert }) => {
    assert.equal(negotiateLocale(undefined, ['id-ID', 'en-ID']), 'id-ID')
  })

  test('an exact match among the market locales wins', ({ assert }) => {
    assert.equal(negotiateLocale('en-ID,id;q=0.5', ['id-ID', 'en-ID']), 'en-ID')
  })

  test('a language matches the market locale of the same language', ({ assert }) => {
    assert.equal(negotiateLocale('zh', ['en-SG', 'zh-SG']), 'zh-SG')
    assert.equal(negotiateLocale('en-US', ['th-TH', 'en-TH']), 'en-TH')
  })

  test('quality values order preferences', ({ assert }) => {
    assert.equal(negotiateLocale('en;q=0.2, th;q=0.9', ['en-TH', 'th-TH']), 'th-TH')
  })

  test('a language the market does not offer falls back to its default', ({ assert }) => {
    assert.equal(negotiateLocale('fr-FR, de;q=0.8', ['pt-BR']), 'pt-BR')
  })

  test('garbage headers fall back to the default', ({ assert }) => {
    assert.equal(negotiateLocale(';;;q=abc,,', ['vi-VN', 'en-VN']), 'vi-VN')
  })

  test('every demo market default locale has its own translations', async ({ assert }) => {
    const { default: markets } = await import('#markets/services/main')
    for (const market of markets.all()) {
      for (const locale of market.locales) {
        assert.isTrue(translations.covers(locale), `${market.code} ${locale}`)
      }
    }
  })

  test('every language file has every English key', async ({ assert }) => {
    const instance = translations.instance
    const english = instance.getResourceBundle('en', 'errors')
    for (const language of translations.languages) {
      for (const namespace of ['errors', 'validation', 'console']) {
        const bundle = instance.getResourceBundle(language, namespace) ?? {}
        const reference = instance.getResourceBundle('en', namespace)
        assert.sameMembers(Object.keys(bundle), Object.keys(reference), `${language}/${namespace}`)
      }
    }
    assert.property(english, 'E_UNKNOWN_MARKET')
  })
})
