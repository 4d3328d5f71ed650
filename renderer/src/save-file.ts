/** Hands bytes from the core to the browser as a download (Electron shows its save dialog). */
export function saveBase64File(fileName: string, contentBase64: string, type = 'application/octet-stream'): void {
  const bytes = Uint8Array.from(atob(contentBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
