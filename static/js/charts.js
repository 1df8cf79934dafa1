// Draw the Plotly figures embedded in the page as JSON (<script type="application/json" id=...>).
// The figure JSON is data, never code: it is read with JSON.parse, and only same-site paths are followed on click.
(function () {
  function sameSitePath(url) {
    return typeof url === "string" && url.startsWith("/") && !url.startsWith("//");
  }

  function draw(el) {
    const source = document.getElementById(el.dataset.figure);
    if (!source || typeof Plotly === "undefined") return;
    let fig;
    try {
      fig = JSON.parse(source.textContent);
    } catch (err) {
      el.textContent = "This chart could not be read.";
      return;
    }
    // Phone layout of a figure (e.g. the map's colour bar moves above it): meta.narrow replaces top-level keys.
    const narrow = fig.layout && fig.layout.meta && fig.layout.meta.narrow;
    if (narrow && el.clientWidth < 600) Object.assign(fig.layout, narrow);
    // A matrix narrower than its minimum (a phone) keeps readable cells and scrolls sideways instead of squeezing.
    const minWidth = fig.layout && fig.layout.meta && fig.layout.meta.min_width;
    if (minWidth && el.clientWidth < minWidth) {
      fig.layout.width = minWidth;
      el.classList.add("chart-scroll");
      el.setAttribute("tabindex", "0");  // a scrollable region must be reachable by keyboard
      const hint = document.createElement("p");
      hint.className = "muted small chart-hint";
      hint.textContent = "The chart is wider than the screen: scroll it sideways, or use the table below.";
      el.before(hint);
    }
    Plotly.newPlot(el, fig.data, fig.layout, fig.config || {}).then(() => {
      el.dataset.drawn = "true";
      el.dispatchEvent(new CustomEvent("posture:drawn", { bubbles: true }));
    }).catch((err) => {
      el.dataset.drawn = "error";
      el.textContent = "This chart could not be drawn: " + err.message;
    });
    el.on("plotly_click", (event) => {
      const point = event && event.points && event.points[0];
      const url = point && point.customdata && point.customdata[1];
      if (sameSitePath(url)) window.location.assign(url);
    });
  }

  function start() {
    document.querySelectorAll("[data-figure]").forEach(draw);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
