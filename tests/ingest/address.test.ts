import { describe, expect, it } from 'vitest';
import { assertPublicUrl, isPublicAddress, literalIp } from '../../src/ingest/address.ts';
import { FetchError } from '../../src/ingest/types.ts';

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.10',
    '10.0.0.5',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '100.64.0.1',
    '169.254.169.254',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'fd12:3456::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    '::ffff:169.254.169.254',
    '64:ff9b::a00:1',
    // IPv4-compatible, 6to4 and odd IPv6 ranges, which the first guard let through.
    '::127.0.0.1',
    '::a00:1',
    '[::127.0.0.1]',
    '2002:a00:1::1',
    '2002:7f00:1::',
    '100::1',
    '4000::1',
    '2001:db8::1',
    'not-an-ip',
    '',
  ])('refuses %s', (ip) => {
    expect(isPublicAddress(ip)).toBe(false);
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700::1111', '2001:4860:4860::8888', '::ffff:8.8.8.8', '[2606:4700::1111]', '2002:808:808::1', '64:ff9b::808:808'])(
    'accepts %s',
    (ip) => {
      expect(isPublicAddress(ip)).toBe(true);
    },
  );
});

describe('assertPublicUrl with IPv6 literals that carry an IPv4 address', () => {
  it.each(['http://[::127.0.0.1]/feed.xml', 'http://[::a00:1]/feed.xml', 'http://[2002:a00:1::1]/feed.xml', 'http://[64:ff9b::7f00:1]/'])('refuses %s before connecting', (url) => {
    expect(() => assertPublicUrl(url)).toThrow(/private or reserved/);
  });
});

describe('literalIp', () => {
  it('recognises IPv4 and bracketed IPv6 hosts but not names', () => {
    expect(literalIp('10.0.0.1')).toBe('10.0.0.1');
    expect(literalIp('[::1]')).toBe('::1');
    expect(literalIp('example.com')).toBeUndefined();
  });
});

describe('assertPublicUrl', () => {
  const code = (url: string): string => {
    try {
      assertPublicUrl(url);
      return 'ok';
    } catch (err) {
      expect(err).toBeInstanceOf(FetchError);
      return (err as FetchError).code;
    }
  };

  it('refuses literal private addresses, including the ones URL parsing rewrites', () => {
    expect(code('http://127.0.0.1/')).toBe('private_address');
    expect(code('http://[::1]:8080/')).toBe('private_address');
    expect(code('http://169.254.169.254/latest/meta-data/')).toBe('private_address');
    expect(code('http://[::ffff:7f00:1]/')).toBe('private_address');
    // 2130706433 and 0x7f.1 are other spellings of 127.0.0.1.
    expect(code('http://2130706433/')).toBe('private_address');
    expect(code('http://0x7f.1/')).toBe('private_address');
  });

  it('refuses localhost names without asking DNS', () => {
    expect(code('http://localhost:3000/')).toBe('private_address');
    expect(code('http://api.localhost/')).toBe('private_address');
  });

  it('passes public literals and names (names are checked after DNS)', () => {
    expect(code('https://93.184.216.34/feed')).toBe('ok');
    expect(code('https://news.example.org/rss')).toBe('ok');
  });

  it('refuses non-http schemes as bad URLs', () => {
    expect(code('ftp://example.org/feed')).toBe('bad_url');
    expect(code('javascript:alert(1)')).toBe('bad_url');
  });

  it('allows everything when private addresses are allowed', () => {
    expect(assertPublicUrl('http://localhost/', { allowPrivate: true }).hostname).toBe('localhost');
  });
});
