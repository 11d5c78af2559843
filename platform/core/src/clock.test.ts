import { describe, expect, it } from 'vitest';
import { bureauDate, bureauDateTime, bureauToday, bureauYear } from './clock.ts';

describe("the bureau's clock (Beijing time, whatever the machine's zone)", () => {
  it('turns the day at 16:00 UTC', () => {
    expect(bureauToday(Date.parse('2025-12-31T15:59:59Z'))).toBe('2025-12-31');
    expect(bureauToday(Date.parse('2025-12-31T16:00:00Z'))).toBe('2026-01-01');
    expect(bureauYear(Date.parse('2025-12-31T16:00:00Z'))).toBe(2026);
  });

  it('shows an instant as Beijing date and time', () => {
    expect(bureauDateTime('2025-03-01T06:05:59Z')).toBe('2025-03-01 14:05');
    expect(bureauDateTime('2025-03-01 22:30:00+00')).toBe('2025-03-02 06:30');
    expect(bureauDate('2025-03-01T20:00:00Z')).toBe('2025-03-02');
  });

  it('gives nothing for no instant, and unreadable text as it came', () => {
    expect(bureauDateTime(null)).toBe('');
    expect(bureauDateTime('')).toBe('');
    expect(bureauDateTime('not a time')).toBe('not a time');
  });
});
