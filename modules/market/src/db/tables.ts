/**
 * The tables this room owns and alone names in SQL (migrations/0017; matches and leads: 0020; events: 0021). Other rooms' records are reached through
 * their exports: an enterprise's name and region through its bound kind's registration, the demo enterprises
 * through the registry's registryFigures.
 */
export const TABLES = [
  'institutes',
  'achievements',
  'demands',
  'experts',
  'brokers',
  'service_providers',
  'listing_history',
  'market_matches',
  'market_leads',
  'market_lead_history',
  'market_events',
  'market_event_listings',
  'market_event_signups',
] as const;
