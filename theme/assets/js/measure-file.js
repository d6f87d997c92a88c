// A measure file (input/measures/<name>.yml, docs/content-spec.md) written from a series checked on /measures/check/,
// so a team that likes what it sees can publish it. No DOM: unit-tested in Jint.
import { yamlString as q } from './format.js';

const NAME = /^[a-z0-9][a-z0-9-]*$/;

/** The text fields the file needs beyond the series: [field, label, what to say when it is missing]. */
export const MEASURE_FIELDS = [
  ['name', 'File name', 'Enter a file name, for example night-falls'],
  ['title', 'Title', 'Enter a title, for example Falls at night'],
  ['summary', 'What it shows, in a sentence', 'Say in a sentence what the measure shows'],
  ['numerator', 'What is counted', 'Say what is counted, for example Falls between 22:00 and 07:00'],
  ['unit', 'Unit', 'Enter the unit, for example falls a month'],
];

/** GOV.UK error-summary entries for the fields ({ field, message }), empty when the file can be written. */
export function measureFileProblems(fields) {
  const problems = [];
  for (const [field, , missing] of MEASURE_FIELDS) if (!fields[field]) problems.push({ field, message: missing });
  if (fields.name && !NAME.test(fields.name)) problems.push({ field: 'name', message: 'The file name can only use lower-case letters, digits and hyphens' });
  return problems;
}

/**
 * The measure file: the team's words, the settings the series was checked with, and its data as the spc rules read
 * it (each point's period and value). Every text is quoted, so nothing typed can change the file's structure.
 * @param {{ title: string, summary: string, numerator: string, unit: string, direction: string, period: string,
 *   target: string, minimum: string }} fields
 * @param {{ period: string, value: number }[]} points
 */
export function measureFile(fields, points) {
  const lines = [
    '# Written by "Check your own data". Add it to input/measures/ and build the site.',
    `title: ${q(fields.title)}`,
    `summary: ${q(fields.summary)}`,
    `numerator: ${q(fields.numerator)}`,
    `unit: ${q(fields.unit)}`,
    `direction: ${fields.direction}`,
    `period: ${fields.period}`,
  ];
  if (fields.target) lines.push(`target: ${q(fields.target)}`);
  if (fields.minimum) lines.push(`minimum: ${q(fields.minimum)}`);
  lines.push('data:');
  for (const p of points) lines.push(`  - { period: ${q(p.period)}, value: ${q(String(p.value))} }`);
  return `${lines.join('\n')}\n`;
}
