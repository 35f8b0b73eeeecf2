// Draws the impact charts from the figures in the page; the tables beside them hold the same figures for everyone.
(function () {
  'use strict';
  var block = document.getElementById('impact-data');
  if (!block || !window.Chart) { return; }
  var data = JSON.parse(block.textContent);
  var services = data.services.filter(function (s) { return s.gained || s.lost; });
  new window.Chart(document.getElementById('services-chart'), {
    type: 'bar',
    data: {
      labels: services.map(function (s) { return s.code; }),
      datasets: [
        { label: block.dataset.gained, data: services.map(function (s) { return s.gained; }), backgroundColor: '#0b6b2f' },
        { label: block.dataset.lost, data: services.map(function (s) { return -s.lost; }), backgroundColor: '#b0120a' }
      ]
    },
    options: { animation: false, scales: { x: { stacked: true }, y: { stacked: true } } }
  });
  var regions = Object.keys(data.regions);
  new window.Chart(document.getElementById('regions-chart'), {
    type: 'bar',
    data: {
      labels: regions,
      datasets: [{ label: block.dataset.cash, data: regions.map(function (r) { return data.regions[r].monthlyCashChangeUzs; }), backgroundColor: '#00556b' }]
    },
    options: { animation: false, indexAxis: 'y' }
  });
})();
