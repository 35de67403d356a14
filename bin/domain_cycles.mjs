/*
 * Fails when two domains of app/ depend on each other in a circle.
 * Reads the module graph dependency-cruiser wrote (`--output-type json`),
 * folds it to one node per app/<domain> folder, and reports every strongly
 * connected group of domains with the imports that close the circle.
 *
 *   depcruise app --config .dependency-cruiser.cjs --output-type json | node bin/domain_cycles.mjs
 */
const input = await new Promise((resolve, reject) => {
  let text = ''
  process.stdin.setEncoding('utf8')
  process.stdin.on('data', (chunk) => (text += chunk))
  process.stdin.on('end', () => resolve(text))
  process.stdin.on('error', reject)
})
const graph = JSON.parse(input)

// dependency-cruiser's own rules (.dependency-cruiser.cjs): the exit code of
// the pipe is ours, so its violations are reported here.
const violations = graph.summary.violations.filter((violation) => violation.rule.severity === 'error')
for (const violation of violations) {
  console.error(`✘ ${violation.rule.name}: ${violation.from} -> ${violation.to}${violation.cycle ? ` (${violation.cycle.map((step) => step.name ?? step).join(' -> ')})` : ''}`)
}
const domainOf = (path) => /^app\/([^/]+)\//.exec(path)?.[1]

/** domain -> domain -> example imports ("file -> file") */
const edges = new Map()
for (const module of graph.modules) {
  const from = domainOf(module.source)
  if (!from) continue
  for (const dependency of module.dependencies) {
    const to = domainOf(dependency.resolved)
    if (!to || to === from) continue
    if (!edges.has(from)) edges.set(from, new Map())
    const examples = edges.get(from).get(to) ?? []
    examples.push(`${module.source} -> ${dependency.resolved}`)
    edges.get(from).set(to, examples)
  }
}

// Tarjan's strongly connected components.
const domains = new Set([...edges.keys(), ...[...edges.values()].flatMap((targets) => [...targets.keys()])])
const index = new Map()
const low = new Map()
const stack = []
const onStack = new Set()
const groups = []
let counter = 0
function visit(domain) {
  index.set(domain, counter)
  low.set(domain, counter)
  counter++
  stack.push(domain)
  onStack.add(domain)
  for (const next of edges.get(domain)?.keys() ?? []) {
    if (!index.has(next)) {
      visit(next)
      low.set(domain, Math.min(low.get(domain), low.get(next)))
    } else if (onStack.has(next)) {
      low.set(domain, Math.min(low.get(domain), index.get(next)))
    }
  }
  if (low.get(domain) === index.get(domain)) {
    const group = []
    let member
    do {
      member = stack.pop()
      onStack.delete(member)
      group.push(member)
    } while (member !== domain)
    if (group.length > 1) groups.push(group.sort())
  }
}
for (const domain of [...domains].sort()) if (!index.has(domain)) visit(domain)

if (groups.length === 0 && violations.length === 0) {
  console.log(`✔ no import cycle between the ${domains.size} domains of app/`)
  process.exit(0)
}
if (groups.length === 0) process.exit(1)
console.error(`✘ import cycles between domains of app/ (a domain calls another's service or emits an event; never both ways):`)
for (const group of groups) {
  console.error(`\n  ${group.join(' <-> ')}`)
  for (const from of group) {
    for (const [to, examples] of edges.get(from) ?? []) {
      if (!group.includes(to)) continue
      console.error(`    ${from} -> ${to}: ${examples[0]}${examples.length > 1 ? ` (+${examples.length - 1} more)` : ''}`)
    }
  }
}
process.exit(1)
