// Placeholder until this page is built.
export function FlagPage() {
  return null;
}
