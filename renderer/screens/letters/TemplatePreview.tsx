import { Alert, Button, Group, Loader, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconRefresh } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { LetterDraft } from '../../../shared/api/letters';
import type { Occasion } from '../../../shared/letters/occasions';
import { call } from '../../api';
import { LetterView } from '../../components/LetterView';
import { useLoad } from '../../hooks/useLoad';

/** How long the text stays still before the preview is drawn again. */
const previewDelay = 700;

type Outcome = { ok: true; draft: LetterDraft } | { ok: false; message: string };

/**
 * The template as it stands, unsaved edits and all, filled in for a real customer: their name,
 * their invoices, their amounts. Drawn again as the owner pauses typing, or on request.
 */
export function TemplatePreview(props: { occasion: Occasion; subject: string; body: string }) {
  const loadCustomers = useCallback(() => call('customers.list', {}), []);
  const customers = useLoad(loadCustomers);
  // Customers who owe something first: a reminder drafted for them shows real invoices.
  const options = useMemo(() => {
    const list = customers.value ?? [];
    const owing = (c: (typeof list)[number]) => c.balances.some((balance) => balance.open > 0);
    return [...list.filter(owing), ...list.filter((c) => !owing(c))].map((c) => ({
      value: String(c.id),
      label: c.name,
    }));
  }, [customers.value]);
  const [picked, setPicked] = useState<string | null>(null);
  const customerId = picked ?? options[0]?.value ?? null;

  const [subject] = useDebouncedValue(props.subject, previewDelay);
  const [body] = useDebouncedValue(props.body, previewDelay);
  const [attempt, setAttempt] = useState(0);
  // The last answer, and what it was asked for: while a newer one is on its way, the old
  // letter stays on screen.
  const [drawn, setDrawn] = useState<{ asked: string; outcome: Outcome } | null>(null);
  const asked = JSON.stringify([customerId, subject, body, attempt]);

  useEffect(() => {
    if (customerId === null) return;
    let live = true;
    call('letters.draft', {
      customerId: Number(customerId),
      occasion: props.occasion,
      subject,
      body,
    }).then(
      (draft) => live && setDrawn({ asked, outcome: { ok: true, draft } }),
      (error: unknown) =>
        live && setDrawn({ asked, outcome: { ok: false, message: (error as Error).message } }),
    );
    return () => {
      live = false;
    };
  }, [customerId, props.occasion, subject, body, asked]);

  const behind = subject !== props.subject || body !== props.body || drawn?.asked !== asked;
  const outcome = drawn?.outcome;
  return (
    <Stack gap="md">
      <Group align="flex-end" gap="sm">
        <Select
          label="Preview for"
          placeholder={customers.loading ? 'Loading…' : 'Choose a customer'}
          data={options}
          value={customerId}
          onChange={setPicked}
          searchable
          limit={50}
          allowDeselect={false}
          nothingFoundMessage="No customer by that name"
          miw={280}
        />
        <Button
          variant="default"
          leftSection={<IconRefresh size={16} />}
          disabled={customerId === null}
          onClick={() => setAttempt((n) => n + 1)}
        >
          Refresh
        </Button>
        {behind && customerId !== null && <Loader size="xs" aria-label="Drawing the preview" />}
      </Group>
      {customers.value && options.length === 0 && (
        <Text c="dimmed" fz="sm">
          Add a customer to see the letter with their name, invoices and amounts.
        </Text>
      )}
      {outcome && !outcome.ok && (
        <Alert color="orange" title="This letter cannot be drawn for them yet" role="alert">
          {outcome.message}
        </Alert>
      )}
      {outcome?.ok && (
        <Stack gap="xs">
          <LetterView label="Preview" subject={outcome.draft.subject} text={outcome.draft.text} />
          {outcome.draft.invoiceNumbers.length > 0 && (
            <Text fz="xs" c="dimmed">
              About {outcome.draft.invoiceNumbers.length === 1 ? 'invoice' : 'invoices'}{' '}
              {outcome.draft.invoiceNumbers.join(', ')}
            </Text>
          )}
        </Stack>
      )}
    </Stack>
  );
}
