import { Select } from '@mantine/core';
import { texts } from '../texts';
import type { AgencyRef } from '../api-types';

/** Pick one agency outside the school, named with its kind. */
export function AgencySelect({
  label,
  placeholder,
  agencies,
  value,
  onChange,
  loading,
}: {
  label: string;
  placeholder: string;
  agencies: AgencyRef[];
  value: string | null;
  onChange(value: string | null): void;
  loading?: boolean;
}) {
  return (
    <Select
      label={label}
      placeholder={placeholder}
      required
      disabled={loading}
      data={agencies.map((a) => ({
        value: a.id,
        label: `${a.name} (${texts.triage.agencyType[a.type] ?? a.type})`,
      }))}
      value={value}
      onChange={onChange}
      maw={420}
    />
  );
}
