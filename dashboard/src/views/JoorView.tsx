export function JoorView(_: { canEdit: boolean; isAdmin: boolean }) {
  return <section><h1>JOOR</h1><p class="muted">Loading…</p></section>;
}
