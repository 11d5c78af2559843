/** A town or park of the user's jurisdiction (a town officer has only their own, and sees no picker). */
import { Select } from 'antd';
import { useT, useUnits } from '@kechuang/platform-web';

interface UnitSelectProps {
  value?: string;
  onChange?: (code: string | undefined) => void;
  /** px; undefined fills the container (in forms) */
  width?: number;
  allowClear?: boolean;
  placeholder?: string;
  /** the district itself as a choice (enterprises registered at district level, the district's totals) */
  withDistrict?: boolean;
  /** on pages: no picker when there is only one unit to choose */
  hideWhenSingle?: boolean;
  testId?: string;
}

export function UnitSelect({ value, onChange, width, allowClear, placeholder, withDistrict, hideWhenSingle, testId }: UnitSelectProps) {
  const t = useT();
  const units = useUnits();
  const district = units.data?.district;
  const towns = units.data?.units ?? [];
  // the district is a choice only for those who see all of it
  const isWholeDistrict = !!district && towns.length > 1;
  const options = [
    ...(withDistrict && isWholeDistrict ? [{ value: district.code, label: t('ent.districtTotal', { name: district.name }) }] : []),
    ...towns.map((u) => ({ value: u.code, label: u.name })),
  ];
  if (hideWhenSingle && !units.isLoading && options.length <= 1) return null;
  return (
    <Select
      style={{ width: width ?? '100%' }}
      value={value}
      onChange={(v?: string) => onChange?.(v)}
      allowClear={allowClear}
      placeholder={placeholder ?? t('ent.field.region')}
      loading={units.isLoading}
      showSearch={{ optionFilterProp: 'label' }}
      options={options}
      data-testid={testId}
    />
  );
}
