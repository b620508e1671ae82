// On the 404 page: addresses that earlier builds of the archive had and this
// one folds into others are sent on.
//   …/<page>/raw/#L12      → …/<page>/#L12   (the OCR text is part of the page view)
//   …/<date>/<page>/index.json, …/<date>/<page>/<n>/index.json → …/<date>/index.json   (one JSON file per issue)
//   …/keywords/<word>/     → the search for the word (only keywords of several articles have a page)
//   …/reporters/<name>/    → …/reporters/姓/<surname>/#<name> (only reporters of several articles have a page)
(function () {
  'use strict';
  var path = location.pathname;
  var m = /^(.*\/[a-z0-9_-]+\/\d{4}-\d{2}-\d{2}\/[^/]+\/)raw(\/(index\.html)?)?$/.exec(path);
  if (m) return location.replace(m[1] + (location.hash || '#raw'));
  m = /^(.*\/[a-z0-9_-]+\/\d{4}-\d{2}-\d{2}\/)[^/]+\/(\d+\/)?index\.json$/.exec(path);
  if (m) return location.replace(m[1] + 'index.json');
  m = /^(.*\/)keywords\/([^/]+)\/(index\.html)?$/.exec(path);
  if (m) return location.replace(m[1] + 'search/?q=' + m[2]);
  m = /^(.*\/reporters\/)([^/]+)\/(index\.html)?$/.exec(path);
  if (m && m[2] !== encodeURIComponent('姓')) {
    var name = decodeURIComponent(m[2]);
    var script = document.querySelector('script[data-double-surnames]');
    var doubles = ((script && script.getAttribute('data-double-surnames')) || '').split(' ');
    var surname = doubles.filter(function (d) { return d && name.indexOf(d) === 0; })[0] || Array.from(name)[0];
    location.replace(m[1] + encodeURIComponent('姓') + '/' + encodeURIComponent(surname) + '/#' + encodeURIComponent(name));
  }
})();
