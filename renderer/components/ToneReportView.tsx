import { Badge, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import {
  toneCategoryLabels,
  type ReadingLevel,
  type ToneFinding,
  type ToneReport,
  type ToneSeverity,
} from '../../shared/letters/tone';
import { targetGrade } from '../../shared/letters/tone/score';
import { useFormat } from '../format';
import classes from './Tone.module.css';

const severityWords: Record<ToneSeverity, { label: string; color: string }> = {
  high: { label: 'Rewrite this', color: 'red' },
  medium: { label: 'Harsh', color: 'orange' },
  low: { label: 'Hint', color: 'yellow' },
};

/** The score in a word, for people who do not think in numbers. */
export function scoreWords(score: number): string {
  if (score >= 90) return 'Kind and clear';
  if (score >= 70) return 'Mostly kind';
  if (score >= 40) return 'Could be gentler';
  return 'Reads as harsh';
}

/** Flesch's own bands, in plain words. */
export function readingWords(reading: ReadingLevel): string {
  const ease = reading.fleschReadingEase;
  if (ease >= 80) return 'Easy to read';
  if (ease >= 60) return 'Plain English';
  if (ease >= 50) return 'Fairly hard to read';
  return 'Hard to read';
}

/** Tone and reading level side by side. */
export function ToneGauges(props: { report: ToneReport | null; checking: boolean }) {
  const format = useFormat();
  const { report } = props;
  if (!report) {
    return (
      <Group gap="xs">
        <Loader size="xs" aria-label="Checking the tone" />
        <Text fz="sm" c="dimmed">
          Checking the tone…
        </Text>
      </Group>
    );
  }
  const grade = Math.max(0, Math.round(report.readingLevel.grade));
  return (
    <div className={classes.gauges} aria-label="Tone and reading level" role="group">
      <div className={classes.gauge}>
        <Text fz="xs" c="dimmed">
          Tone
        </Text>
        <div className={classes.gaugeFigure}>
          {format.number(report.score)}
          <Text span fz="sm" c="dimmed" fw={400}>
            {' '}
            / 100
          </Text>
        </div>
        <Text fz="xs">{scoreWords(report.score)}</Text>
      </div>
      <div className={classes.gauge}>
        <Text fz="xs" c="dimmed">
          Reading ease
        </Text>
        <div className={classes.gaugeFigure}>
          {format.number(Math.round(report.readingLevel.fleschReadingEase))}
        </div>
        <Text fz="xs">
          {readingWords(report.readingLevel)} · grade {format.number(grade)}
          {grade > targetGrade ? ` (aim for ${targetGrade} or below)` : ''}
        </Text>
      </div>
    </div>
  );
}

/** What Apply would do, when it is more than putting the suggestion in. */
export interface FindingAction {
  /** What Apply does, after the suggestion: "becomes “Pay now”", "leaves the sentence out". */
  effect?: string;
  apply: () => void;
}

/**
 * Each finding: its words, what kind of harshness, why it reads badly and gentler wording,
 * with an Apply button where the owner can edit the text.
 */
export function FindingList(props: {
  findings: readonly ToneFinding[];
  /** Where a finding sits when the letter has more than one field ("Subject"). */
  placeOf?: (finding: ToneFinding) => string | null;
  actionFor?: (finding: ToneFinding) => FindingAction | null;
  onPoint?: (finding: ToneFinding | null) => void;
  label?: string;
}) {
  if (props.findings.length === 0) {
    return (
      <Group gap={6} c="teal.8">
        <IconCheck size={16} />
        <Text fz="sm">Nothing harsh found. It reads kindly.</Text>
      </Group>
    );
  }
  return (
    <ul className={classes.findings} aria-label={props.label ?? 'Tone findings'}>
      {props.findings.map((finding) => {
        const severity = severityWords[finding.severity];
        const action = props.actionFor?.(finding) ?? null;
        const place = props.placeOf?.(finding);
        return (
          <li
            key={`${finding.start}-${finding.ruleId}`}
            className={classes.finding}
            data-severity={finding.severity}
            aria-label={`${toneCategoryLabels[finding.category]}: ${finding.text}`}
            onMouseEnter={() => props.onPoint?.(finding)}
            onMouseLeave={() => props.onPoint?.(null)}
            onFocus={() => props.onPoint?.(finding)}
            onBlur={() => props.onPoint?.(null)}
          >
            <Stack gap={6}>
              <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
                <Stack gap={2} miw={0}>
                  <Group gap="xs" wrap="wrap">
                    <Badge tt="none" variant="light" color={severity.color} radius="sm">
                      {severity.label}
                    </Badge>
                    <Text fz="sm" fw={600}>
                      {toneCategoryLabels[finding.category]}
                    </Text>
                    {place && (
                      <Text span fz="xs" c="dimmed">
                        in the {place}
                      </Text>
                    )}
                  </Group>
                  <Text className={classes.quote}>“{finding.text}”</Text>
                </Stack>
                {action && (
                  <Button
                    size="compact-sm"
                    variant="light"
                    className={classes.apply}
                    onClick={action.apply}
                  >
                    Apply
                  </Button>
                )}
              </Group>
              <Text fz="sm" c="gray.7">
                {finding.why}
              </Text>
              <p className={classes.suggestion}>
                <Text span fz="xs" fw={600} c="teal.9">
                  Try:{' '}
                </Text>
                {finding.suggestion}
                {action?.effect && (
                  <Text span fz="xs" c="dimmed">
                    {' '}
                    (Apply {action.effect})
                  </Text>
                )}
              </p>
            </Stack>
          </li>
        );
      })}
    </ul>
  );
}
