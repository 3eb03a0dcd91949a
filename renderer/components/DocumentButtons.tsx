import { Button, type ButtonProps } from '@mantine/core';
import { IconDownload, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import type { DocumentFile } from '../../shared/api/invoices';

function objectUrlOf(file: DocumentFile): string {
  const bytes = Uint8Array.from(atob(file.contentBase64), (c) => c.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
}

// Let the download or the new tab take the file before its address is let go.
const releaseLater = (url: string) => setTimeout(() => URL.revokeObjectURL(url), 60_000);

/**
 * Saves a document (an invoice, a letter) as a PDF named for the owner's files; in a browser
 * it can also be opened in a tab of its own, to look at and print. (The desktop window opens
 * no other windows: there the saved file is opened from the owner's Downloads.)
 */
export function DocumentButtons(props: {
  load: () => Promise<DocumentFile>;
  onProblem: (message: string) => void;
  openLabel: string;
  saveLabel: string;
  size?: ButtonProps['size'];
}) {
  const [busy, setBusy] = useState<'save' | 'open' | null>(null);
  const inBrowser = window.goodwill === undefined;

  async function run(kind: 'save' | 'open') {
    setBusy(kind);
    try {
      const file = await props.load();
      const url = objectUrlOf(file);
      if (kind === 'open') {
        window.open(url, '_blank', 'noopener');
      } else {
        const link = document.createElement('a');
        link.href = url;
        link.download = file.fileName;
        link.click();
      }
      releaseLater(url);
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
          size={props.size}
          leftSection={<IconPrinter size={18} />}
          loading={busy === 'open'}
          onClick={() => void run('open')}
        >
          {props.openLabel}
        </Button>
      )}
      <Button
        variant="default"
        size={props.size}
        leftSection={<IconDownload size={18} />}
        loading={busy === 'save'}
        onClick={() => void run('save')}
      >
        {props.saveLabel}
      </Button>
    </>
  );
}
