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
  error,
}: {
  label: string;
  placeholder: string;
  agencies: AgencyRef[];
  value: string | null;
  onChange(value: string | null): void;
  loading?: boolean;
  /** The field's error in words (Mantine links it with aria-describedby and sets aria-invalid). */
  error?: string;
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
      error={error}
      maw={420}
    />
  );
}
