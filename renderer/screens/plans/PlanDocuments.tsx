import { Alert, Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { IconFileCheck, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import type { Plan } from '../../../shared/api/plans';
import { call } from '../../api';
import { DocumentButtons } from '../../components/DocumentButtons';
import { saveFile } from '../../components/save-file';
import { useFormat } from '../../format';
import { base64Of } from './file-base64';

const accepted = 'application/pdf,image/jpeg,image/png';

/**
 * The plan's papers: the agreement to print or save, and the copy both parties signed, attached
 * as a scan (PDF, JPEG or PNG, up to 20 MB; the app checks what the file really is).
 */
export function PlanDocuments(props: { plan: Plan; onChanged: () => void }) {
  const { plan } = props;
  const format = useFormat();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<'attach' | 'signed' | null>(null);

  async function run(kind: 'attach' | 'signed', work: () => Promise<void>) {
    setProblem(null);
    setBusy(kind);
    try {
      await work();
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setBusy(null);
    }
  }

  const attach = (file: File | null) => {
    if (!file) return;
    void run('attach', async () => {
      const contentBase64 = await base64Of(file);
      await call('plans.attachSigned', { planId: plan.id, fileName: file.name, contentBase64 });
      props.onChanged();
    });
  };
  const signed = plan.signedAgreement;
  const openSigned = () =>
    run('signed', async () => {
      if (!signed) return;
      saveFile(await call('plans.signedAgreement', { planId: plan.id }), signed.mediaType);
    });

  return (
    <Stack gap="sm">
      <Group gap="sm">
        <DocumentButtons
          load={() => call('plans.agreement', { planId: plan.id })}
          print={() => call('plans.print', { planId: plan.id })}
          onProblem={setProblem}
          openLabel="Open the agreement"
          saveLabel="Download the agreement"
          size="sm"
        />
      </Group>
      {signed ? (
        <Group gap="sm" justify="space-between" wrap="nowrap">
          <Stack gap={0} miw={0}>
            <Text fz="sm" fw={600}>
              Signed copy attached
            </Text>
            <Text fz="xs" c="dimmed" truncate>
              {signed.fileName} · {format.instant(signed.attachedAt)}
            </Text>
          </Stack>
          <Button
            variant="default"
            size="sm"
            leftSection={<IconFileCheck size={18} />}
            loading={busy === 'signed'}
            onClick={() => void openSigned()}
          >
            Save the signed copy
          </Button>
        </Group>
      ) : (
        <Stack gap={4}>
          <Text fz="sm" c="dimmed">
            Once you both have signed, attach a scan or photo of it (PDF, JPEG or PNG, up to 20 MB).
          </Text>
          <FileButton onChange={attach} accept={accepted}>
            {(buttonProps) => (
              <Button
                {...buttonProps}
                variant="default"
                size="sm"
                leftSection={<IconUpload size={18} />}
                loading={busy === 'attach'}
                w="fit-content"
              >
                Attach the signed copy
              </Button>
            )}
          </FileButton>
        </Stack>
      )}
      {problem && (
        <Alert color="red" role="alert" withCloseButton onClose={() => setProblem(null)}>
          {problem}
        </Alert>
      )}
    </Stack>
  );
}
