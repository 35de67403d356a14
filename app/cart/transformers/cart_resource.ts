/** A cart as its buyer sees it. */
export function cartResource(lines: Record<string, any>[]) {
  return { lines: lines.map((line) => ({ id: Number(line.id), sku: line.sku as string, quantity: Number(line.quantity) })) }
}
