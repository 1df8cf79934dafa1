// Review shortcuts (j/k move, a accept, r reject, e edit) and "add a claim from a text selection".
// Pages work without it: every control is a plain form.
(() => {
  const items = () => Array.from(document.querySelectorAll("[data-review-item]"));
  let current = 0;

  function select(index) {
    const list = items();
    if (!list.length) return;
    current = Math.max(0, Math.min(index, list.length - 1));
    list.forEach((el, i) => el.classList.toggle("selected", i === current));
    list[current].focus({ preventScroll: true });
    list[current].scrollIntoView({ block: "nearest" });
  }

  function typing(target) {
    return target.closest("input, select, textarea, [contenteditable]") !== null;
  }

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    const list = items();
    if (!list.length) return;
    const item = list[current];
    if (event.key === "j") select(current + 1);
    else if (event.key === "k") select(current - 1);
    else if (event.key === "a") item.querySelector('form[data-action="accept"]').requestSubmit();
    else if (event.key === "r") item.querySelector('form[data-action="reject"]').requestSubmit();
    else if (event.key === "e") {
      const details = item.querySelector('details[data-action="edit"]');
      details.open = true;
      details.querySelector("input, select").focus();
    } else return;
    event.preventDefault();
  });

  document.addEventListener("click", (event) => {
    const item = event.target.closest("[data-review-item]");
    if (item) select(items().indexOf(item));
  });

  if (items().length) select(0);

  // Selection offsets are counted in the text container's characters, which are the document's text exactly.
  function offsetsWithin(container) {
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
    const before = document.createRange();
    before.selectNodeContents(container);
    before.setEnd(range.startContainer, range.startOffset);
    const start = before.toString().length;
    return { start, end: start + range.toString().length, text: range.toString() };
  }

  // Our review page marks the text with data-document-text; the records page's text is #document-text.
  const container = document.querySelector("[data-document-text], #document-text");
  const form = document.querySelector("[data-add-claim]");
  if (container && form) {
    const update = () => {
      const found = offsetsWithin(container);
      if (!found) return;
      form.querySelector("[data-selection-start]").value = found.start;
      form.querySelector("[data-selection-end]").value = found.end;
      const quote = form.querySelector("[data-selection-quote]");
      quote.textContent = found.text;
      quote.hidden = false;
    };
    container.addEventListener("mouseup", update);
    container.addEventListener("keyup", update);
    document.addEventListener("selectionchange", update);
    form.querySelector('input[name="next"]').value = window.location.pathname;
  }
})();
