/**
 * The market's error codes: a closed union, each with its HTTP status and its message in both languages
 * (`{name}` filled from the error's params; a kind's name comes as kindZh and kindEn).
 */
import { errorsOf, type ErrorTable } from '@kechuang/platform-core';

export type MarketErrorCode =
  | 'MKT_NOT_FOUND'
  | 'MKT_NOT_OWNER'
  | 'MKT_BUREAU_ONLY'
  | 'MKT_DUPLICATE'
  | 'MKT_QUERY_TOO_SHORT'
  | 'MKT_QUERY_TOO_LONG'
  | 'MKT_PRICE_UNIT'
  | 'MKT_AMOUNT_MISSING'
  | 'MKT_BUDGET_REVERSED'
  | 'MKT_STATUS'
  | 'MKT_REASON_REQUIRED'
  | 'MKT_OWNER_REQUIRED'
  | 'MKT_OWNER_UNKNOWN'
  | 'MKT_FIELD_REQUIRED'
  | 'MKT_INSTITUTE_TAKEN'
  | 'MKT_INSTITUTE_NOT_FOUND'
  | 'MKT_MATCH_NOT_FOUND'
  | 'MKT_NOT_A_SIDE'
  | 'MKT_LEAD_EXISTS'
  | 'MKT_LEAD_NOT_FOUND'
  | 'MKT_LEAD_MOVE'
  | 'MKT_NOT_LEAD_BROKER'
  | 'MKT_BROKER_REQUIRED'
  | 'MKT_BROKER_UNKNOWN'
  | 'MKT_CONTRACT_UNKNOWN'
  | 'MKT_EVENT_NOT_FOUND'
  | 'MKT_EVENT_STATUS'
  | 'MKT_EVENT_MOVE'
  | 'MKT_EVENT_DUPLICATE'
  | 'MKT_SIGNED_UP'
  | 'MKT_SIGNUP_NOT_FOUND'
  | 'MKT_LISTING_UNPUBLISHED'
  | 'MKT_LISTING_ATTACHED'
  | 'MKT_LOT_PRICE_REQUIRED'
  | 'MKT_LOT_NOT_FOUND'
  | 'MKT_FINAL_PRICE_REQUIRED';

