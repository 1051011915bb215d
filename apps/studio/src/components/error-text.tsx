/** A server validation message under an input (`data-error-for="<path>"`); nothing when there is none. */
export function ErrorText(p: { message: string | undefined; path: string }) {
  if (!p.message) return null;
  return (
    <span className="st-field-error" data-error-for={p.path} role="alert">
      {p.message}
    </span>
  );
}
