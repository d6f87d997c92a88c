// A horizontal bar chart of percentages as inline SVG, drawn by our own code. It repeats the results table, which
// stays the primary, accessible form of the same data.

const SVG = 'http://www.w3.org/2000/svg';

function el(name, attributes = {}, text) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * rows: [{ name, percentage (0-100 or null), label }]; bands: [{ from, to, name }] drawn as shaded zones.
 */
export function barChart({ title, rows, bands }) {
  const rowHeight = 34;
  const left = 150;
  const width = 640;
  const plot = width - left - 90;
  const height = rows.length * rowHeight + 44;
  const x = (p) => left + (p / 100) * plot;
  const titleId = `chart-title-${Math.random().toString(36).slice(2)}`;
  const svg = el('svg', { viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img', 'aria-labelledby': titleId, class: 'chart', focusable: 'false' });
  svg.append(el('title', { id: titleId }, `${title}. The same figures are in the table above.`));
  bands.forEach((band, i) => {
    svg.append(el('rect', { x: x(band.from), y: 0, width: x(band.to) - x(band.from), height: height - 30, class: `chart__band chart__band--${i % 2}` }));
    svg.append(el('text', { x: (x(band.from) + x(band.to)) / 2, y: height - 14, 'text-anchor': 'middle', class: 'chart__band-label' }, band.name));
  });
  rows.forEach((row, i) => {
    const y = 8 + i * rowHeight;
    svg.append(el('text', { x: left - 8, y: y + 17, 'text-anchor': 'end', class: 'chart__label' }, row.name));
    if (row.percentage === null || row.percentage === undefined) {
      svg.append(el('text', { x: left + 4, y: y + 17, class: 'chart__value' }, 'Not rated'));
      return;
    }
    svg.append(el('rect', { x: left, y: y + 4, width: Math.max(1, x(row.percentage) - left), height: rowHeight - 12, class: 'chart__bar' }));
    svg.append(el('text', { x: x(row.percentage) + 6, y: y + 17, class: 'chart__value' }, `${row.label}`));
  });
  return svg;
}
