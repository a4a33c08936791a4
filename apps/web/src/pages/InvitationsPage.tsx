// Placeholder until this page is built.
export function InvitationsPage() {
  return null;
}
