/** JSON columns: MySQL 8 returns them parsed, MariaDB as text. */
export const jsonColumn = {
  prepare: (value: unknown) => JSON.stringify(value),
  consume: (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value),
}
