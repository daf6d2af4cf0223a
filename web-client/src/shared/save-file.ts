/**
 * Hands a downloaded file to the browser's own download, under `fileName`. The API's files need
 * the sign-in's token, so they are fetched by the HttpClient and saved through a Blob URL.
 */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // the download has started from the click; the URL is only needed until then
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
