/** Period, region and indicator pickers; their value lives in the URL so views can be linked and reloaded. */
import { useCallback } from 'react';
import { Select } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useCurrentUser, useLang, useT, useUnits } from '@kechuang/platform-web';
import { useCatalogue, usePeriods } from '../api.ts';
import { indicatorName } from '../format.ts';

/** one search parameter as state; setting it keeps the others */
export function useSearchParam(name: string): [string | undefined, (value: string | undefined) => void] {
  const [params, setParams] = useSearchParams();
  const value = params.get(name) ?? undefined;
  const set = useCallback(
    (next: string | undefined) =>
      setParams(
        (prev) => {
          const p = new URLSearchParams(prev);
          if (next) p.set(name, next);
          else p.delete(name);
          return p;
        },
        { replace: true },
      ),
    [name, setParams],
  );
  return [value, set];
}

/** the chosen period, or the one the pages open on (the newest well covered with actuals) */
export function usePeriodParam(): [string | undefined, (p: string | undefined) => void] {
  const [period, setPeriod] = useSearchParam('period');
  const periods = usePeriods();
  return [period ?? periods.data?.default ?? periods.data?.items[0], setPeriod];
}

/** the chosen region, or the user's own (the district for the bureau, the town for its officer) */
export function useRegionParam(): [string, (r: string | undefined) => void] {
  const user = useCurrentUser();
  const [region, setRegion] = useSearchParam('region');
  return [region ?? user.scope.regionCode, setRegion];
}

export function PeriodSelect({ value, onChange }: { value?: string; onChange: (p: string) => void }) {
  const t = useT();
  const periods = usePeriods();
  return (
    <Select
      style={{ width: 120 }}
      value={value}
      onChange={onChange}
      loading={periods.isLoading}
      prefix={t('ind.field.period')}
      options={(periods.data?.items ?? []).map((p) => ({ value: p, label: p }))}
      data-testid="period-select"
    />
  );
}

interface RegionSelectProps {
  value?: string;
  onChange?: (region: string) => void;
  /** px; undefined fills the container (in forms) */
  width?: number;
  allowClear?: boolean;
  placeholder?: string;
  disabled?: boolean;
  /** on pages: no picker when the user has only their own town to choose */
  hideWhenSingle?: boolean;
}

export function RegionSelect({ value, onChange, width, allowClear, placeholder, disabled, hideWhenSingle }: RegionSelectProps) {
  const t = useT();
  const units = useUnits();
  const user = useCurrentUser();
  const district = units.data?.district;
  // a town officer sees only their own town; the district total is the bureau's
  const isDistrictVisible = !!district && user.scope.regionCode === district.code;
  const options = [
    ...(isDistrictVisible ? [{ value: district.code, label: t('ind.region.districtTotal', { name: district.name }) }] : []),
    ...(units.data?.units ?? []).map((u) => ({ value: u.code, label: u.name })),
  ];
  if (hideWhenSingle && options.length === 1 && (value === undefined || options[0].value === value)) return null;
  return (
    <Select
      style={{ width: width ?? '100%' }}
      value={value}
      onChange={onChange}
      disabled={disabled}
      allowClear={allowClear}
      placeholder={placeholder}
      loading={units.isLoading}
      showSearch={{ optionFilterProp: 'label' }}
      prefix={placeholder ? undefined : t('ind.field.region')}
      options={options}
      data-testid="region-select"
    />
  );
}

interface IndicatorSelectProps {
  value?: string;
  onChange?: (code: string | undefined) => void;
  /** px; undefined fills the container (in forms) */
  width?: number;
  allowClear?: boolean;
  placeholder?: string;
  disabled?: boolean;
}

export function IndicatorSelect({ value, onChange, allowClear, placeholder, width, disabled }: IndicatorSelectProps) {
  const t = useT();
  const lang = useLang();
  const catalogue = useCatalogue();
  const items = catalogue.data?.items ?? [];
  const categories = [...new Set(items.map((i) => i.category))];
  return (
    <Select
      style={{ width: width ?? '100%' }}
      value={value}
      disabled={disabled}
      onChange={(v?: string) => onChange?.(v)}
      allowClear={allowClear}
      placeholder={placeholder ?? t('ind.field.indicator')}
      loading={catalogue.isLoading}
      showSearch={{ optionFilterProp: 'label' }}
      options={categories.map((c) => ({
        label: c,
        title: c,
        options: items.filter((i) => i.category === c).map((i) => ({ value: i.code, label: `${indicatorName(i, lang)}${i.isHeadline ? ' ★' : ''}` })),
      }))}
      data-testid="indicator-select"
    />
  );
}
