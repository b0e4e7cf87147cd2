// Draws the registrations-per-kecamatan chart from the JSON the page carries (no inline script: CSP).
(function () {
  var holder = document.getElementById("chart-data");
  var canvas = document.getElementById("chart");
  if (!holder || !canvas || typeof Chart === "undefined") { return; }
  var d = JSON.parse(holder.textContent);
  window.pspChart = new Chart(canvas, {
    data: {
      labels: d.labels,
      datasets: [
        { type: "bar", label: d.names.eligible, data: d.eligible, backgroundColor: "#2e7d32", stack: "r" },
        { type: "bar", label: d.names.not_eligible, data: d.not_eligible, backgroundColor: "#f9a825", stack: "r" },
        { type: "line", label: d.names.target, data: d.labels.map(function () { return d.target; }),
          borderColor: "#c62828", borderDash: [6, 4], pointRadius: 0, borderWidth: 2 }
      ]
    },
    options: {
      maintainAspectRatio: false,
      animation: false,
      scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
      plugins: { legend: { position: "bottom" } }
    }
  });
})();
