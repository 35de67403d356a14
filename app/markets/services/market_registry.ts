import { createHash } from 'node:crypto'
import { readdir } from 'node:fs/promises'
import { basename, join, relative } from 'node:path'
import { pathToFileURL } from 'node:url'
import { errors as vineErrors } from '@vinejs/vine'
import type { MarketDefinition } from '#markets/define_market'
import { deepFreeze, type Market } from '#markets/market'
import { InvalidMarketConfigError, type MarketConfigProblem } from '#markets/errors'
import { ISO_4217, marketMessages, validateMarketFile } from '#markets/validators/market_schema'
import { MarketContext } from '#markets/market_context'
import { UnknownMarketError } from '#markets/exceptions'
import { applyOverrides, changeField, shapeProblems, type ConfigOverrides } from '#markets/overrides'

export interface MarketSource {
  /** Path shown in messages (relative to the app root). */
  file: string
  definition: unknown
}

/** The approved overrides of a market, as the control database holds them. */
export interface ConfigHead {
  code: string
  revision: number
  overrides: ConfigOverrides
}

export interface RegistryOptions {
  /** Regions that have a shard (config/regions.ts). */
  regions: string[]
  /** Hosts that belong to no market (the staff console). */
  reservedHosts?: string[]
}

/**
 * Every market Pasar serves, validated as a whole: a registry exists only
 * if every file is right, so nothing starts half-configured.
 */
export class MarketRegistry {
  readonly #byCode: Map<string, Market>
  readonly #byHost: Map<string, Market>
  /** Contexts outside any transaction are immutable: one per market and locale. */
  readonly #contexts = new Map<string, MarketContext>()
  /** The validated files: the reviewed baseline that overrides go on top of. */
  readonly #files: Map<string, { file: string; definition: MarketDefinition }>
  readonly #options: RegistryOptions
  /** Called on every `context()`: the version check of run-time revisions hooks in here. */
  onRead: (() => void) | null = null

  private constructor(markets: Market[], files: Map<string, { file: string; definition: MarketDefinition }>, options: RegistryOptions) {
    this.#files = files
    this.#options = options
    this.#byCode = new Map(markets.map((market) => [market.code, market]))
    this.#byHost = new Map()
    for (const market of markets) {
      for (const domain of market.domains) this.#byHost.set(domain, market)
    }
  }

  /** Loads every `*.ts`/`*.js` file of a folder (files starting with `_` are skipped). */
  static async loadFolder(folder: string, appRoot: string, options: RegistryOptions) {
    let names: string[]
    try {
      names = await readdir(folder)
    } catch (error) {
      throw new InvalidMarketConfigError([
        {
          file: relative(appRoot, folder) || folder,
          field: '',
          message: `cannot read the markets folder (${(error as Error).message})`,
        },
      ])
    }

    const files = names
      .filter((name) => /\.(ts|js)$/.test(name) && !name.endsWith('.d.ts') && !name.startsWith('_'))
      .sort()

    const sources: MarketSource[] = []
    const problems: MarketConfigProblem[] = []
    for (const name of files) {
      const path = join(folder, name)
      const file = relative(appRoot, path)
      try {
        const module = await import(pathToFileURL(path).href)
        if (module.default === undefined) {
          problems.push({ file, field: '', message: 'has no default export (export default defineMarket({...}))' })
          continue
        }
        sources.push({ file, definition: module.default })
      } catch (error) {
        problems.push({ file, field: '', message: `cannot be loaded: ${(error as Error).message}` })
      }
    }
    if (files.length === 0) {
      problems.push({
        file: relative(appRoot, folder) || folder,
        field: '',
        message: 'holds no market file',
      })
    }
    if (problems.length) throw new InvalidMarketConfigError(problems)

    return MarketRegistry.fromSources(sources, options)
  }

  static async fromSources(sources: MarketSource[], options: RegistryOptions) {
    const problems: MarketConfigProblem[] = []
    const markets: Market[] = []
    const files = new Map<string, { file: string; definition: MarketDefinition }>()

    for (const source of sources) {
      const checked = await validDefinition(source.definition, source.file, options)
      if ('problems' in checked) {
        problems.push(...checked.problems)
        continue
      }
      markets.push(marketOf(checked.definition, source.file, 0))
      files.set(checked.definition.code, { file: source.file, definition: deepFreeze(structuredClone(checked.definition)) })
    }

    problems.push(...checkAcrossMarkets(markets, options))
    if (problems.length) throw new InvalidMarketConfigError(problems)
    return new MarketRegistry(markets, files, options)
  }