export const MARKET_ERRORS: ErrorTable<MarketErrorCode> = {
  MKT_NOT_FOUND: { status: 404, zh: '{kindZh}不存在或您无权查看', en: 'No such {kindEn} that you may see' },
  MKT_NOT_OWNER: { status: 403, zh: '只能发布或修改本单位的{kindZh}', en: 'You may list and edit only your own organisation’s {kindEn}s' },
  MKT_BUREAU_ONLY: { status: 403, zh: '只有科技局可以执行此操作', en: 'Only the bureau may do this' },
  MKT_DUPLICATE: { status: 409, zh: '已有同名的{kindZh}“{title}”', en: 'A {kindEn} named "{title}" already exists' },
  MKT_QUERY_TOO_SHORT: { status: 400, zh: '搜索词至少 {min} 个字符', en: 'Search for at least {min} characters' },
  MKT_QUERY_TOO_LONG: { status: 400, zh: '搜索词不能超过 {max} 个字符（现有 {length} 个）', en: 'Search for at most {max} characters (this has {length})' },
  MKT_PRICE_UNIT: {
    status: 400,
    zh: '金额单位“{unit}”无法识别：应为 万元、元 或 面议',
    en: 'Unknown unit "{unit}": use ten thousand yuan, yuan or negotiable',
  },
  MKT_AMOUNT_MISSING: { status: 400, zh: '请填写金额，或选择“面议”', en: 'Give an amount, or choose negotiable' },
  MKT_BUDGET_REVERSED: { status: 400, zh: '预算上限低于下限', en: 'The budget’s maximum is below its minimum' },
  MKT_STATUS: { status: 409, zh: '该{kindZh}当前状态下不能执行此操作', en: 'The {kindEn} cannot do this in its present status' },
  MKT_REASON_REQUIRED: { status: 400, zh: '请填写原因', en: 'Give a reason' },
  MKT_OWNER_REQUIRED: { status: 400, zh: '请指定所属{ownerZh}', en: 'Name the {ownerEn} it belongs to' },
  MKT_OWNER_UNKNOWN: { status: 404, zh: '所属{ownerZh}不存在', en: 'No such {ownerEn}' },
  MKT_FIELD_REQUIRED: { status: 400, zh: '请填写{labelZh}', en: 'Give the {labelEn}' },
  MKT_INSTITUTE_TAKEN: { status: 409, zh: '机构“{name}”已登记', en: 'The institute "{name}" is already registered' },
  MKT_INSTITUTE_NOT_FOUND: { status: 404, zh: '机构不存在', en: 'No such institute' },
  MKT_MATCH_NOT_FOUND: { status: 404, zh: '匹配不存在或您无权查看', en: 'No such match that you may see' },
  MKT_NOT_A_SIDE: { status: 403, zh: '只有需求方和供给方可以评价匹配', en: 'Only the two sides of a match may rate it' },
  MKT_LEAD_EXISTS: { status: 409, zh: '该匹配已由经纪人{broker}跟进', en: 'The broker {broker} already follows this match up' },
  MKT_LEAD_NOT_FOUND: { status: 404, zh: '跟进记录不存在或您无权查看', en: 'No such lead that you may see' },
  MKT_LEAD_MOVE: { status: 409, zh: '跟进状态不能从“{fromZh}”改为“{toZh}”', en: 'A lead cannot move from {fromEn} to {toEn}' },
  MKT_NOT_LEAD_BROKER: { status: 403, zh: '只有负责该跟进的经纪人或科技局可以修改', en: 'Only the lead’s broker or the bureau may change it' },
  MKT_BROKER_REQUIRED: { status: 400, zh: '请指定负责跟进的技术经纪人', en: 'Name the broker who follows it up' },
  MKT_BROKER_UNKNOWN: { status: 404, zh: '技术经纪人不存在或未发布', en: 'No such published broker' },
  MKT_CONTRACT_UNKNOWN: { status: 404, zh: '技术合同（编号 {id}）不存在', en: 'No technology contract numbered {id}' },
  MKT_EVENT_NOT_FOUND: { status: 404, zh: '活动不存在或您无权查看', en: 'No such event that you may see' },
  MKT_EVENT_STATUS: { status: 409, zh: '活动当前状态为“{statusZh}”，不能{actionZh}', en: 'The event is {statusEn}: it cannot {actionEn}' },
  MKT_EVENT_MOVE: { status: 409, zh: '活动状态不能从“{fromZh}”改为“{toZh}”', en: 'An event cannot move from {fromEn} to {toEn}' },
  MKT_EVENT_DUPLICATE: { status: 409, zh: '{date} 已有活动“{title}”', en: 'An event "{title}" on {date} already exists' },
  MKT_SIGNED_UP: { status: 409, zh: '您已报名该活动', en: 'You have signed up for this event already' },
  MKT_SIGNUP_NOT_FOUND: { status: 404, zh: '报名记录不存在或您无权取消', en: 'No such sign-up that you may cancel' },
  MKT_LISTING_UNPUBLISHED: {
    status: 400,
    zh: '{kindZh}（编号 {id}）不存在或未发布，不能加入活动',
    en: 'No published {kindEn} numbered {id} to attach to the event',
  },
  MKT_LISTING_ATTACHED: { status: 409, zh: '该{kindZh}已加入本活动', en: 'This {kindEn} is attached to the event already' },
  MKT_LOT_PRICE_REQUIRED: { status: 400, zh: '拍卖标的须填写起拍价（万元）', en: 'An auction lot needs its start price (ten thousand yuan)' },
  MKT_LOT_NOT_FOUND: { status: 404, zh: '本活动没有编号为 {id} 的标的', en: 'The event has no lot numbered {id}' },
  MKT_FINAL_PRICE_REQUIRED: { status: 400, zh: '成交的标的须填写成交价', en: 'A sold lot needs its final price' },
};

export const marketError = errorsOf(MARKET_ERRORS);
