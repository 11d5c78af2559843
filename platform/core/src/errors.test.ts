import { describe, expect, it } from 'vitest';
import { AppError, ERROR_CODES, errorsOf, errorTableProblems, type ErrorTable } from './errors.ts';

type Code = 'ROOM_A' | 'ROOM_B';
const TABLE: ErrorTable<Code> = {
  ROOM_A: { status: 404, zh: '没有 {id}', en: 'No {id}' },
  ROOM_B: { status: 409, zh: '已存在', en: 'Already there' },
};
// @ts-expect-error a code of the union without its status and messages fails the typecheck
const MISSING: ErrorTable<Code> = { ROOM_A: { status: 404, zh: '没有', en: 'None' } };
const roomError = errorsOf(TABLE);

describe('error codes', () => {
  it("a room's code carries its status and both messages, placeholders filled", () => {
    const e = roomError('ROOM_A', { params: { id: 7 }, details: { field: 'id' } });
    expect([e.code, e.status, e.message, e.messageIn('en'), e.details]).toEqual(['ROOM_A', 404, '没有 7', 'No 7', { field: 'id' }]);
    // @ts-expect-error a code outside the room's union is refused by the typecheck
    const unknown = () => roomError('ROOM_C');
    void unknown;
    void MISSING;
  });

  it("a message of its own: both languages, or Chinese only with the code's English", () => {
    expect(new AppError('CONFLICT', { message: { zh: '甲', en: 'A' } }).messages).toEqual({ zh: '甲', en: 'A' });
    expect(new AppError('CONFLICT', { message: '甲' }).messages).toEqual({ zh: '甲', en: ERROR_CODES.CONFLICT.en });
  });

  it('crosses a thread boundary whole', () => {
    const e = AppError.revive(JSON.parse(JSON.stringify(roomError('ROOM_B').serialise())));
    expect([e instanceof AppError, e.code, e.status, e.messages]).toEqual([true, 'ROOM_B', 409, { zh: '已存在', en: 'Already there' }]);
  });

  it("the platform's table words every code in both languages", () => {
    expect(errorTableProblems(ERROR_CODES)).toEqual([]);
    expect(errorTableProblems({ X: { status: 200, zh: 'x', en: '中' } })).toEqual(['X: status 200', 'X: zh without Chinese', 'X: en with Chinese']);
  });
});
