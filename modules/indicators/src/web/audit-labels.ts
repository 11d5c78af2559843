/** The audit log's words for what this room writes (actions and objects), in both languages. */
export const auditZh: Record<string, string> = {
  'audit.act.indicator.create': '新建指标',
  'audit.act.indicator.update': '修改指标',
  'audit.act.plan.create': '新建规划',
  'audit.act.plan.update': '修改规划',
  'audit.act.indicatorValue.set': '填报指标数据',
  'audit.act.indicatorValue.delete': '删除指标数据',
  'audit.act.indicatorValues.import': '导入指标数据',
  'audit.ent.indicator': '指标',
  'audit.ent.plan': '规划',
  'audit.ent.indicatorValue': '指标数据',
};
export const auditEn: Record<string, string> = {
  'audit.act.indicator.create': 'Indicator created',
  'audit.act.indicator.update': 'Indicator changed',
  'audit.act.plan.create': 'Plan created',
  'audit.act.plan.update': 'Plan changed',
  'audit.act.indicatorValue.set': 'Indicator value entered',
  'audit.act.indicatorValue.delete': 'Indicator value deleted',
  'audit.act.indicatorValues.import': 'Indicator values imported',
  'audit.ent.indicator': 'Indicator',
  'audit.ent.plan': 'Plan',
  'audit.ent.indicatorValue': 'Indicator value',
};
