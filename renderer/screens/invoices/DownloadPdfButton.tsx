import { call } from '../../api';
import { DocumentButtons } from '../../components/DocumentButtons';

/**
 * The invoice as a PDF: "Open to print" in a browser, "Print" (the system's dialog) in the
 * desktop app, "Download PDF" everywhere.
 */
export function DownloadPdfButton(props: {
  invoiceId: number;
  onProblem: (message: string) => void;
}) {
  return (
    <DocumentButtons
      load={() => call('invoices.pdf', { id: props.invoiceId })}
      print={() => call('invoices.print', { id: props.invoiceId })}
      onProblem={props.onProblem}
      openLabel="Open to print"
      saveLabel="Download PDF"
    />
  );
}
