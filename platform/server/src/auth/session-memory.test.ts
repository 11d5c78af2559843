import { afterEach, describe, expect, it, vi } from 'vitest';
import { forgetSessionMemory, MEMORY_MS, memoryGeneration, remember, rememberedSession, rememberedVersions, rememberVersions } from './session-memory.ts';

describe("the embedded database's session memory", () => {
  afterEach(() => {
    vi.useRealTimers();
    forgetSessionMemory();
  });

  it('keeps a lookup until it is forgotten', () => {
    remember(memoryGeneration(), 'a', { id: 1 }, { enterprises: 3 });
    expect([rememberedSession('a'), rememberedVersions()]).toEqual([{ id: 1 }, { enterprises: 3 }]);
    expect(rememberedSession('b')).toBeUndefined();
    forgetSessionMemory();
    expect([rememberedSession('a'), rememberedVersions()]).toEqual([undefined, null]);
  });

  it('does not keep a lookup whose query began before something was forgotten', () => {
    const since = memoryGeneration();
    forgetSessionMemory(); // a write committed while the lookup's query ran
    remember(since, 'a', { id: 1 }, { enterprises: 3 });
    rememberVersions(since, { enterprises: 3 });
    expect([rememberedSession('a'), rememberedVersions()]).toEqual([undefined, null]);
    rememberVersions(memoryGeneration(), { enterprises: 4 });
    expect(rememberedVersions()).toEqual({ enterprises: 4 });
  });

  it('trusts a session for a moment only', () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    remember(memoryGeneration(), 'a', { id: 1 }, {});
    vi.advanceTimersByTime(MEMORY_MS - 1);
    expect(rememberedSession('a')).toEqual({ id: 1 });
    vi.advanceTimersByTime(2);
    expect(rememberedSession('a')).toBeUndefined();
  });
});
