import { Button, type ButtonProps } from '@mantine/core';
import { IconDownload, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import type { DocumentFile, PrintResult } from '../../shared/api/invoices';

function objectUrlOf(file: DocumentFile): string {
  const bytes = Uint8Array.from(atob(file.contentBase64), (c) => c.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
}

// Let the download or the new tab take the file before its address is let go.
const releaseLater = (url: string) => setTimeout(() => URL.revokeObjectURL(url), 60_000);

function download(file: DocumentFile) {
  const url = objectUrlOf(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.click();
  releaseLater(url);
}

/**
 * Saves a document (an invoice, a letter) as a PDF named for the owner's files; in a browser
 * it can also be opened in a tab of its own, to look at and print. The desktop window opens no
 * other tabs: there, a document that can be printed (`print`) goes to the system's print
 * dialog through the main process.
 */
export function DocumentButtons(props: {
  load: () => Promise<DocumentFile>;
  /** Prints in the desktop app (headless answers with the file, which is then saved). */
  print?: () => Promise<PrintResult>;
  onProblem: (message: string) => void;
  openLabel: string;
  saveLabel: string;
  size?: ButtonProps['size'];
}) {
  const [busy, setBusy] = useState<'save' | 'open' | null>(null);
  const inBrowser = window.goodwill === undefined;
  const print = props.print;

  async function run(kind: 'save' | 'open') {
    setBusy(kind);
    try {
      if (kind === 'open' && !inBrowser && print) {
        const printed = await print();
        if (printed.via === 'download') download(printed.file);
        return;
      }
      const file = await props.load();
      if (kind === 'open') {
        const url = objectUrlOf(file);
        window.open(url, '_blank', 'noopener');
        releaseLater(url);
      } else {
        download(file);
      }
    } catch (error) {
      props.onProblem((error as Error).message);
    } finally {
      setBusy(null);
    }
  }

  return (
    <>
      {(inBrowser || print) && (
        <Button
          variant="default"
          size={props.size}
          leftSection={<IconPrinter size={18} />}
          loading={busy === 'open'}
          onClick={() => void run('open')}
        >
          {inBrowser ? props.openLabel : 'Print'}
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
