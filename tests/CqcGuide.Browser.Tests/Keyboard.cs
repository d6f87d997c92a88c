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

    /// <summary>Presses Enter on the focused link and waits until the page at <paramref name="urlGlob"/> is ready. On a
    /// busy machine a key press can land while the page is still settling and be dropped (seen once in a full run: no
    /// navigation in 60 s, passing alone): if nothing happened and the link still has focus, Enter is pressed once more;
    /// a second miss fails with what had focus and where the page was.</summary>
    public static async Task FollowLink(IPage page, string urlGlob)
    {
        for (var attempt = 1; ; attempt++)
        {
            await page.Keyboard.PressAsync("Enter");
            try
            {
                await page.WaitForURLAsync(urlGlob, new() { WaitUntil = WaitUntilState.Commit, Timeout = attempt == 1 ? 20_000 : 60_000 });
                break;
            }
            catch (TimeoutException) when (attempt == 1)
            {
                var focused = await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 200) ?? '(nothing)'");
                if (!focused.StartsWith("<a ", StringComparison.Ordinal))
                    throw new Xunit.Sdk.XunitException($"Enter did not reach {urlGlob} from {page.Url}; focus was on {focused}");
            }
        }
        await page.WaitForSelectorAsync("html[data-ready]", new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
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
