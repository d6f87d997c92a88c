// A horizontal bar chart of percentages as inline SVG, drawn by our own code. It repeats the results table, which
// stays the primary, accessible form of the same data.
//
// The drawing is made for the width it is shown at (one SVG unit = one CSS pixel), so its text is as large as the
// stylesheet says (at least 13 px) on a phone as on a desktop. Below 560 px each row puts its name and value on a
// line above the bar.

const SVG = 'http://www.w3.org/2000/svg';
const MAX_WIDTH = 704; // .chart { max-width: 44rem }
const NARROW = 560;

function el(name, attributes = {}, text) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * rows: [{ name, percentage (0-100 or null), label }]; bands: [{ from, to, name }] drawn as shaded zones;
 * width: the width available in CSS pixels (the chart's container), 640 when unknown.
 */
export function barChart({ title, rows, bands, width: available }) {
  const width = Math.round(Math.min(MAX_WIDTH, available > 0 ? available : 640));
  const narrow = width < NARROW;
  const rowHeight = narrow ? 50 : 34;
  const left = narrow ? 0 : 190;
  const right = narrow ? 0 : 12;
  const plot = width - left - right;
  const x = (p) => left + (p / 100) * plot;
  const rowsHeight = rows.length * rowHeight + 8;
  const height = rowsHeight + 44;
  const titleId = `chart-title-${Math.random().toString(36).slice(2)}`;
  const svg = el('svg', { viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img', 'aria-labelledby': titleId, class: `chart${narrow ? ' chart--narrow' : ''}`, focusable: 'false' });
  svg.append(el('title', { id: titleId }, `${title}. The same figures are in the table above.`));
  bands.forEach((band, i) => {
    svg.append(el('rect', { x: x(band.from), y: 0, width: x(band.to) - x(band.from), height: rowsHeight, class: `chart__band chart__band--${i % 2}` }));
    // Band names on two staggered lines, so that neighbours never overlap; the outer ones stay inside the drawing.
    const first = i === 0;
    const last = i === bands.length - 1;
    const anchor = first ? 'start' : last ? 'end' : 'middle';
    const at = first ? x(band.from) + 2 : last ? x(band.to) - 2 : (x(band.from) + x(band.to)) / 2;
    svg.append(el('text', { x: at, y: rowsHeight + (i % 2 === 0 ? 16 : 36), 'text-anchor': anchor, class: 'chart__band-label' }, band.name));
  });
  rows.forEach((row, i) => {
    const y = 8 + i * rowHeight;
    const rated = row.percentage !== null && row.percentage !== undefined;
    if (narrow) {
      svg.append(el('text', { x: 4, y: y + 15, class: 'chart__label' }, `${row.name}: ${rated ? row.label : 'not rated'}`));
      if (rated) svg.append(el('rect', { x: left, y: y + 22, width: Math.max(1, x(row.percentage) - left), height: rowHeight - 30, class: 'chart__bar' }));
      return;
    }
    svg.append(el('text', { x: left - 8, y: y + 18, 'text-anchor': 'end', class: 'chart__label' }, row.name));
    if (!rated) {
      svg.append(el('text', { x: left + 4, y: y + 18, class: 'chart__value' }, 'Not rated'));
      return;
    }
    const end = x(row.percentage);
    svg.append(el('rect', { x: left, y: y + 4, width: Math.max(1, end - left), height: rowHeight - 12, class: 'chart__bar' }));
    // The value goes after the bar, or inside its end when it would run off the drawing.
    const inside = end + 6 + row.label.length * 7.5 > width;
    svg.append(el('text', inside
      ? { x: end - 6, y: y + 18, 'text-anchor': 'end', class: 'chart__value chart__value--inside' }
      : { x: end + 6, y: y + 18, class: 'chart__value' }, row.label));
  });
  return svg;
}
