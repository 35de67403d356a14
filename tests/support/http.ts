import http from 'node:http'

/** A raw request (headers and bytes exactly as given), answered as status, headers and parsed JSON. */
export function raw(options: { method: string; path: string; host: string; headers?: Record<string, string>; body?: Buffer | string; port?: number }) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: any; bytes: Buffer }>((resolve, reject) => {
    const request = http.request(
      {
        host: process.env.HOST,
        port: options.port ?? Number(process.env.PORT),
        method: options.method,
        path: options.path,
        headers: { host: options.host, ...(options.body !== undefined && { 'content-length': String(Buffer.byteLength(options.body)) }), ...options.headers },
      },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk) => chunks.push(chunk))
        response.on('end', () => {
          const bytes = Buffer.concat(chunks)
          const text = bytes.toString()
          let body: any = text
          try {
            body = JSON.parse(text)
          } catch {}
          resolve({ status: response.statusCode!, headers: response.headers, body, bytes })
        })
      }
    )
    request.on('error', reject)
    if (options.body !== undefined) request.write(options.body)
    request.end()
  })
}

