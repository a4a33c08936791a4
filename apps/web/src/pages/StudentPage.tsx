// Placeholder until this page is built.
export function StudentPage() {
  return null;
}
