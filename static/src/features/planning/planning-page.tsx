/** Value planning (issue #16): the page's body follows with the ranking UI. */
export function PlanningPage() {
  return (
    <main className="vl-page">
      <h1>Value planning</h1>
    </main>
  );
}
