/*
 * Every environment variable Pasar reads, validated at boot. Anything with
 * a safe local default is optional so that `npm start` works on a new
 * machine; secrets never have a default.
 */
import { Env } from '@adonisjs/core/env'

export default await Env.create(new URL('../', import.meta.url), {
  NODE_ENV: Env.schema.enum(['development', 'production', 'test'] as const),
  PORT: Env.schema.number.optional(),
  HOST: Env.schema.string.optional({ format: 'host' }),
  APP_KEY: Env.schema.secret(),
  APP_NAME: Env.schema.string.optional(),
  LOG_LEVEL: Env.schema.enum.optional([
    'fatal',
    'error',
    'warn',
    'info',
    'debug',
    'trace',
    'silent',
  ] as const),

  /*
   * Shards. Every region's database defaults to `<DB_NAME_PREFIX>_<region>`
   * on DB_HOST:DB_PORT; DB_SHARD_<REGION>_URL (e.g. DB_SHARD_SEA_1_URL)
   * moves one region to its own server, DB_CONTROL_URL the control database.
   * Per-region URLs are read in config/regions.ts because the list of regions
   * is configuration, not code.
   */
  DB_HOST: Env.schema.string.optional({ format: 'host' }),
  DB_PORT: Env.schema.number.optional(),
  DB_USER: Env.schema.string.optional(),
  DB_PASSWORD: Env.schema.secret.optional(),
  DB_NAME_PREFIX: Env.schema.string.optional(),
  DB_CONTROL_URL: Env.schema.secret.optional(),
  DB_POOL_MAX: Env.schema.number.optional(),
  // Order-writer transactions in flight per market and process (group commit).
  ORDER_WRITER_IN_FLIGHT: Env.schema.number.optional(),

  REDIS_HOST: Env.schema.string.optional({ format: 'host' }),
  REDIS_PORT: Env.schema.number.optional(),
  REDIS_PASSWORD: Env.schema.secret.optional(),
  REDIS_KEY_PREFIX: Env.schema.string.optional(),

  RABBITMQ_URL: Env.schema.secret.optional(),

  /*
   * Search: `mysql` (embedded FULLTEXT, default) or `elasticsearch`.
   */
  SEARCH_DRIVER: Env.schema.enum.optional(['mysql', 'elasticsearch'] as const),
  ELASTICSEARCH_NODE: Env.schema.string.optional(),
  ELASTICSEARCH_API_KEY: Env.schema.secret.optional(),
  ELASTICSEARCH_INDEX_PREFIX: Env.schema.string.optional(),

  /*
   * Markets. MARKETS_PATH points at another folder of market files (used by
   * tests and by ops to validate a change before it ships).
   */
  MARKETS_PATH: Env.schema.string.optional(),
  ALLOW_MARKET_HEADER: Env.schema.boolean.optional(),
  STAFF_HOSTS: Env.schema.string.optional(),

  /*
   * Staff console (/console on the staff host). CONSOLE_IDLE_MINUTES: a
   * session without a request for this long is signed out (default 30);
   * CONSOLE_MAX_HOURS: signed out after this long whatever the activity
   * (default 12).
   */
  CONSOLE_IDLE_MINUTES: Env.schema.number.optional(),
  CONSOLE_MAX_HOURS: Env.schema.number.optional(),

  /*
   * Edge. TRUSTED_PROXIES: addresses of the proxies in front (comma-separated
   * IPs; loopback is always trusted) whose X-Request-Id is kept as the
   * upstream id. HEALTH_ALLOW: who gets the detailed /health (comma-separated
   * IPs or CIDRs, default loopback); HEALTH_TOKEN: a bearer token that gets
   * it from anywhere.
   */
  TRUSTED_PROXIES: Env.schema.string.optional(),

  /*
   * Payments. Gateways' webhook secrets and API keys are named by each
   * market file (settings.webhookSecretEnv, apiKeyEnv). SANDBOX_WEBHOOK_URL:
   * where the sandbox gateway sends its webhooks (this deployment's web
   * process; default http://127.0.0.1:PORT).
   */
  SANDBOX_WEBHOOK_URL: Env.schema.string.optional(),
  PAYMENT_SANDBOX_WEBHOOK_SECRET: Env.schema.secret.optional(),
  // The sandbox courier: seconds between two steps of a parcel, and its webhook secret.
  SANDBOX_COURIER_STEP_SECONDS: Env.schema.number.optional(),
  COURIER_SANDBOX_WEBHOOK_SECRET: Env.schema.secret.optional(),
  /*
   * Real providers (the names the shipped market files use). Without an API
   * key a gateway is paid through the embedded sandbox outside production,
   * and refused in production. *_API_BASE: the provider's API elsewhere
   * (tests point the SDKs at a local stand-in).
   */
  STRIPE_SECRET_KEY: Env.schema.secret.optional(),
  STRIPE_WEBHOOK_SECRET: Env.schema.secret.optional(),
  STRIPE_API_BASE: Env.schema.string.optional(),
  XENDIT_SECRET_KEY: Env.schema.secret.optional(),
  XENDIT_CALLBACK_TOKEN: Env.schema.secret.optional(),
  XENDIT_API_BASE: Env.schema.string.optional(),
  HEALTH_ALLOW: Env.schema.string.optional(),
  HEALTH_TOKEN: Env.schema.secret.optional(),

  /*
   * E-mail (notifications, sent by the worker). SMTP_HOST: the relay;
   * without it e-mail is only logged. SMTP_PORT (default 587; 465 is
   * implicit TLS, others upgrade with STARTTLS when offered), SMTP_USER and
   * SMTP_PASSWORD when the relay wants a login. MAIL_FROM: the sender
   * (`Pasar <no-reply@example.com>`). Read again at each send.
   */
  SMTP_HOST: Env.schema.string.optional({ format: 'host' }),

  /** Finance exports: where the worker writes the files (default tmp/exports), and the rows above which a report becomes an export job. */
  EXPORTS_PATH: Env.schema.string.optional(),
  TAX_REPORT_SYNC_MAX_ROWS: Env.schema.number.optional(),
  SMTP_PORT: Env.schema.number.optional(),
  SMTP_USER: Env.schema.string.optional(),
  SMTP_PASSWORD: Env.schema.secret.optional(),
  MAIL_FROM: Env.schema.string.optional(),
})
