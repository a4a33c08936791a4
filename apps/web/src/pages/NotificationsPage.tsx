// Placeholder until this page is built.
export function NotificationsPage() {
  return null;
}
