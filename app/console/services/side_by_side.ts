import type { MarketDefinition } from '#markets/define_market'

/** Every leaf of a config as `path → JSON value`, list entries with an id named by it (`couriers.list.jnt.rates...`). */
function leaves(value: unknown, path = '', out = new Map<string, string>()) {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      const id = item && typeof item === 'object' && 'id' in item ? String((item as { id: unknown }).id) : String(index)
      leaves(item, path ? `${path}.${id}` : id, out)
    })
    if (value.length === 0) out.set(path, '[]')
  } else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) leaves(child, path ? `${path}.${key}` : key, out)
  } else {
    out.set(path, JSON.stringify(value))
  }
  return out
}

export interface DiffRow {
  path: string
  left: string | null
  right: string | null
  change: 'added' | 'removed' | 'changed'
}

/** Two effective configs side by side: the leaves that differ, in path order. */
export function sideBySide(left: MarketDefinition, right: MarketDefinition): DiffRow[] {
  const a = leaves(left)
  const b = leaves(right)
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort()
  return paths
    .filter((path) => a.get(path) !== b.get(path))
    .map((path) => ({
      path,
      left: a.get(path) ?? null,
      right: b.get(path) ?? null,
      change: !a.has(path) ? 'added' : !b.has(path) ? 'removed' : 'changed',
    }))
}
