import { ApiClient } from '@japa/api-client'
import { Assert } from '@japa/assert'

/** An API client for group hooks, where Japa gives none. */
export function client() {
  return new ApiClient(`http://${process.env.HOST}:${process.env.PORT}`, new Assert())
}
