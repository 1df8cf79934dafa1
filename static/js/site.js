// Small progressive enhancements: copy-link buttons. Pages work without JavaScript.
document.addEventListener("click", async (event) => {
  const button = event.target.closest("[data-copy-link]");
  if (!button) return;
  const url = button.dataset.copyLink || window.location.href;
  try {
    await navigator.clipboard.writeText(url);
    button.textContent = "Link copied";
  } catch {
    window.prompt("Copy this link", url);
  }
});
