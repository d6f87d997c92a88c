// "Check your own data" (/measures/check/): a series typed or pasted as CSV is read and analysed by the compiled spc
// rules, the module the build uses for every measure page, and drawn from the same chart geometry. Nothing is stored
// or sent: the forms are method="dialog" forms that never submit anywhere; only "Propose it on GitHub" (offered when
// organisation.yml names a repository) opens GitHub's new-file page with the measure file, when pressed.
import { download, h, proposeFile, showErrorSummary } from './dom.js';
import { MEASURE_FIELDS, measureFile, measureFileProblems } from './measure-file.js';

const SVG = 'http://www.w3.org/2000/svg';

function s(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  element.append(...children);
  return element;
}

/** A coordinate as the build writes it ("0.##"). */
const n = (v) => String(Math.round(v * 100) / 100);

/** The rules' numbers for a point's marker and a line's kind (SpcMarker, SpcLineKind), as the chart's CSS names them. */
const MARKERS = ['normal', 'improvement', 'concern', 'neutral'];
const LINES = ['mean', 'median', 'limit', 'limit', 'target'];

/** Shapes as well as colours, as on the build's charts: improvement a triangle, concern a square, neutral a diamond. */
function shape(marker, x, y) {
  if (marker === 1) return `M${n(x)} ${n(y - 6)} L${n(x + 6)} ${n(y + 5)} L${n(x - 6)} ${n(y + 5)} Z`;
  if (marker === 2) return `M${n(x - 5)} ${n(y - 5)} H${n(x + 5)} V${n(y + 5)} H${n(x - 5)} Z`;
  if (marker === 3) return `M${n(x)} ${n(y - 6)} L${n(x + 6)} ${n(y)} L${n(x)} ${n(y + 6)} L${n(x - 6)} ${n(y)} Z`;
  return '';
}

/** The chart of a valid result: the same elements and classes as theme/partials/spc-chart.liquid. */
export function chart(c, id, title) {
  const axes = s('g', { class: 'spc-chart__axes', 'aria-hidden': 'true' });
  for (const t of c.yTicks) {
    axes.append(s('line', { class: 'spc-chart__grid', x1: n(c.plotLeft), x2: n(c.plotRight), y1: n(t.position), y2: n(t.position) }),
      s('text', { class: 'spc-chart__tick', x: n(c.plotLeft - 8), y: n(t.position), 'text-anchor': 'end', 'dominant-baseline': 'middle' }, t.label));
  }
  for (const t of c.xTicks) {
    axes.append(s('text', { class: 'spc-chart__tick', x: n(t.position), y: n(c.plotBottom + 16), 'text-anchor': 'middle' }, t.label));
    if (t.sub) axes.append(s('text', { class: 'spc-chart__tick spc-chart__tick--sub', x: n(t.position), y: n(c.plotBottom + 30), 'text-anchor': 'middle' }, t.sub));
  }
  axes.append(s('line', { class: 'spc-chart__axis', x1: n(c.plotLeft), x2: n(c.plotRight), y1: n(c.plotBottom), y2: n(c.plotBottom) }));
  const marks = s('g', { 'aria-hidden': 'true' });
  for (const m of c.marks) {
    marks.append(s('line', { class: `spc-chart__mark${m.rebase ? ' spc-chart__mark--rebase' : ''}`, x1: n(m.x), x2: n(m.x), y1: n(c.plotTop), y2: n(c.plotBottom) }),
      s('text', { class: 'spc-chart__mark-label', x: n(m.labelX), y: n(c.plotTop + 10), 'text-anchor': m.labelAnchor }, m.label));
  }
  for (const l of c.lines) marks.append(s('line', { class: `spc-chart__line spc-chart__line--${LINES[l.kind]}`, x1: n(l.x1), x2: n(l.x2), y1: n(l.y), y2: n(l.y) }));
  const segments = [...new Set(c.points.map((p) => p.segment))];
  for (const segment of segments) {
    marks.append(s('polyline', { class: 'spc-chart__series', points: c.points.filter((p) => p.segment === segment).map((p) => `${n(p.x)},${n(p.y)}`).join(' ') }));
  }
  for (const p of c.points) {
    const d = shape(p.marker, p.x, p.y);
    marks.append(d ? s('path', { class: `spc-chart__point spc-chart__point--${MARKERS[p.marker]}`, d }) : s('circle', { class: 'spc-chart__point', cx: n(p.x), cy: n(p.y), r: '3.5' }));
    if (p.showLabel && p.label) marks.append(s('text', { class: 'spc-chart__point-label', x: n(p.x), y: n(p.y - 10), 'text-anchor': 'middle' }, p.label));
  }
  const svg = s('svg', { class: 'spc-chart__svg', viewBox: `0 0 ${c.width} ${c.height}`, role: 'img', 'aria-labelledby': `${id}-title ${id}-desc`, focusable: 'false' },
    s('title', { id: `${id}-title` }, title), s('desc', { id: `${id}-desc` }, c.description), axes, marks);
  return h('figure', { class: 'spc-chart', 'aria-labelledby': `${id}-caption` }, svg,
    h('figcaption', { id: `${id}-caption`, class: 'spc-chart__key', text: 'Solid line: the mean (or the median, when there are too few points for limits). Dashed lines: the process limits. Dotted line: the target. Special cause points are marked by shape and named: ▲ improvement, ■ concern, ◆ neither.' }));
}

