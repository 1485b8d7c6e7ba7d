/**
 * Saves `content` as a file the browser downloads, through a Blob URL: nothing goes to a server
 * again, and a page with a strict Content-Security-Policy allows it (a `blob:` download is no
 * script, style or fetch). The link lives in `root` (a shadow root) for the click only.
 */
export function downloadFile(root: ParentNode & Node, fileName: string, content: BlobPart, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([content], {type}));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  root.appendChild(link);
  link.click();
  link.remove();
  // the download has started from the URL by then; revoking at once can cancel it in some browsers
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
