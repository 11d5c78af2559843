/** The audit log's words for what this room writes (actions and objects), in both languages. */
export const auditZh: Record<string, string> = {
  'audit.act.carrier.create': '新建载体',
  'audit.act.carrier.update': '修改载体',
  'audit.act.carrier.delete': '删除载体',
  'audit.act.carrierFigures.save': '填报载体数据',
  'audit.act.carrierFigures.import': '导入载体数据',
  'audit.ent.carrier': '载体',
};
export const auditEn: Record<string, string> = {
  'audit.act.carrier.create': 'Carrier created',
  'audit.act.carrier.update': 'Carrier changed',
  'audit.act.carrier.delete': 'Carrier deleted',
  'audit.act.carrierFigures.save': 'Carrier figures entered',
  'audit.act.carrierFigures.import': 'Carrier figures imported',
  'audit.ent.carrier': 'Carrier',
};