/** The form control an SPC message is about (SpcMessage.field), for the error summary. */
const TARGETS = { periodKind: 'f-period', direction: 'f-direction', target: 'f-target', minimum: 'f-minimum' };

export async function init(root) {
  const main = root.querySelector('[data-spc-check]');
  const module = await import(main.dataset.module);
  const form = root.querySelector('[data-spc-form]');
  const results = root.querySelector('[data-spc-results]');
  form.hidden = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = (name) => (form.elements[name].value || '').trim();
    const result = module.analyse({
      csv: form.elements.csv.value, rows: null, periodKind: value('period'), direction: value('direction'),
      target: value('target') || null, minimum: value('minimum') || null, maximum: null, annotations: null,
      fixAfter: null, runLength: null, screenOutliers: null,
    });
    for (const group of form.querySelectorAll('.form-group--error')) group.classList.remove('form-group--error');
    for (const m of form.querySelectorAll('.error-message')) { m.hidden = true; m.textContent = ''; }
    if (!result.valid) {
      const errors = result.errors.map((e) => {
        const target = TARGETS[e.field] ?? 'f-csv';
        return { groupId: `g-${target.slice(2)}`, target, message: e.line ? `Line ${e.line}: ${e.message}` : e.message };
      });
      for (const e of errors) {
        const group = root.getElementById(e.groupId);
        group.classList.add('form-group--error');
        const message = group.querySelector('.error-message');
        if (message.hidden) {
          message.hidden = false;
          message.append(h('span', { class: 'visually-hidden', text: 'Error: ' }), e.message);
        }
      }
      results.replaceChildren();
      showErrorSummary(root.querySelector('[data-error-summary-slot]'), errors);
      return;
    }
    showErrorSummary(root.querySelector('[data-error-summary-slot]'), []);
    const labels = new Map(result.chart.points.map((p) => [p.index, p.label]));
    results.replaceChildren(
      h('h2', { id: 'spc-results-title', tabindex: '-1', text: 'What the rules find' }),
      h('p', { class: 'lead', text: result.summary.reading }),
      h('dl', { class: 'summary-list' },
        h('div', { class: 'summary-list__row' }, h('dt', { class: 'summary-list__key', text: 'Latest variation' }), h('dd', { class: 'summary-list__value', text: result.summary.variationLabel })),
        h('div', { class: 'summary-list__row' }, h('dt', { class: 'summary-list__key', text: 'Assurance' }), h('dd', { class: 'summary-list__value', text: result.summary.assuranceLabel }))),
      ...(result.warnings.length ? [h('div', { class: 'notice' }, h('ul', {}, result.warnings.map((w) => h('li', { text: w.message }))))] : []),
      chart(result.chart, 'chart-check', 'Your data'),
      h('table', { class: 'table' },
        h('caption', { class: 'table__caption', text: 'Your data, point by point' }),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: 'Period' }), h('th', { scope: 'col', text: 'Value' }), h('th', { scope: 'col', text: 'What the rules find' }))),
        h('tbody', {}, result.points.map((p) => h('tr', {}, h('th', { scope: 'row', text: p.label }), h('td', { text: String(p.value) }),
          h('td', { text: labels.get(p.index) || 'Common cause' }))))));
    results.append(saveSection(root, result, {
      direction: value('direction'), period: value('period'), target: value('target'), minimum: value('minimum'),
    }));
    results.querySelector('h2').focus();
  });
}

