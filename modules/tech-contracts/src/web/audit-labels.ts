/** The audit log's words for what this room writes (actions and objects), in both languages. */
export const auditZh: Record<string, string> = {
  'audit.act.techContract.submit': '申请技术合同登记',
  'audit.act.techContract.edit': '修改技术合同',
  'audit.act.techContract.register': '登记技术合同',
  'audit.act.techContract.refuse': '不予登记技术合同',
  'audit.act.techContract.return': '退回技术合同补正',
  'audit.act.techContract.resubmit': '重新提交技术合同',
  'audit.act.techContract.deregister': '注销技术合同',
  'audit.act.techContract.correct': '更正技术合同金额',
  'audit.act.techContract.instalment': '登记技术合同到账',
  'audit.act.techContract.import': '导入技术合同',
  'audit.act.indicatorValue.fromTechContracts': '由技术合同生成技术交易额',
  'audit.ent.techContract': '技术合同',
};
export const auditEn: Record<string, string> = {
  'audit.act.techContract.submit': 'Technology contract submitted',
  'audit.act.techContract.edit': 'Technology contract edited',
  'audit.act.techContract.register': 'Technology contract registered',
  'audit.act.techContract.refuse': 'Technology contract refused',
  'audit.act.techContract.return': 'Technology contract returned for papers',
  'audit.act.techContract.resubmit': 'Technology contract resubmitted',
  'audit.act.techContract.deregister': 'Technology contract deregistered',
  'audit.act.techContract.correct': 'Technology contract amounts corrected',
  'audit.act.techContract.instalment': 'Technology contract income recorded',
  'audit.act.techContract.import': 'Technology contracts imported',
  'audit.act.indicatorValue.fromTechContracts': 'Technology transactions written from contracts',
  'audit.ent.techContract': 'Technology contract',
};
