import { describe, expect, it } from 'vitest';
import type { BrowserWindow, Dialog, SaveDialogOptions } from 'electron';
import { saveDialog } from './save-dialog';

/** Electron's dialog as far as saveDialog uses it, answering as the owner would. */
function fakeDialog(answer: { canceled: boolean; filePath?: string }) {
  const asked: { parent: unknown; options: SaveDialogOptions }[] = [];
  const showSaveDialog = ((...args: unknown[]) => {
    const [parent, options] = args.length === 2 ? args : [undefined, args[0]];
    asked.push({ parent, options: options as SaveDialogOptions });
    return Promise.resolve({ canceled: answer.canceled, filePath: answer.filePath ?? '' });
  }) as Dialog['showSaveDialog'];
  return { dialog: { showSaveDialog }, asked };
}

describe('saveDialog', () => {
  it('opens over the window in Downloads with the export’s name, and gives the path chosen', async () => {
    const window = {} as BrowserWindow;
    const { dialog, asked } = fakeDialog({ canceled: false, filePath: '/home/sam/Books/x.csv' });
    const saveAs = saveDialog(dialog, () => window, '/home/sam/Downloads');
    expect(await saveAs('Goodwill invoices 2027-03-15.csv')).toBe('/home/sam/Books/x.csv');
    expect(asked).toHaveLength(1);
    expect(asked[0]!.parent).toBe(window);
    expect(asked[0]!.options).toMatchObject({
      defaultPath: '/home/sam/Downloads/Goodwill invoices 2027-03-15.csv',
      filters: [{ name: 'CSV file', extensions: ['csv'] }],
    });
  });

  it('gives null when the owner cancels', async () => {
    const { dialog } = fakeDialog({ canceled: true });
    expect(await saveDialog(dialog, () => undefined, '/tmp')('a.csv')).toBeNull();
  });
});
