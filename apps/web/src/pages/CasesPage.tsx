// Placeholder until this page is built.
export function CasesPage() {
  return null;
}
