// On a phone the filter form starts folded (its summary says whether filters are active); desktops keep it open.
if (window.matchMedia("(max-width: 700px)").matches) {
  document.querySelectorAll("details[data-filters-box]").forEach((box) => { box.open = false; });
}

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
