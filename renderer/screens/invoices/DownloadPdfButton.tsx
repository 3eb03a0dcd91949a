import { Button } from '@mantine/core';
import { IconDownload, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { call } from '../../api';

async function invoicePdf(invoiceId: number) {
  const file = await call('invoices.pdf', { id: invoiceId });
  const bytes = Uint8Array.from(atob(file.contentBase64), (c) => c.charCodeAt(0));
  return {
    fileName: file.fileName,
    url: URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' })),
  };
}

// Let the download or the new tab take the file before its address is let go.
const releaseLater = (url: string) => setTimeout(() => URL.revokeObjectURL(url), 60_000);

/**
 * Saves the invoice as a PDF, named for the owner's files; in a browser it can also be opened
 * in a tab of its own, to look at and print. (The desktop window opens no other windows: there
 * the saved file is opened from the owner's Downloads.)
 */
export function DownloadPdfButton(props: {
  invoiceId: number;
  onProblem: (message: string) => void;
}) {
  const [busy, setBusy] = useState<'save' | 'open' | null>(null);
  const inBrowser = window.goodwill === undefined;

  async function run(kind: 'save' | 'open') {
    setBusy(kind);
    try {
      const file = await invoicePdf(props.invoiceId);
      if (kind === 'open') {
        window.open(file.url, '_blank', 'noopener');
      } else {
        const link = document.createElement('a');
        link.href = file.url;
        link.download = file.fileName;
        link.click();
      }
      releaseLater(file.url);
    } catch (error) {
      props.onProblem((error as Error).message);
    } finally {
      setBusy(null);
    }
  }

  return (
    <>
      {inBrowser && (
        <Button
          variant="default"
          leftSection={<IconPrinter size={18} />}
          loading={busy === 'open'}
          onClick={() => void run('open')}
        >
          Open to print
        </Button>
      )}
      <Button
        variant="default"
        leftSection={<IconDownload size={18} />}
        loading={busy === 'save'}
        onClick={() => void run('save')}
      >
        Download PDF
      </Button>
    </>
  );
}
