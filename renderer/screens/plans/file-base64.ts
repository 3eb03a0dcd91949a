/** A file the owner picked, as base64 text for the API (which checks what it really is). */
export function base64Of(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      // "data:<type>;base64,<content>": only the content is sent.
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(new Error('The file could not be read. Please try it again.'));
    reader.readAsDataURL(file);
  });
}
