/**
 * The room's kinds of waiting work for the to-do inbox (待办):
 * - the register clerk: contracts waiting on a decision (技术合同待认定), the nearest deadline first;
 * - an enterprise account: its contracts returned for papers (技术合同待补正).
 */
import { BUREAU_ROLES } from '@kechuang/platform-core';
import type { TodoSource } from '@kechuang/platform-server';
import { waitingContracts } from '../db/contracts.ts';
import { visibilityOf } from './contracts.ts';

export const techContractsWaiting: TodoSource = {
  kind: 'techContractsWaiting',
  roles: BUREAU_ROLES,
  async collect(db, actor, { limit }) {
    if (actor.scope.kind !== 'region') return null;
    const { count, items } = await waitingContracts(db, { kind: 'region', path: actor.scope.path }, 'submitted', limit);
    return {
      count,
      link: '/tech-contracts',
      items: items.map((c) => ({ title: c.title, facts: { deadline: c.deadline }, link: `/tech-contracts/${c.id}`, at: null })),
    };
  },
};

export const techContractsReturned: TodoSource = {
  kind: 'techContractsReturned',
  roles: ['enterpriseUser'],
  async collect(db, actor, { limit }) {
    const { count, items } = await waitingContracts(db, await visibilityOf(db, actor), 'returned', limit);
    return {
      count,
      link: '/tech-contracts',
      items: items.map((c) => ({
        title: c.title,
        facts: { note: c.statusNote ?? '' },
        link: `/tech-contracts/${c.id}`,
        at: c.updatedAt instanceof Date ? c.updatedAt.toISOString() : String(c.updatedAt),
      })),
    };
  },
};

export const techContractTodos: TodoSource[] = [techContractsWaiting, techContractsReturned];
