/** Hands a file fetched by the page to the browser's downloads, under its name. */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its copy once click() returns; a moment later the blob may go.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
