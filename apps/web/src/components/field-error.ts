/**
 * A field's error as a sentence. The gateway words field problems as fragments that follow the field's
 * name ("must be at least 8 characters"); those get the label in front. Our own messages are sentences.
 */
export function fieldErrorText(label: string, error: string): string {
  if (!/^[a-zäöüß]/.test(error)) return error;
  const sentence = `${label} ${error}`;
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}
