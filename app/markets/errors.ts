export interface MarketConfigProblem {
  file: string
  field: string
  message: string
}

/**
 * Raised when any market file is wrong. The message names every problem as
 * `<file>: <field>: <what is wrong>`, one a line, so that boot stops with
 * the whole list rather than failing on the first and hiding the rest.
 */
export class InvalidMarketConfigError extends Error {
  readonly code = 'E_INVALID_MARKET_CONFIG'

  constructor(readonly problems: MarketConfigProblem[]) {
    super(
      problems.length === 1
        ? `Invalid market configuration: ${InvalidMarketConfigError.line(problems[0])}`
        : `Invalid market configuration (${problems.length} problems):\n` +
            problems.map((problem) => `  - ${InvalidMarketConfigError.line(problem)}`).join('\n')
    )
    this.name = 'InvalidMarketConfigError'
  }

  static line(problem: MarketConfigProblem) {
    return problem.field
      ? `${problem.file}: ${problem.field}: ${problem.message}`
      : `${problem.file}: ${problem.message}`
  }
}
