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
  // households by transition ("LOW→MODERATE"); those that stay where they were are drawn too, for scale
  [['risk-chart', data.risk], ['paths-chart', data.paths]].forEach(function (chart) {
    var transitions = Object.keys(chart[1]);
    new window.Chart(document.getElementById(chart[0]), {
      type: 'bar',
      data: {
        labels: transitions,
        datasets: [{ label: block.dataset.households, data: transitions.map(function (k) { return chart[1][k]; }),
          backgroundColor: transitions.map(function (k) { var ends = k.split('→'); return ends[0] === ends[1] ? '#8a9ba8' : '#00556b'; }) }]
      },
      options: { animation: false, indexAxis: 'y' }
    });
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