/** "Save as a measure file": the team's words for the series, then a file the build publishes as it is. */
function saveSection(root, result, settings) {
  const groups = MEASURE_FIELDS.map(([field, label]) => {
    const id = `m-${field}`;
    return h('div', { class: 'form-group', id: `g-${id}` },
      h('label', { class: 'label', for: id, text: label }),
      field === 'name' ? h('div', { class: 'hint', id: `${id}-hint`, text: 'Lower-case letters, digits and hyphens. It becomes the page address: /measures/<name>/.' }) : null,
      h('p', { class: 'error-message', id: `${id}-error`, hidden: true }),
      h('input', { class: `input${field === 'name' ? ' input--short' : ''}`, id, type: 'text', spellcheck: field === 'name' ? 'false' : null, 'aria-describedby': field === 'name' ? `${id}-hint` : null }));
  });
  const button = h('button', { type: 'submit', class: 'button button--secondary', text: 'Download the measure file' });
  // With organisation.yml's repository, the same file can go straight to GitHub's new-file page for input/measures/.
  const main = root.querySelector('[data-spc-check]');
  const propose = main?.dataset.proposeUrl
    ? h('button', { type: 'submit', class: 'button button--secondary', 'data-propose-url': main.dataset.proposeUrl, 'data-upload-url': main.dataset.uploadUrl, text: 'Propose it on GitHub' })
    : null;
  const status = h('p', { class: 'hint', role: 'status', 'data-measure-status': true });
  const form = h('form', { class: 'measure-file-form', method: 'dialog', novalidate: true, 'data-reader-form': true, 'aria-labelledby': 'save-measure-title' },
    ...groups, h('div', { class: 'button-group' }, button, propose), status);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const fields = Object.fromEntries(MEASURE_FIELDS.map(([field]) => [field, root.getElementById(`m-${field}`).value.trim()]));
    for (const group of form.querySelectorAll('.form-group--error')) group.classList.remove('form-group--error');
    for (const m of form.querySelectorAll('.error-message')) { m.hidden = true; m.textContent = ''; }
    const problems = measureFileProblems(fields);
    for (const p of problems) {
      root.getElementById(`g-m-${p.field}`).classList.add('form-group--error');
      const message = root.getElementById(`m-${p.field}-error`);
      if (message.hidden) {
        message.hidden = false;
        message.append(h('span', { class: 'visually-hidden', text: 'Error: ' }), p.message);
      }
    }
    showErrorSummary(root.querySelector('[data-error-summary-slot]'), problems.map((p) => ({ target: `m-${p.field}`, message: p.message })));
    if (problems.length) return;
    const file = measureFile({ ...fields, ...settings }, result.points);
    if (event.submitter?.dataset.proposeUrl) {
      status.textContent = proposeFile(event.submitter, `${fields.name}.yml`, file, 'text/yaml');
      return;
    }
    download(`${fields.name}.yml`, file, 'text/yaml');
    status.textContent = `Downloaded ${fields.name}.yml. Add it to input/measures/ and build the site.`;
  });
  return h('section', { class: 'measure-file', 'aria-labelledby': 'save-measure-title' },
    h('h2', { id: 'save-measure-title', text: 'Save it as a measure file' }),
    h('p', { text: 'To publish this chart on your site, download it as a measure file and add it to input/measures/ in your copy of the site. The file is made here, in this browser.' }),
    form);
}
