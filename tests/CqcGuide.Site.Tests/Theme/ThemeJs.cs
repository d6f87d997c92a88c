using System.Text.Json;
using Jint;
using Jint.Native;

namespace CqcGuide.Site.Tests.Theme;

/// <summary>
/// Runs the theme's ES modules (theme/assets/js) in Jint, as they are shipped (before content hashing), with a small
/// fake of the browser globals the modules touch (window, document events, localStorage, timers) so that modules
/// with no DOM work (answers, formats, storage records, the editing session) can be unit-tested.
/// Each test's code is an ES module that imports what it needs ("./answers.js") and exports <c>result</c>.
/// </summary>
public sealed class ThemeJs
{
    public static string JsDirectory { get; } = Path.Combine(Repo.Theme, "assets", "js");

    private readonly Engine engine;
    private int count;

    public ThemeJs()
    {
        engine = new Engine(options => options.EnableModules(JsDirectory).Strict().TimeoutInterval(TimeSpan.FromSeconds(10)));
        engine.Execute(FakeBrowser);
    }

    /// <summary>Runs a module and returns its exported <c>result</c> as JSON (via JSON.stringify inside the engine).</summary>
    public JsonElement Run(string module)
    {
        var name = $"./__test{++count}.js";
        engine.Modules.Add(name, module);
        var ns = engine.Modules.Import(name);
        var result = ns.Get("result");
        var json = engine.Invoke(engine.Evaluate("(v) => JSON.stringify(v === undefined ? null : v)"), result).AsString();
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    /// <summary>
    /// Adds a compiled rules module (<see cref="CqcGuide.Rules.RuleModel.Module"/>) that test code imports as
    /// <c>./rules/&lt;model id&gt;.js</c>, as the draft form imports it from the page.
    /// </summary>
    public ThemeJs WithRules(CqcGuide.Rules.RuleModel model)
    {
        engine.Modules.Add($"./rules/{model.Id}.js", model.Module);
        return this;
    }

    /// <summary>Runs the fake timers until none is left (the editing session's autosave).</summary>
    public void RunTimers() => engine.Execute("__runTimers()");

    public JsValue Evaluate(string script) => engine.Evaluate(script);

    /// <summary>
    /// window/localStorage/timers as far as the modules use them. localStorage is a Map-backed fake that can be told
    /// to refuse (storage turned off); a "storage" event from another tab is simulated with __otherTab(key, value).
    /// </summary>
    private const string FakeBrowser = """
        (() => {
          const listeners = {};
          const data = new Map();
          const storage = {
            refuse: false,
            getItem(k) { if (this.refuse) throw new Error('SecurityError: storage is off'); return data.has(k) ? data.get(k) : null; },
            setItem(k, v) { if (this.refuse) throw Object.assign(new Error('storage is off'), { name: 'SecurityError' }); data.set(k, String(v)); },
            removeItem(k) { if (this.refuse) throw Object.assign(new Error('storage is off'), { name: 'SecurityError' }); data.delete(k); },
            keys() { return [...data.keys()]; },
          };
          const on = (type, fn) => { (listeners[type] ||= []).push(fn); };
          globalThis.window = { localStorage: storage, addEventListener: on };
          globalThis.localStorage = storage;
          globalThis.document = { addEventListener: on, visibilityState: 'visible' };
          globalThis.__fire = (type, event) => { for (const fn of listeners[type] || []) fn(event || {}); };
          globalThis.__otherTab = (key, value) => { if (value === null) data.delete(key); else data.set(key, value); __fire('storage', { key }); };
          let timers = [];
          let next = 1;
          globalThis.setTimeout = (fn, ms) => { const id = next++; timers.push({ id, fn }); return id; };
          globalThis.clearTimeout = (id) => { timers = timers.filter((t) => t.id !== id); };
          globalThis.__runTimers = () => { for (let i = 0; i < 100 && timers.length; i++) { const t = timers.shift(); t.fn(); } };
        })();
        """;
}
