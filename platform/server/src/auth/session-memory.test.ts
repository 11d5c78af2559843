import { afterEach, describe, expect, it, vi } from 'vitest';
import { forgetSessionMemory, MEMORY_MS, memoryGeneration, remember, rememberedSession, rememberedVersions, rememberVersions } from './session-memory.ts';

describe("the embedded database's session memory", () => {
  const db = {};
  afterEach(() => {
    vi.useRealTimers();
    forgetSessionMemory();
  });

  it('keeps a lookup until it is forgotten', () => {
    remember(db, memoryGeneration(), 'a', { id: 1 }, { enterprises: 3 });
    expect([rememberedSession(db, 'a'), rememberedVersions(db)]).toEqual([{ id: 1 }, { enterprises: 3 }]);
    expect(rememberedSession(db, 'b')).toBeUndefined();
    forgetSessionMemory();
    expect([rememberedSession(db, 'a'), rememberedVersions(db)]).toEqual([undefined, null]);
  });

  it("keeps each database's lookups to itself: another one's data versions are never handed out", () => {
    const other = {};
    remember(db, memoryGeneration(), 'a', { id: 1 }, { enterprises: 3 });
    expect([rememberedSession(other, 'a'), rememberedVersions(other)]).toEqual([undefined, null]);
    remember(other, memoryGeneration(), 'b', { id: 2 }, { enterprises: 9 });
    expect([rememberedVersions(db), rememberedVersions(other)]).toEqual([{ enterprises: 3 }, { enterprises: 9 }]);
  });

  it('does not keep a lookup whose query began before something was forgotten', () => {
    const since = memoryGeneration();
    forgetSessionMemory(); // a write committed while the lookup's query ran
    remember(db, since, 'a', { id: 1 }, { enterprises: 3 });
    rememberVersions(db, since, { enterprises: 3 });
    expect([rememberedSession(db, 'a'), rememberedVersions(db)]).toEqual([undefined, null]);
    rememberVersions(db, memoryGeneration(), { enterprises: 4 });
    expect(rememberedVersions(db)).toEqual({ enterprises: 4 });
  });

  it('trusts a session for a moment only', () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    remember(db, memoryGeneration(), 'a', { id: 1 }, {});
    vi.advanceTimersByTime(MEMORY_MS - 1);
    expect(rememberedSession(db, 'a')).toEqual({ id: 1 });
    vi.advanceTimersByTime(2);
    expect(rememberedSession(db, 'a')).toBeUndefined();
  });
});
