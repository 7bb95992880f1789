/** Moves focus once React has rendered the element. */
export function focusSoon(id: string): void {
  window.setTimeout(() => {
    document.getElementById(id)?.focus();
  }, 0);
}
