import { Alert, Group, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Occasion } from '../../../shared/letters/occasions';
import type { QueueItem } from '../../../shared/reminders/queue';
import { call } from '../../api';
import { AppLink } from '../../components/AppLink';
import { DocumentButtons } from '../../components/DocumentButtons';
import { LetterView } from '../../components/LetterView';
import { FormProblem } from '../../components/SaveBar';
import { FindingList, ToneGauges } from '../../components/ToneReportView';
import type { CheckedLetter } from './letter-check';
import classes from './Today.module.css';

type Shown =
  | { status: 'loading' }
  | { status: 'ready'; letter: CheckedLetter }
  | { status: 'failed'; message: string };

/** The letter a row would send, as the customer will read it, with its tone and a PDF to print. */
export function RowLetter(props: {
  id: string;
  item: QueueItem;
  itemId: number;
  occasion: Occasion;
  check: (item: QueueItem & { id: number }, occasion: Occasion) => Promise<CheckedLetter>;
}) {
  const { item, itemId, occasion, check } = props;
  const [shown, setShown] = useState<Shown>({ status: 'loading' });
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    check({ ...item, id: itemId }, occasion).then(
      (letter) => live && setShown({ status: 'ready', letter }),
      (error: unknown) => live && setShown({ status: 'failed', message: (error as Error).message }),
    );
    return () => {
      live = false;
    };
  }, [check, item, itemId, occasion]);

  return (
    <div id={props.id} className={classes.letter}>
      {shown.status === 'loading' && (
        <Group gap="xs">
          <Loader size="xs" aria-label="Drafting the letter" />
          <Text fz="sm" c="dimmed">
            Drafting the letter…
          </Text>
        </Group>
      )}
      {shown.status === 'failed' && (
        <Alert color="orange" title="This letter cannot be drafted yet" role="alert">
          {shown.message}
        </Alert>
      )}
      {shown.status === 'ready' && (
        <Stack gap="sm">
          <LetterView
            label={`Letter to ${item.customerName}`}
            subject={shown.letter.draft.subject}
            text={shown.letter.draft.text}
          />
          <ToneGauges report={shown.letter.tone} checking={false} />
          {shown.letter.tone.findings.length > 0 && (
            <FindingList findings={shown.letter.tone.findings} />
          )}
          {problem && <FormProblem onClose={() => setProblem(null)}>{problem}</FormProblem>}
          <Group gap="xs" justify="space-between">
            <Group gap="xs">
              <DocumentButtons
                size="compact-sm"
                load={() => call('letters.pdf', { customerId: item.customerId, occasion, itemId })}
                onProblem={setProblem}
                openLabel="Print letter"
                saveLabel="Save as PDF"
              />
            </Group>
            <AppLink to={{ screen: 'letter', occasion }} fz="sm">
              Edit the wording for every customer
            </AppLink>
          </Group>
        </Stack>
      )}
    </div>
  );
}
