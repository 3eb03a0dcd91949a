import { useId } from 'react';
import { NativeSelect, NumberInput, Stack, Switch, Table, Text } from '@mantine/core';
import { channelsFor, stepNames } from '../../../shared/reminders/ladder';
import { channelLabels, stepTitle, whenWords } from '../../components/reminder-words';
import { rowIssues, type LadderDraft, type LadderDraftStep } from './ladder-draft';

/**
 * A reminder ladder to edit, one step a row: when it comes, how it goes, whether it is used,
 * and whether it may go by itself. Calls and decisions are always the owner's to make.
 */
export function LadderTable(props: {
  label: string;
  ladder: LadderDraft;
  /** A form's errors, by the API's field paths (`ladder.3.days`). */
  errors: Record<string, unknown>;
  /** Where the ladder sits in those paths. */
  path?: string;
  onChange: (index: number, patch: Partial<LadderDraftStep>) => void;
}) {
  const path = props.path ?? 'ladder';
  return (
    <Table.ScrollContainer minWidth={620}>
      <Table aria-label={props.label} verticalSpacing="sm" className="ladder-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Step</Table.Th>
            <Table.Th>Days</Table.Th>
            <Table.Th>Sent as</Table.Th>
            <Table.Th>In use</Table.Th>
            <Table.Th>Autopilot</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.ladder.map((step, index) => (
            <LadderRow
              key={step.key}
              step={step}
              issues={rowIssues(props.errors, path, index)}
              onChange={(patch) => props.onChange(index, patch)}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function LadderRow(props: {
  step: LadderDraftStep;
  issues: Record<string, string>;
  onChange: (patch: Partial<LadderDraftStep>) => void;
}) {
  const { step, issues } = props;
  const name = stepNames[step.key];
  const channels = channelsFor(step.key);
  const ownersOnly = step.channel === 'call' || step.channel === 'decision';
  // Every message of the row goes under the step's name, where there is room to read it; the
  // fields at fault are marked red and point to it.
  const problems = [...new Set(Object.values(issues))];
  const problemId = useId();
  const describedBy = problems.length > 0 ? problemId : undefined;
  return (
    <Table.Tr data-step={step.key} data-off={step.enabled ? undefined : ''}>
      <Table.Td>
        <Stack gap={2}>
          <Text fz="sm" fw={500}>
            {stepTitle(step.key)}
          </Text>
          <Text fz="xs" c="dimmed">
            {typeof step.days === 'number' ? whenWords(step.days) : 'Days from the due date'}
          </Text>
          {problems.length > 0 && (
            <Text fz="xs" c="red" role="alert" id={problemId}>
              {problems.join(' ')}
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td className="ladder-days">
        <NumberInput
          aria-label={`Days for the ${name}`}
          allowDecimal={false}
          size="sm"
          value={step.days}
          error={issues.days !== undefined}
          aria-describedby={issues.days ? describedBy : undefined}
          onChange={(days) => props.onChange({ days })}
        />
      </Table.Td>
      <Table.Td>
        {channels.length > 1 ? (
          <NativeSelect
            aria-label={`How the ${name} is sent`}
            size="sm"
            data={channels.map((channel) => ({ value: channel, label: channelLabels[channel] }))}
            value={step.channel}
            error={issues.channel !== undefined}
            aria-describedby={issues.channel ? describedBy : undefined}
            onChange={(event) =>
              props.onChange({ channel: event.currentTarget.value as LadderDraftStep['channel'] })
            }
          />
        ) : (
          <Text fz="sm">{channelLabels[step.channel]}</Text>
        )}
      </Table.Td>
      <Table.Td>
        <Switch
          aria-label={`Use the ${name}`}
          checked={step.enabled}
          onChange={(event) => props.onChange({ enabled: event.currentTarget.checked })}
        />
      </Table.Td>
      <Table.Td>
        {ownersOnly ? (
          <Text fz="xs" c="dimmed">
            Always yours
          </Text>
        ) : (
          <Switch
            aria-label={`Autopilot for the ${name}`}
            checked={step.autopilot}
            onChange={(event) => props.onChange({ autopilot: event.currentTarget.checked })}
          />
        )}
      </Table.Td>
    </Table.Tr>
  );
}
