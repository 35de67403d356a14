import http from 'node:http'
import https from 'node:https'

/**
 * A POST with the Host header of a market (fetch cannot set Host): how the
 * embedded sandbox providers call back this deployment's web process.
 */
export function postWithHost(url: URL, headers: Record<string, string>, body: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = (url.protocol === 'https:' ? https : http).request(
      url,
      { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, timeout: 10_000 },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk) => chunks.push(chunk))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }))
      }
    )
    request.on('timeout', () => request.destroy(new Error('sandbox webhook timed out')))
    request.on('error', reject)
    request.end(body)
  })
}
