/**
 * The cache wraps what a factory throws (E_FACTORY_ERROR); callers get the
 * original error back, so a missing product is still a 404 and a database
 * error is still the database's.
 */
export async function unwrapFactoryError<T>(pending: Promise<T>): Promise<T> {
  try {
    return await pending
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause
    throw cause instanceof Error ? cause : error
  }
}
