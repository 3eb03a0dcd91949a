import { Button } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { call } from '../../api';

/** Saves the invoice as a PDF, named for the owner's files. */
export function DownloadPdfButton(props: {
  invoiceId: number;
  onProblem: (message: string) => void;
}) {
  const [busy, setBusy] = useState(false);
  async function download() {
    setBusy(true);
    try {
      const file = await call('invoices.pdf', { id: props.invoiceId });
      const bytes = Uint8Array.from(atob(file.contentBase64), (c) => c.charCodeAt(0));
      const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = file.fileName;
      link.click();
      // Let the download start before the address is let go.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      props.onProblem((error as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Button
      variant="default"
      leftSection={<IconDownload size={18} />}
      loading={busy}
      onClick={() => void download()}
    >
      Download PDF
    </Button>
  );
}
