/** Small pieces the market's pages share: a status tag, a price or budget in words, a listing's link. */
import { Tag } from 'antd';
import { Link } from 'react-router-dom';
import type { TFunction } from '@kechuang/platform-web';
import type { Listing, ListingKind, ListingStatus } from '../types.ts';

const STATUS_COLOR: Record<ListingStatus, string> = { draft: 'default', pending: 'processing', published: 'success', returned: 'warning', takenDown: 'error' };

export function StatusTag({ status, t }: { status: ListingStatus; t: TFunction }) {
  return (
    <Tag color={STATUS_COLOR[status]} data-testid="listing-status" data-status={status}>
      {t(`market.status.${status}`)}
    </Tag>
  );
}

export const listingPath = (kind: ListingKind, id: number) => `/market/${kind}/${id}`;

export function ListingLink({ kind, id, title }: { kind: ListingKind; id: number; title: string }) {
  return (
    <Link to={listingPath(kind, id)} data-testid="listing-link">
      {title}
    </Link>
  );
}

/** an achievement's asking price: 面议, an amount in 万元, or nothing */
export function priceText(t: TFunction, l: Pick<Listing, 'price' | 'priceNegotiable'>): string {
  if (l.priceNegotiable) return t('market.negotiable');
  return l.price === null || l.price === undefined ? '' : t('market.wan', { n: l.price });
}

/** a demand's budget: 面议 (no amounts), a range, an upper or a lower bound */
export function budgetText(t: TFunction, l: Pick<Listing, 'budgetMin' | 'budgetMax'>): string {
  const min = l.budgetMin ?? null;
  const max = l.budgetMax ?? null;
  if (min === null && max === null) return t('market.negotiable');
  if (min !== null && max !== null) return t('market.range', { min, max });
  return max !== null ? t('market.upTo', { max }) : t('market.from', { min: min! });
}
