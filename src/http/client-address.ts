import { BlockList, isIP } from 'node:net'

/** An IPv4 address as a dual-stack socket reports it (::ffff:10.0.0.1) is the IPv4 address. */
const unmapped = (address: string) => address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1')

/** A hop of X-Forwarded-For as proxies write it: an address, maybe with a port or in brackets. */
function hopAddress(hop: string): string | undefined {
  let value = hop.trim()
  const bracketed = value.match(/^\[([^\]]+)\](?::\d+)?$/)
  if (bracketed?.[1]) value = bracketed[1]
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'))
  value = unmapped(value)
  return isIP(value) ? value : undefined
}

/**
 * Why one entry of TRUSTED_PROXIES is not an address or a CIDR range, or undefined when it is.
 * @example trustedProxyProblem('10.0.0.0/33') // 'the prefix of 10.0.0.0/33 must be 0 to 32'
 */
export function trustedProxyProblem(entry: string): string | undefined {
  const [address = '', prefix, ...rest] = entry.split('/')
  const version = isIP(unmapped(address))
  if (version === 0 || rest.length > 0)
    return `${entry} is not an IP address or a CIDR range such as 10.0.0.0/8`
  if (prefix === undefined) return undefined
  const max = version === 4 ? 32 : 128
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > max) return `the prefix of ${entry} must be 0 to ${max}`
  return undefined
}

/** Tells whether an address is one of the trusted proxies (addresses and CIDR ranges, checked first). */
export function proxyTrust(entries: readonly string[]): (address: string) => boolean {
  if (entries.length === 0) return () => false
  const list = new BlockList()
  for (const entry of entries) {
    const [raw = '', prefix] = entry.split('/')
    const address = unmapped(raw)
    const type = isIP(address) === 4 ? 'ipv4' : 'ipv6'
    if (prefix === undefined) list.addAddress(address, type)
    else list.addSubnet(address, Number(prefix), type)
  }
  return (address) => {
    const plain = unmapped(address)
    const version = isIP(plain)
    return version !== 0 && list.check(plain, version === 4 ? 'ipv4' : 'ipv6')
  }
}

/**
 * The client's address. From a trusted proxy it is the right-most X-Forwarded-For hop that is not
 * itself a trusted proxy (each proxy appends the address it was reached from, so hops to the left
 * of that one are whatever the client wrote); from anyone else it is the socket address and the
 * header is ignored. When every hop is trusted, the left-most one.
 * @example clientAddress('10.0.0.2', '6.6.6.6, 203.0.113.7', proxyTrust(['10.0.0.0/8'])) // '203.0.113.7'
 */
export function clientAddress(
  socketAddress: string,
  forwardedFor: string | undefined,
  isTrusted: (address: string) => boolean,
): string {
  let client = unmapped(socketAddress)
  if (!isTrusted(client) || !forwardedFor) return client
  const hops = forwardedFor.split(',')
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hopAddress(hops[i] ?? '')
    // A hop that is not an address came from a broken or hostile writer: keep the proxy that passed it on.
    if (!hop) return client
    client = hop
    if (!isTrusted(hop)) return hop
  }
  return client
}
