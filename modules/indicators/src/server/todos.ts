/** The indicators room's kind of waiting work for the to-do inbox (待办): the user's own refused imports of indicator values. */
import { VALUE_WRITE_ROLES } from '@kechuang/platform-core';
import { refusedImportsTodo, type TodoSource } from '@kechuang/platform-server';

export const indicatorTodos: TodoSource[] = [refusedImportsTodo('indicatorImportsRefused', ['indicatorValues'], '/import', VALUE_WRITE_ROLES)];
