import type { ApplicationService } from '@adonisjs/core/types'
import { Translations } from '#i18n/services/i18n'

declare module '@adonisjs/core/types' {
  interface ContainerBindings {
    translations: Translations
  }
}

export default class I18nProvider {
  constructor(protected app: ApplicationService) {}

  register() {
    this.app.container.singleton('translations', () =>
      Translations.load(this.app.makePath('resources/locales'))
    )
  }

  async boot() {
    await this.app.container.make('translations')
  }
}