  /** A market's file as it was validated: the baseline under its overrides. */
  file(code: string): { file: string; definition: MarketDefinition } {
    const entry = this.#files.get(code.toUpperCase())
    if (!entry) throw new UnknownMarketError(code)
    return entry
  }

  /**
   * The effective market of `code`: its file with `overrides` on top,
   * validated with the file schema and rules. Problems name the file and
   * the field as ops wrote it (`couriers.list.jne.rates.bands.0.fee`).
   */
  async build(
    code: string,
    overrides: ConfigOverrides,
    configRevision: number
  ): Promise<{ market: Market; definition: MarketDefinition } | { problems: MarketConfigProblem[]; definition: MarketDefinition }> {
    const { file, definition: baseline } = this.file(code)
    const definition = applyOverrides(baseline, overrides)
    const checked = await validDefinition(definition, file, this.#options)
    if ('problems' in checked) {
      return { definition, problems: checked.problems.map((problem) => ({ ...problem, field: changeField(problem.field, definition) })) }
    }
    return { market: marketOf(checked.definition, file, configRevision), definition: checked.definition }
  }

  /**
   * Puts the approved overrides of every market on its file, all or
   * nothing: one that no longer fits (the file changed under it) is
   * reported with the file, the field and the revision, and nothing is
   * installed. Boot and `markets:validate` use it.
   */
  async applyHeads(heads: ConfigHead[]) {
    const problems: MarketConfigProblem[] = []
    const built: Market[] = []
    for (const head of heads) {
      const baseline = this.#files.get(head.code)
      if (!baseline) continue
      // What the overrides address must still be in the file (a courier taken out of it, a field no longer editable).
      const addressed = Object.keys(head.overrides).length ? shapeProblems(head.overrides, baseline.definition, '') : []
      if (addressed.length) {
        problems.push(...addressed.map((problem) => ({ file: baseline.file, field: problem.field, message: `${problem.message} (overridden by config revision ${head.revision})` })))
        continue
      }
      const result = await this.build(head.code, head.overrides, head.revision)
      if ('problems' in result) {
        problems.push(...result.problems.map((problem) => ({ ...problem, message: `${problem.message} (with the overrides of config revision ${head.revision})` })))
      } else built.push(result.market)
    }
    if (problems.length) throw new InvalidMarketConfigError(problems)
    for (const market of built) this.install(market)
  }

  /** Makes `market` the one served for its code and hosts; contexts made before keep the config they were made with. */
  install(market: Market) {
    this.#byCode.set(market.code, market)
    for (const domain of market.domains) this.#byHost.set(domain, market)
  }

  /** Every market back to its file alone (tests reset to it). */
  resetToFiles() {
    for (const { file, definition } of this.#files.values()) {
      this.#byCode.set(definition.code, marketOf(definition, file, 0))
    }
    for (const market of this.#byCode.values()) for (const domain of market.domains) this.#byHost.set(domain, market)
  }

  all(): Market[] {
    return [...this.#byCode.values()]
  }

  codes(): string[] {
    return [...this.#byCode.keys()]
  }

  find(code: string): Market | undefined {
    return this.#byCode.get(code.toUpperCase())
  }

  /**
   * The context of a market: the one way code outside a request (consumers,
   * listeners, commands) and the middleware get one. An unknown code is a
   * 404 `E_UNKNOWN_MARKET`.
   */
  context(code: string, locale?: string): MarketContext {
    this.onRead?.()
    const market = this.find(code)
    if (!market) throw new UnknownMarketError(code)
    const wanted = locale ?? market.defaultLocale
    const key = `${market.code}|${wanted}`
    let context = this.#contexts.get(key)
    if (!context || context.config !== market) {
      context = MarketContext.of(market, wanted)
      if (this.#contexts.size >= 1000) this.#contexts.clear()
      this.#contexts.set(key, context)
    }
    return context
  }

  /**
   * The market a Host header belongs to. Ports, letter case and a trailing
   * dot do not matter (`SG.Pasar.localhost.:3333` is the SG storefront).
   */
  findByHost(hostHeader: string | undefined | null): Market | undefined {
    const host = normalizeHost(hostHeader)
    return host ? this.#byHost.get(host) : undefined
  }
}

/** A definition checked by the file schema and the rules of one market, or what is wrong with it. */
async function validDefinition(input: unknown, file: string, options: RegistryOptions): Promise<{ definition: MarketDefinition } | { problems: MarketConfigProblem[] }> {
  try {
    const definition = (await validateMarketFile.validate(input, { messagesProvider: marketMessages })) as MarketDefinition
    const problems = checkMarketRules(definition, file, options)
    return problems.length ? { problems } : { definition }
  } catch (error) {
    if (!(error instanceof vineErrors.E_VALIDATION_ERROR)) throw error
    const problems: MarketConfigProblem[] = (error.messages as { field: string; message: string }[]).map((message) => ({ file, field: message.field, message: message.message }))
    // The rules too, where the shape lets them run, so that one answer names every bad field.
    try {
      const reported = new Set(problems.map((problem) => problem.field))
      problems.push(...checkMarketRules(input as MarketDefinition, file, options).filter((problem) => !reported.has(problem.field)))
    } catch {
      // A shape the rules cannot read: the schema's messages say what to fix first.
    }
    return { problems }
  }
}

function marketOf(definition: MarketDefinition, file: string, configRevision: number): Market {
  return deepFreeze({
    ...structuredClone(definition),
    file,
    currencyExponent: ISO_4217.get(definition.currency)!.exponent,
    defaultLocale: definition.locales[0],
    revision: createHash('sha256').update(JSON.stringify(definition)).digest('hex').slice(0, 16),
    configRevision,
  })
}

export function normalizeHost(hostHeader: string | undefined | null): string | null {
  if (!hostHeader) return null
  let host = hostHeader.trim().toLowerCase()
  if (host.startsWith('[')) {
    // IPv6 literal: "[::1]:3333"
    const end = host.indexOf(']')
    return end > 0 ? host.slice(0, end + 1) : null
  }
  const colon = host.lastIndexOf(':')
  if (colon !== -1) host = host.slice(0, colon)
  if (host.endsWith('.')) host = host.slice(0, -1)
  return host || null
}

function checkMarketRules(market: MarketDefinition, file: string, options: RegistryOptions) {
  const problems: MarketConfigProblem[] = []
  const report = (field: string, message: string) => problems.push({ file, field, message })

  const expectedCode = basename(file).replace(/\.(ts|js)$/, '').toUpperCase()
  if (market.code !== expectedCode) {
    report('code', `"${market.code}" does not match the file name (expected "${expectedCode}")`)
  }

  if (!options.regions.includes(market.region)) {
    report(
      'region',
      `"${market.region}" has no shard (regions with a shard: ${options.regions.join(', ')})`
    )
  }

  const exponent = ISO_4217.get(market.currency)!.exponent
  if (market.priceDecimals > exponent) {
    report('priceDecimals', `${market.currency} has only ${exponent} minor digits, got ${market.priceDecimals}`)
  }

  // Tax
  const categories = Object.keys(market.tax.categories)
  if (categories.length === 0) report('tax.categories', 'must define at least one tax category')
  if (!market.tax.categories[market.tax.defaultCategory]) {
    report(
      'tax.defaultCategory',
      `"${market.tax.defaultCategory}" is not one of the tax categories (${categories.join(', ')})`
    )
  }
  if (market.tax.platformServicesCategory && !market.tax.categories[market.tax.platformServicesCategory]) {
    report('tax.platformServicesCategory', `"${market.tax.platformServicesCategory}" is not one of the tax categories (${categories.join(', ')})`)
  }
  for (const [category, { rates }] of Object.entries(market.tax.categories)) {
    if (!/^[a-z][a-z0-9_]*$/.test(category)) {
      report(`tax.categories.${category}`, 'category names are lowercase snake_case')
    }
    const dates = new Set<string>()
    rates.forEach((rate, index) => {
      if (dates.has(rate.effectiveFrom)) {
        report(`tax.categories.${category}.rates.${index}.effectiveFrom`, `two rates start on ${rate.effectiveFrom}`)
      }
      dates.add(rate.effectiveFrom)
      if (rate.taxableBase && rate.taxableBase.numerator > rate.taxableBase.denominator) {
        report(`tax.categories.${category}.rates.${index}.taxableBase`, 'the taxable base cannot exceed the price')
      }
    })
  }

  // Payments
  checkChoices(market.payments.gateways, 'payments.gateways', ['payment gateway', 'gateways'], market.payments.defaultGateway, 'payments.defaultGateway', report)
  const defaultGateway = market.payments.gateways.find((gateway) => gateway.id === market.payments.defaultGateway)
  if (defaultGateway?.enabled === false) report('payments.defaultGateway', `"${defaultGateway.id}" is switched off: the default gateway must be enabled`)
  market.payments.gateways.forEach((gateway, index) => {
    const field = `payments.gateways.${index}.settings`
    const settings = gateway.settings ?? {}
    if (gateway.provider === 'cod' && settings.maxAmount === undefined) {
      report(`${field}.maxAmount`, 'cash on delivery needs a maximum order amount')
    }
    if (gateway.provider === 'stripe' && (!settings.apiKeyEnv || !settings.webhookSecretEnv)) {
      report(field, 'stripe needs apiKeyEnv and webhookSecretEnv (names of env variables)')
    }
    if (gateway.provider === 'xendit' && (!settings.apiKeyEnv || !settings.callbackTokenEnv || !settings.channelCode)) {
      report(field, 'xendit needs apiKeyEnv, callbackTokenEnv (names of env variables) and channelCode')
    }
    if (gateway.provider === 'xendit' && !['virtual_account', 'qr', 'ewallet'].includes(gateway.method)) {
      report(`payments.gateways.${index}.method`, 'xendit takes virtual_account, qr and ewallet payments here')
    }
    if (gateway.provider === 'sandbox' && !settings.webhookSecretEnv) {
      report(`${field}.webhookSecretEnv`, 'the sandbox gateway signs webhooks: name the env variable of its secret')
    }
  })

  // Couriers
  checkChoices(market.couriers.list, 'couriers.list', ['courier', 'couriers'], market.couriers.defaultCourier, 'couriers.defaultCourier', report)
  const defaultCourier = market.couriers.list.find((courier) => courier.id === market.couriers.defaultCourier)
  if (defaultCourier?.enabled === false) report('couriers.defaultCourier', `"${defaultCourier.id}" is switched off: the default courier must be enabled`)
  market.couriers.list.forEach((courier, index) => {
    const field = `couriers.list.${index}.rates`
    const bands = courier.rates.bands
    for (let i = 1; i < bands.length; i++) {
      if (bands[i].upToGrams <= bands[i - 1].upToGrams) {
        report(`${field}.bands.${i}.upToGrams`, 'weight bands must be in increasing weight order')
      }
      if (bands[i].fee < bands[i - 1].fee) {
        report(`${field}.bands.${i}.fee`, 'a heavier band cannot cost less than a lighter one')
      }
    }
    const last = bands[bands.length - 1]
    if (last && courier.rates.maxWeightGrams < last.upToGrams) {
      report(`${field}.maxWeightGrams`, `is below the last weight band (${last.upToGrams} g)`)
    }
    if (courier.supportsCod && !courier.rates.codSurcharge) {
      report(`${field}.codSurcharge`, 'a courier that collects cash on delivery needs a COD surcharge (0 is allowed)')
    }
  })

  return problems
}

/** A list of options with ids (gateways, couriers): at least one, ids unique, the default among them. */
function checkChoices(
  options: { id: string }[],
  field: string,
  [one, many]: [string, string],
  defaultId: string,
  defaultField: string,
  report: (field: string, message: string) => void
) {
  const ids = options.map((option) => option.id)
  if (ids.length === 0) report(field, `at least one ${one} is required`)
  reportDuplicates(ids, field, report)
  if (!ids.includes(defaultId)) report(defaultField, `"${defaultId}" is not one of the ${many} (${ids.join(', ') || 'none'})`)
}

function reportDuplicates(ids: string[], field: string, report: (field: string, message: string) => void) {
  const seen = new Set<string>()
  for (const id of ids) {
    if (seen.has(id)) report(field, `id "${id}" is used twice`)
    seen.add(id)
  }
}

function checkAcrossMarkets(markets: Market[], options: RegistryOptions): MarketConfigProblem[] {
  const problems: MarketConfigProblem[] = []
  const codeOwner = new Map<string, Market>()
  const hostOwner = new Map<string, Market>()
  const reserved = new Set((options.reservedHosts ?? []).map((host) => host.toLowerCase()))

  for (const market of markets) {
    const sameCode = codeOwner.get(market.code)
    if (sameCode) {
      problems.push({ file: market.file, field: 'code', message: `"${market.code}" is also the code of ${sameCode.file}` })
    }
    codeOwner.set(market.code, market)

    market.domains.forEach((domain, index) => {
      const owner = hostOwner.get(domain)
      if (owner) {
        problems.push({
          file: market.file,
          field: `domains.${index}`,
          message: `"${domain}" is already a domain of ${owner.file} (${owner.code})`,
        })
      } else if (reserved.has(domain)) {
        problems.push({
          file: market.file,
          field: `domains.${index}`,
          message: `"${domain}" is the staff host (STAFF_HOSTS), not a storefront`,
        })
      }
      hostOwner.set(domain, market)
    })
  }
  return problems
}
