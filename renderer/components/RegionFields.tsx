import { Select } from '@mantine/core';
import { useMemo } from 'react';
import { supportedLocales } from '../../shared/locales';
import type { SettingsForm } from './settings-form';

function timeZoneOptions(current: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes(current) ? zones : [current, ...zones];
}

export function RegionFields({ form }: { form: SettingsForm }) {
  const timeZone = form.getValues().timeZone;
  const zones = useMemo(() => timeZoneOptions(timeZone), [timeZone]);
  return (
    <div className="two-columns">
      <Select
        label="Language and region"
        description="How dates and amounts are written."
        data={supportedLocales.map((locale) => ({ value: locale.code, label: locale.label }))}
        allowDeselect={false}
        withAsterisk
        {...form.getInputProps('locale')}
      />
      <Select
        label="Time zone"
        description={'When your day starts: "today", due dates, contact hours.'}
        data={zones}
        searchable
        allowDeselect={false}
        nothingFoundMessage="No time zone by that name"
        withAsterisk
        {...form.getInputProps('timeZone')}
      />
    </div>
  );
}
