/** "窗口帮办：<desk>" under a timeline's submit step (the text from lib/desk/track-view.ts assistedByText, in the page's script). */
export function AssistedByNote({ text, className = "text-sm" }: { text: string; className?: string }) {
  return (
    <p className={className} data-testid="assisted-by">
      {text}
    </p>
  );
}
