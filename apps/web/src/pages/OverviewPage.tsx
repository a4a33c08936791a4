// Placeholder until this page is built.
export function OverviewPage() {
  return null;
}
