// Placeholder until this page is built.
export function ActionsPage() {
  return null;
}
