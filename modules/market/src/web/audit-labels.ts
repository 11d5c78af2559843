/** The audit log's words for what this room writes (actions and objects), in both languages. */
import { LISTING_KINDS, LISTING_ACTIONS } from '../contract/kinds.ts';

const KIND_ZH = { achievement: '科技成果', demand: '技术需求', expert: '专家', broker: '技术经纪人', provider: '服务机构' };
const KIND_EN = { achievement: 'achievement', demand: 'demand', expert: 'expert', broker: 'broker', provider: 'service provider' };
const ACTION_ZH = { create: '新建', update: '修改', submit: '提交审核', approve: '审核通过', return: '退回', takeDown: '下架' };
const ACTION_EN = { create: 'created', update: 'changed', submit: 'submitted for review', approve: 'approved', return: 'returned', takeDown: 'taken down' };

const capital = (s: string) => s[0].toUpperCase() + s.slice(1);

export const auditZh: Record<string, string> = {
  ...Object.fromEntries(LISTING_KINDS.flatMap((k) => LISTING_ACTIONS.map((a) => [`audit.act.market.${k}.${a}`, `${ACTION_ZH[a]}${KIND_ZH[k]}`]))),
  ...Object.fromEntries(LISTING_KINDS.map((k) => [`audit.ent.${k}`, KIND_ZH[k]])),
  'audit.act.market.institute.create': '新增机构',
  'audit.ent.institute': '机构',
};
export const auditEn: Record<string, string> = {
  ...Object.fromEntries(LISTING_KINDS.flatMap((k) => LISTING_ACTIONS.map((a) => [`audit.act.market.${k}.${a}`, `${capital(KIND_EN[k])} ${ACTION_EN[a]}`]))),
  ...Object.fromEntries(LISTING_KINDS.map((k) => [`audit.ent.${k}`, capital(KIND_EN[k])])),
  'audit.act.market.institute.create': 'Institute registered',
  'audit.ent.institute': 'Institute',
};
