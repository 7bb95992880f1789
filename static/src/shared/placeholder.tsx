/** A module's screen until its own issue fills it in: says plainly what will be here. */
export function Placeholder({ title, purpose }: { title: string; purpose: string }) {
  return (
    <main aria-labelledby="module-title">
      <h1 id="module-title">{title}</h1>
      <p>{purpose}</p>
    </main>
  );
}
