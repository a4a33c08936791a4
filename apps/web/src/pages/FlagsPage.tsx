// Placeholder until this page is built.
export function FlagsPage() {
  return null;
}
