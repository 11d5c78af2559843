/** The market's API shapes for the web client: types only from the contract (the web app may not load zod), constants from kinds.ts. */
export type {
  HistoryEntry,
  Institute,
  Listing,
  ListingDetail,
  ListingPage,
  ListingSearch,
  ListingWrite,
  ListingPatch,
  MarketMe,
  MatchItem,
  Matches,
  QueueItem,
} from '../contract/market.ts';
export * from '../contract/kinds.ts';
