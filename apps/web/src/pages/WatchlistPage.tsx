// Placeholder until this page is built.
export function WatchlistPage() {
  return null;
}
