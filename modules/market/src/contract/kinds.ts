/**
 * The market's listing kinds, statuses and choices, without zod: the server's schemas (market.ts) and the web
 * client both read them (the web app may not load zod as a value).
 */

/** the kinds of listing, as stored in listing_history.listing_kind and named in the API's paths */
export const LISTING_KINDS = ['achievement', 'demand', 'expert', 'broker', 'provider'] as const;
export type ListingKind = (typeof LISTING_KINDS)[number];

/** each kind's path under /api/market */
export const KIND_PATHS: Record<ListingKind, string> = {
  achievement: 'achievements',
  demand: 'demands',
  expert: 'experts',
  broker: 'brokers',
  provider: 'providers',
};

/** draft → pending → published; returned (from pending) and takenDown (from published) with the bureau's reason */
export const LISTING_STATUSES = ['draft', 'pending', 'published', 'returned', 'takenDown'] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];

/** 转让, 许可, 作价入股, 合作开发 */
export const TRANSFER_MODES = ['transfer', 'license', 'equity', 'jointDevelopment'] as const;
export type TransferMode = (typeof TRANSFER_MODES)[number];

export const INSTITUTE_KINDS = ['university', 'researchInstitute', 'industrialInstitute', 'laboratory', 'other'] as const;
export type InstituteKind = (typeof INSTITUTE_KINDS)[number];

/** 检验检测, 知识产权, 技术评估, 咨询, 中试, 科技金融, 其他 */
export const PROVIDER_KINDS = ['testing', 'intellectualProperty', 'evaluation', 'consulting', 'pilot', 'finance', 'other'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

/** 技术经纪人: a licence (技术经纪人证书) or a training certificate (培训合格证书) */
export const CERTIFICATE_KINDS = ['licence', 'training'] as const;

/** the fields the matching engine knows (data/synonyms.txt's 领域 lines, by their shown names) */
export const MARKET_FIELDS = ['新能源', '新材料', '高端装备', '节能环保', '石油化工', '电子信息', '生物医药'] as const;

/** the units a price or a budget may be written in: 万元, 元, or 面议 (negotiable, no amount) */
export const PRICE_UNITS = ['万元', '元', '面议'] as const;

/** a search text: at least this many characters, at most this many */
export const QUERY_MIN = 2;
export const QUERY_MAX = 200;

/** the bureau's actions on a listing and the owner's submission */
export const LISTING_ACTIONS = ['create', 'update', 'submit', 'approve', 'return', 'takeDown'] as const;
export type ListingAction = (typeof LISTING_ACTIONS)[number];
