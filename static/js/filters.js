// On a phone the filter form starts folded (its summary says whether filters are active); desktops keep it open.
if (window.matchMedia("(max-width: 700px)").matches) {
  document.querySelectorAll("details[data-filters-box]").forEach((box) => { box.open = false; });
}

// Checkbox pickers (countries, issues): the summary names the choice, a search box narrows long lists, Escape or a
// click elsewhere closes the list. Without JavaScript they are plain checkboxes in a disclosure and still submit.
document.querySelectorAll("[data-picker]").forEach((picker) => {
  const details = picker.querySelector("details");
  const summary = picker.querySelector("[data-picker-summary]");
  const boxes = Array.from(picker.querySelectorAll("input[type=checkbox]"));
  const search = picker.querySelector("[data-picker-search]");
  const label = (box) => box.parentElement.textContent.replace(/\s+/g, " ").trim();
  const refresh = () => {
    const chosen = boxes.filter((box) => box.checked).map((box) => box.dataset.label || box.value);
    summary.textContent = chosen.length ? chosen.join(", ") : summary.dataset.none;
  };
  boxes.forEach((box) => box.addEventListener("change", refresh));
  if (search) {
    search.hidden = false;
    search.addEventListener("input", () => {
      const needle = search.value.trim().toLowerCase();
      boxes.forEach((box) => { box.closest("label").hidden = needle !== "" && !label(box).toLowerCase().includes(needle); });
      picker.querySelectorAll("fieldset").forEach((group) => {
        group.hidden = !group.querySelector("label:not([hidden])");
      });
    });
    // Enter in the search box must not submit the whole form half-chosen.
    search.addEventListener("keydown", (event) => { if (event.key === "Enter") event.preventDefault(); });
    details.addEventListener("toggle", () => { if (details.open) search.focus(); });
  }
  details.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && details.open) {
      details.open = false;
      details.querySelector("summary").focus();
    }
  });
  document.addEventListener("click", (event) => {
    if (details.open && !picker.contains(event.target)) details.open = false;
  });
});

// Filter forms: keep the URL tidy (drop empty fields on submit) and make a period preset win over old dates.
document.querySelectorAll("form[data-filter-form]").forEach((form) => {
  const period = form.querySelector("[data-period]");
  const dates = form.querySelectorAll("[data-date]");
  if (period) {
    period.addEventListener("change", () => {
      if (period.value) dates.forEach((input) => { input.value = ""; });
    });
  }
  dates.forEach((input) => input.addEventListener("change", () => {
    if (input.value && period) period.value = "";
  }));
  form.addEventListener("submit", () => {
    form.querySelectorAll("input, select").forEach((field) => {
      if (field.name && !field.multiple && field.type !== "checkbox" && field.value === "") field.disabled = true;
    });
    // Re-enable after the navigation starts so the back button shows a usable form.
    setTimeout(() => form.querySelectorAll(":disabled").forEach((field) => { field.disabled = false; }), 0);
  });
});
