import { describe, expect, it } from 'vitest';
import { isoTimestamp } from '../../../src/store/postgres/pool.ts';

describe('times read from PostgreSQL', () => {
  it('come back as the same ISO 8601 strings in UTC that a Date gives, however the session writes them', () => {
    const written = [
      '2025-05-25 06:00:00+00',
      '2025-05-25 06:00:00.5+00',
      '2025-05-25 06:00:00.123+00',
      '2025-05-25 06:00:00.123456+00',
      '2025-05-25 06:00:00.9999+00',
      '2024-02-29 23:59:59.999+00',
      '2025-05-25 06:00:00+02',
      '2025-05-25 06:00:00.25-07',
      '2025-05-25 06:00:00+05:30',
      '2025-12-31 23:30:00-01',
    ];
    for (const v of written) expect(isoTimestamp(v), v).toBe(new Date(v).toISOString());
  });
});
