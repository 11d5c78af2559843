/** The audit log's words for what this room writes (actions and objects), in both languages. */
export const auditZh: Record<string, string> = {
  'audit.act.evaluationRun.compute': '发起评价',
  'audit.act.evaluationRun.rerun': '重算评价',
  'audit.act.evaluationRun.publish': '发布名单',
  'audit.act.evaluationRun.supersede': '替换发布名单',
  'audit.act.evaluationRun.withdraw': '撤回名单',
  'audit.act.evaluationScheme.create': '新建评价体系',
  'audit.act.evaluationScheme.update': '修改评价体系',
  'audit.act.evaluationScheme.delete': '删除评价体系',
  'audit.ent.evaluationRun': '评价运行',
  'audit.ent.evaluationScheme': '评价体系',
};
export const auditEn: Record<string, string> = {
  'audit.act.evaluationRun.compute': 'Evaluation run',
  'audit.act.evaluationRun.rerun': 'Evaluation rerun',
  'audit.act.evaluationRun.publish': 'List published',
  'audit.act.evaluationRun.supersede': 'Published list replaced',
  'audit.act.evaluationRun.withdraw': 'List withdrawn',
  'audit.act.evaluationScheme.create': 'Scheme created',
  'audit.act.evaluationScheme.update': 'Scheme changed',
  'audit.act.evaluationScheme.delete': 'Scheme deleted',
  'audit.ent.evaluationRun': 'Evaluation run',
  'audit.ent.evaluationScheme': 'Scheme',
};
