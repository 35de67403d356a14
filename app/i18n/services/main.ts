import app from '@adonisjs/core/services/app'
import type { Translations } from '#i18n/services/i18n'

let translations: Translations

await app.booted(async () => {
  translations = await app.container.make('translations')
})

export { translations as default }
