-- Technology contract registration (技术合同认定登记, modules/tech-contracts): each contract submitted by its
-- seller side (or entered by the register clerk), its two amounts in yuan — 合同成交额 (contract_amount) and
-- 技术交易额 (tech_amount: the total less the itemised non-technical parts, the subject's carriers kept) — the
-- rules version it was judged under (by signing date), its status and clock, the income received by instalment,
-- and every change with its reason. Only registered contracts count in the statistics and the indicator.

create table tech_contracts (
  id bigint generated always as identity primary key,
  -- 登记编号, given when registered (or imported with a registered contract)
  registration_no text unique,
  -- the parties' own contract number, and its name
  contract_no text,
  title text not null check (length(title) between 1 and 300),
  type text not null check (type in ('development', 'transfer', 'licence', 'consulting', 'service')),
  subtype text not null,
  rules_version text not null check (rules_version in ('2001', '2026')),
  signed_on date not null,
  -- seller (卖方: 研究开发人, 让与人, 许可人, 受托人 …) and buyer; location: in the district, elsewhere in China, abroad
  seller_name text not null check (length(seller_name) between 1 and 200),
  seller_uscc text,
  seller_location text not null check (seller_location in ('district', 'domestic', 'abroad')),
  seller_region_code text references regions (code),
  seller_enterprise_id bigint references enterprises (id) on delete set null,
  buyer_name text not null check (length(buyer_name) between 1 and 200),
  buyer_uscc text,
  buyer_location text not null check (buyer_location in ('district', 'domestic', 'abroad')),
  buyer_region_code text references regions (code),
  buyer_enterprise_id bigint references enterprises (id) on delete set null,
  contract_amount numeric(16, 2) not null check (contract_amount >= 0),
  tech_amount numeric(16, 2) not null check (tech_amount >= 0),
  -- [{kind: equipment|materials|parts|other, name, amount, quantity, carrier}]: carrier = the subject's carrier, not deducted
  non_technical jsonb not null default '[]' check (jsonb_typeof(non_technical) = 'array'),
  field text not null,
  chain_tag text,
  status text not null default 'submitted' check (status in ('submitted', 'registered', 'refused', 'returned', 'deregistered')),
  refusal_ground text,
  status_note text,
  submitted_on date not null,
  registered_on date,
  deadline date not null,
  -- a large contract under the 2026 rules: the provincial expert review and its longer clock
  is_large boolean not null default false,
  clerk_id bigint references users (id),
  created_by bigint references users (id),
  import_run_id bigint,
  is_synthetic boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint tech_contracts_tech_within_total check (tech_amount <= contract_amount),
  constraint tech_contracts_parties_differ check (
    seller_name <> buyer_name and (seller_uscc is null or buyer_uscc is null or seller_uscc <> buyer_uscc)
    and (seller_enterprise_id is null or buyer_enterprise_id is null or seller_enterprise_id <> buyer_enterprise_id)
  ),
  constraint tech_contracts_refusal_ground check ((status = 'refused') = (refusal_ground is not null)),
  constraint tech_contracts_registered check (status not in ('registered', 'deregistered') or (registered_on is not null and registration_no is not null)),
  constraint tech_contracts_district_region check (
    (seller_location <> 'district' or seller_region_code is not null) and (buyer_location <> 'district' or buyer_region_code is not null)
  )
);
create index tech_contracts_status_idx on tech_contracts (status, deadline);
create index tech_contracts_signed_idx on tech_contracts (signed_on);
create index tech_contracts_seller_region_idx on tech_contracts (seller_region_code);
create index tech_contracts_buyer_region_idx on tech_contracts (buyer_region_code);
create index tech_contracts_seller_uscc_idx on tech_contracts (seller_uscc);

create table tech_contract_instalments (
  id bigint generated always as identity primary key,
  contract_id bigint not null references tech_contracts (id) on delete cascade,
  received_on date not null,
  amount numeric(16, 2) not null check (amount >= 0),
  note text,
  created_by bigint references users (id),
  created_at timestamptz not null default now()
);
create index tech_contract_instalments_contract_idx on tech_contract_instalments (contract_id, received_on);

-- every change of a contract: submission, the clerk's decisions, corrections of amounts, with before/after, who and why
create table tech_contract_history (
  id bigint generated always as identity primary key,
  contract_id bigint not null references tech_contracts (id) on delete cascade,
  action text not null,
  before jsonb,
  after jsonb,
  reason text,
  user_id bigint references users (id),
  username text not null,
  at timestamptz not null default now()
);
create index tech_contract_history_contract_idx on tech_contract_history (contract_id, at);
