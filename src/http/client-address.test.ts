import { describe, expect, it } from 'vitest'
import { clientAddress, proxyTrust, trustedProxyProblem } from './client-address.ts'

const trust = proxyTrust(['10.0.0.0/8', '192.168.1.5', '2001:db8::/32'])

describe('the client address', () => {
  it('ignores X-Forwarded-For from a socket that is not a trusted proxy', () => {
    expect(clientAddress('203.0.113.9', '1.2.3.4', trust)).toBe('203.0.113.9')
    expect(clientAddress('203.0.113.9', '10.0.0.1, 1.2.3.4', trust)).toBe('203.0.113.9')
    // Trust is off by default: nothing is trusted.
    expect(clientAddress('10.0.0.2', '1.2.3.4', proxyTrust([]))).toBe('10.0.0.2')
  })

  it('takes the right-most hop that is not a trusted proxy, whatever the client wrote before it', () => {
    expect(clientAddress('10.0.0.2', '203.0.113.7', trust)).toBe('203.0.113.7')
    expect(clientAddress('10.0.0.2', '6.6.6.6, 203.0.113.7', trust)).toBe('203.0.113.7')
    // Two proxies: the CDN's edge (trusted) appended the client, the inner proxy appended the edge.
    expect(clientAddress('192.168.1.5', '6.6.6.6, 203.0.113.7, 10.1.2.3', trust)).toBe('203.0.113.7')
    // Several headers arrive joined with commas; spaces and ports are tolerated.
    expect(clientAddress('10.0.0.2', ' 6.6.6.6 ,203.0.113.7:5123', trust)).toBe('203.0.113.7')
    expect(clientAddress('10.0.0.2', '[2001:db9::1]:443', trust)).toBe('2001:db9::1')
  })

  it('gives the left-most hop when every hop is a trusted proxy', () => {
    expect(clientAddress('10.0.0.2', '10.9.9.9, 192.168.1.5', trust)).toBe('10.9.9.9')
    expect(clientAddress('10.0.0.2', undefined, trust)).toBe('10.0.0.2')
  })

  it('stops at a hop that is not an address, keeping the proxy that passed it on', () => {
    expect(clientAddress('10.0.0.2', 'unknown', trust)).toBe('10.0.0.2')
    expect(clientAddress('10.0.0.2', '203.0.113.7, <script>, 10.0.0.3', trust)).toBe('10.0.0.3')
  })

  it('reads IPv4 addresses mapped into IPv6, as dual-stack sockets report them', () => {
    expect(clientAddress('::ffff:10.0.0.2', '203.0.113.7', trust)).toBe('203.0.113.7')
    expect(clientAddress('::ffff:203.0.113.9', '1.2.3.4', trust)).toBe('203.0.113.9')
    expect(clientAddress('2001:db8::5', '2001:db9::1', trust)).toBe('2001:db9::1')
  })

  it('explains an entry of TRUSTED_PROXIES that is not an address or a range', () => {
    expect(trustedProxyProblem('10.0.0.0/8')).toBeUndefined()
    expect(trustedProxyProblem('::1')).toBeUndefined()
    expect(trustedProxyProblem('proxy.local')).toBe(
      'proxy.local is not an IP address or a CIDR range such as 10.0.0.0/8',
    )
    expect(trustedProxyProblem('10.0.0.0/33')).toBe('the prefix of 10.0.0.0/33 must be 0 to 32')
    expect(trustedProxyProblem('::/129')).toBe('the prefix of ::/129 must be 0 to 128')
  })
})
