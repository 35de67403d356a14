import vine from '@vinejs/vine'

/**
 * For writes that take no body (sign-out, cancel, delete, unban): sending
 * fields anyway is a 422 naming them, like a misspelt field elsewhere,
 * rather than a request that did something else than the client meant.
 */
export const emptyBodyValidator = vine.create(vine.object({}))
