import { Group, Stack, Text, Title } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { useCallback } from 'react';
import type { TemplateSummary } from '../../../shared/api/letters';
import {
  isHardshipPlanOccasion,
  occasionForStep,
  type Occasion,
} from '../../../shared/letters/occasions';
import { ladderStepKeys, occasionKeys } from '../../../shared/reminders/ladder';
import { PageHeader } from '../../components/PageHeader';
import { StillLoading } from '../../components/StillLoading';
import { useFormat } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { pathOf, useNavigate } from '../../router';
import { call } from '../../api';
import { StatusBadge } from './LetterEditorScreen';
import classes from './Letters.module.css';

/** The occasions the reminder steps write for, in the ladder's order. */
const stepOccasions = new Set<Occasion>(
  [...ladderStepKeys, ...occasionKeys].flatMap((step) => occasionForStep(step) ?? []),
);

/** Every letter Goodwill writes, each with its own words: the reminder steps, then the rest. */
export function LettersScreen() {
  const load = useCallback(() => call('letters.templates'), []);
  const templates = useLoad(load);
  const header = (
    <PageHeader
      title="Letters"
      description="The words Goodwill uses for each occasion. Edit any of them; each is checked for a kind tone as you write."
    />
  );
  if (!templates.value) {
    return (
      <StillLoading
        top={header}
        error={templates.error}
        onRetry={templates.reload}
        what="the letters"
      />
    );
  }
  const list = templates.value;
  return (
    <Stack className="screen" gap="lg">
      {header}
      <OccasionList
        title="Reminder steps"
        description="Sent from your Today list as invoices fall overdue."
        templates={list.filter((t) => stepOccasions.has(t.occasion))}
      />
      <OccasionList
        title="Other moments"
        description="Promises, plans, disputes, hardship and statements."
        templates={list.filter(
          (t) => !stepOccasions.has(t.occasion) && !isHardshipPlanOccasion(t.occasion),
        )}
      />
      <OccasionList
        title="Hardship plans"
        description="For a plan marked hardship, these go instead of the usual plan letters: no pressure, a pause or smaller payments on offer, and free advice."
        templates={list.filter((t) => isHardshipPlanOccasion(t.occasion))}
      />
    </Stack>
  );
}

function OccasionList(props: { title: string; description: string; templates: TemplateSummary[] }) {
  const navigate = useNavigate();
  const format = useFormat();
  const titleId = `letters-${props.title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <section aria-labelledby={titleId}>
      <Title order={2} size="h4" id={titleId}>
        {props.title}
      </Title>
      <Text fz="sm" c="dimmed" mb="xs">
        {props.description}
      </Text>
      <ul className={classes.occasions} aria-labelledby={titleId}>
        {props.templates.map((template) => {
          const route = { screen: 'letter', occasion: template.occasion } as const;
          return (
            <li key={template.occasion}>
              <a
                className={classes.occasion}
                href={pathOf(route)}
                onClick={(event) => {
                  if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0)
                    return;
                  event.preventDefault();
                  navigate(route);
                }}
              >
                <Stack gap={0} miw={0}>
                  <Text fw={600}>{template.name}</Text>
                  {template.customised && template.updatedAt && (
                    <Text fz="xs" c="dimmed">
                      Edited {format.instant(template.updatedAt)}
                    </Text>
                  )}
                </Stack>
                <Group gap="sm" wrap="nowrap">
                  <StatusBadge detail={template} />
                  <IconChevronRight size={18} stroke={1.5} />
                </Group>
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
