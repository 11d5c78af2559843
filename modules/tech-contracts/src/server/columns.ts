/**
 * The columns of the contracts' Excel import and export: one list, so an exported file imports back. Each has its
 * Chinese header (the template's), its English one (the export in English) and the other spellings the import
 * accepts. An amount column may name its unit in the header (合同成交额（万元）); yuan otherwise.
 */
export const COLUMNS = {
  registrationNo: { zh: '登记编号', en: 'Registration no.', also: ['registrationno'] },
  contractNo: { zh: '合同编号', en: 'Contract no.', also: ['contractno'] },
  title: { zh: '合同名称', en: 'Title', also: ['title', '项目名称'] },
  type: { zh: '合同类别', en: 'Type', also: ['type', '合同类型', '技术合同类别'] },
  subtype: { zh: '合同子类', en: 'Subtype', also: ['subtype', '子类'] },
  rulesVersion: { zh: '适用规则', en: 'Rules', also: ['rules'] },
  signedOn: { zh: '签订日期', en: 'Signed on', also: ['signedon', '合同签订日期'] },
  sellerName: { zh: '卖方名称', en: 'Seller', also: ['seller', 'sellername'] },
  sellerUscc: { zh: '卖方统一社会信用代码', en: 'Seller USCC', also: ['selleruscc'] },
  sellerLocation: { zh: '卖方所在地', en: 'Seller location', also: ['sellerlocation'] },
  sellerRegion: { zh: '卖方所属镇街', en: 'Seller town', also: ['sellertown', 'sellerregion'] },
  buyerName: { zh: '买方名称', en: 'Buyer', also: ['buyer', 'buyername'] },
  buyerUscc: { zh: '买方统一社会信用代码', en: 'Buyer USCC', also: ['buyeruscc'] },
  buyerLocation: { zh: '买方所在地', en: 'Buyer location', also: ['buyerlocation'] },
  buyerRegion: { zh: '买方所属镇街', en: 'Buyer town', also: ['buyertown', 'buyerregion'] },
  contractAmount: { zh: '合同成交额', en: 'Contract amount', also: ['contractamount', '成交额'] },
  techAmount: { zh: '技术交易额', en: 'Technology-transaction amount', also: ['techamount', 'technologytransactionamount', '技术性收入'] },
  nonTechnical: { zh: '非技术性费用', en: 'Non-technical parts', also: ['nontechnical', 'nontechnicalparts'] },
  field: { zh: '技术领域', en: 'Field', also: ['field'] },
  chainTag: { zh: '产业链', en: 'Chain', also: ['chain', 'chaintag'] },
  status: { zh: '状态', en: 'Status', also: ['status'] },
  refusalGround: { zh: '不予登记理由', en: 'Refusal ground', also: ['refusalground'] },
  submittedOn: { zh: '受理日期', en: 'Submitted on', also: ['submittedon'] },
  registeredOn: { zh: '登记日期', en: 'Registered on', also: ['registeredon'] },
  deadline: { zh: '办结期限', en: 'Deadline', also: ['deadline'] },
  receivedTotal: { zh: '已到账', en: 'Received', also: ['received', 'receivedtotal'] },
} as const;
export type Column = keyof typeof COLUMNS;

/** columns the export writes but the import does not read (the register's own bookkeeping) */
export const EXPORT_ONLY: readonly Column[] = ['rulesVersion', 'status', 'refusalGround', 'submittedOn', 'deadline', 'receivedTotal'];
export const AMOUNT_COLUMNS: readonly Column[] = ['contractAmount', 'techAmount', 'nonTechnical', 'receivedTotal'];
export const REQUIRED: readonly Column[] = ['title', 'type', 'signedOn', 'sellerName', 'buyerName', 'contractAmount', 'field'];

/** Full-width ASCII as half-width, spaces dropped, lower case: how headers and values are compared. */
export const norm = (s: string) =>
  s
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '')
    .toLowerCase();
