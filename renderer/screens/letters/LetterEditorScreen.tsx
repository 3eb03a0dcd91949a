import { Alert, Badge, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useCallback, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { TemplateDetail } from '../../../shared/api/letters';
import type { ToneFinding } from '../../../shared/letters/tone';
import type { Occasion } from '../../../shared/letters/occasions';
import { blockNames, type VariableInfo } from '../../../shared/letters/variables';
import { ApiCallError, call } from '../../api';
import { useBusiness } from '../../business';
import { AppLink } from '../../components/AppLink';
import { PageHeader } from '../../components/PageHeader';
import { StillLoading } from '../../components/StillLoading';
import { FindingList, ToneGauges, type FindingAction } from '../../components/ToneReportView';
import { useFormat } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { useToneCheck } from '../../hooks/useToneCheck';
import { HighlightedTextarea } from './HighlightedTextarea';
import {
  applyEdit,
  selectionAfter,
  suggestedEdit,
  suggestionKind,
  tagFor,
  tagInsertion,
} from './letter-edit';
import classes from './Letters.module.css';
import { TemplatePreview } from './TemplatePreview';

type Field = 'subject' | 'body';

/** Between the subject and the body when the two are checked as one letter. */
const joiner = '\n\n';

/** One occasion's letter: its words, checked for tone as they are typed, and a preview. */
export function LetterEditorScreen({ occasion }: { occasion: Occasion }) {
  const load = useCallback(() => call('letters.template', { occasion }), [occasion]);
  const loaded = useLoad(load);
  const back = (
    <AppLink to={{ screen: 'letters' }} fz="sm">
      ← Letters
    </AppLink>
  );
  if (!loaded.value || loaded.value.occasion !== occasion) {
    return (
      <StillLoading
        top={back}
        error={loaded.error}
        onRetry={loaded.reload}
        what="this letter"
        wide
      />
    );
  }
  return <TemplateEditor initial={loaded.value} back={back} />;
}

function TemplateEditor(props: { initial: TemplateDetail; back: ReactNode }) {
  const business = useBusiness();
  const [detail, setDetail] = useState(props.initial);
  const [subject, setSubject] = useState(props.initial.subject);
  const [body, setBody] = useState(props.initial.body);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [outcome, setOutcome] = useState<{ kind: 'saved' | 'failed'; message: string } | null>(
    null,
  );
  const [busy, setBusy] = useState<'save' | 'reset' | null>(null);
  const [confirmingReset, setConfirmingReset] = useState(false);
  const [pointed, setPointed] = useState<ToneFinding | null>(null);

  const subjectRef = useRef<HTMLTextAreaElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  // Where a variable goes: the field last typed in, at its cursor.
  const lastField = useRef<Field>('body');
  const selections = useRef<Record<Field, { start: number; end: number }>>({
    subject: { start: subject.length, end: subject.length },
    body: { start: body.length, end: body.length },
  });
  // The selection to show once an edit has been drawn.
  const selectAfterEdit = useRef<{ field: Field; start: number; end: number } | null>(null);
  useLayoutEffect(() => {
    const pending = selectAfterEdit.current;
    if (!pending) return;
    selectAfterEdit.current = null;
    const input = (pending.field === 'subject' ? subjectRef : bodyRef).current;
    input?.focus();
    input?.setSelectionRange(pending.start, pending.end);
  });

  const dirty = subject !== detail.subject || body !== detail.body;
  const texts: Record<Field, string> = { subject, body };
  const setters: Record<Field, (value: string) => void> = {
    subject: (value) => {
      setSubject(value);
      setErrors((previous) => ({ ...previous, subject: undefined }));
    },
    body: (value) => {
      setBody(value);
      setErrors((previous) => ({ ...previous, body: undefined }));
    },
  };

  // One check over the whole letter, so the score and reading level are the letter's own.
  const tone = useToneCheck(subject + joiner + body, detail.occasion, business.locale);
  const bodyOffset = subject.length + joiner.length;
  const findings = tone.report?.findings ?? [];
  const fieldOf = (finding: ToneFinding): Field | null =>
    finding.end <= subject.length ? 'subject' : finding.start >= bodyOffset ? 'body' : null;
  const local = (finding: ToneFinding): ToneFinding => {
    const shift = fieldOf(finding) === 'body' ? bodyOffset : 0;
    return { ...finding, start: finding.start - shift, end: finding.end - shift };
  };
  const inField = (field: Field) => findings.filter((f) => fieldOf(f) === field).map(local);
  const activeIn = (field: Field) =>
    pointed && fieldOf(pointed) === field ? local(pointed) : null;

  const edit = (field: Field, change: { start: number; end: number; insert: string }) => {
    setters[field](applyEdit(texts[field], change));
    selectAfterEdit.current = { field, ...selectionAfter(change) };
  };

  const actionFor = (finding: ToneFinding): FindingAction | null => {
    const field = fieldOf(finding);
    if (!field) return null;
    const change = suggestedEdit(texts[field], local(finding));
    if (!change) return null;
    const kind = suggestionKind(finding);
    const effect =
      kind === 'case' || kind === 'stop'
        ? `becomes “${change.insert}”`
        : kind === 'remove'
          ? 'leaves the sentence out'
          : kind === 'removeWord'
            ? 'leaves the word out'
            : 'replaces the whole sentence';
    return {
      effect,
      apply: () => {
        setPointed(null);
        edit(field, change);
      },
    };
  };

  const insertVariable = (variable: VariableInfo) => {
    const field = lastField.current;
    const block = (blockNames as readonly string[]).includes(variable.name);
    edit(
      field,
      tagInsertion(
        texts[field],
        selections.current[field],
        tagFor(variable),
        block && field === 'body',
      ),
    );
  };

  const accept = (saved: TemplateDetail, message: string) => {
    setDetail(saved);
    setSubject(saved.subject);
    setBody(saved.body);
    setErrors({});
    setOutcome({ kind: 'saved', message });
  };

  const run = async (which: 'save' | 'reset') => {
    setBusy(which);
    setOutcome(null);
    try {
      if (which === 'reset') {
        setConfirmingReset(false);
        accept(
          await call('letters.resetTemplate', { occasion: detail.occasion }),
          'Back to Goodwill’s wording. Your earlier versions are kept below.',
        );
      } else {
        accept(
          await call('letters.saveTemplate', { occasion: detail.occasion, subject, body }),
          'Saved. Letters for this occasion use these words from now on.',
        );
      }
    } catch (error) {
      const field = error instanceof ApiCallError ? error.field : undefined;
      if (field === 'subject' || field === 'body') {
        setErrors({ [field]: (error as Error).message });
        setOutcome({ kind: 'failed', message: `Nothing was saved. Please look at the ${field}.` });
      } else {
        setOutcome({ kind: 'failed', message: (error as Error).message });
      }
    } finally {
      setBusy(null);
    }
  };

  const typed = (field: Field, value: string) => {
    lastField.current = field;
    setters[field](value);
  };
  const selected = (field: Field, selection: { start: number; end: number }) => {
    lastField.current = field;
    selections.current[field] = selection;
  };

  return (
    <Stack className="screen-wide" gap="lg">
      <PageHeader
        above={props.back}
        title={detail.name}
        description={
          <Group gap="xs">
            <StatusBadge detail={detail} />
            {dirty && (
              <Text span fz="sm" c="orange.8">
                Unsaved changes
              </Text>
            )}
          </Group>
        }
      />
      <div className={classes.layout}>
        <Stack gap="lg" miw={0}>
          <Paper withBorder p="lg" component="section" aria-label="Wording">
            <Stack gap="md">
              <HighlightedTextarea
                id="letter-subject"
                label="Subject"
                singleLine
                value={subject}
                onChange={(value) => typed('subject', value)}
                onSelect={(selection) => selected('subject', selection)}
                findings={inField('subject')}
                active={activeIn('subject')}
                error={errors.subject}
                textareaRef={subjectRef}
              />
              <HighlightedTextarea
                id="letter-body"
                label="Letter"
                value={body}
                onChange={(value) => typed('body', value)}
                onSelect={(selection) => selected('body', selection)}
                findings={inField('body')}
                active={activeIn('body')}
                error={errors.body}
                textareaRef={bodyRef}
                description="Variables in double braces are filled in for each customer. Blocks such as {{invoiceTable}} go on a line of their own."
              />
            </Stack>
          </Paper>
          <section aria-labelledby="letter-preview">
            <Title order={2} size="h4" id="letter-preview" mb="xs">
              Preview
            </Title>
            <TemplatePreview occasion={detail.occasion} subject={subject} body={body} />
          </section>
        </Stack>
        <Stack gap="md" className={classes.aside}>
          <Paper withBorder p="md" component="section" aria-label="Save">
            <Stack gap="sm">
              {outcome && (
                <Alert
                  role="status"
                  color={outcome.kind === 'saved' ? 'teal' : 'red'}
                  icon={outcome.kind === 'saved' ? <IconCheck size={18} /> : undefined}
                  p="xs"
                >
                  <Text fz="sm">{outcome.message}</Text>
                </Alert>
              )}
              <Button
                fullWidth
                loading={busy === 'save'}
                disabled={!dirty}
                onClick={() => void run('save')}
              >
                Save letter
              </Button>
              <Group gap="xs" grow>
                <Button
                  variant="default"
                  size="compact-sm"
                  disabled={busy !== null || !dirty}
                  onClick={() => {
                    setSubject(detail.subject);
                    setBody(detail.body);
                    setErrors({});
                    setOutcome(null);
                  }}
                >
                  Undo changes
                </Button>
                <Button
                  variant="default"
                  size="compact-sm"
                  disabled={busy !== null || (!detail.customised && !dirty)}
                  onClick={() => setConfirmingReset(true)}
                >
                  Reset to default
                </Button>
              </Group>
            </Stack>
          </Paper>
          <Paper withBorder p="md" component="section" aria-labelledby="letter-tone">
            <Stack gap="sm">
              <Title order={2} size="h5" id="letter-tone">
                Tone
              </Title>
              <ToneGauges report={tone.report} checking={tone.checking} />
              {tone.error && (
                <Text fz="xs" c="dimmed">
                  The tone check did not answer: {tone.error.message}
                </Text>
              )}
              {tone.report && (
                <FindingList
                  findings={findings}
                  placeOf={(finding) => (fieldOf(finding) === 'subject' ? 'subject' : null)}
                  actionFor={actionFor}
                  onPoint={setPointed}
                />
              )}
            </Stack>
          </Paper>
          <Paper withBorder p="md" component="section" aria-labelledby="letter-variables">
            <Title order={2} size="h5" id="letter-variables">
              Variables
            </Title>
            <Text fz="xs" c="dimmed" mb="xs">
              Click one to put it in at the cursor.
            </Text>
            <VariableList variables={detail.variables} onPick={insertVariable} />
          </Paper>
          <VersionHistory detail={detail} />
        </Stack>
      </div>
      <Modal
        opened={confirmingReset}
        onClose={() => setConfirmingReset(false)}
        title="Go back to Goodwill’s wording?"
      >
        <Stack gap="md">
          <Text fz="sm">
            This letter goes back to the default words. Your edits stay in the version history, and
            you can edit it again at any time.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmingReset(false)}>
              Keep my words
            </Button>
            <Button loading={busy === 'reset'} onClick={() => void run('reset')}>
              Reset to default
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

export function StatusBadge({ detail }: { detail: { customised: boolean; version: number } }) {
  const format = useFormat();
  return detail.customised ? (
    <Badge tt="none" variant="light" color="teal" radius="sm">
      Edited · version {format.number(detail.version)}
    </Badge>
  ) : (
    <Badge tt="none" variant="light" color="gray" radius="sm">
      Default
    </Badge>
  );
}

function VariableList(props: {
  variables: VariableInfo[];
  onPick: (variable: VariableInfo) => void;
}) {
  return (
    <ul className={classes.variables} aria-label="Variables">
      {props.variables.map((variable) => (
        <li key={variable.name}>
          <button
            type="button"
            className={classes.variable}
            // Keep the cursor where it is in the text: the click must not take the focus first.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => props.onPick(variable)}
          >
            <div className={classes.variableTag}>{tagFor(variable)}</div>
            <Text fz="xs" c="dimmed">
              {variable.about}
              {variable.fields && ` (${variable.fields.join(', ')})`}
            </Text>
          </button>
        </li>
      ))}
    </ul>
  );
}

function VersionHistory({ detail }: { detail: TemplateDetail }) {
  const format = useFormat();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="letter-versions">
      <Title order={2} size="h5" id="letter-versions" mb="xs">
        Versions
      </Title>
      {detail.versions.length === 0 ? (
        <Text fz="xs" c="dimmed">
          Goodwill’s wording, never edited.
        </Text>
      ) : (
        <ul className="plain-list row-list" aria-label="Versions">
          {detail.versions.map((version) => (
            <li key={version.version}>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text fz="sm">
                  Version {format.number(version.version)}
                  {version.version === detail.version && (
                    <Text span fz="xs" c="dimmed">
                      {' '}
                      (in use)
                    </Text>
                  )}
                </Text>
                <Text fz="xs" c="dimmed">
                  {version.customised ? 'Your edit' : 'Back to default'}
                </Text>
              </Group>
              <Text fz="xs" c="dimmed">
                {format.instant(version.createdAt)}
              </Text>
            </li>
          ))}
        </ul>
      )}
    </Paper>
  );
}
