using Microsoft.Playwright;

namespace CqcGuide.Browser.Tests;

/// <summary>Keyboard-only driving: Tab until the focused element matches, then keys.</summary>
public static class Keyboard
{
    /// <param name="predicate">A JavaScript arrow function taking the focused element, e.g. <c>e => e.id === 'x'</c>.</param>
    public static async Task TabTo(IPage page, string predicate, int max = 80, string what = "")
    {
        for (var i = 0; i < max; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>($"(() => {{ const e = document.activeElement; return !!e && ({predicate})(e); }})()")) return;
        }
        throw new Xunit.Sdk.XunitException($"Tab never reached {(what.Length > 0 ? what : predicate)}");
    }

    public static Task TabToLink(IPage page, string text) =>
        TabTo(page, $"e => e.tagName === 'A' && e.textContent.trim().startsWith({System.Text.Json.JsonSerializer.Serialize(text)})", what: $"link '{text}'");

    /// <summary>Tabs into a radio group and selects the option at <paramref name="index"/> with the arrow keys.</summary>
    public static async Task ChooseRadio(IPage page, string name, int index)
    {
        var json = System.Text.Json.JsonSerializer.Serialize(name);
        await TabTo(page, $"e => e.type === 'radio' && e.name === {json}", what: $"radio group {name}");
        // Tabbing into an unchecked group focuses its first radio; Space checks it, arrows move and check.
        await page.Keyboard.PressAsync("Space");
        for (var i = 0; i < index; i++) await page.Keyboard.PressAsync("ArrowDown");
    }
}
