// The contract between the build and the self-assessment pages: the definition JSON each assessment page embeds in
// <script type="application/json" id="assessment-definition"> (written by the C# assessment section). The pages
// read it through readDefinition(), which checks the shape so that a broken page fails loudly at start-up, naming
// what is wrong, instead of somewhere in the middle of a save.

/**
 * @typedef {object} AnswerOption
 * @property {string} value  the stored answer: "1"-"4", "not-assessed" or "na" for scored questions
 * @property {string} label  what the team sees ("3 – Good standard")
 */

/**
 * @typedef {object} ShowIf
 * @property {string} question  id of the question this one follows up
 * @property {string[]} in      the answers to that question that show this one
 */

/**
 * @typedef {object} Question
 * @property {string} id        stable id, the key in the answers file ("safe.learning-culture")
 * @property {string} anchor    the id of the question's form group on its section page ("q-safe.learning-culture")
 * @property {number} number    1, 2... for numbered questions; 0 for a follow-up shown only by showIf
 * @property {string} text
 * @property {'choice'|'text'} input  radios (with a note) or free text
 * @property {boolean} scored   true: a model question ("answers"); false: the assessment's own ("extra")
 * @property {AnswerOption[]} options  empty for text questions
 * @property {ShowIf} [showIf]  present on conditional follow-up questions
 */

/**
 * @typedef {object} Section
 * @property {string} id
 * @property {string} title
 * @property {string} url       the section page
 * @property {Question[]} questions
 */

/**
 * @typedef {object} AssessmentDefinition
 * @property {'cqcguide.answers/2'} format  the answers format the page writes
 * @property {string} id
 * @property {string} version   semantic version of the assessment (answers are migrated by question id)
 * @property {string} title
 * @property {{ id: string, version: string, title: string, cqc: boolean }} model  the scoring model
 * @property {string} notice    "Self-assessment — not a CQC rating"
 * @property {{ id: string, name: string }[]} groups  key questions or themes, in result order
 * @property {{ start: string, tasks: string, check: string, results: string, manage: string, plan: string }} urls
 * @property {{ statuses: AnswerOption[], states: AnswerOption[], idPattern: string, maxItems: number, maxWhat: number, maxText: number, maxOwner: number }} plan
 *           the improvement plan's statuses and limits (the improvement-plan model's planFormat)
 * @property {Section[]} sections
 */

class DefinitionError extends Error {
  constructor(message) {
    super(`The assessment definition embedded in this page is not valid: ${message}`);
    this.name = 'DefinitionError';
  }
}

const isObject = (v) => Boolean(v) && typeof v === 'object' && !Array.isArray(v);

/**
 * Parses and checks the embedded definition.
 * @param {string} text
 * @returns {AssessmentDefinition}
 * @throws {DefinitionError} naming the first problem
 */
export function readDefinition(text) {
  let def;
  try {
    def = JSON.parse(text);
  } catch (error) {
    throw new DefinitionError(`it is not valid JSON (${error.message})`);
  }
  const need = (condition, what) => {
    if (!condition) throw new DefinitionError(what);
  };
  need(isObject(def), 'it is not an object');
  need(def.format === 'cqcguide.answers/2', `"format" is ${JSON.stringify(def.format)}, not "cqcguide.answers/2"`);
  for (const key of ['id', 'version', 'title']) need(typeof def[key] === 'string' && def[key] !== '', `"${key}" is missing`);
  need(isObject(def.model) && typeof def.model.id === 'string' && typeof def.model.version === 'string', '"model" needs an id and a version');
  need(isObject(def.urls) && ['start', 'tasks', 'check', 'results', 'manage', 'plan'].every((k) => typeof def.urls[k] === 'string'), '"urls" needs start, tasks, check, results, manage and plan');
  need(isObject(def.plan) && Array.isArray(def.plan.statuses) && def.plan.statuses.length > 0 && typeof def.plan.idPattern === 'string'
    && ['maxItems', 'maxWhat', 'maxText', 'maxOwner'].every((k) => Number.isInteger(def.plan[k]) && def.plan[k] > 0), '"plan" needs statuses, an id pattern and limits');
  need(Array.isArray(def.sections) && def.sections.length > 0, '"sections" is empty');
  const ids = new Set();
  for (const section of def.sections) {
    need(isObject(section) && typeof section.id === 'string' && typeof section.url === 'string' && Array.isArray(section.questions), 'a section needs an id, a url and questions');
    for (const q of section.questions) {
      need(isObject(q) && typeof q.id === 'string' && typeof q.anchor === 'string' && typeof q.text === 'string', `a question of section "${section.id}" needs an id, an anchor and a text`);
      need(q.input === 'choice' || q.input === 'text', `question "${q.id}" has input ${JSON.stringify(q.input)}`);
      need(typeof q.scored === 'boolean' && Number.isInteger(q.number), `question "${q.id}" needs "scored" and "number"`);
      need(Array.isArray(q.options) && q.options.every((o) => isObject(o) && typeof o.value === 'string' && typeof o.label === 'string'), `question "${q.id}" has malformed options`);
      need(q.input === 'text' || q.options.length > 0, `choice question "${q.id}" has no options`);
      need(q.showIf === undefined || (isObject(q.showIf) && typeof q.showIf.question === 'string' && Array.isArray(q.showIf.in)), `question "${q.id}" has a malformed showIf`);
      need(!ids.has(q.id), `question id "${q.id}" is used twice`);
      ids.add(q.id);
    }
  }
  return def;
}
